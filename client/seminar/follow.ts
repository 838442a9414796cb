import type { AppState, Camera, Filters, Mode } from '../state/types.js';

/**
 * Follow mode, as small pure functions. A participant follows the facilitator's view by
 * default; moving the map by hand (pan, zoom, a tap elsewhere) leaves follow mode, and
 * "Back to the facilitator", the facilitator's "bring everyone back" or a lock brings
 * them back. While the facilitator locks following, a participant's own moves are undone.
 */

// ---------------------------------------------------------------- what is followed

/** The part of the facilitator's state that travels: camera in graph coordinates, so it fits any screen. */
export type FollowedView = {
  camera: Camera | null;
  filters: Filters;
  selected: string | null;
  mode: Mode;
  gap: string | null;
};

export function followedViewOf(s: AppState): FollowedView {
  return { camera: s.camera, filters: s.filters, selected: s.selected, mode: s.mode, gap: s.gap };
}

/** The participant's state showing the facilitator's view; the participant's own panel, labels and renderer stay theirs. */
export function applyFollowedView(s: AppState, v: FollowedView): AppState {
  const next: AppState = { ...s, camera: v.camera, filters: v.filters, selected: v.selected, mode: v.selected ? v.mode : 'explore', gap: v.gap, cell: null, neighbourhood: null, view: 'map' };
  return sameFollowedView(followedViewOf(s), followedViewOf(next)) && s.view === 'map' && !s.cell && !s.neighbourhood ? s : next;
}

/** Whether two views show the same thing, apart from the camera (which each screen reports in its own shape). */
export function sameFollowedContent(a: FollowedView, b: FollowedView): boolean {
  return a.selected === b.selected && a.mode === b.mode && a.gap === b.gap && JSON.stringify(a.filters) === JSON.stringify(b.filters);
}

function sameFollowedView(a: FollowedView, b: FollowedView): boolean {
  return sameFollowedContent(a, b) && JSON.stringify(a.camera) === JSON.stringify(b.camera);
}

// ---------------------------------------------------------------- the state machine

export type FollowStatus = {
  /** `following`: the map shows the facilitator's view; `free`: the participant looks round by themself. */
  mode: 'following' | 'free';
  /** The facilitator has locked following for a moment of attention. */
  locked: boolean;
};

export const START_FOLLOWING: FollowStatus = { mode: 'following', locked: false };

export type FollowEvent =
  /** The participant panned, zoomed or chose something else on their own map. */
  | { type: 'moved-by-hand' }
  /** The participant's "Back to the facilitator" button. */
  | { type: 'back' }
  /** The facilitator's "Bring everyone back". */
  | { type: 'bring-back' }
  | { type: 'lock'; locked: boolean };

export function nextFollowStatus(s: FollowStatus, e: FollowEvent): FollowStatus {
  switch (e.type) {
    case 'moved-by-hand':
      // Locked: the move is undone (the caller re-applies the facilitator's view), and following stays.
      return s.locked || s.mode === 'free' ? s : { ...s, mode: 'free' };
    case 'back':
    case 'bring-back':
      return s.mode === 'following' ? s : { ...s, mode: 'following' };
    case 'lock':
      if (e.locked) return { mode: 'following', locked: true };
      return s.locked ? { ...s, locked: false } : s;
  }
}

/** Whether a new facilitator view should be drawn on this participant's map now. */
export const showsFacilitator = (s: FollowStatus) => s.mode === 'following';
