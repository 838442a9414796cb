import type { StoredNode } from '../../model/index.js';
import type { GraphStore, NodeValue } from '../store/port.js';
import { storedNodeOf } from './records.js';

/** Reads of single items and totals that every layer needs. */

export type GraphCounts = {
  nodes: number;
  relationships: number;
  nodesByKind: Record<string, number>;
  relationshipsByType: Record<string, number>;
};

export async function getNode(store: GraphStore, id: string): Promise<StoredNode | null> {
  const rows = await store.read('nodes/get-node', { id });
  const node = rows[0]?.n as NodeValue | undefined;
  return node ? storedNodeOf(node) : null;
}

export async function countGraph(store: GraphStore): Promise<GraphCounts> {
  const [nodeRows, relRows] = await Promise.all([store.read('stats/count-nodes'), store.read('stats/count-relationships')]);
  const nodesByKind: Record<string, number> = {};
  for (const r of nodeRows) nodesByKind[String(r.kind)] = Number(r.count);
  const relationshipsByType: Record<string, number> = {};
  for (const r of relRows) relationshipsByType[String(r.type)] = Number(r.count);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return { nodes: sum(nodesByKind), relationships: sum(relationshipsByType), nodesByKind, relationshipsByType };
}
