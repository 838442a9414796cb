import type { Period } from '../../model/index.js';
import { planShortNames } from '../graph/planNames.js';
import type { GraphStore } from '../store/port.js';
import { dashboardOf, statusCounts, type Dashboard, type StatusCount } from './dashboard.js';
import { buildProgressReport, type IndicatorRow } from './reportData.js';
import { actionStates } from './rollup.js';

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
  const whole = await dashboardOf(store, planIds.flatMap((_, i) => idsOf(i)), null, period, indicators);
  const perPlan = await Promise.all(
    planIds.map(async (plan, i) => {
      const ids = idsOf(i);
      const [now, before] = await Promise.all([actionStates(store, ids, period), actionStates(store, ids, whole.previous)]);
      const states = [...now.values()];
      return { plan, planShort: names.get(plan) ?? plan, actions: ids.length, overdue: states.filter((s) => s.overdue).length, updatedThisPeriod: states.filter((s) => s.updatedThisPeriod).length, statusCounts: statusCounts(now, before) };
    }),
  );
  return { ...whole, indicators, plans: perPlan };
}
