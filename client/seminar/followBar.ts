import type { Ctx } from '../app/context.js';
import { setPanel } from '../state/actions.js';
import { h, fill } from '../ui/dom.js';
import type { Controller } from './controller.js';
import { openDrawer } from './drawer.js';

/**
 * A participant's bar along the bottom of the map, where a thumb reaches: whether the
 * map follows the facilitator, the "Back to the facilitator" button once they have
 * looked round by themself, and on a phone one tap to the details, proposing or voting.
 */

export function mountFollowBar(ctx: Ctx, c: Controller, doc: Document = document) {
  const status = h('span', { class: 'follow-status', role: 'status' });
  const back = h('button', { type: 'button', class: 'button follow-back', onclick: () => c.backToFacilitator() }, 'Back to the facilitator');
  const go = (panel: 'details' | 'seminar', section?: string) => {
    ctx.dispatch((s) => setPanel(s, panel), 'replace');
    openDrawer(doc);
    if (section) requestAnimationFrame(() => requestAnimationFrame(() => doc.getElementById(section)?.scrollIntoView({ block: 'start' })));
  };
  const quick = h(
    'div',
    { class: 'follow-quick' },
    h('button', { type: 'button', class: 'tool-big', onclick: () => go('details') }, 'Details'),
    h('button', { type: 'button', class: 'tool-big', onclick: () => go('seminar', 'seminar-propose') }, 'Propose'),
    h('button', { type: 'button', class: 'tool-big', onclick: () => go('seminar', 'seminar-proposals') }, 'Vote'),
  );
  const bar = h('div', { class: 'follow-bar', 'aria-label': 'Following the facilitator' }, h('div', { class: 'follow-line' }, status, back), quick);
  let attached = false;

  function render() {
    if (!attached) {
      const frame = doc.querySelector('.map-frame');
      if (!frame) return;
      frame.append(bar);
      attached = true;
    }
    const f = c.follow;
    const room = c.room;
    const following = f.mode === 'following';
    bar.classList.toggle('free', !following);
    fill(status, following ? (f.locked ? '🔒 Following the facilitator (locked)' : '● Following the facilitator') : 'You are looking round by yourself');
    if (room) status.append(h('span', { class: 'meta' }, ` · ${room.seminar.code} · ${room.presence.count} present`));
    back.hidden = following;
  }
  return {
    render,
    destroy() {
      bar.remove();
    },
  };
}
