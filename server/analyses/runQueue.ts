/**
 * Saved analyses run one at a time through the console's workers, in arrival order:
 * the gaps panel asks for every analysis's count at once, and the console's pool would
 * answer most of them "busy". A queue longer than `maxWaiting` is refused at once.
 */
export class RunQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly maxWaiting = 32) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting) return Promise.reject(new Error('queue full'));
    this.waiting++;
    const next = this.tail.then(work, work).finally(() => this.waiting--);
    this.tail = next.catch(() => undefined);
    return next;
  }

  get full(): boolean {
    return this.waiting >= this.maxWaiting;
  }
}
