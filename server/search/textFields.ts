import type { z } from 'zod';
import { LABEL_PROPERTY, NODE_KINDS, NODE_SCHEMAS, type NodeKind } from '../../model/index.js';

/**
 * Which properties of each node kind search reads: every text property of the domain
 * model (a string or a list of strings), found by looking at the zod schemas, so that
 * a field added to the model is searchable without a change here. Dates, enums,
 * numbers and flags are not text; `sourceFile` is a file name, not the plan's words.
 */

const NOT_PROSE = new Set(['sourceFile']);

type Def = { type: string; format?: string; innerType?: z.ZodType; element?: z.ZodType };
const defOf = (t: z.ZodType): Def => (t as unknown as { _zod: { def: Def } })._zod.def;

/** 'text' for a string, 'list' for a list of strings, null for anything else. */
function textShape(schema: z.ZodType): 'text' | 'list' | null {
  let def = defOf(schema);
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) def = defOf(def.innerType);
  const list = def.type === 'array' && def.element !== undefined;
  if (list) def = defOf(def.element!);
  return def.type === 'string' && def.format === undefined ? (list ? 'list' : 'text') : null;
}

export type TextField = { kind: NodeKind; field: string; label: string; list: boolean };

/** "localTarget" → "Local target", "keyObjectives" → "Key objectives". */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const TEXT_FIELDS: Record<NodeKind, TextField[]> = Object.fromEntries(
  NODE_KINDS.map((kind) => {
    const shape = (NODE_SCHEMAS[kind] as unknown as { shape: Record<string, z.ZodType> }).shape;
    const fields = Object.entries(shape)
      .filter(([field, schema]) => !NOT_PROSE.has(field) && textShape(schema) !== null)
      .map(([field, schema]) => ({ kind, field, label: fieldLabel(field), list: textShape(schema) === 'list' }))
      // The naming field first: it is the one shown when several match equally.
      .sort((a, b) => Number(b.field === LABEL_PROPERTY[kind]) - Number(a.field === LABEL_PROPERTY[kind]));
    return [kind, fields];
  }),
) as Record<NodeKind, TextField[]>;

/** Every field name any kind searches, for the index's field list. */
export const ALL_TEXT_FIELD_NAMES: string[] = [...new Set(Object.values(TEXT_FIELDS).flatMap((fs) => fs.map((f) => f.field)))];

/** A property's value as one text: lists joined one item a line. */
export function fieldText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) {
    const items = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return items.length ? items.join('\n') : null;
  }
  return null;
}
