import type { MountPanel } from './context.js';

/**
 * The panel registry: every panel of the explorer as data. The shell builds a tab for
 * each, loads a panel's code the first time it is opened (so the first load carries the
 * map and nothing else), and updates only the panels on screen.
 *
 * Registering a panel (editing, seminars, console, import, ...) is one entry here:
 *
 *   { id: 'seminar', label: 'Seminar', load: () => import('../seminar/index.js').then((m) => m.mountSeminar) },
 *
 * in SIDE_PANELS (the tabs beside the map: a drawer on a phone) or MAIN_VIEWS (the
 * header's Map / Table / Matrix tabs, which replace the map). `mountSeminar(root, ctx)`
 * returns a `Panel` (app/context.ts): `update(frame)` after each render while the
 * panel is shown, `destroy()` once, and optionally `focus()` for its heading. The id
 * becomes the panel's URL value (`?panel=seminar`), its tab id (`side-tab-seminar`) and
 * its element id (`side-panel-seminar`); change the state only through `ctx.dispatch`
 * with a function from state/actions.ts (`setPanel(s, 'seminar')` opens it).
 */

export type PanelEntry = {
  readonly id: string;
  readonly label: string;
  readonly load: () => Promise<MountPanel>;
};

export const SIDE_PANELS = [
  { id: 'details', label: 'Details', load: () => import('../detail/index.js').then((m) => m.mountDetail) },
  { id: 'gaps', label: 'Gaps', load: () => import('../gaps/index.js').then((m) => m.mountGaps) },
  { id: 'views', label: 'Views', load: () => import('../views/index.js').then((m) => m.mountViews) },
  { id: 'progress', label: 'Progress', load: () => import('../progress/index.js').then((m) => m.mountProgress) },
  { id: 'changes', label: 'Changes', load: () => import('../history/feed.js').then((m) => m.mountFeed) },
  { id: 'seminar', label: 'Seminar', load: () => import('../seminar/index.js').then((m) => m.mountSeminar) },
  { id: 'import', label: 'Import', load: () => import('../import/index.js').then((m) => m.mountImport) },
  { id: 'compare', label: 'Compare', load: () => import('../compare/index.js').then((m) => m.mountCompare) },
  { id: 'console', label: 'Console', load: () => import('../console/index.js').then((m) => m.mountConsole) },
] as const satisfies readonly PanelEntry[];

/** The map is the shell's own; the other views load when first chosen. */
export const MAIN_VIEWS = [
  { id: 'map', label: 'Map', load: null },
  { id: 'table', label: 'Table', load: () => import('../table/index.js').then((m) => m.mountTable) },
  { id: 'matrix', label: 'Matrix', load: () => import('../matrix/index.js').then((m) => m.mountMatrix) },
] as const satisfies readonly (Omit<PanelEntry, 'load'> & { load: PanelEntry['load'] | null })[];

export const SIDE_PANEL_IDS = SIDE_PANELS.map((p) => p.id) as unknown as readonly [(typeof SIDE_PANELS)[number]['id'], ...(typeof SIDE_PANELS)[number]['id'][]];
export const MAIN_VIEW_IDS = MAIN_VIEWS.map((v) => v.id) as unknown as readonly [(typeof MAIN_VIEWS)[number]['id'], ...(typeof MAIN_VIEWS)[number]['id'][]];
