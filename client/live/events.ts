import type { CommittedEvent } from '../../model/changes.js';

/**
 * The live feed: one EventSource on GET /api/events for the whole explorer. Every
 * committed change anywhere (this tab, another planner, a seminar, an import) arrives
 * as a `committed` event; listeners refresh what it touched. The browser reconnects by
 * itself after a dropped connection (the server asks for 2 s), and `onReconnect` lets
 * the explorer catch up on what it missed meanwhile.
 */

export type LiveFeed = {
  onCommitted(listener: (e: CommittedEvent) => void): () => void;
  /** How many changes this explorer has seen committed: panels key their renders on it. */
  readonly revision: number;
  destroy(): void;
};

export function openLiveFeed(win: Window, onReconnect: () => void): LiveFeed {
  const listeners = new Set<(e: CommittedEvent) => void>();
  let revision = 0;
  let opened = false;
  let source: EventSource | null = typeof (win as Window & typeof globalThis).EventSource === 'function' ? new (win as Window & typeof globalThis).EventSource('/api/events') : null;
  source?.addEventListener('committed', (msg) => {
    let event: CommittedEvent;
    try {
      event = JSON.parse((msg as MessageEvent<string>).data) as CommittedEvent;
    } catch (err) {
      console.error('golden-thread: an unreadable live event was ignored', err);
      return;
    }
    revision += 1;
    for (const l of [...listeners]) l(event);
  });
  source?.addEventListener('open', () => {
    // The first open is the start; any later one follows a drop, when events may have been missed.
    if (opened) onReconnect();
    opened = true;
  });
  return {
    onCommitted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get revision() {
      return revision;
    },
    destroy() {
      source?.close();
      source = null;
      listeners.clear();
    },
  };
}
