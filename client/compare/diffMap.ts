import cytoscape from 'cytoscape';
import { MAP_BACKGROUND } from '../map/style.js';
import { h, svg } from '../ui/dom.js';
import { diffLayout } from './diffLayout.js';
import { BADGES, type DiffPicture, type EdgeMark, type LegendEntry, type NodeMark } from './diffPicture.js';
import { EDGE_LOOKS, NODE_LOOKS, diffStyle } from './diffStyle.js';

/**
 * The diff view on the map: the picture drawn over the map (its own Cytoscape
 * instance, so the planner's map, camera and selection stay as they were underneath),
 * laid out in the map's bands, with the key of every mark and its count, and a button
 * (or Esc) back to the normal map. `destroy` takes it down, once.
 */

export type DiffMapHandle = { readonly cy: cytoscape.Core; destroy(): void; readonly destroyed: boolean };

export function mountDiffMap(host: HTMLElement, picture: DiffPicture, onClose: () => void): DiffMapHandle {
  const canvas = h('div', { class: 'compare-map-canvas', role: 'img', 'aria-label': `Differences on the map: ${picture.title}` });
  const back = h('button', { type: 'button', class: 'button primary small', id: 'compare-map-back' }, 'Back to the map');
  const fit = h('button', { type: 'button', class: 'button secondary small', id: 'compare-map-fit' }, 'Fit');
  const el = h(
    'div',
    { class: 'compare-map', id: 'compare-map' },
    canvas,
    h('div', { class: 'compare-map-bar' }, h('strong', { class: 'compare-map-title' }, `Differences: ${picture.title}`), fit, back),
    legendOf(picture.legend, host.clientWidth >= 600),
    listOf(picture),
  );
  host.append(el);

  let narrow = host.clientWidth < 600;
  const layout = () => diffLayout(picture, { ...(picture.plans ? { planBands: picture.plans } : {}), narrow });
  const positions = layout();
  canvas.style.backgroundColor = MAP_BACKGROUND;
  const cy = cytoscape({
    container: canvas,
    style: diffStyle(),
    layout: { name: 'preset' },
    minZoom: 0.03,
    maxZoom: 6,
    boxSelectionEnabled: false,
    autounselectify: true,
    elements: [
      ...picture.nodes.map((n) => ({ group: 'nodes' as const, data: n.data, position: positions.get(n.data.id) ?? { x: 0, y: 0 }, classes: n.mark ? `d-${n.mark}` : 'd-context' })),
      ...picture.edges.map((e) => ({ group: 'edges' as const, data: e.data, classes: e.mark ? `d-${e.mark}` : 'd-context' })),
    ],
  });
  const bar = el.querySelector('.compare-map-bar') as HTMLElement;
  const key = el.querySelector('.compare-legend') as HTMLElement;
  /** Frames every node in the room the bar and the key leave: the key stands at the right on a wide screen, below on a phone. */
  const frame = () => {
    cy.resize();
    const box = el.getBoundingClientRect();
    const k = key.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    const beside = k.left > box.left + box.width / 2;
    const inset = { left: 24, top: b.bottom - box.top + 30, right: beside ? box.right - k.left + 24 : 24, bottom: beside ? 24 : box.bottom - k.top + 30 };
    const bb = cy.nodes().boundingBox({});
    const w = Math.max(1, cy.width() - inset.left - inset.right);
    const hh = Math.max(1, cy.height() - inset.top - inset.bottom);
    const whole = Math.min(w / Math.max(bb.w, 1), hh / Math.max(bb.h, 1));
    // On a phone the whole picture would be too small to read: it is framed by its width, from the top, and scrolled.
    const zoom = Math.min(1.3, Math.max(cy.minZoom(), narrow ? Math.max(whole, Math.min(0.6, w / Math.max(bb.w, 1))) : whole));
    const fits = bb.h * zoom <= hh;
    cy.viewport({ zoom, pan: { x: inset.left + w / 2 - ((bb.x1 + bb.x2) / 2) * zoom, y: fits ? inset.top + hh / 2 - ((bb.y1 + bb.y2) / 2) * zoom : inset.top - bb.y1 * zoom } });
  };
  frame();
  // Turning a tablet, or a window made narrow: the columns follow, and the view is framed again.
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (destroyed) return;
          cy.resize();
          const now = host.clientWidth < 600;
          if (now === narrow) return;
          narrow = now;
          (key as HTMLDetailsElement).open = !narrow;
          const next = layout();
          cy.nodes().positions((n) => next.get(n.id()) ?? n.position());
          frame();
        });
  observer?.observe(canvas);

  let destroyed = false;
  const close = () => {
    handle.destroy();
    onClose();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  back.addEventListener('click', close);
  fit.addEventListener('click', frame);
  key.addEventListener('toggle', frame);
  el.addEventListener('keydown', onKey);
  back.focus();
  // The browser tests' and debugging hook (app/testHook.ts) reaches the diff view's graph too.
  const hook = (window as unknown as { goldenThread?: Record<string, unknown> }).goldenThread;
  if (hook) hook.diffCy = () => (destroyed ? null : cy);

  const handle: DiffMapHandle = {
    cy,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      observer?.disconnect();
      cy.destroy();
      el.remove();
    },
    get destroyed() {
      return destroyed;
    },
  };
  return handle;
}

