/**
 * Runs async tasks one at a time, in order. An embedded connection serves one
 * statement at a time, and a transaction's statements must not interleave with others.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
