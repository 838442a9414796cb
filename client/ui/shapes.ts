import type { NodeKind } from '../../model/nodes.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { RELATIONSHIP_STYLES } from '../graph/relationships.js';
import type { RelationshipType } from '../../model/relationships.js';
import { svg } from './dom.js';

/**
 * Legend swatches: each kind's shape and colour drawn in SVG, as close to
 * Cytoscape's own shapes as a 24-pixel icon needs.
 */

function polygon(n: number, rotate = -Math.PI / 2, r = 10): string {
  return Array.from({ length: n }, (_, i) => {
    const a = rotate + (i * 2 * Math.PI) / n;
    return `${(12 + r * Math.cos(a)).toFixed(1)},${(12 + r * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
}

function star(): string {
  return Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? 11 : 4.6;
    return `${(12 + r * Math.cos(a)).toFixed(1)},${(12 + r * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
}

function shapeElement(shape: string, fill: string, stroke: string): SVGElement {
  const common = { fill, stroke, 'stroke-width': 1.6, 'stroke-linejoin': 'round' };
  switch (shape) {
    case 'ellipse':
      return svg('circle', { cx: 12, cy: 12, r: 9.5, ...common });
    case 'hexagon':
      return svg('polygon', { points: polygon(6, 0), ...common });
    case 'pentagon':
      return svg('polygon', { points: polygon(5), ...common });
    case 'triangle':
      return svg('polygon', { points: '12,2 22,20 2,20', ...common });
    case 'diamond':
      return svg('polygon', { points: '12,1.5 22.5,12 12,22.5 1.5,12', ...common });
    case 'star':
      return svg('polygon', { points: star(), ...common });
    case 'vee':
      return svg('polygon', { points: '2,3 12,9 22,3 12,21', ...common });
    case 'round-tag':
      return svg('path', { d: 'M4 4 H15 L21 12 L15 20 H4 Q2 20 2 18 V6 Q2 4 4 4 Z', ...common });
    case 'barrel':
      return svg('path', { d: 'M5 3 H19 Q22 12 19 21 H5 Q2 12 5 3 Z', ...common });
    case 'concave-hexagon':
      return svg('polygon', { points: '2,4 22,4 18,12 22,20 2,20 6,12', ...common });
    case 'rectangle':
      return svg('rect', { x: 3, y: 4, width: 18, height: 16, ...common });
    case 'round-rectangle':
    default:
      return svg('rect', { x: 2.5, y: 4, width: 19, height: 16, rx: 4, ...common });
  }
}

export function kindSwatch(kind: NodeKind, size = 24): SVGSVGElement {
  const k = KIND_STYLES[kind];
  return svg('svg', { width: size, height: size, viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false', class: 'swatch' }, shapeElement(k.shape, k.colour, k.border));
}

/** The key's swatch for a link curation inferred rather than the document printed: dashed and faint. */
export function inferredSwatch(): SVGSVGElement {
  return svg(
    'svg',
    { width: 40, height: 24, viewBox: '0 0 40 24', 'aria-hidden': 'true', focusable: 'false', class: 'swatch' },
    svg('line', { x1: 2, y1: 12, x2: 38, y2: 12, stroke: '#3b4a5c', 'stroke-width': 2, 'stroke-dasharray': '2 4', 'stroke-linecap': 'round', 'stroke-opacity': 0.6 }),
  );
}

export function edgeSwatch(type: RelationshipType): SVGSVGElement {
  const r = RELATIONSHIP_STYLES[type];
  const dash = r.line === 'dashed' ? '6 4' : r.line === 'dotted' ? '1.5 3.5' : '';
  const children: SVGElement[] = [
    svg('line', { x1: 2, y1: 12, x2: r.arrow === 'triangle' ? 30 : 38, y2: 12, stroke: r.colour, 'stroke-width': Math.max(1.6, r.width), 'stroke-dasharray': dash, 'stroke-linecap': 'round' }),
  ];
  if (r.arrow === 'triangle') children.push(svg('polygon', { points: '29,6 39,12 29,18', fill: r.colour }));
  return svg('svg', { width: 40, height: 24, viewBox: '0 0 40 24', 'aria-hidden': 'true', focusable: 'false', class: 'swatch' }, ...children);
}
