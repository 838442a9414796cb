import { createHash } from 'node:crypto';
import { SignInFailureRow, systemQueryName } from '../../model/system.js';
import type { GraphStore, NodeValue, Transaction } from '../store/port.js';
import type { FailureCount, FailureCountRepository } from './repositories.js';

/**
 * Sign-in failure counts in the graph store's SignInFailure table (model/system.ts), so
 * that a restart does not forget them: an attacker who could cause restarts would
 * otherwise get a fresh allowance of guesses each time. A row's id is the SHA-256 of the
 * key (the limit and a username or client address), so the table names nobody. Each
 * count is read and written in one transaction. Windows that ended are swept out at most
 * once per window, when a count is next taken.
 */

const Q = {
  get: systemQueryName('get', 'SignInFailure'),
  upsert: systemQueryName('upsert', 'SignInFailure'),
  delete: systemQueryName('delete', 'SignInFailure'),
  all: systemQueryName('all', 'SignInFailure'),
} as const;

const idOf = (key: string) => createHash('sha256').update(key).digest('hex');

async function rowOf(tx: Transaction, id: string): Promise<SignInFailureRow | undefined> {
  const props = ((await tx.run(Q.get, { id }))[0]?.n as NodeValue | undefined)?.properties;
  return props ? SignInFailureRow.parse({ ...props, hits: Number(props.hits) }) : undefined;
}

export class StoreFailureCounts implements FailureCountRepository {
  private lastSweep = 0;

  constructor(private readonly store: GraphStore) {}

  increment(key: string, windowMs: number, now: Date): Promise<FailureCount> {
    const id = idOf(key);
    const sweep = now.getTime() - this.lastSweep >= windowMs;
    if (sweep) this.lastSweep = now.getTime();
    return this.store.write(async (tx) => {
      if (sweep) await this.sweep(tx, now);
      const current = await rowOf(tx, id);
      const running = current && Date.parse(current.resetAt) > now.getTime();
      const row: SignInFailureRow = running ? { ...current, hits: current.hits + 1 } : { id, hits: 1, resetAt: new Date(now.getTime() + windowMs).toISOString() };
      await tx.run(Q.upsert, { rows: [row] });
      return { hits: row.hits, resetAt: new Date(row.resetAt) };
    });
  }

  async decrement(key: string): Promise<void> {
    const id = idOf(key);
    await this.store.write(async (tx) => {
      const current = await rowOf(tx, id);
      if (current && current.hits > 0) await tx.run(Q.upsert, { rows: [{ ...current, hits: current.hits - 1 }] });
    });
  }

  async reset(key: string): Promise<void> {
    await this.store.write((tx) => tx.run(Q.delete, { id: idOf(key) }));
  }

  private async sweep(tx: Transaction, now: Date): Promise<void> {
    const ended = (await tx.run(Q.all)).map((r) => (r.n as NodeValue).properties).filter((p) => typeof p.resetAt === 'string' && Date.parse(p.resetAt) <= now.getTime());
    for (const p of ended) await tx.run(Q.delete, { id: p.id });
  }
}
