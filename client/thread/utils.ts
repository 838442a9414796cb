import type { NodeElementData, ThreadResponse } from '../../model/api.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { neighbourIds, type GraphIndex } from '../graph/index.js';
import { nameOf, truncate } from '../graph/labels.js';
import { naturalCompare } from '../layout/layered.js';

/**
 * Golden thread helpers: the downward thread grouped by lead organisation, and
 * plain-language sentences for screen readers.
 */

export type ThreadGroup = { lead: string | null; leadId: string | null; actions: NodeElementData[] };

/** A national outcome's thread: every action beneath it, grouped by the organisation that leads it. */
export function groupThreadByLead(thread: ThreadResponse, index: GraphIndex): ThreadGroup[] {
  const orgByName = new Map<string, string>();
  for (const n of index.nodes.values()) if (n.kind === 'Organisation') orgByName.set(n.label, n.id);
  const groups = new Map<string, ThreadGroup>();
  for (const p of thread.paths) {
    // The API names the lead; a path's lead may be an organisation id or its name.
    const leadId = p.lead ? (index.nodes.has(p.lead) ? p.lead : (orgByName.get(p.lead) ?? null)) : null;
    const leadName = leadId ? (index.nodes.get(leadId)?.label ?? p.lead) : p.lead;
    const key = leadName ?? '';
    const g = groups.get(key) ?? { lead: leadName, leadId, actions: [] };
    for (const id of p.nodes) {
      const n = index.nodes.get(id);
      if (n && n.kind === 'Action' && !g.actions.some((a) => a.id === id)) g.actions.push(n);
    }
    groups.set(key, g);
  }
  for (const g of groups.values()) g.actions.sort((a, b) => naturalCompare(a.plan ?? '', b.plan ?? '') || naturalCompare(a.ref ?? a.label, b.ref ?? b.label));
  // Named leads first, busiest first; actions nobody leads last.
  return [...groups.values()]
    .filter((g) => g.actions.length > 0)
    .sort((a, b) => (a.lead === null ? 1 : 0) - (b.lead === null ? 1 : 0) || b.actions.length - a.actions.length || naturalCompare(a.lead ?? '', b.lead ?? ''));
}

/** Organisation ids the thread's leads name, for the map to light up. */
export function threadLeadIds(thread: ThreadResponse, index: GraphIndex): string[] {
  return groupThreadByLead(thread, index)
    .map((g) => g.leadId)
    .filter((x): x is string => x !== null);
}

/** "Action 2.5.7", "National Outcome 9", "Outcome O2": capitalised, for headings and the start of sentences. */
export function nodeName(n: Pick<NodeElementData, 'kind' | 'label' | 'ref'>): string {
  const name = nameOf(KIND_STYLES[n.kind].name, n.kind, n.label, n.ref);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** What a screen reader says when the keyboard lands on a node. */
export function describeNode(index: GraphIndex, id: string, visible?: ReadonlySet<string>): string {
  const n = index.nodes.get(id);
  if (!n) return '';
  const links = neighbourIds(index, id).filter((m) => !visible || visible.has(m)).length;
  const status = n.kind === 'Action' && n.status ? ` Status ${n.status}.` : '';
  return `${nodeName(n)}: ${truncate(n.label, 160)}.${status} ${links} linked ${links === 1 ? 'node' : 'nodes'} on the map. Arrow keys move along the links; Enter opens the details; T shows the golden thread.`;
}

/** "Golden thread of Action 2.5.7: 2 paths up to 2 national ends." */
export function threadHeadline(thread: ThreadResponse): string {
  const origin = nodeName(thread.origin);
  if (thread.paths.length === 0) return `${origin} has no golden thread: nothing links it ${thread.direction === 'up' ? 'up to a national outcome, aim or framework outcome' : 'down to an action'}.`;
  if (thread.direction === 'up') {
    const ends = new Set(thread.paths.map((p) => p.nodes[p.nodes.length - 1]));
    return `Golden thread of ${origin}: ${thread.paths.length} ${thread.paths.length === 1 ? 'path' : 'paths'} up to ${ends.size} national ${ends.size === 1 ? 'end' : 'ends'}.${inferredNote(thread)}`;
  }
  const actions = new Set(thread.paths.map((p) => p.nodes[0]));
  return `Golden thread of ${origin}: ${actions.size} ${actions.size === 1 ? 'action' : 'actions'} beneath it.${inferredNote(thread)}`;
}

/** " 1 of them rests on a link curation inferred (dashed)." when any path does; nothing when every link is printed. */
export function inferredNote(thread: ThreadResponse): string {
  const inferred = thread.paths.filter((p) => p.printed === false).length;
  if (inferred === 0) return '';
  return ` ${inferred === thread.paths.length ? (inferred === 1 ? 'It rests' : 'All of them rest') : `${inferred} of them ${inferred === 1 ? 'rests' : 'rest'}`} on a link curation inferred, not printed in the document (drawn dashed).`;
}
