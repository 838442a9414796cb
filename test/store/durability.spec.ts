import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appliedMigrations } from '../../server/migrations/index.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { runTsx } from '../fixtures/processes.js';

/**
 * An acknowledged write survives the process dying at once (SIGKILL, no close), even a
 * write holding a value of 100 KB, which LadybugDB 0.19's write log cannot replay: the
 * store checkpoints every write before it resolves.
 */

const root = mkdtempSync(join(tmpdir(), 'gt-durability-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a write acknowledged just before the process is killed', () => {
  it.each([100, 100_000])(
    'with a value of %i characters is there when the store opens again',
    async (size) => {
      const dir = join(root, `size-${size}`);
      const child = runTsx('test/fixtures/writeThenDie.ts', [dir, String(size)], process.env);
      await child.waitForOutput(/acknowledged/, 60_000);
      expect((await child.exited).signal).toBe('SIGKILL');
      const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 128 });
      await store.open();
      try {
        const rows = await appliedMigrations(store);
        expect(rows.map((r) => [r.migrationId, r.name.length])).toEqual([[9999, size]]);
      } finally {
        await store.close();
      }
    },
    90_000,
  );

  it("in a bulk load (the benchmark's) is there once endBulkLoad() has folded the load into the file", async () => {
    const dir = join(root, 'bulk');
    const child = runTsx('test/fixtures/writeThenDie.ts', [dir, '100000', 'bulk'], process.env);
    await child.waitForOutput(/acknowledged/, 60_000);
    expect((await child.exited).signal).toBe('SIGKILL');
    const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 128 });
    await store.open();
    try {
      expect((await appliedMigrations(store)).map((r) => [r.migrationId, r.name.length])).toEqual([[9999, 100_000]]);
    } finally {
      await store.close();
    }
  }, 90_000);
});
