import type { GapCell, GapColumn } from './api.js';

/**
 * A Cypher result (the console's, or a saved analysis's) as a gap list: the same table,
 * CSV and map highlighting as the ready-made analyses. Pure, so that the server (saved
 * analyses) and the explorer (the console) name nodes the same way: by reference with
 * their plan and by name ("LCJA 2008 · 2.5.7 Ensure the effective..."), never by id.
 * A text cell holding a node's id is named as well, and the node highlighted.
 */

export type NamedNode = { label: string; ref: string | null; planShort?: string | null };
export type NameOf = (id: string) => NamedNode | undefined;
export type ResultAsGap = {
  columns: GapColumn[];
  rows: ({ id: string } & Record<string, GapCell>)[];
  highlight: string[];
  highlightEdges: string[];
};

type Tagged = { graph?: unknown; label?: unknown; type?: unknown; properties?: Record<string, unknown>; nodes?: unknown[]; relationships?: unknown[] };

export function nodeName(n: NamedNode): string {
  const ref = n.ref ? (n.planShort ? `${n.planShort} · ${n.ref}` : n.ref) : null;
  return ref ? `${ref} ${n.label}` : n.label;
}

export function resultAsGap(result: { columns: string[]; rows: Record<string, unknown>[] }, nameOf: NameOf): ResultAsGap {
  const highlight = new Set<string>();
  const edges = new Set<string>();
  let firstNode: string | null = null;

  const nodeText = (id: string, fallback: string): string => {
    highlight.add(id);
    firstNode ??= id;
    const n = nameOf(id);
    return n ? nodeName(n) : fallback;
  };
  const scalar = (v: unknown): string | number | boolean | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'string') return nameOf(v) ? nodeText(v, v) : v;
    const t = v as Tagged;
    if (t.graph === 'node') {
      const id = String(t.properties?.id ?? '');
      const props = t.properties ?? {};
      return id ? nodeText(id, String(props.title ?? props.name ?? t.label ?? 'a node')) : String(t.label ?? 'a node');
    }
    if (t.graph === 'relationship') {
      const id = t.properties?.id;
      if (typeof id === 'string') edges.add(id);
      return String(t.type ?? 'a relationship');
    }
    if (t.graph === 'path') {
      for (const r of t.relationships ?? []) scalar(r);
      return (t.nodes ?? []).map((n) => String(scalar(n))).join(' → ');
    }
    return JSON.stringify(v);
  };
  const cell = (v: unknown): GapCell => (Array.isArray(v) ? v.map((x) => String(scalar(x) ?? '—')) : scalar(v));

  const columns = result.columns.map((title, i) => ({ key: `c${i}`, title }));
  const rows = result.rows.map((row) => {
    firstNode = null;
    const out: Record<string, GapCell> = {};
    result.columns.forEach((name, i) => (out[`c${i}`] = cell(row[name])));
    return { ...out, id: firstNode ?? '' };
  });
  return { columns, rows, highlight: [...highlight], highlightEdges: [...edges] };
}

/** "12 rows, 9 nodes on the map." or "3 rows, no graph items: nothing to show on the map." */
export function resultSummary(r: ResultAsGap, truncated: boolean): string {
  const rows = `${r.rows.length} ${r.rows.length === 1 ? 'row' : 'rows'}${truncated ? ' (cut at the row or size cap)' : ''}`;
  const items = r.highlight.length + r.highlightEdges.length;
  return items
    ? `${rows}; ${r.highlight.length} ${r.highlight.length === 1 ? 'node' : 'nodes'}${r.highlightEdges.length ? ` and ${r.highlightEdges.length} relationships` : ''} on the map.`
    : `${rows}; no nodes or relationships in the result, so nothing to show on the map.`;
}
