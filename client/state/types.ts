import type { MATRIX_AXES, MatrixCount } from '../../model/api.js';
import type { NodeKind } from '../../model/nodes.js';
import type { RelationshipType } from '../../model/relationships.js';
import type { Status } from '../../model/vocabulary.js';
import { DEFAULT_KINDS } from '../graph/kinds.js';
import { MAIN_VIEW_IDS, SIDE_PANEL_IDS } from '../app/registry.js';
import type { Framework, LabelScale, LayoutId, RendererChoice, StyleRule } from '../../model/views.js';

// The choices a named view stores are defined with its schema (model/views.ts).
export { FRAMEWORKS, LABEL_SCALES, LAYOUT_IDS, RENDERER_CHOICES, STYLE_RULES, type Framework, type LabelScale, type LayoutId, type RendererChoice, type StyleRule } from '../../model/views.js';

/**
 * The explorer's whole state: what is selected, filtered, shown and where the camera
 * is. It is plain data, so the URL, named views and history can carry it; everything
 * on screen is derived from it and the loaded graph.
 */

/** The views and side panels are whatever app/registry.ts registers. */
export const VIEWS = MAIN_VIEW_IDS;
export type View = (typeof VIEWS)[number];

export const MODES = ['explore', 'thread'] as const;
export type Mode = (typeof MODES)[number];

export const PANELS = SIDE_PANEL_IDS;
export type Panel = (typeof PANELS)[number];

export const FRAMEWORK_NAMES: Record<Framework, string> = {
  'national-outcomes': 'Scotland Performs National Outcomes',
  aims: 'CJA national strategic aims',
  nsmo: 'NSMO framework (all outcomes)',
  'nsmo-communities': 'NSMO outcomes for communities (C)',
  'nsmo-offenders': 'NSMO outcomes for offenders (O)',
  'nsmo-system': 'NSMO outcomes in the system (S)',
};

export type MatrixAxis = (typeof MATRIX_AXES)[number];

export type Filters = {
  plan: string | null;
  organisation: string | null;
  framework: Framework | null;
  /** Empty: every status. */
  statuses: Status[];
  yearBand: string | null;
  /** Kinds drawn on the map (the legend's tick boxes). */
  kinds: NodeKind[];
};

/**
 * The camera in graph coordinates: the centre of what is on screen (x, y) and the size
 * of the graph area shown (w, h). A link opened on another screen frames the same area,
 * whatever that screen's size; screen pixels would cut it off or leave it small.
 */
export type Camera = { x: number; y: number; w: number; h: number };

export type CellSelection = { row: string; col: string };

/** A node's neighbourhood drawn on the map: every node within `steps` links, along `types` (empty: every type). */
export type Neighbourhood = { id: string; steps: number; types: RelationshipType[] };
export const MAX_NEIGHBOURHOOD_STEPS = 4;

export const STYLE_RULE_NAMES: Record<StyleRule, string> = {
  kind: 'Kind of node',
  status: 'Progress status',
  plan: 'Plan',
  organisationType: 'Type of organisation',
  due: 'Due date and overdue',
};

export type AppState = {
  selected: string | null;
  /** `thread` lights up the selected node's golden thread; it needs a selection. */
  mode: Mode;
  view: View;
  panel: Panel;
  filters: Filters;
  layout: LayoutId;
  renderer: RendererChoice;
  /** The gap analysis whose nodes the map highlights. */
  gap: string | null;
  /** The date the overdue analysis counts from (YYYY-MM-DD); null: today. */
  asOf: string | null;
  /** `count`: who an organisation row is credited with (the server's default when absent). */
  matrix: { rows: MatrixAxis; cols: MatrixAxis; count?: MatrixCount };
  /** A matrix cell whose actions the map shows. */
  cell: CellSelection | null;
  /** null: fit the map to what is shown. */
  camera: Camera | null;
  /** The named view whose arrangement the map shows, if any. */
  namedView: string | null;
  labelScale: LabelScale;
  neighbourhood: Neighbourhood | null;
  /** The styling rule; a named view keeps it. */
  styleBy: StyleRule;
  /** The reporting period the map's status badges are "as at" (2010-11-Q2, 2010-09, 2010-09-30); null: the current quarter. */
  period: string | null;
  /** The roll-up of progress drawn on the outcomes of the map. */
  rollup: boolean;
};

export const DEFAULT_FILTERS: Filters = {
  plan: null,
  organisation: null,
  framework: null,
  statuses: [],
  yearBand: null,
  kinds: DEFAULT_KINDS,
};

export const DEFAULT_STATE: AppState = {
  selected: null,
  mode: 'explore',
  view: 'map',
  panel: 'details',
  filters: DEFAULT_FILTERS,
  layout: 'layered',
  renderer: 'auto',
  gap: null,
  asOf: null,
  matrix: { rows: 'organisation', cols: 'nationalOutcome' },
  cell: null,
  camera: null,
  namedView: null,
  labelScale: 1,
  neighbourhood: null,
  styleBy: 'kind',
  period: null,
  rollup: false,
};

export function filtersActive(f: Filters): boolean {
  return f.plan !== null || f.organisation !== null || f.framework !== null || f.statuses.length > 0 || f.yearBand !== null;
}
