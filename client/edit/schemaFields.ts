import type { z } from 'zod';

/**
 * The fields of a node kind's form, read from its zod schema (model/nodes.ts), so a
 * field added to the model appears in the form with no change here: its input type
 * (text, long text, list of lines, choice, yes/no, number, date), whether it may be
 * left empty, and the model's own description as the hint. Pure: no DOM.
 */

export type FieldInput = 'text' | 'longText' | 'lines' | 'choice' | 'yesNo' | 'number' | 'integer' | 'date' | 'url';

export type FieldSpec = {
  name: string;
  input: FieldInput;
  required: boolean;
  options: readonly string[];
  hint: string | null;
};

type AnyDef = { type: string; innerType?: z.ZodType; element?: z.ZodType; format?: string | null; entries?: Record<string, string> };
const defOf = (s: z.ZodType) => (s as unknown as { def: AnyDef }).def;

/** Text fields long enough in the documents that a one-line box would hide them. */
const LONG_TEXT = /title|objective|narrative|wording|text|description|overview|purpose|vision|mission|output|localTarget|rationale|evidenceNote|remit/i;

export function fieldsOf(schema: z.ZodObject): FieldSpec[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, outer]) => {
    let s = outer;
    let required = true;
    let hint = outer.description ?? null;
    // optional(), default() and describe() wrap the value's own schema: unwrap to it.
    for (;;) {
      const d = defOf(s);
      if (d.type === 'optional' || d.type === 'default') {
        required = false;
        s = d.innerType!;
        hint ??= s.description ?? null;
      } else break;
    }
    const d = defOf(s);
    const spec = (input: FieldInput, options: readonly string[] = []): FieldSpec => ({ name, input, required, options, hint });
    if (d.type === 'enum') return spec('choice', Object.values(d.entries ?? {}));
    if (d.type === 'boolean') return spec('yesNo');
    if (d.type === 'number') return spec(d.format === 'safeint' || d.format === 'int32' ? 'integer' : 'number');
    if (d.type === 'array') return spec('lines');
    if (d.type === 'string' && d.format === 'date') return spec('date');
    if (d.type === 'string' && d.format === 'url') return spec('url');
    return spec(LONG_TEXT.test(name) ? 'longText' : 'text');
  });
}

/** What a form field holds as the value the schema takes: empty is absent. */
export function valueFromInput(spec: FieldSpec, raw: string | boolean): unknown {
  if (spec.input === 'yesNo') return raw === true;
  const text = String(raw);
  if (spec.input === 'lines') {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    return lines.length > 0 ? lines : undefined;
  }
  // An emptied required text goes to the schema as it is, which names the fault ("must not be empty").
  if (text.trim() === '') return spec.required && (spec.input === 'text' || spec.input === 'longText') ? text : undefined;
  if (spec.input === 'number' || spec.input === 'integer') return Number(text);
  return text;
}

/** The form's starting text for a stored value. */
export function inputFromValue(spec: FieldSpec, value: unknown): string | boolean {
  if (spec.input === 'yesNo') return value === true;
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join('\n');
  return String(value);
}

export type Validation = { ok: true; props: Record<string, unknown> } | { ok: false; errors: Map<string, string> };

/** The whole node as it would be after the edit, checked by the kind's own schema; errors by field. */
export function validateProps(schema: z.ZodObject, props: Record<string, unknown>): Validation {
  const clean = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
  const result = schema.safeParse(clean);
  if (result.success) return { ok: true, props: clean };
  const errors = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!errors.has(field)) errors.set(field, issue.message);
  }
  return { ok: false, errors };
}

/** The partial update the pipeline takes: the fields whose value changed, and the ones emptied. */
export function changesBetween(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly FieldSpec[]): { set: Record<string, unknown>; unset: string[] } {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const f of fields) {
    const was = before[f.name];
    const now = after[f.name];
    if (JSON.stringify(was ?? null) === JSON.stringify(now ?? null)) continue;
    // A yes/no left unticked where nothing was stored is no change.
    if (f.input === 'yesNo' && now === false && (was === undefined || was === null)) continue;
    if (now === undefined) {
      if (was !== undefined && was !== null) unset.push(f.name);
    } else set[f.name] = now;
  }
  return { set, unset };
}
