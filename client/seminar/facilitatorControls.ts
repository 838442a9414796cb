import { h, fill } from '../ui/dom.js';
import type { Controller } from './controller.js';
import type { mountPresenter } from './presenter.js';

/**
 * What only the facilitator has: the join code, link and QR code to show the room, the
 * presenter view, bringing everyone back to their view, locking following for a moment
 * of attention, and ending the seminar.
 */
export function mountFacilitatorControls(host: HTMLElement, c: Controller, presenter: ReturnType<typeof mountPresenter>, onQr: (url: string | null) => void) {
  const code = h('div', { class: 'join-code', 'aria-label': 'Join code' });
  const link = h('a', { class: 'join-link', target: '_blank', rel: 'noopener' });
  const qr = h('img', { class: 'join-qr', alt: 'QR code of the join link', width: '160', height: '160', hidden: true });
  const present = h('button', { type: 'button', class: 'button big', onclick: () => presenter.set(true) }, 'Presenter view');
  const recall = h('button', { type: 'button', class: 'button', onclick: () => void c.send('recall', {}) }, 'Bring everyone back');
  const lock = h('button', { type: 'button', class: 'button secondary', 'aria-pressed': 'false' });
  lock.addEventListener('click', () => void c.send('lock', { locked: !(c.room?.follow.locked ?? false) }));
  const end = h('button', { type: 'button', class: 'button danger' }, 'End the seminar');
  end.addEventListener('click', () => {
    if (!window.confirm('End the seminar for everyone? Its summary is made now.')) return;
    void c.send('end', {}).then((ack) => {
      if (!ack.ok) c.setNotice(`The seminar could not be ended: ${ack.error.message}`);
    });
  });
  host.append(
    h('div', { class: 'join-box' }, h('div', {}, h('div', { class: 'meta' }, 'Join code'), code, link), qr),
    h('div', { class: 'control-row' }, present, recall, lock),
    h('div', { class: 'control-row' }, end),
  );

  let qrFor = '';
  let qrObjectUrl: string | null = null;
  const loadQr = (seminarId: string) => {
    if (qrFor === seminarId) return;
    qrFor = seminarId;
    void fetch(`/api/seminars/${encodeURIComponent(seminarId)}/qr`, { headers: { authorization: `Bearer ${c.seat.token}` } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        qrObjectUrl = URL.createObjectURL(await res.blob());
        qr.src = qrObjectUrl;
        qr.hidden = false;
        onQr(qrObjectUrl);
        presenter.render();
      })
      .catch(() => {
        qrFor = '';
      });
  };

  return {
    render() {
      const room = c.room;
      if (!room) return;
      code.textContent = room.seminar.code;
      link.href = room.seminar.joinUrl;
      fill(link, room.seminar.joinUrl);
      loadQr(room.seminar.id);
      const locked = room.follow.locked;
      lock.textContent = locked ? 'Release following' : 'Lock following';
      lock.setAttribute('aria-pressed', String(locked));
      const ended = !!room.ended;
      for (const b of [present, recall, lock, end]) b.disabled = ended;
    },
    destroy() {
      if (qrObjectUrl) URL.revokeObjectURL(qrObjectUrl);
    },
  };
}
