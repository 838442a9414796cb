import { NODE_KINDS, NODE_SCHEMAS, nodePropertyColumns, relationshipPropertyColumns, unflattenProvenance, type NodeKind, type Provenance, type RelationshipType } from '../../model/index.js';
import type { GraphStore, NodeValue, RelationshipValue, Value } from '../store/port.js';

/**
 * The whole domain graph as plain items, for every export format: nodes with their
 * properties and provenance, relationships with theirs. System tables (audit,
 * users, sessions) are never part of it. Versions are left out: they count edits in
 * one store and would differ in a store the export is loaded into.
 */

export type ExportNode = { kind: NodeKind; id: string; props: Record<string, Value>; provenance: Provenance };
export type ExportRelationship = { type: RelationshipType; from: string; to: string; fromKind: NodeKind; toKind: NodeKind; props: Record<string, Value>; provenance: Provenance };
export type ExportGraph = { nodes: ExportNode[]; relationships: ExportRelationship[] };

const kindOrder = new Map(NODE_KINDS.map((k, i) => [k, i]));

export async function readExportGraph(store: Pick<GraphStore, 'read'>): Promise<ExportGraph> {
  const [nodeRows, relRows] = await Promise.all([store.read('export/all-nodes', { kinds: NODE_KINDS }), store.read('export/all-relationships', { kinds: NODE_KINDS })]);
  const nodes = nodeRows.map((row) => {
    const value = row.n as NodeValue;
    const kind = value.label as NodeKind;
    const raw: Record<string, Value> = {};
    for (const col of nodePropertyColumns(kind)) {
      const v = value.properties[col.name];
      if (v !== null && v !== undefined) raw[col.name] = v;
    }
    return { kind, id: String(value.properties.id), props: NODE_SCHEMAS[kind].parse(raw), provenance: unflattenProvenance(value.properties) };
  });
  const relationships = relRows.map((row) => {
    const value = row.r as RelationshipValue;
    const type = String(row.type) as RelationshipType;
    const props: Record<string, Value> = {};
    for (const col of relationshipPropertyColumns(type)) {
      const v = value.properties[col.name];
      if (v !== null && v !== undefined) props[col.name] = v;
    }
    return {
      type,
      from: String(row.from),
      to: String(row.to),
      fromKind: String(row.fromKind) as NodeKind,
      toKind: String(row.toKind) as NodeKind,
      props,
      provenance: unflattenProvenance(value.properties),
    };
  });
  // Sorted here as well as in the query: both engines must give the same bytes.
  nodes.sort((a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  relationships.sort((a, b) => cmp(a.type, b.type) || cmp(a.from, b.from) || cmp(a.to, b.to));
  return { nodes, relationships };
}
