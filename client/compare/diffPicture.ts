import type { EdgeElementData, NodeElementData } from '../../model/api.js';
import type { NodeKind } from '../../model/nodes.js';
import type { MapEdgeData, MapNodeData } from '../graph/elements.js';
import type { GraphIndex } from '../graph/index.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { shortLabel, truncate } from '../graph/labels.js';
import type { PlanComparison, SnapshotComparison } from './compareApi.js';
import { referenceName } from './names.js';

/**
 * What the diff view draws, derived from a comparison and the graph: the nodes and
 * links involved, each with its mark (continued, new, dropped, changed, coverage gained
 * or lost; added, removed, changed), the context around them drawn faint, and the
 * legend with a count per mark. A mark is told by border style and a badge printed
 * before the label, never by colour alone. What the comparison names but the graph no
 * longer holds (a node removed since a snapshot) is drawn from the comparison itself.
 * Pure: the diff map (diffMap.ts) draws it.
 */

export const NODE_MARKS = ['continued', 'added', 'removed', 'changed', 'gained', 'lost'] as const;
export type NodeMark = (typeof NODE_MARKS)[number];
export const EDGE_MARKS = ['continued-as', 'added', 'removed', 'changed'] as const;
export type EdgeMark = (typeof EDGE_MARKS)[number];

/** The badge printed before a marked node's label: the mark in text, for a reader who cannot tell the colours apart. */
export const BADGES: Record<NodeMark, string> = { continued: '=', added: '+', removed: '−', changed: 'Δ', gained: '▲', lost: '▼' };

export type PictureNode = { data: MapNodeData; mark: NodeMark | null };
export type PictureEdge = { data: MapEdgeData & { caption?: string }; mark: EdgeMark | null };
export type LegendEntry = { what: 'node' | 'edge'; mark: NodeMark | EdgeMark; label: string; count: number };
/** `plans`: when two plans are compared, which is which and the continued pairs, for the layout. */
export type DiffPicture = { title: string; nodes: PictureNode[]; edges: PictureEdge[]; legend: LegendEntry[]; plans?: { earlier: string; later: string; pairs: [string, string][] } };

type Summary = { id: string; kind: string; label: string; ref: string | null; planShort?: string | null };
type Extra = Partial<Omit<NodeElementData, 'id' | 'kind' | 'label' | 'ref' | 'planShort'>>;

function nodeData(n: Summary & Extra, mark: NodeMark | null): MapNodeData {
  const kind = n.kind as NodeKind;
  const base = shortLabel(kind, n.label, n.ref);
  // Two plans are on screen: a reference carries its plan's short name.
  const named = n.planShort && n.ref && kind !== 'Plan' && kind !== 'Organisation' ? (referenceName(n) ?? base) : base;
  const short = mark ? `${BADGES[mark]} ${named}` : named;
  return {
    id: n.id,
    kind,
    label: n.label,
    ref: n.ref,
    plan: n.plan ?? n.planShort ?? null,
    planShort: n.planShort ?? null,
    status: n.status ?? null,
    yearBand: n.yearBand ?? null,
    dueDate: n.dueDate ?? null,
    leadVague: n.leadVague ?? null,
    orgType: n.orgType ?? null,
    short,
    // The diff view names references itself (with the plan when two plans are compared),
    // so the map's own plan-prefix switch has nothing to change here.
    shortAlone: short,
    shortWithPlan: short,
    long: short,
    layer: KIND_STYLES[kind]?.layer ?? 0,
  };
}

const edgeKey = (type: string, from: string, to: string) => `${type}|${from}|${to}`;

/** Collects nodes and edges once each; a mark once given is kept (the first mark wins). */
function collector(index: GraphIndex) {
  const nodes = new Map<string, PictureNode>();
  const edges = new Map<string, PictureEdge>();
  const currentEdges = new Map<string, EdgeElementData>();
  for (const e of index.edges.values()) currentEdges.set(edgeKey(e.type, e.source, e.target), e);
  return {
    nodes,
    edges,
    node(n: Summary | undefined, mark: NodeMark | null) {
      if (!n) return;
      const have = nodes.get(n.id);
      if (have && (have.mark || !mark)) return;
      const current = index.nodes.get(n.id);
      nodes.set(n.id, { data: nodeData(current ?? n, mark), mark });
    },
    edge(type: string, from: string, to: string, mark: EdgeMark | null, caption?: string) {
      const e = currentEdges.get(edgeKey(type, from, to));
      const id = e?.id ?? `diff:${edgeKey(type, from, to)}`;
      if (edges.has(id) && (edges.get(id)!.mark || !mark)) return;
      edges.set(id, { data: { id, source: from, target: to, type: type as EdgeElementData['type'], role: e?.role ?? null, linkBasis: e?.linkBasis ?? null, ...(caption ? { caption } : {}) }, mark });
    },
    /** Every link of the graph between two nodes already drawn, faint. */
    context() {
      for (const e of index.edges.values()) if (nodes.has(e.source) && nodes.has(e.target)) this.edge(e.type, e.source, e.target, null);
    },
    /** The nodes one link away in the graph now, faint. */
    neighbours(id: string, types?: ReadonlySet<string>) {
      for (const e of [...(index.out.get(id) ?? []), ...(index.in.get(id) ?? [])]) {
        if (types && !types.has(e.type)) continue;
        this.node(index.nodes.get(e.source === id ? e.target : e.source), null);
      }
    },
    done(): { nodes: PictureNode[]; edges: PictureEdge[] } {
      // A plan may print one reference twice (the 2010 report numbers its actions afresh under each National
      // Outcome): such labels get their first words too, so no two marked nodes read alike.
      const bare = (n: PictureNode) => (n.mark ? n.data.short.slice(BADGES[n.mark].length + 1) : n.data.short);
      const seen = new Map<string, number>();
      for (const n of nodes.values()) seen.set(bare(n), (seen.get(bare(n)) ?? 0) + 1);
      for (const n of nodes.values()) {
        if (!n.mark || seen.get(bare(n))! < 2) continue;
        const short = `${n.data.short} “${truncate(n.data.label, 22)}”`;
        n.data = { ...n.data, short, long: short };
      }
      // An edge needs both ends on the map; one whose end is known nowhere is left out.
      return { nodes: [...nodes.values()], edges: [...edges.values()].filter((e) => nodes.has(e.data.source) && nodes.has(e.data.target)) };
    },
  };
}

