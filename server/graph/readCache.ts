import type { CommittedChange } from '../changes/bus.js';
import type { GraphStore } from '../store/port.js';

/**
 * Derived read models that many requests need and few writes change: which plan each
 * node belongs to, gap lists, golden threads. A seminar room asks for the same ones
 * again and again. The change pipeline's bus tells them of every commit;
 * a maximum age covers writes made by another process on a shared Neo4j.
 */

const MAX_AGE_MS = 10_000;
/** Entries kept per store; the oldest go first. */
const MAX_ENTRIES = 500;

type Entry = { at: number; value: Promise<unknown> };
const caches = new WeakMap<GraphStore, Map<string, Entry>>();

export function cached<T>(store: GraphStore, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
  const value = compute();
  cache.delete(key);
  cache.set(key, { at: Date.now(), value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  // A failed computation is not kept: the next request tries again.
  value.catch(() => cache!.delete(key));
  return value;
}

/** Whether a fresh value for `key` is at hand, so that a caller can choose a cheaper path when it is not. */
export function isCached(store: GraphStore, key: string): boolean {
  const hit = caches.get(store)?.get(key);
  return hit !== undefined && Date.now() - hit.at < MAX_AGE_MS;
}

export function invalidateReadCaches(store: GraphStore): void {
  caches.get(store)?.clear();
}

/** Brings the read models up to date with a committed change (the store's pipeline calls it for every commit). */
export function updateReadModels(store: GraphStore, _change: CommittedChange): void {
  invalidateReadCaches(store);
}
