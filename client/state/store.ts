import type { AppState } from './types.js';

/**
 * A minimal observable store. `history` says how the URL should follow the change:
 * `push` for a step a planner would go back to, `replace` for camera moves, `none`
 * for a change that came from the URL itself (back and forward).
 */

export type HistoryMode = 'push' | 'replace' | 'none';
export type Listener = (state: AppState, previous: AppState, history: HistoryMode) => void;

export type Store = {
  get(): AppState;
  update(change: (s: AppState) => AppState, history?: HistoryMode): void;
  subscribe(listener: Listener): () => void;
};

export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    update(change, history = 'push') {
      const previous = state;
      const next = change(state);
      if (next === previous) return;
      state = next;
      for (const l of [...listeners]) l(state, previous, history);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
