import type cytoscape from 'cytoscape';
import { NODE_KINDS, type NodeKind } from '../../model/nodes.js';
import { RELATIONSHIP_TYPES } from '../../model/relationships.js';
import { basesOfClass } from '../../model/vocabulary.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { RELATIONSHIP_STYLES } from '../graph/relationships.js';
import { labelFontFor } from './levelOfDetail.js';

/**
 * The map's stylesheet, derived from the kind and relationship registries. Highlight,
 * dimming and selection are classes here, set by the map from the derived view.
 *
 * The WebGL variant keeps to what that renderer draws: solid lines, triangle arrows,
 * straight or bezier curves; dashes and dots become thinner solid lines.
 */

/**
 * `labelZoom`: the zoom the labels are sized for. Below a zoom where a kind's label would
 * be under `minScreenPx` on screen, its font grows in model units to stay readable (the
 * level-of-detail pass then leaves out the labels that would collide).
 */
export type StyleOptions = { webgl: boolean; labelScale: number; labelZoom?: number; minScreenPx?: number };

/** The thread's own colour: a dark gold, 4:1 against the white map. */
export const THREAD_COLOUR = '#9a6700';
export const HIT_COLOUR = '#000000';
export const MAP_BACKGROUND = '#ffffff';
const FONT = '"Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, sans-serif';

/**
 * Links' level of detail. Cytoscape draws an arrowhead at least 29 model units wide, so at the
 * fitted zoom of a whole map (about 0.09 on a phone, 0.22 on a laptop or a projector) a head is
 * 3 to 6 pixels under a faint line: it cannot be told from the node it points at, and the bands
 * already say which way a link runs (an action below the outcome it serves). Drawing heads and
 * bezier ends nobody can see was a third of the first frame. Below this zoom the links are
 * drawn as plain straight lines from centre to centre (Cytoscape's "haystack", under the
 * nodes); from it on, where a head is 8 pixels or more, with their arrowheads. The board-paper
 * exports draw their own arrows (export/boardSvg.ts).
 */
export const ARROW_ZOOM = 8 / 29;

/** Whether links are drawn with their arrowheads at this zoom (the canvas renderer; WebGL always draws them). */
export function linksWithArrows(zoom: number, webgl: boolean): boolean {
  return webgl || zoom >= ARROW_ZOOM;
}

/** How a kind's label is drawn under these options: the stylesheet's values, for whoever must know them without asking Cytoscape. */
export type LabelLook = { inside: boolean; fontSize: number; textMaxWidth: number };

export function labelLook(kind: NodeKind, { labelScale, labelZoom = 1, minScreenPx = 0 }: Omit<StyleOptions, 'webgl'>): LabelLook {
  const px = (n: number) => Math.round(n * labelScale * 10) / 10;
  const k = KIND_STYLES[kind];
  // A code printed inside its shape (NO 9, O2) that would be too small to read moves below it and grows.
  const inside = !!k.inside && labelFontFor(px(k.fontSize), labelZoom, minScreenPx) <= px(k.fontSize);
  const fontSize = inside ? px(k.fontSize) : Math.round(labelFontFor(px(k.fontSize), labelZoom, minScreenPx) * 10) / 10;
  return { inside, fontSize, textMaxWidth: Math.round((px(230) * fontSize) / px(k.fontSize)) };
}

/** Border widths in model units: a node's outer size is its kind's size plus its border, which the view's classes set. */
export const BORDER_WIDTHS = { plain: 2, hover: 4, hit: 5, path: 6, origin: 9, selected: 8 } as const;

/** A node's border width for its classes, as the stylesheet's rules below decide it (later rules win). */
export function borderWidthFor(hasClass: (c: string) => boolean): number {
  if (hasClass('sel')) return BORDER_WIDTHS.selected;
  if (hasClass('hover')) return BORDER_WIDTHS.hover;
  if (hasClass('em-hit')) return BORDER_WIDTHS.hit;
  if (hasClass('em-origin')) return BORDER_WIDTHS.origin;
  if (hasClass('em-path')) return BORDER_WIDTHS.path;
  return BORDER_WIDTHS.plain;
}

/**
 * Properties at Cytoscape's defaults (text-halign centre, opacities of 1, no transitions,
 * arrow scale 1) are left out: each property set costs every element a step of its first
 * style pass.
 */
