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
  const decision = h('p', { class: 'follow-decision', 'aria-live': 'polite', hidden: true });
  const bar = h('div', { class: 'follow-bar', 'aria-label': 'Following the facilitator' }, h('div', { class: 'follow-line' }, status, back), decision, quick);
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
    // The room's latest decision, as it happens: everyone sees the outcome without opening a panel.
    const last = room ? [...room.proposals].filter((p) => p.status !== 'open').sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))[0] : undefined;
    decision.hidden = !last;
    if (last)
      decision.textContent = `${last.status === 'accepted' ? '✔ Accepted' : '✘ Declined'}: “${last.comment.length > 70 ? `${last.comment.slice(0, 69)}…` : last.comment}”${last.status === 'declined' && last.declineReason ? ` — ${last.declineReason}` : ''}`;
  }
  return {
    render,
    destroy() {
      bar.remove();
    },
  };
}
