import type { ChangeDiff } from '../../model/index.js';
import { queries } from '../cypher/registry.js';
import type { GraphStore, Params, Row, Value } from '../store/port.js';
import { cached } from './readCache.js';

/**
 * The rows of a named query kept as a read model, patched rather than dropped when a
 * change only edits what the rows show. A gap list's query filters on some fields and
 * shows others (an action's timescale in the actions-without-lead list): an edit of a
 * shown field cannot move a row in or out, so the rows of the edited node take the new
 * value and the query, the dear part of the list (the NOT EXISTS over up to three SERVES
 * hops), is not run again. Anything else the query read (a filtered field, a relationship,
 * a node added or removed) drops the rows as before (readCache.ts).
 *
 * Which fields are only shown is read from the query text the engine runs, so LadybugDB
 * and Neo4j are treated alike: a field is patchable when every mention of it in the text
 * is an item `v.field AS column` of the final RETURN, where `v` is the node whose
 * `v.id AS id` identifies the row. Texts with UNION, DISTINCT, ORDER BY, SKIP or LIMIT
 * after that RETURN, or no id column, are never patched (a shown field could decide a
 * row's place or presence there).
 *
 * A query that filters on its row node's own fields alone (the actions with no timescale,
 * due date or year band) can still be kept when one of those fields is edited: a query
 * named `<name>-of` beside it gives its rows for the nodes named in `$ids`, and the rows
 * of the edited nodes are read again through it and replace theirs. Rows so patched come
 * last, so only texts without ORDER BY, SKIP or LIMIT are kept this way (callers sort).
 * That the two texts select alike is checked on the seed by test/gaps/rowsOf.spec.ts.
 */

/** Field name → the columns that show it, for the row's own node. */
type Shown = Map<string, string[]>;

const shownByText = new Map<string, Shown | null>();

const stripComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');

/** The fields a query only shows, with their columns; null when its rows cannot be patched. */
export function shownFields(text: string): Shown | null {
  const known = shownByText.get(text);
  if (known !== undefined) return known;
  const shown = parseShown(stripComments(text));
  shownByText.set(text, shown);
  return shown;
}

function parseShown(text: string): Shown | null {
  if (/\bUNION\b/i.test(text)) return null;
  const returns = [...text.matchAll(/\bRETURN\b/gi)];
  if (returns.length !== 1) return null;
  const tail = text.slice(returns[0]!.index + 'RETURN'.length);
  if (/\b(DISTINCT|ORDER|SKIP|LIMIT)\b/i.test(tail)) return null;
  const items = tail.split(',').map((item) => /^\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s+AS\s+([A-Za-z_]\w*)\s*;?\s*$/i.exec(item));
  const idVar = items.find((m) => m && m[2] === 'id' && m[3] === 'id')?.[1];
  if (!idVar) return null;
  const own = new Map<string, string[]>();
  for (const m of items) if (m && m[1] === idVar && m[2] !== 'id') own.set(m[2]!, [...(own.get(m[2]!) ?? []), m[3]!]);
  const shown: Shown = new Map();
  for (const [field, columns] of own) {
    // Every mention of `.field` in the whole text is one of these items: it is shown and nothing else.
    const mentions = [...text.matchAll(new RegExp(`\\.${field}\\b`, 'g'))].length;
    if (mentions === columns.length) shown.set(field, columns);
  }
  return shown;
}

/** The rows with the change's edits of shown fields written in, or undefined when the change does more than that. */
export function patchRows(rows: Row[], diff: ChangeDiff, shown: Shown | null, readFields: Set<string>): Row[] | undefined {
  // The caller (readCache) patches only what the change affects; adding or removing anything can move rows.
  if (!shown || diff.nodes.added.length || diff.nodes.removed.length || diff.relationships.added.length || diff.relationships.removed.length) return undefined;
  const edits = new Map<string, Map<string, Value>>();
  for (const u of diff.nodes.updated) {
    for (const f of u.fields) {
      if (!readFields.has(f.field)) continue;
      const columns = shown.get(f.field);
      if (!columns) return undefined;
      const row = edits.get(u.id) ?? new Map<string, Value>();
      for (const c of columns) row.set(c, f.after);
      edits.set(u.id, row);
    }
  }
  return rows.map((r) => {
    const edit = edits.get(String(r.id));
    return edit ? { ...r, ...Object.fromEntries(edit) } : r;
  });
}

/**
 * The ids of the nodes whose rows a change of node fields alone may have moved in or out, or
 * undefined when the change does more (adds or removes anything), so that reading those
 * rows again would not be enough.
 */
export function rowsToReread(diff: ChangeDiff, readFields: Set<string>): string[] | undefined {
  if (diff.nodes.added.length || diff.nodes.removed.length || diff.relationships.added.length || diff.relationships.removed.length) return undefined;
  return diff.nodes.updated.filter((u) => u.fields.some((f) => readFields.has(f.field))).map((u) => u.id);
}

/** The rows with those of `ids` replaced by `fresh` (their rows as they now are, maybe none). */
export function replaceRows(rows: Row[], ids: string[], fresh: Row[]): Row[] {
  const edited = new Set(ids);
  return [...rows.filter((r) => !edited.has(String(r.id))), ...fresh];
}

/** The rows of the named query for these parameters, from the read cache, patched by edits of the fields they only show. */
export function cachedRows(store: GraphStore, name: string, params: Params = {}): Promise<Row[]> {
  const engine = store.kind === 'neo4j' ? 'neo4j' : 'ladybug';
  const text = queries().text(name, engine);
  const shown = shownFields(text);
  const readFields = new Set([...stripComments(text).matchAll(/\.([A-Za-z_]\w*)/g)].map((m) => m[1]!));
  const rowsOf = `${name}-of`;
  const rereadable = queries().has(rowsOf) && !/\b(ORDER|SKIP|LIMIT)\b/i.test(stripComments(text));
  return cached(store, `rows:${name}:${JSON.stringify(params)}`, (reading) => reading.read(name, params), {
    patch: (rows, diff) => {
      const patched = patchRows(rows, diff, shown, readFields);
      if (patched || !rereadable) return patched;
      const ids = rowsToReread(diff, readFields);
      if (!ids) return undefined;
      if (!ids.length) return rows;
      return store.read(rowsOf, { ...params, ids }).then((fresh) => replaceRows(rows, ids, fresh));
    },
  });
}
