import type cytoscape from 'cytoscape';
import type { Position } from '../layout/layered.js';
import type { LabelLook } from './style.js';

/**
 * Where the map's nodes stand, read off Cytoscape: the box a set of nodes will take at
 * their target positions, labels included (for framing the map before it moves), and
 * every node's current position (for saving an arrangement).
 */

/** The box `eles` will fill at `target`, with room for each node's outer ring and its label. */
export function boxOf(
  eles: cytoscape.NodeCollection,
  target: ReadonlyMap<string, Position>,
  look: (n: cytoscape.NodeSingular) => { outer: number; label: LabelLook },
): { x1: number; y1: number; x2: number; y2: number; w: number; h: number } {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  eles.forEach((n) => {
    const p = target.get(n.id()) ?? n.position();
    const { outer, label } = look(n);
    const r = outer / 2;
    // A label beneath a node can be wider than the node ("L&BCJA 2011 · 5.3 Effective communi…"
    // at the edge of the map): the frame leaves room for half of it each side, estimated as
    // the label pass above does (refreshLabels).
    let half = r + 20;
    if (!label.inside) {
      const natural = String(n.data('short') ?? '').length * label.fontSize * 0.55;
      half = Math.max(half, Math.min(natural, label.textMaxWidth) / 2);
    }
    x1 = Math.min(x1, p.x - half);
    x2 = Math.max(x2, p.x + half);
    y1 = Math.min(y1, p.y - r);
    y2 = Math.max(y2, p.y + r + 30);
  });
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

/** Every node's position now, by id. */
export function positionsOf(cy: cytoscape.Core): Map<string, Position> {
  const out = new Map<string, Position>();
  cy.nodes().forEach((n) => {
    const p = n.position();
    out.set(n.id(), { x: p.x, y: p.y });
  });
  return out;
}
