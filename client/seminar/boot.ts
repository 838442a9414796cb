import { joinCodeIn, loadSeat } from './session.js';

/**
 * At start-up, before the URL is rewritten from the state: a join link (`/?join=CODE`)
 * or a seat this tab already holds opens the Seminar panel, and the code waits in
 * sessionStorage for the panel's join form. Tiny on purpose: the seminar's code loads
 * with its panel, not with the explorer.
 */

export const PENDING_JOIN_KEY = 'golden-thread:seminar-join';

export function wantsSeminar(win: Window): boolean {
  let storage: Storage | null = null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null;
  }
  const code = joinCodeIn(win.location);
  if (code) {
    try {
      storage?.setItem(PENDING_JOIN_KEY, code);
    } catch {
      // No storage: the panel reads the code from the URL if it is still there.
    }
    return true;
  }
  return loadSeat(storage) !== null;
}
