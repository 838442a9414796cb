import type { ExportGraph, ExportNode, ExportRelationship } from '../export/readGraph.js';
import { shortNames } from '../graph/planNames.js';
import { labelOf as labelOfKind, referenceOf } from '../graph/summaries.js';

/**
 * What changed between two whole graphs (a snapshot and now, or two snapshots): nodes
 * added, removed and changed (each field's before and after, provenance included), and
 * relationships added, removed and changed, matched by type and ends. Pure: the caller
 * reads the graphs. Lists are in id order so that two runs answer the same text.
 * Each node is named as the explorer names it (label, printed reference, its plan's
 * short name), from the graph that holds it: a removed node is in no graph now, and
 * the explorer still has to draw and name it.
 */

export type FieldChange = { field: string; before: unknown; after: unknown };
export type NodeSummary = { id: string; kind: string; label: string; ref: string | null; planShort: string | null };
export type GraphDiff = {
  counts: { nodesAdded: number; nodesRemoved: number; nodesChanged: number; relationshipsAdded: number; relationshipsRemoved: number; relationshipsChanged: number };
  /** Per node kind: added, removed, changed. */
  byKind: Record<string, { added: number; removed: number; changed: number }>;
  nodes: { added: NodeSummary[]; removed: NodeSummary[]; changed: (NodeSummary & { fields: FieldChange[] })[] };
  relationships: {
    added: { type: string; from: string; to: string }[];
    removed: { type: string; from: string; to: string }[];
    changed: { type: string; from: string; to: string; fields: FieldChange[] }[];
  };
};

type Namer = (n: ExportNode) => NodeSummary;

/** Names nodes of one graph: which plan holds each (directly, or through its action or priority) and the plan's short name. */
function namerOf(g: ExportGraph): Namer {
  const kindOf = new Map(g.nodes.map((n) => [n.id, n.kind]));
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
  const names = shortNames(g.nodes.filter((n) => n.kind === 'Plan').map((p) => ({ id: p.id, body: text(p.props.body), period: text(p.props.period), title: text(p.props.title) })));
  const planOf = new Map<string, string>();
  for (const r of g.relationships) if (r.type === 'CONTAINS' && kindOf.get(r.from) === 'Plan') planOf.set(r.to, r.from);
  for (const r of g.relationships) if ((r.type === 'HAS_MILESTONE' || r.type === 'HAS_PROGRESS') && planOf.has(r.from) && !planOf.has(r.to)) planOf.set(r.to, planOf.get(r.from)!);
  return (n) => {
    const plan = n.kind === 'Plan' ? n.id : planOf.get(n.id);
    return { id: n.id, kind: n.kind, label: labelOfKind(n.kind, { id: n.id, ...n.props }), ref: referenceOf(n.kind, n.props), planShort: plan ? (names.get(plan) ?? null) : null };
  };
}
const relKey = (r: ExportRelationship) => `${r.type}|${r.from}|${r.to}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field-by-field differences of two flat records, `prefix` naming where they sit. */
function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields.filter((f) => !same(before[f], after[f])).map((f) => ({ field: prefix + f, before: before[f] ?? null, after: after[f] ?? null }));
}

function changesOf(a: { props: Record<string, unknown>; provenance: object }, b: { props: Record<string, unknown>; provenance: object }): FieldChange[] {
  return [...fieldChanges(a.props, b.props), ...fieldChanges(a.provenance as Record<string, unknown>, b.provenance as Record<string, unknown>, 'provenance.')];
}

export function diffGraphs(before: ExportGraph, after: ExportGraph): GraphDiff {
  const nameBefore = namerOf(before);
  const nameAfter = namerOf(after);
  const was = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  const added = after.nodes.filter((n) => !was.has(n.id)).sort(byId);
  const removed = before.nodes.filter((n) => !now.has(n.id)).sort(byId);
  const changed = after.nodes
    .filter((n) => was.has(n.id))
    .map((n) => ({ node: n, fields: changesOf(was.get(n.id)!, n) }))
    .filter((c) => c.fields.length > 0)
    .sort((x, y) => byId(x.node, y.node));

  const relWas = new Map(before.relationships.map((r) => [relKey(r), r]));
  const relNow = new Map(after.relationships.map((r) => [relKey(r), r]));
  const ends = (r: ExportRelationship) => ({ type: r.type, from: r.from, to: r.to });
  const byKey = (x: ExportRelationship, y: ExportRelationship) => (relKey(x) < relKey(y) ? -1 : relKey(x) > relKey(y) ? 1 : 0);
  const relAdded = after.relationships.filter((r) => !relWas.has(relKey(r))).sort(byKey);
  const relRemoved = before.relationships.filter((r) => !relNow.has(relKey(r))).sort(byKey);
  const relChanged = after.relationships
    .filter((r) => relWas.has(relKey(r)))
    .map((r) => ({ ...ends(r), fields: changesOf(relWas.get(relKey(r))!, r) }))
    .filter((c) => c.fields.length > 0)
    .sort((x, y) => (`${x.type}|${x.from}|${x.to}` < `${y.type}|${y.from}|${y.to}` ? -1 : 1));

  const byKind: GraphDiff['byKind'] = {};
  const tally = (kind: string, what: 'added' | 'removed' | 'changed') => ((byKind[kind] ??= { added: 0, removed: 0, changed: 0 })[what] += 1);
  added.forEach((n) => tally(n.kind, 'added'));
  removed.forEach((n) => tally(n.kind, 'removed'));
  changed.forEach((c) => tally(c.node.kind, 'changed'));

  return {
    counts: {
      nodesAdded: added.length,
      nodesRemoved: removed.length,
      nodesChanged: changed.length,
      relationshipsAdded: relAdded.length,
      relationshipsRemoved: relRemoved.length,
      relationshipsChanged: relChanged.length,
    },
    byKind,
    nodes: { added: added.map(nameAfter), removed: removed.map(nameBefore), changed: changed.map((c) => ({ ...nameAfter(c.node), fields: c.fields })) },
    relationships: { added: relAdded.map(ends), removed: relRemoved.map(ends), changed: relChanged },
  };
}
