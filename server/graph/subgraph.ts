import type { EdgeElementData, GraphElements, GraphParams } from '../../model/index.js';
import type { GraphStore, NodeValue, RelationshipValue } from '../store/port.js';
import { edgeElementData, elementDataFromRow, planIndex } from './summaries.js';
import { threadDown } from '../thread/thread.js';

/**
 * The subgraph behind GET /api/graph. With no filter: the whole graph. Each filter
 * (plan, organisation, outcome) picks its nodes and their neighbourhood `depth` hops
 * out; several filters keep what they have in common; `kind` then keeps those kinds.
 */

async function neighbourhood(store: GraphStore, start: Set<string>, depth: number): Promise<Set<string>> {
  const seen = new Set(start);
  let frontier = [...start];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const [out, inc] = await Promise.all([store.read('graph/relationships-out', { ids: frontier }), store.read('graph/relationships-in', { ids: frontier })]);
    const next: string[] = [];
    for (const r of [...out, ...inc]) {
      const id = String((r.m as NodeValue).properties.id);
      if (!seen.has(id)) {
        seen.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
  return seen;
}

async function filterSets(store: GraphStore, params: GraphParams): Promise<Set<string>[]> {
  const sets: Promise<Set<string>>[] = [];
  if (params.plan) {
    const plan = params.plan;
    sets.push(store.read('graph/plan-membership').then((rows) => neighbourhood(store, new Set([plan, ...rows.filter((r) => r.plan === plan).map((r) => String(r.id))]), params.depth)));
  }
  if (params.organisation) sets.push(neighbourhood(store, new Set([params.organisation]), params.depth));
  if (params.outcome) {
    const outcome = params.outcome;
    sets.push(threadDown(store, outcome).then(({ paths }) => neighbourhood(store, new Set([outcome, ...paths.flatMap((p) => p.nodes)]), Math.max(0, params.depth - 1))));
  }
  return Promise.all(sets);
}

function intersect(sets: Set<string>[]): Set<string> | null {
  if (sets.length === 0) return null;
  return sets.reduce((acc, s) => new Set([...acc].filter((id) => s.has(id))));
}

export async function subgraph(store: GraphStore, params: GraphParams): Promise<GraphElements> {
  const keep = intersect(await filterSets(store, params));
  const [nodeRows, plans] = await Promise.all([keep ? store.read('graph/node-summaries', { ids: [...keep] }) : store.read('graph/all-node-summaries'), planIndex(store)]);
  const kinds = params.kind ? new Set<string>(params.kind) : null;
  const nodes = nodeRows.filter((r) => !kinds || kinds.has(String(r.kind))).map((r) => ({ data: elementDataFromRow(r, plans) }));
  const ids = new Set(nodes.map((n) => n.data.id));
  if (!keep) {
    const rows = await store.read('graph/all-relationships');
    const edges = rows
      .filter((r) => ids.has(String(r.source)) && ids.has(String(r.target)))
      .map((r) => ({
        data: {
          id: String(r.id),
          source: String(r.source),
          target: String(r.target),
          type: String(r.type) as EdgeElementData['type'],
          role: (r.role as string | null) ?? null,
          linkBasis: (r.linkBasis as string | null) ?? null,
        },
      }));
    return { nodes, edges };
  }
  const rows = await store.read('graph/relationships-out', { ids: [...ids] });
  const edges = rows.filter((r) => ids.has(String(r.source)) && ids.has(String(r.target))).map((r) => ({ data: edgeElementData(r.r as RelationshipValue, String(r.source), String(r.target)) }));
  return { nodes, edges };
}
