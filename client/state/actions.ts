import type { NodeKind } from '../../model/nodes.js';
import type { Status } from '../../model/vocabulary.js';
import type { RelationshipType } from '../../model/relationships.js';
import {
  MAX_NEIGHBOURHOOD_STEPS,
  type AppState,
  type Camera,
  type CellSelection,
  type Filters,
  type LabelScale,
  type LayoutId,
  type MatrixAxis,
  type Panel,
  type RendererChoice,
  type StyleRule,
  type View,
} from './types.js';

/**
 * Every change the explorer makes to its state, as small pure functions. The UI
 * calls these and hands the result to the store; tests call them directly.
 */

export function select(state: AppState, id: string | null): AppState {
  if (id === state.selected) return state;
  // A new selection leaves thread mode: the thread belonged to the old one.
  return { ...state, selected: id, mode: 'explore' };
}

export function enterThread(state: AppState, id: string | null = state.selected): AppState {
  if (!id) return state;
  return { ...state, selected: id, mode: 'thread', view: 'map', gap: null, camera: null };
}

/** One click back out of the thread: the selection stays, everything else lights up again. */
export function exitThread(state: AppState): AppState {
  return state.mode === 'thread' ? { ...state, mode: 'explore', camera: null } : state;
}

export function toggleThread(state: AppState): AppState {
  return state.mode === 'thread' ? exitThread(state) : enterThread(state);
}

export function setFilter<K extends keyof Filters>(state: AppState, key: K, value: Filters[K]): AppState {
  return { ...state, filters: { ...state.filters, [key]: value }, cell: null, camera: null };
}

export function toggleStatus(state: AppState, status: Status): AppState {
  const has = state.filters.statuses.includes(status);
  return setFilter(state, 'statuses', has ? state.filters.statuses.filter((s) => s !== status) : [...state.filters.statuses, status]);
}

export function toggleKind(state: AppState, kind: NodeKind): AppState {
  const has = state.filters.kinds.includes(kind);
  return setFilter(state, 'kinds', has ? state.filters.kinds.filter((k) => k !== kind) : [...state.filters.kinds, kind]);
}

export function clearFilters(state: AppState): AppState {
  return {
    ...state,
    filters: { ...state.filters, plan: null, organisation: null, framework: null, statuses: [], yearBand: null },
    cell: null,
    camera: null,
  };
}

export function chooseGap(state: AppState, gap: string | null): AppState {
  return { ...state, gap, panel: 'gaps', mode: gap ? 'explore' : state.mode, camera: null };
}

export function chooseCell(state: AppState, cell: CellSelection | null): AppState {
  return { ...state, cell, view: cell ? 'map' : state.view, mode: 'explore', gap: null, camera: null };
}

export function setView(state: AppState, view: View): AppState {
  return state.view === view ? state : { ...state, view };
}

export function setPanel(state: AppState, panel: Panel): AppState {
  return state.panel === panel ? state : { ...state, panel };
}

export function setCamera(state: AppState, camera: Camera | null): AppState {
  return { ...state, camera };
}

/** A new layout frames itself afresh, and a hand arrangement saved under a name no longer applies. */
export function setLayout(state: AppState, layout: LayoutId): AppState {
  return state.layout === layout ? state : { ...state, layout, camera: null, namedView: null };
}

export function setRenderer(state: AppState, renderer: RendererChoice): AppState {
  return state.renderer === renderer ? state : { ...state, renderer };
}

export function setLabelScale(state: AppState, labelScale: LabelScale): AppState {
  return state.labelScale === labelScale ? state : { ...state, labelScale };
}

export function setMatrixAxis(state: AppState, axis: 'rows' | 'cols', value: MatrixAxis): AppState {
  return { ...state, matrix: { ...state.matrix, [axis]: value }, cell: null };
}

/** The date the overdue analyses count from; today's date is the default and stays out of links. */
export function setAsOf(state: AppState, date: string | null, today: string): AppState {
  return { ...state, asOf: date && date !== today ? date : null };
}

/** Selects a node and shows it on the map (a table row, a gap row, a search result). The camera stays put: the map centres on it. */
export function showOnMap(state: AppState, id: string): AppState {
  return { ...select(state, id), view: 'map' };
}

/** A search result: selected, and the matrix (which has no nodes to show) gives way to the map. */
export function chooseSearchResult(state: AppState, id: string): AppState {
  return { ...select(state, id), view: state.view === 'matrix' ? 'map' : state.view };
}

/** Back to the computed layout: the named view's arrangement is dropped and the map refits. */
export function resetArrangement(state: AppState): AppState {
  return { ...state, namedView: null, camera: null };
}

export function forgetNamedView(state: AppState, name: string): AppState {
  return state.namedView === name ? { ...state, namedView: null } : state;
}

/**
 * Draws a node's neighbourhood `by` more (or, negative, fewer) steps out. Expanding
 * another node starts again from one step; down to zero steps, the neighbourhood goes.
 */
export function expandNeighbourhood(state: AppState, id: string, by = 1, types?: readonly RelationshipType[]): AppState {
  const current = state.neighbourhood?.id === id ? state.neighbourhood : null;
  const steps = Math.min(MAX_NEIGHBOURHOOD_STEPS, (current?.steps ?? 0) + by);
  if (steps <= 0) return state.neighbourhood ? { ...state, neighbourhood: null, camera: null } : state;
  const nextTypes = types ? [...types] : (current?.types ?? []);
  return { ...select(state, id), neighbourhood: { id, steps, types: nextTypes }, mode: 'explore', gap: null, cell: null, camera: null, view: 'map' };
}

export function clearNeighbourhood(state: AppState): AppState {
  return state.neighbourhood ? { ...state, neighbourhood: null, camera: null } : state;
}

export function setStyleRule(state: AppState, styleBy: StyleRule): AppState {
  return state.styleBy === styleBy ? state : { ...state, styleBy };
}

/** The period the map's status badges are as at (null: the current quarter). */
export function setPeriod(state: AppState, period: string | null): AppState {
  return state.period === period ? state : { ...state, period };
}

export function setRollupOverlay(state: AppState, rollup: boolean): AppState {
  return state.rollup === rollup ? state : { ...state, rollup };
}
