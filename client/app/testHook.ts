import type { MapHandle } from '../map/index.js';
import type { Store } from '../state/store.js';
import { todayIso } from '../gaps/utils.js';

/** The browser tests' and debugging hook on `window.goldenThread`: the map, the state and the teardown. */
export function installTestHook(win: Window, deps: { store: Store; map(): MapHandle | null; destroy: () => void }): () => void {
  (win as unknown as { goldenThread?: unknown }).goldenThread = {
    cy: () => deps.map()?.cy ?? null,
    state: () => deps.store.get(),
    renderer: () => deps.map()?.renderer ?? null,
    today: todayIso,
    destroy: deps.destroy,
  };
  return () => {
    delete (win as unknown as { goldenThread?: unknown }).goldenThread;
  };
}