export function buildStyle({ webgl, labelScale, labelZoom = 1, minScreenPx = 0 }: StyleOptions): cytoscape.StylesheetJson {
  const px = (n: number) => Math.round(n * labelScale * 10) / 10;
  const sheet: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(short)',
        'font-family': FONT,
        'font-size': px(17),
        'font-weight': 600,
        color: '#111111',
        'text-valign': 'bottom',
        'text-margin-y': 5,
        'text-outline-color': MAP_BACKGROUND,
        'text-outline-width': 3,
        'min-zoomed-font-size': 6,
        // One wrap width for every state: Cytoscape sizes label textures once, so a class
        // that changes wrapping or font size leaves the label clipped to its old box.
        'text-wrap': 'wrap',
        'text-max-width': `${px(230)}px`,
        'border-width': BORDER_WIDTHS.plain,
        // Cytoscape's own sheet shows an overlay on a pressed element; ours does not.
        'overlay-opacity': 0,
      },
    },
  ];

  for (const kind of NODE_KINDS) {
    const k = KIND_STYLES[kind];
    const { inside, fontSize, textMaxWidth } = labelLook(kind, { labelScale, labelZoom, minScreenPx });
    sheet.push({
      selector: `node[kind = "${kind}"]`,
      style: {
        shape: k.shape,
        width: k.size,
        height: k.size,
        'background-color': k.colour,
        'border-color': k.border,
        'font-size': fontSize,
        'text-max-width': `${textMaxWidth}px`,
        ...(k.layer >= 3 ? { 'font-weight': 700 } : {}),
        ...(inside && k.inside ? { 'text-valign': 'center', 'text-margin-y': 0, color: k.inside, 'text-outline-width': 0 } : {}),
      },
    });
  }

  const arrows = linksWithArrows(labelZoom, webgl);
  sheet.push({
    selector: 'edge',
    style: {
      ...(arrows ? { 'curve-style': 'bezier' } : { 'curve-style': 'haystack', 'haystack-radius': 0 }),
      'line-cap': 'round',
      'overlay-opacity': 0,
      events: 'no',
    },
  });

  for (const type of RELATIONSHIP_TYPES) {
    const r = RELATIONSHIP_STYLES[type];
    const dashed = r.line !== 'solid';
    sheet.push({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': r.colour,
        ...(arrows ? { 'target-arrow-color': r.colour, 'target-arrow-shape': r.arrow } : {}),
        width: webgl && dashed ? Math.max(0.8, r.width * 0.75) : r.width,
        opacity: r.opacity,
        ...(!webgl && dashed ? { 'line-style': r.line, 'line-dash-pattern': r.line === 'dotted' ? [1, 4] : [6, 4] } : {}),
      },
    });
  }

  // Printed or inferred: a link curation inferred (by wording, structure, context or narrative) is
  // drawn dashed and fainter than one the document prints, on the map and on the golden thread alike.
  // The WebGL renderer has no dashes, so there it is thinner and fainter only.
  const inferred = basesOfClass('inferred')
    .map((b) => `edge[linkBasis = "${b}"]`)
    .join(', ');
  const inferredLook = webgl ? { width: 1, opacity: 0.35 } : { 'line-style': 'dashed' as const, 'line-dash-pattern': [2, 4], opacity: 0.45 };

  sheet.push(
    { selector: inferred, style: inferredLook },
    // View state: the map sets these classes from the derived view.
    { selector: '.hidden', style: { display: 'none' } },
    { selector: 'node.dim', style: { opacity: 0.16, 'text-opacity': 0 } },
    // Level of detail: a label that would collide with a more important one is left out until there is room.
    { selector: 'node.lod-hide', style: { 'text-opacity': 0 } },
    { selector: 'edge.dim', style: { opacity: 0.05 } },
    // Labels never change size or text with a class: Cytoscape sizes label textures once, so
    // a longer label would be clipped to the old box. Full text goes in HTML callouts instead.
    {
      selector: 'node.em-path, node.em-origin',
      style: { 'border-color': THREAD_COLOUR, 'border-width': BORDER_WIDTHS.path, 'z-index': 20 },
    },
    { selector: 'node.em-origin', style: { 'border-width': BORDER_WIDTHS.origin, 'z-index': 30 } },
    {
      selector: 'edge.em-path',
      style: { 'line-color': THREAD_COLOUR, 'target-arrow-color': THREAD_COLOUR, width: 6, opacity: 1, 'line-style': 'solid', 'z-index': 15 },
    },
    // On the thread, an inferred link keeps its dashes so the planner sees which step was worked out.
    {
      selector: inferred
        .split(', ')
        .map((s) => `${s}.em-path`)
        .join(', '),
      style: webgl ? { width: 3, opacity: 0.7 } : { 'line-style': 'dashed', 'line-dash-pattern': [4, 5] },
    },
    { selector: 'node.em-hit', style: { 'border-color': HIT_COLOUR, 'border-width': BORDER_WIDTHS.hit, 'z-index': 20 } },
    { selector: 'edge.em-hit', style: { opacity: 0.95, width: 3.5, 'z-index': 15 } },
    { selector: 'node.hover', style: { 'z-index': 40, 'border-color': '#000000', 'border-width': BORDER_WIDTHS.hover } },
    {
      selector: 'node.sel',
      style: {
        'border-color': '#000000',
        'border-width': BORDER_WIDTHS.selected,
        'underlay-color': '#0072B2',
        'underlay-padding': 10,
        'underlay-opacity': 0.35,
        'underlay-shape': 'ellipse',
        'z-index': 50,
      },
    },
  );
  return sheet;
}
