import type cytoscape from 'cytoscape';
import { h } from '../ui/dom.js';

/**
 * An HTML layer over the map that follows its camera: the callouts and the status
 * badges are both one. It holds the layer element, the Cytoscape core it follows, and
 * one placement per animation frame however many viewport and position events arrive;
 * `place` (the caller's) puts the elements where their nodes are now.
 */

export type OverlayLayer = {
  readonly layer: HTMLElement;
  /** The core placed against (null before the map exists); placing is asked for at once. */
  follow(core: cytoscape.Core | null): void;
  /** Replaces the layer's elements when `signature` differs from the last one shown; true when it did. */
  replace(signature: string, elements: () => HTMLElement[]): boolean;
  destroy(): void;
};

export function mountOverlayLayer(frame: HTMLElement, className: string, place: (cy: cytoscape.Core) => void): OverlayLayer {
  const layer = h('div', { class: className, 'aria-hidden': 'true' });
  frame.append(layer);
  let cy: cytoscape.Core | null = null;
  let signature = '';
  let queued = 0;
  const run = () => {
    queued = 0;
    if (cy && !cy.destroyed()) place(cy);
  };
  const schedule = () => {
    if (!queued) queued = requestAnimationFrame(run);
  };
  return {
    layer,
    follow(core) {
      if (core !== cy) {
        if (cy && !cy.destroyed()) cy.off('viewport position', schedule);
        cy = core;
        cy?.on('viewport position', schedule);
      }
      schedule();
    },
    replace(sig, elements) {
      if (sig === signature) return false;
      signature = sig;
      layer.replaceChildren(...elements());
      return true;
    },
    destroy() {
      if (queued) cancelAnimationFrame(queued);
      if (cy && !cy.destroyed()) cy.off('viewport position', schedule);
      layer.remove();
    },
  };
}
