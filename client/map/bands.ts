import type cytoscape from 'cytoscape';
import { LAYER_NAMES } from '../graph/kinds.js';
import type { Position } from '../layout/layered.js';
import { h } from '../ui/dom.js';

/**
 * Names of the layered layout's bands ("National Outcomes", "Actions", ...) down the
 * left edge of the map, following pan and zoom, so that a room reads the thread
 * from the bottom up without the legend.
 */

export type Band = { layer: number; name: string; y1: number; y2: number };

/** The vertical extent of each band that has a visible node, top band first. */
export function bandExtents(positions: ReadonlyMap<string, Position>, layerOf: (id: string) => number | undefined, visible: ReadonlySet<string>): Band[] {
  const ext = new Map<number, { y1: number; y2: number }>();
  for (const id of visible) {
    const p = positions.get(id);
    const layer = layerOf(id);
    if (!p || layer === undefined) continue;
    const e = ext.get(layer);
    if (e) {
      e.y1 = Math.min(e.y1, p.y);
      e.y2 = Math.max(e.y2, p.y);
    } else ext.set(layer, { y1: p.y, y2: p.y });
  }
  return [...ext.entries()].sort(([a], [b]) => b - a).map(([layer, e]) => ({ layer, name: LAYER_NAMES[layer] ?? `Band ${layer}`, y1: e.y1, y2: e.y2 }));
}

export function mountBands(frame: HTMLElement) {
  const el = h('div', { class: 'bands', 'aria-hidden': 'true' });
  frame.append(el);
  let bands: Band[] = [];
  let cy: cytoscape.Core | null = null;
  let queued = 0;
  const place = () => {
    queued = 0;
    if (!cy || cy.destroyed()) return;
    const zoom = cy.zoom();
    const pan = cy.pan();
    // Zoomed in, the names shrink to tabs so that they cover less of the map.
    el.classList.toggle('compact', zoom > 0.55);
    const labels = el.children;
    // Top band first: a name that would run into the one above it (a small map) is left out.
    let lastBottom = -Infinity;
    bands.forEach((b, i) => {
      const label = labels[i] as HTMLElement | undefined;
      if (!label) return;
      const mid = ((b.y1 + b.y2) / 2) * zoom + pan.y;
      label.style.transform = `translateY(${Math.round(mid)}px) translateY(-50%)`;
      label.hidden = false;
      const half = label.offsetHeight / 2;
      const clash = mid - half < lastBottom + 2;
      label.hidden = mid < 0 || mid > cy!.height() || clash;
      if (!label.hidden) lastBottom = mid + half;
    });
  };
  const onViewport = () => {
    if (!queued) queued = requestAnimationFrame(place);
  };
  return {
    show(next: Band[], core: cytoscape.Core | null) {
      if (core !== cy) {
        cy?.off('viewport', onViewport);
        cy = core;
        cy?.on('viewport', onViewport);
      }
      const same = next.length === bands.length && next.every((b, i) => b.name === bands[i]!.name && b.y1 === bands[i]!.y1 && b.y2 === bands[i]!.y2);
      if (!same) {
        bands = next;
        el.replaceChildren(...bands.map((b) => h('div', { class: `band band-${b.layer}` }, b.name)));
      }
      place();
    },
    destroy() {
      if (queued) cancelAnimationFrame(queued);
      if (cy && !cy.destroyed()) cy.off('viewport', onViewport);
      el.remove();
    },
  };
}
