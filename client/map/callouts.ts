import type cytoscape from 'cytoscape';
import { h } from '../ui/dom.js';
import { mountOverlayLayer } from './overlayLayer.js';

/**
 * Full-text labels for the few nodes that matter right now (the selection, a golden
 * thread), drawn as HTML beside the map's nodes. They stay the same size on screen at
 * any zoom, so a thread reads on a projector even in the overview, and they look the
 * same under the canvas and the WebGL renderer. The map's own labels stay short.
 */

export type Callout = { id: string; title: string; text: string; tone: 'selected' | 'origin' | 'path' };

type Placed = { el: HTMLElement; callout: Callout };
type Box = { x1: number; y1: number; x2: number; y2: number };

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

export function mountCallouts(frame: HTMLElement) {
  let placed: Placed[] = [];

  const overlay = mountOverlayLayer(frame, 'callouts', (cy) => {
    const width = cy.width();
    const height = cy.height();
    const boxes: Box[] = [];
    // Nodes on screen are obstacles too: a callout never covers a node (its own excepted).
    const nodes: (Box & { id: string })[] = [];
    cy.nodes().forEach((n) => {
      if (n.hasClass('hidden') || n.hasClass('dim')) return;
      const p = n.renderedPosition();
      const r = n.renderedOuterWidth() / 2 + 2;
      if (p.x < -r || p.y < -r || p.x > width + r || p.y > height + r) return;
      nodes.push({ id: n.id(), x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r });
    });
    // Selected first, then the origin, then the path: the most important label gets the best spot.
    placed.forEach(({ el, callout }, index) => {
      const n = cy.getElementById(callout.id);
      if (n.empty() || !n.visible()) {
        el.hidden = true;
        return;
      }
      const p = n.renderedPosition();
      if (p.x < -40 || p.y < -40 || p.x > width + 40 || p.y > height + 40) {
        el.hidden = true;
        return;
      }
      const r = Math.max(6, n.renderedOuterHeight() / 2);
      el.hidden = false;
      const w = el.offsetWidth;
      const hgt = el.offsetHeight;
      const candidates: { x: number; y: number }[] = [];
      for (const gap of [6, 28, 64]) {
        candidates.push(
          { x: p.x - w / 2, y: p.y + r + gap },
          { x: p.x + r + gap + 2, y: p.y - hgt / 2 },
          { x: p.x - r - gap - 2 - w, y: p.y - hgt / 2 },
          { x: p.x - w / 2, y: p.y - r - gap - hgt },
          { x: p.x + r + gap, y: p.y + r + gap },
          { x: p.x - r - gap - w, y: p.y + r + gap },
          { x: p.x + r + gap, y: p.y - r - gap - hgt },
          { x: p.x - r - gap - w, y: p.y - r - gap - hgt },
        );
      }
      const free = (c: { x: number; y: number }) => {
        const box = { x1: c.x, y1: c.y, x2: c.x + w, y2: c.y + hgt };
        const inside = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height;
        return inside && !boxes.some((b) => overlaps(b, box)) && !nodes.some((b) => b.id !== callout.id && overlaps(b, box));
      };
      const spot = candidates.find(free);
      if (!spot && index > 0) {
        // No free room: leave this one out rather than cover another callout or a node.
        el.hidden = true;
        return;
      }
      // The first callout (the selection) always shows: in the free spot, or clear of the other callouts at least.
      const best = spot ?? candidates.find((c) => !boxes.some((b) => overlaps(b, { x1: c.x, y1: c.y, x2: c.x + w, y2: c.y + hgt }))) ?? candidates[0]!;
      boxes.push({ x1: best.x, y1: best.y, x2: best.x + w, y2: best.y + hgt });
      el.style.transform = `translate(${Math.round(best.x)}px, ${Math.round(best.y)}px)`;
    });
  });

  return {
    show(callouts: readonly Callout[], core: cytoscape.Core | null) {
      overlay.replace(callouts.map((c) => `${c.id}:${c.tone}:${c.text}`).join('|'), () => {
        placed = callouts.map((callout) => ({
          callout,
          el: h('div', { class: `callout callout-${callout.tone}` }, h('strong', {}, callout.title), callout.text ? h('span', {}, callout.text) : null),
        }));
        return placed.map((p) => p.el);
      });
      overlay.follow(core);
    },
    destroy() {
      overlay.destroy();
    },
  };
}
