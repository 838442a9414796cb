import type { Store } from '../state/store.js';
import { decodeState, encodeState } from '../state/url.js';

/**
 * The URL follows the state (push for a step a planner would go back to, replace for
 * camera moves), and back and forward put the URL's state back.
 */
export function syncUrl(win: Window, store: Store): () => void {
  const unsubscribe = store.subscribe((s, _prev, history) => {
    if (history === 'none') return;
    const qs = encodeState(s);
    const url = `${win.location.pathname}${qs ? `?${qs}` : ''}`;
    if (url === `${win.location.pathname}${win.location.search}`) return;
    if (history === 'push') win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  });
  const onPopState = () => {
    const next = decodeState(win.location.search).state;
    store.update(() => next, 'none');
  };
  win.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
  };
}
