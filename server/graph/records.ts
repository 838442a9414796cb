import {
  NODE_SCHEMAS,
  flattenProvenance,
  nodePropertyColumns,
  relationshipPropertyColumns,
  unflattenProvenance,
  type NodeInput,
  type NodeKind,
  type RelationshipInput,
  type StoredNode,
} from '../../model/index.js';
import type { NodeValue, Value } from '../store/port.js';

/**
 * Conversions between domain items and the flat columns both engines store.
 * A property left out is stored as null, so a replacement never keeps stale values.
 */

export function nodeParams(node: NodeInput, version: number): Record<string, unknown> {
  const params: Record<string, unknown> = { id: node.id, version, ...flattenProvenance(node.provenance) };
  const props = node.props as Record<string, unknown>;
  for (const col of nodePropertyColumns(node.kind)) params[col.name] = props[col.name] ?? null;
  return params;
}

export function relationshipParams(rel: RelationshipInput, id: string): Record<string, unknown> {
  const params: Record<string, unknown> = { id, from: rel.from, to: rel.to, ...flattenProvenance(rel.provenance) };
  for (const col of relationshipPropertyColumns(rel.type)) params[col.name] = rel.props[col.name] ?? null;
  return params;
}

/** The stored node behind an engine's node value; null properties are left out. */
export function storedNodeOf(value: NodeValue): StoredNode {
  const kind = value.label as NodeKind;
  const raw = value.properties;
  const props: Record<string, Value> = {};
  for (const col of nodePropertyColumns(kind)) {
    const v = raw[col.name];
    if (v !== null && v !== undefined) props[col.name] = v;
  }
  const parsed = NODE_SCHEMAS[kind].parse(props);
  return {
    kind,
    id: String(raw.id),
    props: parsed,
    provenance: unflattenProvenance(raw),
    version: Number(raw.version ?? 0),
  } as StoredNode;
}

/** Whether the stored columns already hold exactly these values (version aside). */
export function sameColumns(stored: Record<string, Value>, params: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(params)) {
    if (k === 'version') continue;
    if (JSON.stringify(stored[k] ?? null) !== JSON.stringify(v ?? null)) return false;
  }
  return true;
}
