import { previousPeriod, type Period } from '../../model/index.js';
import type { GraphStore } from '../store/port.js';
import { buildProgressReport, type IndicatorRow } from './reportData.js';
import { NO_UPDATE, ROLLUP_STATUSES, actionStates, rollUp, type RollupStatus } from './rollup.js';

/**
 * A plan's dashboard for a period: its actions counted by status now and at the end of
 * the previous period (so the change shows), overdue actions and milestones, the outcomes
 * beneath which nothing was updated this period, and its indicators against their targets.
 */

export type Dashboard = {
  plan: string;
  period: Period;
  previous: Period;
  statusCounts: { status: RollupStatus; now: number; before: number; change: number }[];
  overdueActions: { id: string; ref: string; title: string; dueDate: string }[];
  outcomesWithoutProgress: { id: string; label: string; kind: string }[];
  indicators: IndicatorRow[];
  actions: number;
};

export async function buildDashboard(store: GraphStore, planId: string, period: Period): Promise<Dashboard> {
  const report = await buildProgressReport(store, planId, period);
  const ids = report.groups.flatMap((g) => g.rows.map((r) => r.actionId));
  const previous = previousPeriod(period);
  const [now, before, rollup] = await Promise.all([actionStates(store, ids, period), actionStates(store, ids, previous), rollUp(store, period, planId)]);
  const count = (states: typeof now, status: RollupStatus) => [...states.values()].filter((s) => s.status === status).length;
  return {
    plan: planId,
    period,
    previous,
    actions: ids.length,
    statusCounts: ROLLUP_STATUSES.map((status) => {
      const n = count(now, status);
      const b = count(before, status);
      return { status, now: n, before: b, change: n - b };
    }).filter((s) => s.now > 0 || s.before > 0),
    overdueActions: [...now.values()]
      .filter((s) => s.overdue)
      .map((s) => ({ id: s.id, ref: s.ref, title: s.title, dueDate: s.dueDate! }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    outcomesWithoutProgress: rollup.rows
      .filter((r) => r.noUpdateThisPeriod === r.actions)
      .map((r) => ({ id: r.target.id, label: r.target.label, kind: r.target.kind })),
    indicators: report.indicators,
  };
}

export { NO_UPDATE };
