import type { GraphStore } from '../store/port.js';

/**
 * Derived read models that many requests need and few writes change: which plan each
 * node belongs to, gap lists, golden threads. A seminar room asks for the same ones
 * again and again. GraphWriter, the one write path, clears them after every commit;
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

const generations = new WeakMap<GraphStore, number>();

/** A number that changes on every invalidation: read models kept elsewhere (the search index) compare it to know they are stale. */
export function readGeneration(store: GraphStore): number {
  return generations.get(store) ?? 0;
}

export function invalidateReadCaches(store: GraphStore): void {
  caches.get(store)?.clear();
  generations.set(store, readGeneration(store) + 1);
}
