import type { EdgeElementData, GraphElements, NodeElementData } from '../../model/api.js';
import { KIND_STYLES } from './kinds.js';
import { longLabel, shortLabel, shortLabelWithPlan } from './labels.js';

/**
 * The one function that turns the API's graph into Cytoscape elements. It adds only
 * derived display text (short and long labels); view state such as selection,
 * dimming and highlighting lives in classes, never in the data.
 */

/**
 * `short` is what the map prints: `shortAlone` ("2.2.1"), or `shortWithPlan` ("LCJA 2008 ·
 * 2.2.1") while more than one plan is on the map (map/index.ts swaps them).
 */
export type MapNodeData = NodeElementData & { short: string; shortAlone: string; shortWithPlan: string | null; long: string; layer: number };
export type MapEdgeData = EdgeElementData;
export type MapElements = { nodes: { data: MapNodeData; position?: { x: number; y: number } }[]; edges: { data: MapEdgeData }[] };

export function toMapElements(graph: GraphElements): MapElements {
  const ids = new Set<string>();
  const nodes = graph.nodes.map(({ data }) => {
    ids.add(data.id);
    return {
      data: {
        ...data,
        short: shortLabel(data.kind, data.label, data.ref),
        shortAlone: shortLabel(data.kind, data.label, data.ref),
        shortWithPlan: shortLabelWithPlan(data.kind, data.label, data.ref, data.planShort),
        long: longLabel(data.kind, data.label, data.ref),
        layer: KIND_STYLES[data.kind].layer,
      },
    };
  });
  // An edge whose end is missing would make Cytoscape throw; the API should never send one.
  const edges = graph.edges.filter(({ data }) => ids.has(data.source) && ids.has(data.target)).map(({ data }) => ({ data: { ...data } }));
  return { nodes, edges };
}

/** Merges extra elements (a thread, a gap) into a graph without duplicates. */
export function mergeElements(base: GraphElements, extra: GraphElements): GraphElements {
  const nodeIds = new Set(base.nodes.map((n) => n.data.id));
  const edgeIds = new Set(base.edges.map((e) => e.data.id));
  return {
    nodes: [...base.nodes, ...extra.nodes.filter((n) => !nodeIds.has(n.data.id))],
    edges: [...base.edges, ...extra.edges.filter((e) => !edgeIds.has(e.data.id))],
  };
}
