import type { ChangeDiff } from '../../model/changes.js';
import type { Actor } from '../../model/roles.js';
import type { FieldIssue } from '../graph/validationError.js';
import { ForbiddenError } from './errors.js';
import type { Reader } from './workingGraph.js';

/**
 * What a partner editor may change: the actions their organisation leads or partners in,
 * and those actions' progress updates and milestones. Links count when their action end
 * is one of those actions (a new lead, a partner, an outcome served, a progress update);
 * nothing else, and no action is created or removed.
 */

const ACTION_LINKS = new Set(['SERVES', 'HAS_PROGRESS', 'HAS_MILESTONE', 'LEADS', 'PARTNERS_IN']);

export async function checkPartnerScope(read: Reader, actor: Actor, diff: ChangeDiff): Promise<void> {
  if (!actor.organisationId) throw new ForbiddenError('a partner editor account must belong to an organisation', [{ field: 'actor', reason: 'has no organisation' }]);
  const allowed = new Set((await read('changes/scope-of-organisation', { org: actor.organisationId })).map((r) => String(r.id)));
  const actionEnd = (r: { type: string; from: string; to: string }) => (r.type === 'LEADS' || r.type === 'PARTNERS_IN' ? r.to : r.from);
  const linksOk = (r: { type: string; from: string; to: string }) => ACTION_LINKS.has(r.type) && allowed.has(actionEnd(r));
  // New progress updates and milestones hang off an allowed action through a link in the same change.
  const newChildren = new Set(diff.relationships.added.filter((r) => (r.type === 'HAS_PROGRESS' || r.type === 'HAS_MILESTONE') && allowed.has(r.from)).map((r) => r.to));
  const refused: FieldIssue[] = [];
  const outside = `is not an action ${actor.organisationId} leads or partners in, nor one of their progress updates`;
  for (const n of diff.nodes.added) if (!newChildren.has(n.id) || (n.kind !== 'ProgressUpdate' && n.kind !== 'Milestone')) refused.push({ field: n.id, reason: outside });
  for (const n of diff.nodes.updated) if (!allowed.has(n.id)) refused.push({ field: n.id, reason: outside });
  for (const n of diff.nodes.removed) if (!allowed.has(n.id) || n.kind === 'Action') refused.push({ field: n.id, reason: n.kind === 'Action' ? 'a partner editor may not remove an action' : outside });
  for (const r of [...diff.relationships.added, ...diff.relationships.removed])
    if (!linksOk(r)) refused.push({ field: r.id, reason: `a link a partner editor of ${actor.organisationId} may not change` });
  if (refused.length) throw new ForbiddenError(`a partner editor of ${actor.organisationId} may change only the actions it leads or partners in, and their progress`, refused);
}
