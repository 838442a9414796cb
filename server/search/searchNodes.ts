import type { ChangeDiff, SearchParams, SearchResult } from '../../model/index.js';
import { planIndex, summaryOf } from '../graph/summaries.js';
import { readGeneration } from '../graph/readCache.js';
import { isNodeKind } from '../graph/summaries.js';
import type { GraphStore, NodeValue } from '../store/port.js';
import { SearchIndex, type SearchDocument } from './searchIndex.js';

/**
 * /api/search over the in-memory index (searchIndex.ts). The index is built from the
 * store on first use and then kept current: the change pipeline's bus calls
 * `searchIndexChanged` per commit (changePipelineFor, after the read models are brought
 * up to date), and only the nodes the change touched are indexed again, with those whose
 * action or plan it changed (applyChange). A wholesale invalidation of the read caches
 * (readCache.ts) moves the read generation on, and the next search builds the index afresh.
 */

/**
 * Writes by another process on a shared Neo4j are picked up this long after, without
 * making anyone wait. The embedded store belongs to this process alone: its every write
 * moves the read generation on, so its index needs no maximum age.
 */
const MAX_AGE_MS = 30_000;

/** `changes`: how many committed changes were put into this index, so a rebuild started before one is not kept. */
type Held = { generation: number; builtAt: number; index: Promise<SearchIndex>; rebuilding: boolean; changes: number };
const held = new WeakMap<GraphStore, Held>();

/** The whole index, built afresh from the store (on first use; and by tests, to compare the index kept current with). */
export async function buildIndex(store: GraphStore): Promise<SearchIndex> {
  const [nodeRows, parentRows, plans] = await Promise.all([store.read('search/all-nodes'), store.read('search/parents'), planIndex(store)]);
  const parents = new Map(parentRows.map((r) => [String(r.id), String(r.parent)]));
  const docs: SearchDocument[] = [];
  for (const row of nodeRows) {
    const node = row.n as NodeValue;
    // System tables (audit, users, sessions) are not part of the domain and are never searched.
    if (!isNodeKind(node.label)) continue;
    const summary = summaryOf(node, plans);
    docs.push({ summary, props: node.properties, parent: parents.get(summary.id) ?? null });
  }
  return new SearchIndex(docs);
}

function start(store: GraphStore, generation: number): Held {
  const entry: Held = { generation, builtAt: Date.now(), index: buildIndex(store), rebuilding: false, changes: 0 };
  entry.index.catch(() => {
    if (held.get(store) === entry) held.delete(store);
  });
  held.set(store, entry);
  return entry;
}

/** The current index: rebuilt and waited for after a write; past its age, served while a fresh one is built. */
export function searchIndex(store: GraphStore): Promise<SearchIndex> {
  const generation = readGeneration(store);
  const entry = held.get(store);
  if (!entry || entry.generation !== generation) return start(store, generation).index;
  if (store.kind === 'neo4j' && Date.now() - entry.builtAt > MAX_AGE_MS && !entry.rebuilding) {
    entry.rebuilding = true;
    const changesBefore = entry.changes;
    const next = buildIndex(store);
    next.then(
      () => {
        // A change committed while it was built may be missing from it: the held index has it; the next search past the age tries again.
        if (held.get(store) === entry && entry.changes === changesBefore) held.set(store, { generation, builtAt: Date.now(), index: next, rebuilding: false, changes: 0 });
        else entry.rebuilding = false;
      },
      () => (entry.rebuilding = false),
    );
  }
  return entry.index;
}

/** What `searchIndexChanged` did last, for tests: whether the index was updated in place or dropped. */
export const searchIndexUpdates = { applied: 0, dropped: 0 };

/**
 * Called once per committed change (the change bus's `committed` event): the held index
 * takes the change in place (applyChange), queued after any change still being put in,
 * so a search waits for at most the changes before it. Rebuilding the whole index
 * instead took 2.2 s at 10x the seed, paid by the first search after every edit. When
 * putting a change in fails, the index is dropped and the next search builds it afresh.
 */
export function searchIndexChanged(store: GraphStore, diff: ChangeDiff): void {
  const entry = held.get(store);
  if (!entry) return;
  const before = entry.index;
  entry.changes++;
  entry.index = before.then(async (index) => {
    await applyChange(store, index, diff);
    searchIndexUpdates.applied++;
    return index;
  });
  entry.index.catch(() => {
    searchIndexUpdates.dropped++;
    if (held.get(store) === entry) held.delete(store);
  });
}

const CHILD_LINKS = new Set(['HAS_MILESTONE', 'HAS_PROGRESS']);
/** The relationships plan membership follows (cypher/graph/plan-membership.cypher). */
const PLAN_LINKS = new Set(['CONTAINS', 'HAS_MILESTONE', 'HAS_PROGRESS']);

/**
 * Puts one committed change into the index: the nodes it added or updated are read again
 * and replace their documents, the nodes it removed leave; a milestone or progress update
 * linked to or unlinked from an action takes its new parent; and every document whose plan
 * or plan short name the change moved (a CONTAINS link, a plan renamed) takes the new one.
 */
async function applyChange(store: GraphStore, index: SearchIndex, diff: ChangeDiff): Promise<void> {
  const reread = new Set<string>([...diff.nodes.added, ...diff.nodes.updated].map((n) => n.id));
  const parents = new Map<string, string | null>();
  for (const r of diff.relationships.removed) if (CHILD_LINKS.has(r.type) && index.document(r.to)?.parent === r.from) parents.set(r.to, null);
  for (const r of diff.relationships.added) {
    const fromKind = index.document(r.from)?.summary.kind ?? diff.nodes.added.find((n) => n.id === r.from)?.kind;
    if (CHILD_LINKS.has(r.type) && fromKind === 'Action') parents.set(r.to, r.from);
  }
  for (const n of diff.nodes.removed) index.remove(n.id);
  const plans = await planIndex(store);
  const ids = [...new Set([...reread, ...parents.keys()])].filter((id) => !diff.nodes.removed.some((n) => n.id === id));
  const rows = ids.length ? await store.read('graph/nodes-by-id', { ids }) : [];
  for (const row of rows) {
    const node = row.n as NodeValue;
    if (!isNodeKind(node.label)) continue;
    const summary = summaryOf(node, plans);
    const parent = parents.has(summary.id) ? parents.get(summary.id)! : (index.document(summary.id)?.parent ?? null);
    index.put({ summary, props: node.properties, parent });
  }
  // Plan context: plan membership follows CONTAINS and an action's items, short names the Plan nodes; a CONTAINS
  // link can move a whole action's items, so every document is checked (map look-ups, no reads).
  const movesPlans =
    diff.nodes.removed.length > 0 ||
    [...diff.nodes.added, ...diff.nodes.updated].some((n) => n.kind === 'Plan') ||
    [...diff.relationships.added, ...diff.relationships.removed].some((r) => PLAN_LINKS.has(r.type));
  if (!movesPlans) return;
  for (const doc of [...index.documents()]) {
    const { id, kind } = doc.summary;
    const plan = kind === 'Plan' ? id : (plans.planOf.get(id) ?? null);
    const planShort = plan ? (plans.shortName.get(plan) ?? null) : null;
    if (plan !== doc.summary.plan || planShort !== doc.summary.planShort) index.put({ ...doc, summary: { ...doc.summary, plan, planShort } });
  }
}

export async function searchNodes(store: GraphStore, params: SearchParams): Promise<SearchResult[]> {
  const index = await searchIndex(store);
  return index.search(params.q, { kind: params.kind, limit: params.limit });
}
