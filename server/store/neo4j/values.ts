import neo4j from 'neo4j-driver';
import { DOUBLE_PROPERTY_NAMES } from '../../../model/index.js';
import type { NodeValue, RelationshipValue, Value } from '../port.js';

/**
 * Value mapping between the port's plain JavaScript and the Neo4j driver's types.
 *
 * Integers: the driver sends a plain JS number as a float, so integral numbers go out
 * as the driver's Integer, except for properties the model declares as DOUBLE, which
 * must stay floats (164000 pounds is a float in both engines). Integers come back as
 * numbers when they fit a double exactly, and as decimal strings when they do not.
 */

/** The label every node also carries in Neo4j (see the Neo4j schema); never shown as a kind. */
export const ANY_NODE_LABEL = 'GTNode';

const DOUBLE_PROPERTIES = DOUBLE_PROPERTY_NAMES;

function toNeo4jValue(value: unknown, keepFloat: boolean): unknown {
  if (value === undefined) return null;
  // Only exact integers become Integers: a whole number beyond 2^53 is already a float in JavaScript.
  if (typeof value === 'number') return Number.isSafeInteger(value) && !keepFloat ? neo4j.int(value) : value;
  if (typeof value === 'bigint') return neo4j.int(value.toString());
  if (Array.isArray(value)) return value.map((v) => toNeo4jValue(v, keepFloat));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4jValue(v, DOUBLE_PROPERTIES.has(k));
    return out;
  }
  return value;
}

export function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = toNeo4jValue(v, DOUBLE_PROPERTIES.has(k));
  return out;
}

function propertiesOf(props: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(props)) out[k] = fromNeo4j(v);
  return out;
}

function nodeOf(node: InstanceType<typeof neo4j.types.Node>): NodeValue {
  const label = node.labels.find((l) => l !== ANY_NODE_LABEL) ?? node.labels[0] ?? '';
  return { graph: 'node', label, properties: propertiesOf(node.properties) };
}

function relationshipOf(rel: InstanceType<typeof neo4j.types.Relationship>): RelationshipValue {
  return { graph: 'relationship', type: rel.type, properties: propertiesOf(rel.properties) };
}

export function fromNeo4j(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    const int = value;
    return int.inSafeRange() ? int.toNumber() : int.toString();
  }
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (neo4j.isNode(value)) return nodeOf(value);
  if (neo4j.isRelationship(value)) return relationshipOf(value);
  if (neo4j.isPath(value)) {
    const path = value as InstanceType<typeof neo4j.types.Path>;
    return {
      graph: 'path',
      nodes: [nodeOf(path.start), ...path.segments.map((s) => nodeOf(s.end))],
      relationships: path.segments.map((s) => relationshipOf(s.relationship)),
    };
  }
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return String(value);
  }
  if (neo4j.isPoint(value)) {
    const p = value as InstanceType<typeof neo4j.types.Point>;
    return { srid: fromNeo4j(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (typeof value === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = fromNeo4j(v);
    return out;
  }
  return String(value);
}

/** A driver record as a plain row. */
export function rowOf(record: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }): Record<string, Value> {
  const row: Record<string, Value> = {};
  for (const key of record.keys) row[String(key)] = fromNeo4j(record.get(key));
  return row;
}
