/**
 * Server data the panels ask for by key (a node's details, a thread, a gap list, a
 * matrix). Each key is fetched once and kept; asking again returns what is there,
 * and the explorer re-renders when a fetch settles.
 */

export type Resource<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

export const IDLE: Resource<never> = { status: 'idle' };

export type ResourceCache<T> = {
  get(key: string | null): Resource<T>;
  /** Where a key stands, without starting a fetch (renders read; effects fetch). */
  peekState(key: string | null): Resource<T>;
  /** The value, once ready; no fetch is started. */
  peek(key: string | null): T | null;
  clear(): void;
  /** Fetches again what is held (one key, or every key), keeping the old value on screen until the new one arrives. */
  refresh(key?: string): void;
  destroy(): void;
};

export function createResourceCache<T>(fetcher: (key: string, signal: AbortSignal) => Promise<T>, onSettle: () => void, maxEntries = 60): ResourceCache<T> {
  const entries = new Map<string, Resource<T>>();
  const controllers = new Map<string, AbortController>();
  let destroyed = false;
  return {
    get(key) {
      if (key === null) return IDLE;
      const hit = entries.get(key);
      if (hit) return hit;
      if (destroyed) return IDLE;
      const controller = new AbortController();
      controllers.set(key, controller);
      entries.set(key, { status: 'loading' });
      fetcher(key, controller.signal).then(
        (value) => {
          controllers.delete(key);
          if (destroyed) return;
          entries.set(key, { status: 'ready', value });
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
          onSettle();
        },
        (err: unknown) => {
          controllers.delete(key);
          if (destroyed || controller.signal.aborted) return;
          entries.set(key, { status: 'error', error: err instanceof Error ? err.message : String(err) });
          onSettle();
        },
      );
      return { status: 'loading' };
    },
    peekState(key) {
      return (key === null ? undefined : entries.get(key)) ?? IDLE;
    },
    peek(key) {
      const hit = key === null ? undefined : entries.get(key);
      return hit?.status === 'ready' ? hit.value : null;
    },
    clear() {
      entries.clear();
    },
    refresh(key) {
      if (destroyed) return;
      for (const k of key === undefined ? [...entries.keys()] : entries.has(key) ? [key] : []) {
        controllers.get(k)?.abort();
        const controller = new AbortController();
        controllers.set(k, controller);
        fetcher(k, controller.signal).then(
          (value) => {
            if (controllers.get(k) === controller) controllers.delete(k);
            if (destroyed || controller.signal.aborted) return;
            entries.set(k, { status: 'ready', value });
            onSettle();
          },
          (err: unknown) => {
            if (controllers.get(k) === controller) controllers.delete(k);
            if (destroyed || controller.signal.aborted) return;
            entries.set(k, { status: 'error', error: err instanceof Error ? err.message : String(err) });
            onSettle();
          },
        );
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const c of controllers.values()) c.abort();
      controllers.clear();
      entries.clear();
    },
  };
}
