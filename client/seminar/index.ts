import type { Ctx, Frame, Loaded, Panel } from '../app/context.js';
import { h, fill } from '../ui/dom.js';
import { PENDING_JOIN_KEY } from './boot.js';
import { openDrawer } from './drawer.js';
import { startController, type Controller } from './controller.js';
import { mountDots } from './dots.js';
import { mountFollowBar } from './followBar.js';
import { mountPresenter } from './presenter.js';
import { mountProposalForm } from './proposalForm.js';
import { mountProposalList } from './proposalList.js';
import { mountSeatForms } from './seatForms.js';
import { loadSeat, saveSeat, type Seat } from './session.js';
import { mountSummary } from './summary.js';
import { mountPresence } from './presence.js';
import { mountProposalToast } from './proposalToast.js';
import { mountFacilitatorControls } from './facilitatorControls.js';
import './seminar.css';

/**
 * The Seminar panel: before a seat, the join form (a display name, no account) and the
 * facilitator's "start a seminar from this map"; with a seat, the room: the join code,
 * follow mode, proposing, the proposals with their diffs and decisions, dot votes, who
 * is present, and the summary once it ends. The connection lives as long as the
 * explorer, whichever panel is on screen.
 */

export function mountSeminar(root: HTMLElement, ctx: Ctx): Panel {
  const storage = sessionStorageOf();
  let lastData: Loaded | null = null;
  const data = () => lastData;
  const el = h('div', { class: 'seminar' });
  root.append(el);
  let live: ReturnType<typeof mountLive> | null = null;

  const enter = (seat: Seat) => {
    saveSeat(storage, seat);
    live?.destroy();
    live = mountLive(el, ctx, startController(ctx, seat, storage, data), data, () => {
      live = null;
      showForms();
    });
  };
  let forms: ReturnType<typeof mountSeatForms> | null = null;
  const showForms = () => {
    el.replaceChildren();
    let code: string | null = null;
    try {
      code = storage?.getItem(PENDING_JOIN_KEY) ?? null;
      storage?.removeItem(PENDING_JOIN_KEY);
    } catch {
      code = null;
    }
    forms = mountSeatForms(el, ctx, { code, onSeat: enter });
    // A join link on a phone: the panels are a drawer, opened so the form is the first thing seen.
    if (code) requestAnimationFrame(() => openDrawer());
  };

  const seat = loadSeat(storage);
  let pendingSeat = seat;
  if (!seat) showForms();

  return {
    update(frame: Frame) {
      lastData = frame.data;
      // A seat from before a reload: joined again once the graph is here (the shared layout needs it).
      if (pendingSeat) {
        const s = pendingSeat;
        pendingSeat = null;
        enter(s);
      }
      live?.update(frame);
      forms?.update();
    },
    destroy() {
      live?.destroy();
      el.remove();
    },
    focus() {
      el.querySelector<HTMLElement>('h2')?.focus();
    },
  };
}

function mountLive(el: HTMLElement, ctx: Ctx, c: Controller, data: () => Loaded | null, onLeft: () => void) {
  el.replaceChildren();
  const heading = h('h2', { tabindex: '-1', id: 'seminar-heading' }, 'Seminar');
  const notice = h('p', { class: 'seminar-notice', role: 'alert', hidden: true });
  const statusLine = h('p', { class: 'seminar-status' });
  const controlsHost = h('div', { class: 'seminar-controls' });
  const proposeHost = h('section', { class: 'seminar-section', id: 'seminar-propose', 'aria-labelledby': 'seminar-propose-h' }, h('h3', { id: 'seminar-propose-h' }, 'Propose a change'));
  const proposalsHost = h('section', { class: 'seminar-section', id: 'seminar-proposals', 'aria-labelledby': 'seminar-proposals-h' }, h('h3', { id: 'seminar-proposals-h' }, 'Proposals'));
  const dotsHost = h('section', { class: 'seminar-section', id: 'seminar-dots', 'aria-labelledby': 'seminar-dots-h' }, h('h3', { id: 'seminar-dots-h' }, 'Dot votes'));
  const presenceHost = h('section', { class: 'seminar-section', id: 'seminar-presence', 'aria-labelledby': 'seminar-presence-h' });
  const summaryHost = h('section', { class: 'seminar-section', id: 'seminar-summary', hidden: true, 'aria-labelledby': 'seminar-summary-h' });
  // The facilitator decides first and proposes seldom; a participant proposes first.
  el.append(heading, notice, statusLine, controlsHost, summaryHost, ...(c.isFacilitator ? [proposalsHost, dotsHost, proposeHost] : [proposeHost, proposalsHost, dotsHost]), presenceHost);

  let qrUrl: string | null = null;
  const presenter = c.isFacilitator ? mountPresenter(ctx, c, () => qrUrl) : null;
  const controls = c.isFacilitator ? mountFacilitatorControls(controlsHost, c, presenter!, (u) => (qrUrl = u)) : null;
  const followBar = c.isFacilitator ? null : mountFollowBar(ctx, c);
  const toast = c.isFacilitator ? mountProposalToast(ctx, c) : null;
  const form = mountProposalForm(proposeHost, ctx, c, data);
  const list = mountProposalList(proposalsHost, c, data);
  const dots = mountDots(dotsHost, ctx, c, data);
  const presence = mountPresence(presenceHost);
  const summary = mountSummary(summaryHost, c);

  const render = () => {
    if (c.destroyed) return;
    const room = c.room;
    fill(heading, room ? `Seminar: ${room.seminar.title}` : 'Seminar');
    notice.hidden = !c.notice;
    notice.textContent = c.notice;
    const who = c.isFacilitator ? 'You are the facilitator' : `You are ${room?.you?.displayName ?? c.seat.displayName}`;
    statusLine.textContent = `${who} · code ${c.seat.code} · ${c.status === 'connected' ? 'connected' : c.status === 'reconnecting' ? 'reconnecting…' : c.status}`;
    controls?.render();
    presenter?.render();
    followBar?.render();
    toast?.render();
    list.render();
    dots.render();
    if (room) presence.render(room.presence);
    summary.render();
    proposeHost.hidden = !!room?.ended;
  };
  const off = c.onChange(render);
  const offLeft = c.onChange(() => {
    if (c.destroyed) {
      teardown();
      onLeft();
    }
  });
  render();

  function teardown() {
    off();
    offLeft();
    presenter?.destroy();
    followBar?.destroy();
    toast?.destroy();
    dots.destroy();
    controls?.destroy();
  }
  return {
    update(_frame: Frame) {
      form.update();
    },
    destroy() {
      teardown();
      c.destroy();
    },
  };
}

function sessionStorageOf(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
