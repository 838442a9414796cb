import type { ActionStatusAt, RollupRowData } from './badgeSpecs.js';

/**
 * The progress data the map and the detail panel share: each action's status and the
 * roll-up as at a period, fetched once per period and kept until a change is committed
 * (one event stream for the whole page, from /api/events), then fetched afresh.
 */

type Listener = () => void;
const listeners = new Set<Listener>();
const cache = new Map<string, Promise<unknown>>();
let events: EventSource | null = null;

/** Called after every committed change, once the caches are cleared. Returns the unsubscribe. */
export function onCommitted(listener: Listener): () => void {
  listeners.add(listener);
  if (!events && typeof EventSource !== 'undefined') {
    events = new EventSource('/api/events');
    events.addEventListener('committed', () => {
      cache.clear();
      for (const l of [...listeners]) l();
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && events) {
      events.close();
      events = null;
    }
  };
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const json = (await res.json()) as { error?: { message?: string } };
  if (!res.ok) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
  return json as T;
}

function cached<T>(url: string): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = getJson<T>(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return p;
}

export const statusesAt = (period: string) => cached<{ actions: ActionStatusAt[] }>(`/api/progress/statuses?period=${encodeURIComponent(period)}`).then((r) => r.actions);
/** The roll-up of every plan's actions, or of one plan's when `plan` is given (the map's plan filter). */
export const rollupAt = (period: string, plan: string | null = null) =>
  cached<{ rows: RollupRowData[] }>(`/api/rollup?period=${encodeURIComponent(period)}${plan ? `&plan=${encodeURIComponent(plan)}` : ''}`).then((r) => r.rows);
/** Drops every cached answer (a change this page committed, before the event stream says so). */
export function forgetProgress(): void {
  cache.clear();
}
