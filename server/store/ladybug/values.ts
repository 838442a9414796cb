import type { LbugValue } from '@ladybugdb/core';
import { DOUBLE_PROPERTY_NAMES } from '../../../model/index.js';
import type { NodeValue, PathValue, RelationshipValue, Value } from '../port.js';

/**
 * Maps LadybugDB's JavaScript values to the port's plain values. Nodes arrive as
 * objects with `_label` and `_id`, relationships with `_src` and `_dst` as well, and
 * recursive relationships (paths) as `_nodes` and `_rels`.
 */

const INTERNAL = new Set(['_id', '_label', '_src', '_dst']);

function propertiesOf(raw: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(raw)) if (!INTERNAL.has(k)) out[k] = fromLadybug(v);
  return out;
}

export function fromLadybug(raw: unknown): Value {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'bigint') {
    if (raw <= BigInt(Number.MAX_SAFE_INTEGER) && raw >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(raw);
    return raw.toString();
  }
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw.toISOString();
  if (Array.isArray(raw)) return raw.map(fromLadybug);
  if (raw instanceof Map) {
    const out: Record<string, Value> = {};
    for (const [k, v] of raw) out[String(k)] = fromLadybug(v);
    return out;
  }
  if (typeof raw === 'object') {
    const obj = raw as Record<string, unknown>;
    if ('_nodes' in obj && '_rels' in obj) {
      const path: PathValue = {
        graph: 'path',
        nodes: (obj._nodes as unknown[]).map((n) => fromLadybug(n) as NodeValue),
        relationships: (obj._rels as unknown[]).map((r) => fromLadybug(r) as RelationshipValue),
      };
      return path;
    }
    if ('_src' in obj && '_dst' in obj && '_label' in obj) {
      return { graph: 'relationship', type: String(obj._label), properties: propertiesOf(obj) };
    }
    if ('_label' in obj && '_id' in obj) {
      return { graph: 'node', label: String(obj._label), properties: propertiesOf(obj) };
    }
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = fromLadybug(v);
    return out;
  }
  return String(raw);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * Parameters as LadybugDB takes them: `undefined` becomes null (it has no such value).
 * In lists of maps (the `$rows` of batch writes) it types each field from the values,
 * and mixes up whole and fractional numbers in one field; DOUBLE properties of the
 * model therefore travel as text and the batch queries CAST them back.
 */
export function toLadybugParams(params: Record<string, unknown>): Record<string, LbugValue> {
  const out: Record<string, LbugValue> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v) && v.some(isPlainObject)) {
      out[k] = v.map((row) => {
        if (!isPlainObject(row)) return row as LbugValue;
        const mapped: Record<string, LbugValue> = {};
        for (const [field, value] of Object.entries(row)) {
          mapped[field] = value === undefined ? null : DOUBLE_PROPERTY_NAMES.has(field) && typeof value === 'number' ? String(value) : (value as LbugValue);
        }
        return mapped;
      });
    } else {
      out[k] = v === undefined ? null : (v as LbugValue);
    }
  }
  return out;
}
