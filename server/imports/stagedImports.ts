import { randomUUID } from 'node:crypto';
import type { ImportPlanOptions } from '../../model/importMapping.js';

/**
 * Uploads waiting between their preview and their commit, held in memory only for
 * the few minutes the wizard needs (an upload is not state that matters: until it
 * is committed it is just a file the user still has). Bounded in count and age;
 * only the person who uploaded may preview or commit it.
 */

export type StagedImport = {
  id: string;
  ownerId: string;
  file: string;
  buffer: Buffer;
  plan: ImportPlanOptions;
  createdAt: number;
  progress: { stage: string; done: number; total: number };
  /** Once committed: the change, kept so a progress bar still asking gets an answer instead of a 404. */
  committedAs?: string;
};

const MAX_STAGED = 20;
const MAX_AGE_MS = 30 * 60 * 1000;

export class StagedImports {
  private readonly items = new Map<string, StagedImport>();

  add(ownerId: string, file: string, buffer: Buffer, plan: ImportPlanOptions, now = Date.now()): StagedImport {
    this.expire(now);
    if (this.items.size >= MAX_STAGED) {
      const oldest = [...this.items.values()].sort((a, b) => a.createdAt - b.createdAt)[0]!;
      this.items.delete(oldest.id);
    }
    const item: StagedImport = { id: `import:${randomUUID()}`, ownerId, file, buffer, plan, createdAt: now, progress: { stage: 'uploaded', done: 0, total: 1 } };
    this.items.set(item.id, item);
    return item;
  }

  get(id: string, ownerId: string, now = Date.now()): StagedImport | undefined {
    this.expire(now);
    const item = this.items.get(id);
    return item && item.ownerId === ownerId ? item : undefined;
  }

  remove(id: string): void {
    this.items.delete(id);
  }

  /** Committed: the file is let go, its progress kept until the upload would have expired. */
  finish(id: string, changeId: string): void {
    const item = this.items.get(id);
    if (item) this.items.set(id, { ...item, buffer: Buffer.alloc(0), committedAs: changeId, progress: { stage: 'committed', done: 1, total: 1 } });
  }

  private expire(now: number): void {
    for (const [id, item] of this.items) if (now - item.createdAt > MAX_AGE_MS) this.items.delete(id);
  }
}
