import type { Period } from '../../model/index.js';
import type { GraphStore } from '../store/port.js';
import { actionStates, type RollupStatus } from './rollup.js';

/**
 * Every action's status "as at" the end of a period, for the map's badges: the status of
 * the latest update dated on or before the period's end (or "no update"), whether that
 * word was printed or read from the narrative, whether the action was overdue then, and
 * whether it had an update within the period.
 */

export type ActionStatusAt = {
  id: string;
  status: RollupStatus;
  statusAsPrinted: string | null;
  basis: 'printed' | 'inferred' | null;
  /** The date the update counts from, as printed or inferred from its period. */
  updated: string | null;
  overdue: boolean;
  updatedThisPeriod: boolean;
};

export async function statusesAt(store: GraphStore, period: Period, plan: string | null): Promise<{ period: Period; plan: string | null; actions: ActionStatusAt[] }> {
  const plans = plan ? [plan] : (await store.read('graph/plan-names')).map((p) => String(p.id));
  const ids = (await Promise.all(plans.map((p) => store.read('reports/plan-actions', { plan: p })))).flat().map((a) => String(a.id));
  const states = await actionStates(store, ids, period);
  const actions = [...states.values()]
    .map((s) => ({
      id: s.id,
      status: s.status,
      statusAsPrinted: s.latest?.statusAsPrinted ?? null,
      basis: s.latest?.statusBasis ?? null,
      updated: s.latest?.date?.date ?? null,
      overdue: s.overdue,
      updatedThisPeriod: s.updatedThisPeriod,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { period, plan, actions };
}
