/**
 * This tab's seat in a seminar: the token and who it belongs to, kept in sessionStorage
 * so a reload (or a phone's browser restoring the tab) takes the seat again without
 * joining twice, while another tab of the same browser can join as someone else.
 */

export type Seat = { seminarId: string; code: string; token: string; role: 'facilitator' | 'participant'; displayName: string };

const KEY = 'golden-thread:seminar-seat';

export function loadSeat(storage: Storage | null): Seat | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Seat>;
    return typeof s.seminarId === 'string' && typeof s.token === 'string' && typeof s.code === 'string' && (s.role === 'facilitator' || s.role === 'participant')
      ? { seminarId: s.seminarId, code: s.code, token: s.token, role: s.role, displayName: String(s.displayName ?? '') }
      : null;
  } catch {
    return null;
  }
}

export function saveSeat(storage: Storage | null, seat: Seat | null): void {
  try {
    if (seat) storage?.setItem(KEY, JSON.stringify(seat));
    else storage?.removeItem(KEY);
  } catch {
    // Private mode without storage: the seat lasts as long as the page.
  }
}

/** The join code in a link: `/?join=CODE` (the server's join URL) or `/join/CODE`. */
export function joinCodeIn(location: { pathname: string; search: string }): string | null {
  const q = new URLSearchParams(location.search).get('join');
  const m = /^\/join\/([A-Za-z0-9]{6})\/?$/.exec(location.pathname);
  const code = (q ?? m?.[1] ?? '').trim().toUpperCase();
  return /^[A-Z0-9]{6}$/.test(code) ? code : null;
}
