import type { SearchParams, SearchResult } from '../../model/index.js';
import { planIndex, summaryOf } from '../graph/summaries.js';
import { readGeneration } from '../graph/readCache.js';
import { isNodeKind } from '../graph/summaries.js';
import type { GraphStore, NodeValue } from '../store/port.js';
import { SearchIndex, type SearchDocument } from './searchIndex.js';

/**
 * /api/search over the in-memory index (searchIndex.ts). The index is built from the
 * store on first use and rebuilt after every committed change: the change pipeline's bus
 * calls `searchIndexChanged` per commit (changePipelineFor, after the read models are
 * brought up to date), and the next search builds and waits for a fresh index. A wholesale
 * invalidation of the read caches (readCache.ts) moves the read generation on, which
 * does the same. Today the whole index is rebuilt (about a second at 10x the seed),
 * where a later version could replace just the changed nodes.
 */

/**
 * Writes by another process on a shared Neo4j are picked up this long after, without
 * making anyone wait. The embedded store belongs to this process alone: its every write
 * moves the read generation on, so its index needs no maximum age.
 */
const MAX_AGE_MS = 30_000;

type Held = { generation: number; builtAt: number; index: Promise<SearchIndex>; rebuilding: boolean };
const held = new WeakMap<GraphStore, Held>();

async function buildIndex(store: GraphStore): Promise<SearchIndex> {
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
  const entry: Held = { generation, builtAt: Date.now(), index: buildIndex(store), rebuilding: false };
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
    const next = buildIndex(store);
    next.then(
      () => {
        if (held.get(store) === entry) held.set(store, { generation, builtAt: Date.now(), index: next, rebuilding: false });
      },
      () => (entry.rebuilding = false),
    );
  }
  return entry.index;
}

/**
 * Called once per committed change (the change bus's `committed` event): the index is
 * dropped, and the next search builds it afresh, so it finds the change. Not rebuilt at
 * once: the rebuild reads every node and indexes it in this process (2.5 s at 10x the
 * seed), and started on every commit it held up every read and the next edit behind it
 * (the after-edit benchmark: threads and gap lists 1.1-2.4 s after an edit, edits
 * 1.5 s). Only a search now waits for it. The diff is not needed yet; it is taken so that
 * an incremental update (replacing just the changed nodes) can come without a new call.
 */
export function searchIndexChanged(store: GraphStore, _diff?: unknown): void {
  held.delete(store);
}

export async function searchNodes(store: GraphStore, params: SearchParams): Promise<SearchResult[]> {
  const index = await searchIndex(store);
  return index.search(params.q, { kind: params.kind, limit: params.limit });
}
