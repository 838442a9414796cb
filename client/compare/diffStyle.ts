import type cytoscape from 'cytoscape';
import { OKABE_ITO } from '../graph/kinds.js';
import { buildStyle } from '../map/style.js';
import type { EdgeMark, NodeMark } from './diffPicture.js';

/**
 * The diff view's stylesheet: the map's own (kinds keep their shapes and colours),
 * then one rule per mark. Each mark differs in border style and width as well as colour
 * (double for new, dashed and faded for dropped, dotted for changed, solid for
 * continued), and its badge is printed in the label, so nothing is told by colour alone.
 * The legend draws its swatches from the same table.
 */

export type MarkLook = { colour: string; border: 'solid' | 'double' | 'dashed' | 'dotted'; width: number; faded?: boolean };

export const NODE_LOOKS: Record<NodeMark, MarkLook> = {
  continued: { colour: OKABE_ITO.blue, border: 'solid', width: 7 },
  added: { colour: '#007a5a', border: 'double', width: 12 },
  removed: { colour: '#b1260b', border: 'dashed', width: 7, faded: true },
  changed: { colour: '#8e3a73', border: 'dotted', width: 9 },
  gained: { colour: '#007a5a', border: 'double', width: 12 },
  lost: { colour: '#b1260b', border: 'dashed', width: 7 },
};

export const EDGE_LOOKS: Record<EdgeMark, MarkLook> = {
  'continued-as': { colour: OKABE_ITO.blue, border: 'dashed', width: 4 },
  added: { colour: '#007a5a', border: 'solid', width: 5 },
  removed: { colour: '#b1260b', border: 'dashed', width: 4 },
  changed: { colour: '#8e3a73', border: 'dotted', width: 5 },
};

export function diffStyle(): cytoscape.StylesheetJson {
  const sheet = buildStyle({ webgl: false, labelScale: 1 });
  sheet.push(
    // The view is framed whole, so labels are set larger than on the map to stay readable at its zoom.
    { selector: 'node', style: { 'font-size': 26, 'text-max-width': '236px' } },
    { selector: 'node[kind = "NationalOutcome"], node[kind = "FrameworkOutcome"], node[kind = "StrategicAim"]', style: { width: 124, height: 124, 'font-size': 30 } },
    { selector: 'node.d-context', style: { opacity: 0.3, 'text-opacity': 0.6, 'font-size': 20 } },
    { selector: 'edge.d-context', style: { opacity: 0.12 } },
  );
  for (const [mark, look] of Object.entries(NODE_LOOKS)) {
    sheet.push({
      selector: `node.d-${mark}`,
      style: {
        'border-color': look.colour,
        'border-width': look.width,
        'border-style': look.border,
        'z-index': 20,
        'font-weight': 700,
        ...(look.faded ? { 'background-opacity': 0.3 } : {}),
      },
    });
  }
  for (const [mark, look] of Object.entries(EDGE_LOOKS)) {
    sheet.push({
      selector: `edge.d-${mark}`,
      style: {
        'line-color': look.colour,
        'target-arrow-color': look.colour,
        width: look.width,
        opacity: 1,
        'line-style': look.border === 'double' ? 'solid' : look.border,
        ...(look.border === 'dashed' ? { 'line-dash-pattern': [10, 6] } : look.border === 'dotted' ? { 'line-dash-pattern': [2, 5] } : {}),
        'z-index': 15,
      },
    });
  }
  sheet.push({
    selector: 'edge[caption]',
    style: {
      label: 'data(caption)',
      'font-size': 24,
      'font-weight': 700,
      color: '#00466e',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '2px',
      'target-arrow-shape': 'triangle',
    },
  });
  return sheet;
}
