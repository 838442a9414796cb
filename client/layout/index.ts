import cytoscape from 'cytoscape';
import type { MapEdgeData, MapNodeData } from '../graph/elements.js';
import { KIND_STYLES } from '../graph/kinds.js';
import type { LayoutId } from '../state/types.js';
import { DEFAULT_LAYERED_OPTIONS, layeredPositions, type Position } from './layered.js';

/**
 * The layouts as a registry: each entry is an id, a name for the menu, and a function
 * from elements to positions. The map only ever receives positions (`preset`), so a
 * layout is computed once and cached, never on every load.
 */

export type LayoutInput = { nodes: readonly MapNodeData[]; edges: readonly MapEdgeData[] };
export type LayoutDefinition = {
  id: LayoutId;
  name: string;
  description: string;
  run(input: LayoutInput): Map<string, Position>;
};

export const LAYOUTS: Record<LayoutId, LayoutDefinition> = {
  layered: {
    id: 'layered',
    name: 'Layered',
    description: 'Reads from the bottom up: organisations, actions, local outcomes and priorities, then the national aims, framework outcomes and National Outcomes',
    run: ({ nodes, edges }) =>
      layeredPositions(
        nodes.map((n) => ({ id: n.id, layer: n.layer, group: n.plan, order: n.ref ?? n.label })),
        edges,
        // A handful of nodes (a matrix cell, one plan's thread) reads better with the bands closer.
        nodes.length < 80 ? { ...DEFAULT_LAYERED_OPTIONS, layerGap: 150 } : DEFAULT_LAYERED_OPTIONS,
      ),
  },
  force: {
    id: 'force',
    name: 'Force-directed',
    description: 'Clusters what is linked: organisations near the actions they lead, actions near what they serve',
    run: forcePositions,
  },
};

/**
 * Force-directed positions from Cytoscape's own `cose`, run headless and started
 * from the layered positions, so the result is the same every time for the same graph.
 */
function forcePositions({ nodes, edges }: LayoutInput): Map<string, Position> {
  const start = LAYOUTS.layered.run({ nodes, edges });
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)', label: '' } }],
    elements: {
      nodes: nodes.map((n) => ({ data: { id: n.id, size: KIND_STYLES[n.kind].size }, position: start.get(n.id) ?? { x: 0, y: 0 } })),
      edges: edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } })),
    },
  });
  try {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: false,
      nodeRepulsion: () => 60_000,
      idealEdgeLength: () => 90,
      edgeElasticity: () => 80,
      gravity: 0.6,
      numIter: nodes.length > 3000 ? 300 : 1000,
      nodeDimensionsIncludeLabels: false,
    }).run();
    const out = new Map<string, Position>();
    cy.nodes().forEach((n) => {
      const p = n.position();
      out.set(n.id(), { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 });
    });
    return out;
  } finally {
    cy.destroy();
  }
}
