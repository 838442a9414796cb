import type { NodeKind } from '../../model/nodes.js';
import type cytoscape from 'cytoscape';

type NodeShape = cytoscape.Css.NodeShape;

/**
 * How each node kind looks and where it sits: the legend, the stylesheet and the
 * layered layout are all derived from this one table.
 *
 * Colours are the Okabe-Ito palette (safe for the common colour-vision deficiencies);
 * since thirteen kinds share eight colours, the shape carries the meaning too.
 */

export type KindStyle = {
  /** Singular name as the legend and screen readers say it. */
  name: string;
  plural: string;
  colour: string;
  /** Border colour: dark enough to outline light fills on a white map (3:1 against the background). */
  border: string;
  shape: NodeShape;
  /** Diameter in model units at zoom 1. */
  size: number;
  /**
   * Band of the layered layout, counted from the bottom: who acts, what they do,
   * what it is for locally, then the national frameworks on top.
   */
  layer: number;
  /** Shown on a fresh map; the rest are one click away in the legend. */
  shownByDefault: boolean;
  /** Label size in model units at label scale 1: the national frameworks must read in the overview. */
  fontSize: number;
  /** Short labels printed inside the shape (with this text colour, AA on the fill) rather than below it. */
  inside?: string;
};

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
  grey: '#999999',
} as const;

/** Band names as the map prints them down its left edge, bottom band first. */
export const LAYER_NAMES = ['Organisations and resources', 'Actions', 'Local outcomes and priorities', 'National strategic aims', 'NSMO framework outcomes', 'National Outcomes'] as const;

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  NationalOutcome: {
    name: 'National Outcome',
    plural: 'National Outcomes',
    colour: OKABE_ITO.blue,
    border: '#00466e',
    shape: 'hexagon',
    size: 96,
    layer: 5,
    shownByDefault: true,
    fontSize: 30,
    inside: '#ffffff',
  },
  FrameworkOutcome: {
    name: 'Framework outcome',
    plural: 'Framework outcomes',
    colour: OKABE_ITO.bluishGreen,
    border: '#005c43',
    shape: 'diamond',
    size: 80,
    layer: 4,
    shownByDefault: true,
    fontSize: 28,
    inside: '#000000',
  },
  StrategicAim: {
    name: 'National strategic aim',
    plural: 'National strategic aims',
    colour: OKABE_ITO.reddishPurple,
    border: '#8a3f69',
    shape: 'star',
    size: 104,
    layer: 3,
    shownByDefault: true,
    fontSize: 30,
  },
  LocalOutcome: { name: 'Local outcome', plural: 'Local outcomes', colour: OKABE_ITO.skyBlue, border: '#1f6f9c', shape: 'round-rectangle', size: 48, layer: 2, shownByDefault: true, fontSize: 19 },
  Priority: { name: 'Priority', plural: 'Priorities', colour: OKABE_ITO.yellow, border: '#7a7200', shape: 'round-tag', size: 48, layer: 2, shownByDefault: true, fontSize: 19 },
  Indicator: { name: 'Indicator', plural: 'Indicators', colour: '#b3e3d5', border: OKABE_ITO.bluishGreen, shape: 'pentagon', size: 34, layer: 2, shownByDefault: true, fontSize: 16 },
  Action: { name: 'Action', plural: 'Actions', colour: OKABE_ITO.orange, border: '#8a5f00', shape: 'ellipse', size: 36, layer: 1, shownByDefault: true, fontSize: 18 },
  Milestone: { name: 'Milestone', plural: 'Milestones', colour: '#f5d699', border: '#8a5f00', shape: 'vee', size: 24, layer: 1, shownByDefault: false, fontSize: 14 },
  ProgressUpdate: { name: 'Progress update', plural: 'Progress updates', colour: '#dddddd', border: '#666666', shape: 'round-rectangle', size: 22, layer: 1, shownByDefault: false, fontSize: 14 },
  Organisation: { name: 'Organisation', plural: 'Organisations', colour: OKABE_ITO.vermillion, border: '#7f3800', shape: 'triangle', size: 40, layer: 0, shownByDefault: true, fontSize: 18 },
  Plan: { name: 'Plan', plural: 'Plans', colour: '#333333', border: OKABE_ITO.black, shape: 'rectangle', size: 50, layer: 0, shownByDefault: false, fontSize: 18 },
  Event: { name: 'Event', plural: 'Events', colour: '#ead0df', border: '#8a3f69', shape: 'concave-hexagon', size: 32, layer: 0, shownByDefault: true, fontSize: 16 },
  Funding: { name: 'Funding', plural: 'Funding', colour: '#f8f2a6', border: '#7a7200', shape: 'barrel', size: 32, layer: 0, shownByDefault: true, fontSize: 16 },
  Programme: { name: 'Programme', plural: 'Programmes', colour: '#d9c2f0', border: '#5b3a8a', shape: 'octagon', size: 34, layer: 0, shownByDefault: true, fontSize: 16 },
  Output: { name: 'Output', plural: 'Outputs', colour: '#cfe8f7', border: '#1f6f9c', shape: 'tag', size: 30, layer: 1, shownByDefault: false, fontSize: 14 },
};

/** Legend order: top of the map first, as a planner reads the thread down. */
export const LEGEND_ORDER: NodeKind[] = [
  'NationalOutcome',
  'FrameworkOutcome',
  'StrategicAim',
  'LocalOutcome',
  'Priority',
  'Indicator',
  'Action',
  'Milestone',
  'ProgressUpdate',
  'Organisation',
  'Plan',
  'Event',
  'Funding',
  'Programme',
  'Output',
];

export const DEFAULT_KINDS: NodeKind[] = LEGEND_ORDER.filter((k) => KIND_STYLES[k].shownByDefault);

/** Kinds that stand above the plans: always on the map unless their kind is hidden. */
export const FRAMEWORK_KINDS: readonly NodeKind[] = ['NationalOutcome', 'FrameworkOutcome', 'StrategicAim'];