/** The differences as a list for a screen reader: the drawing is a picture to it. */
function listOf(picture: DiffPicture): HTMLElement {
  const label = new Map(picture.legend.map((l) => [`${l.what}:${l.mark}`, l.label]));
  return h(
    'ul',
    { class: 'visually-hidden', id: 'compare-map-list' },
    picture.nodes.filter((n) => n.mark).map((n) => h('li', {}, `${label.get(`node:${n.mark}`) ?? n.mark}: ${n.data.short.slice(2)} ${n.data.label}`)),
  );
}

/** One swatch per mark, drawn with the same border style, colour and badge as on the map. */
function legendOf(entries: LegendEntry[], open: boolean): HTMLElement {
  // Folded on a phone, where it would cover half the picture; its summary still gives each mark's badge and count.
  const summary = entries
    .filter((e) => e.what === 'node' && e.count > 0)
    .map((e) => `${BADGES[e.mark as NodeMark]} ${e.count}`)
    .join(' · ');
  return h(
    'details',
    { class: 'compare-legend', id: 'compare-legend', open, 'aria-label': 'Key to the differences' },
    h('summary', {}, h('strong', {}, 'Key'), h('span', { class: 'compare-legend-summary' }, ` ${summary}`)),
    h(
      'ul',
      {},
      entries.map((e) =>
        h(
          'li',
          { 'data-mark': `${e.what}:${e.mark}` },
          e.what === 'node' ? nodeSwatch(e.mark as NodeMark) : edgeSwatch(e.mark as EdgeMark),
          h('span', { class: 'compare-legend-label' }, e.label),
          h('span', { class: 'compare-legend-count' }, String(e.count)),
        ),
      ),
    ),
    h('p', { class: 'hint' }, 'Faint: unchanged, shown for context.'),
  );
}

function nodeSwatch(mark: NodeMark): HTMLElement {
  const look = NODE_LOOKS[mark];
  return h(
    'span',
    { class: 'compare-swatch', style: `border: ${Math.min(look.width / 2, 6)}px ${look.border} ${look.colour};${look.faded ? ' background: #f6dcd6;' : ''}`, 'aria-hidden': 'true' },
    BADGES[mark],
  );
}

function edgeSwatch(mark: EdgeMark): SVGElement {
  const look = EDGE_LOOKS[mark];
  const dash = look.border === 'dashed' ? '7 4' : look.border === 'dotted' ? '2 4' : '';
  const line = svg('line', { x1: 2, y1: 9, x2: 34, y2: 9, stroke: look.colour, 'stroke-width': Math.min(look.width, 4), ...(dash ? { 'stroke-dasharray': dash } : {}) });
  return svg('svg', { width: 36, height: 18, viewBox: '0 0 36 18', 'aria-hidden': 'true', class: 'compare-edge-swatch' }, line);
}
