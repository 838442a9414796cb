import { EventEmitter } from 'node:events';
import type { Actor } from '../../model/roles.js';
import type { ChangeDiff, ChangeOrigin } from '../../model/changes.js';

/**
 * The in-process event bus the change pipeline announces on, after a commit (never
 * before: a listener only ever hears of a change that is in the store). The explorer's
 * live feed (GET /api/events), the read models and the seminars subscribe to it.
 */

export type CommittedChange = {
  changeId: string;
  actor: Actor;
  /** ISO time of the commit. */
  at: string;
  reason: string | null;
  origin: ChangeOrigin;
  diff: ChangeDiff;
};

/** A partner editor's change entered the approval queue, or left it. */
export type PendingChangeEvent = { pendingId: string; actor: Actor; status: 'pending' | 'approved' | 'rejected'; at: string };

export type ChangeBusEvents = {
  committed: CommittedChange;
  pending: PendingChangeEvent;
};

export class ChangeBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open explorer holds a listener through the live feed.
    this.emitter.setMaxListeners(0);
  }

  /** Subscribes; returns the function that unsubscribes. */
  on<E extends keyof ChangeBusEvents>(event: E, listener: (payload: ChangeBusEvents[E]) => void): () => void {
    const safe = (payload: ChangeBusEvents[E]) => {
      // A failing listener must not undo a commit or stop the other listeners.
      try {
        listener(payload);
      } catch (err) {
        console.error(`change bus listener for ${event} failed:`, err);
      }
    };
    this.emitter.on(event, safe);
    return () => this.emitter.off(event, safe);
  }

  emit<E extends keyof ChangeBusEvents>(event: E, payload: ChangeBusEvents[E]): void {
    this.emitter.emit(event, payload);
  }

  listenerCount(event: keyof ChangeBusEvents): number {
    return this.emitter.listenerCount(event);
  }
}
