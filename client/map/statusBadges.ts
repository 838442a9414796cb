import type cytoscape from 'cytoscape';
import { h } from '../ui/dom.js';
import { mountOverlayLayer } from './overlayLayer.js';
import './statusBadges.css';

/**
 * Badges drawn as HTML over the map's nodes: each action's progress status (a symbol in a
 * shape and a colour) and, on outcomes, the roll-up of the actions beneath. HTML rather
 * than node styles because Cytoscape sizes a node's label texture once (style.ts), and
 * because it looks the same under the canvas and the WebGL renderer. The badges keep their
 * size on screen, follow the camera, and hide with their node (filtered out or dimmed).
 */

export type Badge = {
  /** The node the badge sits on. */
  id: string;
  /** What the badge says, already formatted (a symbol, or symbols with counts). */
  text: string;
  /** A CSS class for shape and colour (badge-shape-…, badge-status-…) or the roll-up card. */
  className: string;
  /** Said in the tooltip and kept as the badge's accessible description. */
  title: string;
  /** Top-right corner of the node (a status), or beside it (a roll-up card). */
  place: 'corner' | 'beside';
  /** Inline custom properties (--fill, --ink) for the status colours. */
  style?: string;
  /** A second mark beside the badge (the overdue mark). */
  mark?: string;
  /** Data for tests and styles: the status or the counts. */
  data?: Record<string, string>;
};

export function mountStatusBadges(frame: HTMLElement) {
  let placed: { el: HTMLElement; badge: Badge }[] = [];
  const overlay = mountOverlayLayer(frame, 'map-badges', (cy) => {
    const width = cy.width();
    const height = cy.height();
    for (const { el, badge } of placed) {
      const n = cy.getElementById(badge.id);
      const r = n.empty() ? 0 : n.renderedOuterWidth() / 2;
      const shown = !n.empty() && n.visible() && !n.hasClass('hidden') && !n.hasClass('dim') && r >= 5;
      const p = shown ? n.renderedPosition() : { x: -999, y: -999 };
      if (!shown || p.x < -60 || p.y < -60 || p.x > width + 60 || p.y > height + 60) {
        el.hidden = true;
        continue;
      }
      el.hidden = false;
      const x = badge.place === 'corner' ? p.x + r * 0.55 : p.x + r + 4;
      const y = badge.place === 'corner' ? p.y - r * 0.55 - 16 : p.y - 10;
      el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    }
  });

  return {
    show(badges: readonly Badge[], core: cytoscape.Core | null) {
      overlay.replace(badges.map((b) => `${b.id}:${b.className}:${b.text}:${b.mark ?? ''}:${b.title}`).join('|'), () => {
        placed = badges.map((badge) => {
          const data = Object.fromEntries(Object.entries(badge.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
          const el = h(
            'div',
            { class: `map-badge ${badge.className}`, 'data-node': badge.id, title: badge.title, style: badge.style, ...data },
            h('span', {}, badge.text),
            badge.mark ? h('span', { class: 'overdue-mark' }, badge.mark) : null,
          );
          return { badge, el };
        });
        return placed.map((p) => p.el);
      });
      overlay.follow(core);
    },
    destroy() {
      overlay.destroy();
    },
  };
}
