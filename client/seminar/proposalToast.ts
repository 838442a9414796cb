import type { Ctx } from '../app/context.js';
import { setPanel } from '../state/actions.js';
import { h } from '../ui/dom.js';
import type { Controller } from './controller.js';

/**
 * The facilitator's notice on the map of proposals waiting for a decision, whichever
 * panel is open (lighting a thread opens Details): one click shows them.
 */
export function mountProposalToast(ctx: Ctx, c: Controller, doc: Document = document) {
  const button = h('button', { type: 'button', class: 'proposal-toast', 'aria-live': 'polite' });
  button.addEventListener('click', () => {
    ctx.dispatch((s) => setPanel(s, 'seminar'), 'replace');
    requestAnimationFrame(() => requestAnimationFrame(() => doc.getElementById('seminar-proposals')?.scrollIntoView({ block: 'start' })));
  });
  const off = ctx.store.subscribe((st, prev) => {
    if (st.panel !== prev.panel) api.render();
  });
  const api = {
    render() {
      const open = c.room?.proposals.filter((p) => p.status === 'open').length ?? 0;
      const frame = doc.querySelector('.map-frame');
      const shown = open > 0 && !c.room?.ended && (ctx.store.get().panel !== 'seminar' || doc.querySelector('.app.presenter') !== null);
      if (!shown) return void button.remove();
      if (frame && button.parentElement !== frame) frame.append(button);
      button.textContent = `${open} ${open === 1 ? 'proposal waits' : 'proposals wait'} for your decision`;
    },
    destroy() {
      off();
      button.remove();
    },
  };
  return api;
}