function legendOf(nodes: PictureNode[], edges: PictureEdge[], labels: Partial<Record<NodeMark, string>>, edgeLabels: Partial<Record<EdgeMark, string>>): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const m of NODE_MARKS) if (labels[m]) out.push({ what: 'node', mark: m, label: labels[m], count: nodes.filter((n) => n.mark === m).length });
  for (const m of EDGE_MARKS) if (edgeLabels[m]) out.push({ what: 'edge', mark: m, label: edgeLabels[m], count: edges.filter((e) => e.mark === m).length });
  return out;
}

const LEAD_TYPES = new Set(['LEADS']);

/** Two plans: their actions marked continued, new, dropped or lead changed; "continued as" links with the score; outcomes whose coverage moved. */
export function planPicture(cmp: PlanComparison, index: GraphIndex): DiffPicture {
  const c = collector(index);
  const summary = (id: string) => {
    const n = index.nodes.get(id);
    return n ? { ...n, planShort: n.planShort ?? null } : undefined;
  };
  for (const p of cmp.continued) {
    c.node(summary(p.from), 'continued');
    c.node(summary(p.to), p.leadChanged ? 'changed' : 'continued');
    c.edge('CONTINUES', p.from, p.to, 'continued-as', p.score.toFixed(2));
  }
  for (const d of cmp.dropped) c.node(summary(d.id), 'removed');
  for (const a of cmp.added) c.node(summary(a.id), 'added');
  for (const o of cmp.coverage) if (o.change !== 'same') c.node(summary(o.outcome), o.change);
  // Around each action: who leads it, faint (a lead that changed is then seen moving).
  for (const id of [...c.nodes.keys()]) if (index.nodes.get(id)?.kind === 'Action') c.neighbours(id, LEAD_TYPES);
  c.context();
  const { nodes, edges } = c.done();
  const a = index.nodes.get(cmp.a);
  const b = index.nodes.get(cmp.b);
  return {
    title: `${a?.planShort ?? a?.label ?? 'the first plan'} against ${b?.planShort ?? b?.label ?? 'the second plan'}`,
    nodes,
    edges,
    plans: { earlier: cmp.a, later: cmp.b, pairs: cmp.continued.map((p) => [p.from, p.to] as [string, string]) },
    legend: legendOf(
      nodes,
      edges,
      {
        continued: 'continued (drawn in both plans)',
        added: `new in ${b?.planShort ?? 'the later plan'}`,
        removed: `dropped from ${a?.planShort ?? 'the earlier plan'}`,
        changed: 'continued, lead changed',
        gained: 'outcome gained actions',
        lost: 'outcome lost actions',
      },
      { 'continued-as': 'continued as (score)' },
    ),
  };
}

/** Two graphs (snapshots, or a snapshot and now): nodes and links added, removed and changed, with their neighbours faint. */
export function snapshotPicture(diff: SnapshotComparison, index: GraphIndex): DiffPicture {
  const c = collector(index);
  for (const n of diff.nodes.added) c.node(n, 'added');
  for (const n of diff.nodes.removed) c.node(n, 'removed');
  for (const n of diff.nodes.changed) c.node(n, 'changed');
  for (const r of diff.relationships.added) c.edge(r.type, r.from, r.to, 'added');
  for (const r of diff.relationships.removed) c.edge(r.type, r.from, r.to, 'removed');
  for (const r of diff.relationships.changed) c.edge(r.type, r.from, r.to, 'changed');
  // The ends of a changed link that did not change themselves, and the neighbours of what changed.
  for (const r of [...diff.relationships.added, ...diff.relationships.removed, ...diff.relationships.changed]) for (const id of [r.from, r.to]) c.node(index.nodes.get(id), null);
  for (const n of [...diff.nodes.added, ...diff.nodes.changed, ...diff.nodes.removed]) c.neighbours(n.id);
  c.context();
  const { nodes, edges } = c.done();
  return {
    title: `${diff.from.label} against ${diff.to.label}`,
    nodes,
    edges,
    legend: legendOf(nodes, edges, { added: 'added', removed: 'removed', changed: 'changed' }, { added: 'link added', removed: 'link removed', changed: 'link changed' }),
  };
}
