import type { Period, Status } from '../../model/index.js';
import type { GraphStore } from '../store/port.js';
import { isFinished } from './reportData.js';
import { NO_UPDATE, type ActionState } from './rollup.js';

/**
 * Milestones overdue at the end of a period: due before the period ended, not finished by
 * their own status, and under an action whose status at that time was not finished either.
 * The same rule as the gap analysis "overdue milestones", but read "as at" the period, so a
 * dashboard for an old quarter shows what was overdue then, not what is overdue today.
 */

export type OverdueMilestone = { id: string; actionId: string; actionRef: string; plan: string; text: string; dueDate: string };

export async function overdueMilestones(store: GraphStore, states: ReadonlyMap<string, ActionState>, period: Period): Promise<OverdueMilestone[]> {
  if (!states.size) return [];
  const rows = await store.read('reports/milestones-of', { ids: [...states.keys()] });
  const out: OverdueMilestone[] = [];
  for (const m of rows) {
    const action = states.get(String(m.action));
    const due = typeof m.dueDate === 'string' ? m.dueDate : null;
    if (!action || !due || due >= period.end) continue;
    if (isFinished(typeof m.status === 'string' ? (m.status as Status) : null)) continue;
    if (isFinished(action.status === NO_UPDATE ? null : action.status)) continue;
    out.push({ id: String(m.id), actionId: action.id, actionRef: action.ref, plan: action.plan, text: String(m.text), dueDate: due });
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}
