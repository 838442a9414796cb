import type { ChangeDiff, NodeElementData, ThreadResponse } from '../../model/index.js';
import { queryDependencies, type Patch } from '../graph/readCache.js';
import { nodeSummaries, summaryFromElementData } from '../graph/summaries.js';
import type { GraphStore } from '../store/port.js';
import { describeThread } from './thread.js';

/**
 * Keeps a golden thread when a change only edits what its nodes show. The thread queries
 * read ids, link bases, roles and lead names; the nodes' labels, references, statuses and
 * dates come from the node summaries. An edit of an action's title or status therefore
 * cannot change which paths the thread has, only how its nodes read: the edited nodes are
 * read again (a handful of ids, not the one to three SERVES hops beneath a national
 * outcome, which at a hundred partnerships' size take hundreds of milliseconds) and the
 * description is written again from them.
 *
 * Dropped instead, to be computed afresh: a change that adds or removes anything (paths
 * and leads may change), that edits a field a thread query reads (a lead's name), or a
 * plan (its short name is in every reference of a thread across plans); and a thread
 * through a milestone, progress update or indicator, whose sentences are built otherwise.
 */

const THREAD_QUERIES = ['thread/up', 'thread/down', 'thread/leads', 'thread/belongs-to'];

const threadFields = (kind: GraphStore['kind']) => new Set(THREAD_QUERIES.flatMap((name) => [...queryDependencies(name, kind).fields]));

export function threadPatch(store: GraphStore): Patch<ThreadResponse> {
  const read = threadFields(store.kind);
  return (thread, diff) => {
    if (!onlyEditsShownFields(diff, read) || thread.belongsTo?.length) return undefined;
    const shown = new Set(thread.elements.nodes.map((n) => n.data.id));
    const edited = diff.nodes.updated.map((u) => u.id).filter((id) => shown.has(id));
    if (!edited.length) return thread;
    return nodeSummaries(store, edited).then((fresh) => rewritten(thread, fresh));
  };
}

function onlyEditsShownFields(diff: ChangeDiff, read: Set<string>): boolean {
  if (diff.nodes.added.length || diff.nodes.removed.length || diff.relationships.added.length || diff.relationships.removed.length) return false;
  return diff.nodes.updated.every((u) => u.kind !== 'Plan' && u.fields.every((f) => !read.has(f.field)));
}

/** The thread with the edited nodes as they now read, and its sentences written again. */
function rewritten(thread: ThreadResponse, fresh: Map<string, NodeElementData>): ThreadResponse {
  const nodes = thread.elements.nodes.map((n) => {
    const data = fresh.get(n.data.id);
    return data ? { ...n, data } : n;
  });
  const summaries = new Map(nodes.map((n) => [n.data.id, summaryFromElementData(n.data)]));
  const origin = summaries.get(thread.origin.id) ?? thread.origin;
  return {
    ...thread,
    origin,
    elements: { ...thread.elements, nodes },
    description: describeThread(origin, thread.direction === 'up', thread.paths, summaries),
  };
}
