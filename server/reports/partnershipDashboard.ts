import type { Period } from '../../model/index.js';
import { planShortNames } from '../graph/planNames.js';
import type { GraphStore } from '../store/port.js';
import { dashboardOf, statesNowAndBefore, statusCounts, type Dashboard, type StatusCount } from './dashboard.js';
import { buildProgressReport, type IndicatorRow } from './reportData.js';
import type { ActionState } from './rollup.js';

/**
 * The partnership's dashboard: every plan's actions together (a board sees the whole
 * partnership, not one document), with a row per plan so the plans compare side by side.
 * Indicators carry the short name of the plan that prints them.
 */

export type PlanSummary = { plan: string; planShort: string; actions: number; overdue: number; updatedThisPeriod: number; statusCounts: StatusCount[] };
export type PartnershipDashboard = Omit<Dashboard, 'indicators'> & { plans: PlanSummary[]; indicators: (IndicatorRow & { planShort: string })[] };

export async function buildPartnershipDashboard(store: GraphStore, period: Period): Promise<PartnershipDashboard> {
  const [plans, names] = await Promise.all([store.read('graph/plan-names'), planShortNames(store)]);
  const planIds = plans.map((p) => String(p.id)).sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'en', { numeric: true }));
  const reports = await Promise.all(planIds.map((id) => buildProgressReport(store, id, period)));
  const idsOf = (i: number) => reports[i]!.groups.flatMap((g) => g.rows.map((r) => r.actionId));
  const indicators = reports.flatMap((r) => r.indicators.map((ind) => ({ ...ind, planShort: names.get(r.plan.id) ?? r.plan.id })));
  const ids = planIds.flatMap((_, i) => idsOf(i));
  // Every action's state is read once, then split by plan: reading them again per plan doubled the time at 10x.
  const states = await statesNowAndBefore(store, ids, period);
  const whole = await dashboardOf(store, ids, null, period, indicators, states);
  const perPlan = planIds.map((plan, i) => {
    const mine = new Set(idsOf(i));
    const pick = (m: Map<string, ActionState>) => new Map([...m].filter(([id]) => mine.has(id)));
    const now = pick(states.now);
    const list = [...now.values()];
    return { plan, planShort: names.get(plan) ?? plan, actions: mine.size, overdue: list.filter((s) => s.overdue).length, updatedThisPeriod: list.filter((s) => s.updatedThisPeriod).length, statusCounts: statusCounts(now, pick(states.before)) };
  });
  return { ...whole, indicators, plans: perPlan };
}
