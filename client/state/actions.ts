import type { NodeKind } from '../../model/nodes.js';
import type { Status } from '../../model/vocabulary.js';
import type { AppState, CellSelection, Filters, Panel, View, Viewport } from './types.js';

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
  return { ...state, selected: id, mode: 'thread', view: 'map', gap: null, viewport: null };
}

/** One click back out of the thread: the selection stays, everything else lights up again. */
export function exitThread(state: AppState): AppState {
  return state.mode === 'thread' ? { ...state, mode: 'explore', viewport: null } : state;
}

export function toggleThread(state: AppState): AppState {
  return state.mode === 'thread' ? exitThread(state) : enterThread(state);
}

export function setFilter<K extends keyof Filters>(state: AppState, key: K, value: Filters[K]): AppState {
  return { ...state, filters: { ...state.filters, [key]: value }, cell: null, viewport: null };
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
    viewport: null,
  };
}

export function chooseGap(state: AppState, gap: string | null): AppState {
  return { ...state, gap, panel: 'gaps', mode: gap ? 'explore' : state.mode, viewport: null };
}

export function chooseCell(state: AppState, cell: CellSelection | null): AppState {
  return { ...state, cell, view: cell ? 'map' : state.view, mode: 'explore', gap: null, viewport: null };
}

export function setView(state: AppState, view: View): AppState {
  return state.view === view ? state : { ...state, view };
}

export function setPanel(state: AppState, panel: Panel): AppState {
  return state.panel === panel ? state : { ...state, panel };
}

export function setViewport(state: AppState, viewport: Viewport | null): AppState {
  return { ...state, viewport };
}
