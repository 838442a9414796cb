import { z } from 'zod';
import { NODE_SCHEMAS, type NodeKind } from './nodes.js';
import { PROVENANCE_COLUMNS } from './provenance.js';
import { RELATIONSHIP_SCHEMAS, type RelationshipType } from './relationships.js';

/**
 * Storage columns derived from the zod schemas, so that the engines' schemas are
 * never written by hand. The JSON Schema view of a zod schema is zod's public,
 * stable way to look inside it.
 */

export const COLUMN_TYPES = ['STRING', 'INT64', 'DOUBLE', 'BOOLEAN', 'STRING[]'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type Column = { name: string; type: ColumnType; required: boolean };

type JsonSchema = { type?: string | string[]; items?: JsonSchema; properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[] };

function columnTypeOf(name: string, schema: JsonSchema): ColumnType {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'string' || (type === undefined && schema.enum?.every((v) => typeof v === 'string'))) return 'STRING';
  if (type === 'integer') return 'INT64';
  if (type === 'number') return 'DOUBLE';
  if (type === 'boolean') return 'BOOLEAN';
  if (type === 'array' && schema.items && columnTypeOf(name, schema.items) === 'STRING') return 'STRING[]';
  throw new Error(`property ${name} has a type no graph engine column can hold (${JSON.stringify(schema)})`);
}

/** The storage columns of any flat zod object schema (domain kinds, relationship props, system tables). */
export function columnsOf(schema: z.ZodType): Column[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    type: columnTypeOf(name, prop),
    required: required.has(name),
  }));
}

/** Columns every node table has, whatever its kind. */
export const NODE_SYSTEM_COLUMNS: Column[] = [
  { name: 'id', type: 'STRING', required: true },
  { name: 'version', type: 'INT64', required: true },
  ...Object.entries(PROVENANCE_COLUMNS).map(([name, type]) => ({ name, type, required: name === 'provSource' })),
];

export const RELATIONSHIP_SYSTEM_COLUMNS: Column[] = [
  { name: 'id', type: 'STRING', required: true },
  ...Object.entries(PROVENANCE_COLUMNS).map(([name, type]) => ({ name, type, required: name === 'provSource' })),
];

const nodeColumnCache = new Map<NodeKind, Column[]>();
export function nodePropertyColumns(kind: NodeKind): Column[] {
  let cols = nodeColumnCache.get(kind);
  if (!cols) {
    cols = columnsOf(NODE_SCHEMAS[kind]);
    nodeColumnCache.set(kind, cols);
  }
  return cols;
}

export function relationshipPropertyColumns(type: RelationshipType): Column[] {
  return columnsOf(RELATIONSHIP_SCHEMAS[type].props);
}

/** Names of the properties the model stores as DOUBLE: adapters keep them floats whatever the value looks like. */
export const DOUBLE_PROPERTY_NAMES: ReadonlySet<string> = new Set(
  [...(Object.keys(NODE_SCHEMAS) as NodeKind[]).flatMap((k) => nodePropertyColumns(k)), ...(Object.keys(RELATIONSHIP_SCHEMAS) as RelationshipType[]).flatMap((t) => relationshipPropertyColumns(t))]
    .filter((c) => c.type === 'DOUBLE')
    .map((c) => c.name),
);
