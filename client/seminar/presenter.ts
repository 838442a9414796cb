import type { Ctx } from '../app/context.js';
import { setLabelScale } from '../state/actions.js';
import type { LabelScale } from '../state/types.js';
import { h, fill } from '../ui/dom.js';
import type { Controller } from './controller.js';

/**
 * The presenter view for the projector: the map fills the screen, the header and panels
 * go, labels take the large projector theme, and the join code, the link, the QR code
 * and the number of people present stay in a corner where the back row can read them.
 * Esc (or the small button) gives the facilitator their panels back.
 */

export function mountPresenter(ctx: Ctx, c: Controller, qr: () => string | null, doc: Document = document) {
  let on = false;
  let labelsBefore: LabelScale = 1;
  const code = h('div', { class: 'presenter-code', 'aria-label': 'Join code' });
  const link = h('div', { class: 'presenter-link' });
  const count = h('div', { class: 'presenter-count', role: 'status' });
  const qrImg = h('img', { class: 'presenter-qr', alt: 'QR code of the join link', width: '150', height: '150' });
  const title = h('div', { class: 'presenter-title' });
  const leave = h('button', { type: 'button', class: 'presenter-leave', title: 'Back to the panels (Esc)' }, 'Leave presenter view');
  const card = h(
    'aside',
    { class: 'seminar-overlay presenter-card', 'aria-label': 'How to join' },
    h('div', { class: 'presenter-join' }, h('div', { class: 'presenter-say' }, 'Join with code'), code),
    qrImg,
    link,
    count,
    h('div', { class: 'presenter-titlebar' }, title, leave),
  );
  leave.addEventListener('click', () => set(false));
  const onKey = (e: KeyboardEvent) => {
    if (on && e.key === 'Escape') set(false);
  };
  doc.addEventListener('keydown', onKey);
  // The map's size changes (panels gone, another projector): frame the same graph area again,
  // rather than keep the centre at the old zoom and cut the edges off. The camera in the
  // state is still the one from before the resize (camera reports wait for the map to settle).
  const refit = () => {
    const cam = ctx.store.get().camera;
    if (!cam) return ctx.requestRender();
    requestAnimationFrame(() => requestAnimationFrame(() => ctx.map()?.setCamera(cam)));
  };
  const onResize = () => {
    if (on) refit();
  };
  doc.defaultView?.addEventListener('resize', onResize);

  function render() {
    const room = c.room;
    if (!room) return;
    code.textContent = `${room.seminar.code.slice(0, 3)}\n${room.seminar.code.slice(3)}`;
    code.setAttribute('aria-label', `Join code ${room.seminar.code.split('').join(' ')}`);
    const url = room.seminar.joinUrl;
    fill(link, url.replace(/^https?:\/\//, ''));
    count.textContent = `${room.presence.count} present`;
    title.textContent = room.seminar.title;
    const src = qr();
    if (src && qrImg.getAttribute('src') !== src) qrImg.src = src;
    qrImg.hidden = !src;
  }

  function set(next: boolean) {
    if (next === on) return;
    on = next;
    const app = doc.querySelector('.app');
    app?.classList.toggle('presenter', on);
    const frame = doc.querySelector('.map-frame');
    if (on) {
      frame?.append(card);
      labelsBefore = ctx.store.get().labelScale;
      ctx.dispatch((s) => setLabelScale(s, 2), 'replace');
      render();
    } else {
      card.remove();
      ctx.dispatch((s) => setLabelScale(s, labelsBefore), 'replace');
    }
    refit();
  }

  return {
    get on() {
      return on;
    },
    set,
    render,
    destroy() {
      set(false);
      doc.removeEventListener('keydown', onKey);
      doc.defaultView?.removeEventListener('resize', onResize);
    },
  };
}
