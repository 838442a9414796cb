import type { GraphElements, NodeElementData } from '../../model/api.js';
import type { ChangeDiff } from '../../model/changes.js';
import { LABEL_PROPERTY, REFERENCE_PROPERTY } from '../../model/nodes.js';

/**
 * A committed change applied to the graph the map holds, from the change's own diff,
 * so every open explorer redraws at once instead of waiting for the whole graph to be
 * read again: links added and removed, nodes removed, and the fields of updated nodes
 * the map shows. A change it cannot apply exactly (a new node, whose plan name and
 * summary the server makes) answers null, and the explorer reloads the graph. Pure.
 */

/** Node properties the map's element data carries under the same name. */
const SHOWN_FIELDS = ['status', 'yearBand', 'dueDate', 'leadVague', 'orgType'] as const;

export function patchGraph(graph: GraphElements, diff: ChangeDiff): GraphElements | null {
  if (diff.nodes.added.length > 0) return null;
  const removedNodes = new Set(diff.nodes.removed.map((n) => n.id));
  const updates = new Map(diff.nodes.updated.map((u) => [u.id, u]));
  const nodes: GraphElements['nodes'] = [];
  for (const n of graph.nodes) {
    if (removedNodes.has(n.data.id)) continue;
    const u = updates.get(n.data.id);
    if (!u) {
      nodes.push(n);
      continue;
    }
    const data: NodeElementData = { ...n.data };
    for (const f of u.fields) {
      if (f.field === LABEL_PROPERTY[u.kind]) data.label = f.after === null ? data.id : String(f.after);
      else if (f.field === REFERENCE_PROPERTY[u.kind]) {
        // Outcome and aim numbers are shown as "NO9" and "Aim 3": the server's rule, not repeated here.
        if (u.kind !== 'Action' && u.kind !== 'LocalOutcome' && u.kind !== 'Priority') return null;
        data.ref = f.after === null || f.after === '' ? null : String(f.after);
      } else if ((SHOWN_FIELDS as readonly string[]).includes(f.field)) (data as Record<string, unknown>)[f.field] = f.after;
    }
    nodes.push({ data });
  }
  const ids = new Set(nodes.map((n) => n.data.id));
  const removedEdges = new Set(diff.relationships.removed.map((r) => r.id));
  const edges = graph.edges.filter((e) => !removedEdges.has(e.data.id) && ids.has(e.data.source) && ids.has(e.data.target));
  const have = new Set(edges.map((e) => e.data.id));
  for (const r of diff.relationships.added) {
    // A link to a node the map does not hold (filtered out by the server) is left to the reload.
    if (!ids.has(r.from) || !ids.has(r.to)) return null;
    if (have.has(r.id)) continue;
    edges.push({
      data: {
        id: r.id,
        source: r.from,
        target: r.to,
        type: r.type,
        role: typeof r.props.role === 'string' ? r.props.role : null,
        linkBasis: typeof r.props.linkBasis === 'string' ? r.props.linkBasis : null,
      },
    });
  }
  return { nodes, edges };
}

/** The same graph in any order gives the same text: to tell whether a reload brought anything new. */
export function graphSignature(graph: GraphElements): string {
  const nodes = graph.nodes.map((n) => JSON.stringify(n.data, Object.keys(n.data).sort())).sort();
  const edges = graph.edges.map((e) => JSON.stringify(e.data, Object.keys(e.data).sort())).sort();
  return `${nodes.join('\n')}\n--\n${edges.join('\n')}`;
}
