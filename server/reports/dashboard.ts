import { previousPeriod, type Period } from '../../model/index.js';
import type { GraphStore } from '../store/port.js';
import { overdueMilestones, type OverdueMilestone } from './overdueMilestones.js';
import { indicatorRows, type IndicatorRow } from './reportData.js';
import { NO_UPDATE, ROLLUP_STATUSES, actionStatesAt, rollUp, type ActionState, type RollupStatus } from './rollup.js';

/**
 * A plan's dashboard for a period: its actions counted by status now and at the end of
 * the previous period (so the change shows), overdue actions and milestones, the outcomes
 * beneath which nothing was updated this period, and its indicators against their targets.
 * The partnership's dashboard (partnershipDashboard.ts) is the same over every plan.
 */

export type StatusCount = { status: RollupStatus; now: number; before: number; change: number };

export type Dashboard = {
  /** A plan id, or 'partnership' for every plan together. */
  plan: string;
  period: Period;
  previous: Period;
  statusCounts: StatusCount[];
  overdueActions: { id: string; plan: string; ref: string; title: string; dueDate: string }[];
  overdueMilestones: OverdueMilestone[];
  outcomesWithoutProgress: { id: string; label: string; kind: string }[];
  indicators: IndicatorRow[];
  actions: number;
};

/** Counts by status now against before; statuses that neither period has are left out. */
export function statusCounts(now: ReadonlyMap<string, ActionState>, before: ReadonlyMap<string, ActionState>): StatusCount[] {
  const count = (states: ReadonlyMap<string, ActionState>, status: RollupStatus) => [...states.values()].filter((s) => s.status === status).length;
  return ROLLUP_STATUSES.map((status) => {
    const n = count(now, status);
    const b = count(before, status);
    return { status, now: n, before: b, change: n - b };
  }).filter((s) => s.now > 0 || s.before > 0);
}

/** Everything a dashboard shows for a set of actions (one plan's, or every plan's when `plan` is null). */
export type StatesNowAndBefore = { now: Map<string, ActionState>; before: Map<string, ActionState> };

/** Each action's state at the end of the period and of the one before, from one read. */
export async function statesNowAndBefore(store: GraphStore, ids: string[], period: Period): Promise<StatesNowAndBefore> {
  const [now, before] = await actionStatesAt(store, ids, [period, previousPeriod(period)]);
  return { now: now!, before: before! };
}

/** `states`, when the caller has them already (the partnership's dashboard splits them by plan). */
export async function dashboardOf(store: GraphStore, ids: string[], plan: string | null, period: Period, indicators: IndicatorRow[], states?: StatesNowAndBefore): Promise<Dashboard> {
  const previous = previousPeriod(period);
  const { now, before } = states ?? (await statesNowAndBefore(store, ids, period));
  // The roll-up counts the same actions at the same period: it takes the states read here instead of reading them again.
  const [rollup, milestones] = await Promise.all([rollUp(store, period, plan, now), overdueMilestones(store, now, period)]);
  return {
    plan: plan ?? 'partnership',
    period,
    previous,
    actions: ids.length,
    statusCounts: statusCounts(now, before),
    overdueActions: [...now.values()]
      .filter((s) => s.overdue)
      .map((s) => ({ id: s.id, plan: s.plan, ref: s.ref, title: s.title, dueDate: s.dueDate! }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id)),
    overdueMilestones: milestones,
    outcomesWithoutProgress: rollup.rows
      .filter((r) => r.noUpdateThisPeriod === r.actions)
      .map((r) => ({ id: r.target.id, label: r.target.label, kind: r.target.kind })),
    indicators,
  };
}

/** Reads only what a dashboard shows: the plan's action ids and its indicators, not the whole report. */
export async function buildDashboard(store: GraphStore, planId: string, period: Period): Promise<Dashboard> {
  const [actions, indicators] = await Promise.all([store.read('reports/plan-actions', { plan: planId }), store.read('reports/plan-indicators', { plan: planId })]);
  return dashboardOf(store, actions.map((a) => String(a.id)), planId, period, indicatorRows(indicators));
}

export { NO_UPDATE };
