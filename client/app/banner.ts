import { chooseCell, chooseGap, clearNeighbourhood, exitThread } from '../state/actions.js';
import { threadHeadline } from '../thread/utils.js';
import { h, fill } from '../ui/dom.js';
import type { Ctx, Frame } from './context.js';
import type { Shell } from './shell.js';

/** The line above the map that says what is lit (a thread, a gap, a matrix cell, a neighbourhood) and how to get back. */
export function renderBanner(shell: Shell, ctx: Ctx, f: Frame): void {
  const { state, view } = f;
  let text: string | null = null;
  let exitLabel = '';
  let exit: (() => void) | null = null;
  if (state.mode === 'thread') {
    exitLabel = 'Back to the whole map (Esc)';
    exit = () => ctx.dispatch(exitThread);
    if (f.thread.status === 'ready') {
      text = threadHeadline(f.thread.value);
      const key = f.thread.value.origin.id;
      if (shell.threadLive.dataset.origin !== key) {
        shell.threadLive.dataset.origin = key;
        shell.threadLive.textContent = f.thread.value.description || text;
      }
    } else if (f.thread.status === 'loading') text = 'Tracing the golden thread…';
    else if (f.thread.status === 'error') text = `The golden thread could not be traced: ${f.thread.error}`;
  } else {
    delete shell.threadLive.dataset.origin;
    if (state.neighbourhood) {
      const n = f.data.index.nodes.get(state.neighbourhood.id);
      const steps = state.neighbourhood.steps;
      text = `Everything within ${steps} ${steps === 1 ? 'link' : 'links'} of ${n ? n.label : state.neighbourhood.id}${state.neighbourhood.types.length ? ` along ${state.neighbourhood.types.join(', ')}` : ''} (N for more, Shift+N for fewer)`;
      exitLabel = 'Close the neighbourhood';
      exit = () => ctx.dispatch(clearNeighbourhood);
    } else if (state.cell) {
      text = view.caption ?? 'Loading the matrix cell…';
      exitLabel = 'Show the whole map';
      exit = () => ctx.dispatch((s) => chooseCell(s, null));
    } else if (state.gap) {
      text = view.caption ?? 'Running the analysis…';
      exitLabel = 'Clear the highlight';
      exit = () => ctx.dispatch((s) => chooseGap(s, null));
    }
  }
  const banner = shell.banner;
  banner.hidden = text === null || state.view !== 'map';
  banner.classList.toggle('thread-banner', state.mode === 'thread');
  if (text === null) return;
  const sig = `${text}|${exitLabel}`;
  if (banner.dataset.sig === sig) return;
  banner.dataset.sig = sig;
  const button = h('button', { type: 'button', class: 'button small', id: 'banner-exit' }, exitLabel);
  button.onclick = exit;
  fill(banner, h('span', { class: 'banner-mark', 'aria-hidden': 'true' }), h('p', { class: 'banner-text' }, text), button);
}
