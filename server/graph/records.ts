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
import { z } from 'zod';
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

export type FlaggedField = { field: string; reason: string };

/**
 * The stored node as it is, with every property the model requires but the store does
 * not hold (or holds wrongly) flagged, for pages that show a node whatever its state.
 * A node stored by an older version or edited by hand must still be shown, not be a 500.
 */
export function storedNodeFlagged(value: NodeValue): { node: StoredNode; flagged: FlaggedField[] } {
  try {
    return { node: storedNodeOf(value), flagged: [] };
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    const kind = value.label as NodeKind;
    const props: Record<string, Value> = {};
    for (const col of nodePropertyColumns(kind)) {
      const v = value.properties[col.name];
      if (v !== null && v !== undefined) props[col.name] = v;
    }
    const flagged = err.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || 'props',
      reason: issue.code === 'invalid_type' && issue.path.length > 0 && props[String(issue.path[0])] === undefined ? 'required, but the store holds no value' : issue.message,
    }));
    let provenance: unknown;
    try {
      provenance = unflattenProvenance(value.properties);
    } catch {
      const raw = value.properties;
      flagged.push({ field: 'provenance', reason: 'the stored provenance is incomplete' });
      provenance = { source: raw.provSource ?? null, file: raw.provFile ?? null, lines: [raw.provLineFrom ?? null, raw.provLineTo ?? null], quote: raw.provQuote ?? null };
    }
    const node = { kind, id: String(value.properties.id), props, provenance, version: Number(value.properties.version ?? 0) } as StoredNode;
    return { node, flagged };
  }
}

/** Whether the stored columns already hold exactly these values (version aside). */
export function sameColumns(stored: Record<string, Value>, params: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(params)) {
    if (k === 'version') continue;
    if (JSON.stringify(stored[k] ?? null) !== JSON.stringify(v ?? null)) return false;
  }
  return true;
}
