import type { Period } from '../../model/index.js';
import { planShortNames } from '../graph/planNames.js';
import type { GraphStore, Row } from '../store/port.js';
import { dashboardOf, statesNowAndBefore, statusCounts, type Dashboard, type StatusCount } from './dashboard.js';
import { indicatorRows, type IndicatorRow } from './reportData.js';
import type { ActionState } from './rollup.js';
import { byNumbers } from '../graph/byNumbers.js';

/**
 * The partnership's dashboard: every plan's actions together (a board sees the whole
 * partnership, not one document), with a row per plan so the plans compare side by side.
 * Indicators carry the short name of the plan that prints them.
 *
 * It reads what it shows and nothing more: every plan's action ids and indicators in one
 * query each, every action's state now and before in one more. It once built each plan's
 * full report to get those ids, which took about 4 s at 10x the seed (npm run bench).
 */

export type PlanSummary = { plan: string; planShort: string; actions: number; overdue: number; updatedThisPeriod: number; statusCounts: StatusCount[] };
export type PartnershipDashboard = Omit<Dashboard, 'indicators'> & { plans: PlanSummary[]; indicators: (IndicatorRow & { planShort: string })[] };

function byPlan(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const plan = String(r.plan);
    const list = out.get(plan);
    if (list) list.push(r);
    else out.set(plan, [r]);
  }
  return out;
}

export async function buildPartnershipDashboard(store: GraphStore, period: Period): Promise<PartnershipDashboard> {
  const [plans, names, actionRows, indicatorRowsOfAll] = await Promise.all([
    store.read('graph/plan-names'),
    planShortNames(store),
    store.read('reports/partnership-actions'),
    store.read('reports/partnership-indicators'),
  ]);
  const shortName = (id: string) => names.get(id) ?? id;
  const planIds = plans.map((p) => String(p.id)).sort((a, b) => byNumbers(shortName(a), shortName(b)));
  const actionsOf = byPlan(actionRows);
  const indicatorsOf = byPlan(indicatorRowsOfAll);
  const idsOf = (plan: string) => (actionsOf.get(plan) ?? []).map((r) => String(r.id));
  const indicators = planIds.flatMap((plan) => indicatorRows(indicatorsOf.get(plan) ?? []).map((ind) => ({ ...ind, planShort: shortName(plan) })));
  const ids = planIds.flatMap(idsOf);
  // Every action's state is read once, then split by plan: reading them again per plan doubled the time at 10x.
  const states = await statesNowAndBefore(store, ids, period);
  const whole = await dashboardOf(store, ids, null, period, indicators, states);
  const perPlan = planIds.map((plan) => {
    const mine = new Set(idsOf(plan));
    const pick = (m: Map<string, ActionState>) => new Map([...m].filter(([id]) => mine.has(id)));
    const now = pick(states.now);
    const list = [...now.values()];
    return { plan, planShort: shortName(plan), actions: mine.size, overdue: list.filter((s) => s.overdue).length, updatedThisPeriod: list.filter((s) => s.updatedThisPeriod).length, statusCounts: statusCounts(now, pick(states.before)) };
  });
  return { ...whole, indicators, plans: perPlan };
}
