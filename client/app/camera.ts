import { fnv1a } from '../layout/cache.js';
import { sameCamera } from '../map/camera.js';
import type { MapHandle } from '../map/index.js';
import type { MapView } from '../map/view.js';
import type { Position } from '../layout/layered.js';
import type { AppState, Camera } from '../state/types.js';
import type { Loaded } from './context.js';

/**
 * Where the map looks, after each render: a camera from the URL, history or a named
 * view wins; otherwise the map is framed on what matters (a thread, a highlight, or
 * everything shown). The camera the map reports itself is already on screen, so it is
 * never applied back (it may be mid-animation).
 */

export function createCameraController() {
  let lastFitKey = '';
  /** The state's camera as last applied to, or reported by, the map. */
  let seen: Camera | null = null;

  return {
    /** The map moved by itself (drag, wheel, animation end): remember it, so it is not re-applied. */
    reported(c: Camera) {
      seen = c;
    },
    /** A new map (renderer switched): frame afresh. */
    reset() {
      lastFitKey = '';
    },
    apply(m: MapHandle, state: AppState, d: Loaded, view: MapView, o: { positionsKey: string; positions: ReadonlyMap<string, Position>; first: boolean; pending: Camera | null; waiting: boolean }) {
      if (state.view !== 'map' || o.waiting) return;
      const cam = state.camera ?? o.pending;
      const fromElsewhere = o.pending !== null || cam !== seen;
      if (cam) {
        if (fromElsewhere && !sameCamera(cam, m.camera())) m.setCamera(cam);
        seen = cam;
        lastFitKey = `cam|${o.positionsKey}`;
        return;
      }
      const target = view.dimOthers ? [...view.emphasis.keys()].filter((id) => d.index.nodes.has(id)) : null;
      const fitKey = `${o.positionsKey}|${target ? fnv1a(target.join(',')) : 'all'}`;
      if (fitKey !== lastFitKey) {
        // A thread or a highlight leaves room round its edge for the callouts.
        m.fit(target, !o.first, target ? 110 : 40, o.positions);
        lastFitKey = fitKey;
      }
    },
  };
}
