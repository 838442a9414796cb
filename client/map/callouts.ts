import type cytoscape from 'cytoscape';
import { h } from '../ui/dom.js';

/**
 * Full-text labels for the few nodes that matter right now (the selection, a golden
 * thread), drawn as HTML beside the map's nodes. They stay the same size on screen at
 * any zoom, so a thread reads on a projector even in the overview, and they look the
 * same under the canvas and the WebGL renderer. The map's own labels stay short.
 */

export type Callout = { id: string; title: string; text: string; tone: 'selected' | 'origin' | 'path' };

type Placed = { el: HTMLElement; callout: Callout };

export function mountCallouts(frame: HTMLElement) {
  const layer = h('div', { class: 'callouts', 'aria-hidden': 'true' });
  frame.append(layer);
  let cy: cytoscape.Core | null = null;
  let placed: Placed[] = [];
  let signature = '';
  let queued = 0;

  const place = () => {
    queued = 0;
    if (!cy || cy.destroyed()) return;
    const width = cy.width();
    const height = cy.height();
    const boxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
    // Selected first, then the origin, then the path: the most important label gets the best spot.
    for (const { el, callout } of placed) {
      const n = cy.getElementById(callout.id);
      if (n.empty() || !n.visible()) {
        el.hidden = true;
        continue;
      }
      const p = n.renderedPosition();
      const r = Math.max(6, n.renderedOuterHeight() / 2);
      el.hidden = false;
      const w = el.offsetWidth;
      const hgt = el.offsetHeight;
      const candidates = [
        { x: p.x - w / 2, y: p.y + r + 6 },
        { x: p.x + r + 8, y: p.y - hgt / 2 },
        { x: p.x - r - 8 - w, y: p.y - hgt / 2 },
        { x: p.x - w / 2, y: p.y - r - 6 - hgt },
      ];
      let best = candidates[0]!;
      for (const c of candidates) {
        const box = { x1: c.x, y1: c.y, x2: c.x + w, y2: c.y + hgt };
        const inside = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height;
        if (inside && !boxes.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) {
          best = c;
          break;
        }
      }
      boxes.push({ x1: best.x, y1: best.y, x2: best.x + w, y2: best.y + hgt });
      el.style.transform = `translate(${Math.round(best.x)}px, ${Math.round(best.y)}px)`;
      el.hidden = p.x < -40 || p.y < -40 || p.x > width + 40 || p.y > height + 40;
    }
  };
  const schedule = () => {
    if (!queued) queued = requestAnimationFrame(place);
  };

  return {
    show(callouts: readonly Callout[], core: cytoscape.Core | null) {
      if (core !== cy) {
        cy?.off('viewport position', schedule);
        cy = core;
        cy?.on('viewport position', schedule);
      }
      const sig = callouts.map((c) => `${c.id}:${c.tone}:${c.text}`).join('|');
      if (sig !== signature) {
        signature = sig;
        placed = callouts.map((callout) => ({
          callout,
          el: h('div', { class: `callout callout-${callout.tone}` }, h('strong', {}, callout.title), callout.text ? h('span', {}, callout.text) : null),
        }));
        layer.replaceChildren(...placed.map((p) => p.el));
      }
      schedule();
    },
    destroy() {
      if (queued) cancelAnimationFrame(queued);
      if (cy && !cy.destroyed()) cy.off('viewport position', schedule);
      layer.remove();
    },
  };
}
