import type { EdgeElementData, GraphElements, NodeElementData } from '../../model/api.js';
import type { RelationshipType } from '../../model/relationships.js';

/**
 * A read-only index of the loaded graph for the pure state functions (filters,
 * thread descriptions, the table, keyboard navigation): nodes by id and edges by end.
 */

export type GraphIndex = {
  nodes: ReadonlyMap<string, NodeElementData>;
  edges: ReadonlyMap<string, EdgeElementData>;
  /** Edges by source id. */
  out: ReadonlyMap<string, readonly EdgeElementData[]>;
  /** Edges by target id. */
  in: ReadonlyMap<string, readonly EdgeElementData[]>;
};

const NONE: readonly EdgeElementData[] = [];

export function indexGraph(graph: GraphElements): GraphIndex {
  const nodes = new Map<string, NodeElementData>();
  const edges = new Map<string, EdgeElementData>();
  const out = new Map<string, EdgeElementData[]>();
  const inn = new Map<string, EdgeElementData[]>();
  for (const { data } of graph.nodes) nodes.set(data.id, data);
  for (const { data } of graph.edges) {
    if (!nodes.has(data.source) || !nodes.has(data.target)) continue;
    edges.set(data.id, data);
    (out.get(data.source) ?? out.set(data.source, []).get(data.source)!).push(data);
    (inn.get(data.target) ?? inn.set(data.target, []).get(data.target)!).push(data);
  }
  return { nodes, edges, out, in: inn };
}

export function outEdges(index: GraphIndex, id: string, type?: RelationshipType): readonly EdgeElementData[] {
  const all = index.out.get(id) ?? NONE;
  return type ? all.filter((e) => e.type === type) : all;
}

export function inEdges(index: GraphIndex, id: string, type?: RelationshipType): readonly EdgeElementData[] {
  const all = index.in.get(id) ?? NONE;
  return type ? all.filter((e) => e.type === type) : all;
}

/** Everything a node serves, directly or through outcomes and priorities (SERVES followed upwards). */
export function servedClosure(index: GraphIndex, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    for (const e of outEdges(index, cur, 'SERVES')) {
      if (!seen.has(e.target)) {
        seen.add(e.target);
        stack.push(e.target);
      }
    }
  }
  seen.delete(id);
  return seen;
}

/** Everything that serves a node, directly or through the layers beneath it. */
export function servingClosure(index: GraphIndex, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    for (const e of inEdges(index, cur, 'SERVES')) {
      if (!seen.has(e.source)) {
        seen.add(e.source);
        stack.push(e.source);
      }
    }
  }
  seen.delete(id);
  return seen;
}

/** Organisations that lead a node (LEADS in). */
export function leadsOf(index: GraphIndex, id: string): string[] {
  return inEdges(index, id, 'LEADS').map((e) => e.source);
}

/** Neighbours through any edge, either direction, without duplicates. */
export function neighbourIds(index: GraphIndex, id: string): string[] {
  const ids = new Set<string>();
  for (const e of index.out.get(id) ?? NONE) ids.add(e.target);
  for (const e of index.in.get(id) ?? NONE) ids.add(e.source);
  ids.delete(id);
  return [...ids];
}
