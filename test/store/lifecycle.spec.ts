import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4jStore.js';
import { StoreError, type GraphStore } from '../../server/store/port.js';
import { SerialQueue } from '../../server/store/serialQueue.js';
import { cleanEnv, runTsx, type Running } from '../fixtures/processes.js';

/**
 * Opening and closing the stores: teardown is idempotent, a closed store refuses
 * work with a StoreError, and one data directory belongs to one process at a time.
 */

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gt-lifecycle-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Port 9 (discard) on the loopback: nothing listens, so a connection is refused at once. */
const UNREACHABLE = { uri: 'neo4j://127.0.0.1:9', user: 'neo4j', password: 'none', database: 'neo4j' };

async function storeErrorOf(work: Promise<unknown>): Promise<StoreError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  return err as StoreError;
}

// ---------------------------------------------------------------- LadybugStore

// Each embedded database a process opens reserves a large range of address space, and
// a store that does not give it back on close leaves room for only a handful more in the
// same process. The tests below open as few file databases as they can, in this order,
// so that only the last test ('releases each database on close') depends on that.

describe('LadybugStore', () => {
  describe('with the smallest buffer pool the settings accept', () => {
    it('creates the schema and loads the seed data', async () => {
      const accepts = (mb: number) => {
        try {
          loadConfig({ GT_BUFFER_POOL_MB: String(mb) });
          return true;
        } catch (err) {
          if (err instanceof ConfigError) return false;
          throw err;
        }
      };
      let smallest = 1;
      while (!accepts(smallest) && smallest < 4096) smallest++;
      expect(accepts(smallest)).toBe(true);
      const { store: settings } = loadConfig({ GT_BUFFER_POOL_MB: String(smallest), GT_DATA_DIR: tempDir() });
      if (settings.kind !== 'embedded') throw new Error('expected the embedded store');
      const store = new LadybugStore(settings);
      try {
        await store.open();
        const reports = await loadSeed(store);
        expect(reports.filter((r) => !r.loaded)).toEqual([]);
      } finally {
        await store.close();
      }
    }, 120_000);
  });

  describe('when another process holds the same data directory', () => {
    let holder: Running | undefined;
    afterEach(async () => {
      await holder?.stop('SIGTERM');
      holder = undefined;
    });

    it('fails to open with a StoreError that says what to do, and opens once the other has let go', async () => {
      const dir = tempDir();
      holder = runTsx('test/fixtures/holdLadybugStore.ts', [dir], cleanEnv({}));
      await holder.waitForOutput(/holding .* open/, 30_000);

      const second = new LadybugStore({ dataDir: dir, bufferPoolMb: 64 });
      const err = await storeErrorOf(second.open());
      expect(err.code).toBe('unavailable');
      expect(err.message).toContain(join(dir, 'golden-thread.lbug'));
      expect(err.message).toMatch(/lock/i);
      expect(err.message).toMatch(/another Golden Thread process/);
      expect(err.message).toMatch(/GT_DATA_DIR/);
      await expect(second.close()).resolves.toBeUndefined();

      expect(await holder.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      holder = undefined;
      const third = new LadybugStore({ dataDir: dir, bufferPoolMb: 64 });
      await third.open();
      expect(await third.read('stats/count-nodes')).toEqual([]);
      await third.close();
    }, 60_000);
  });

  describe('when closed twice', () => {
    it('is safe without ever opening it', async () => {
      const store = new LadybugStore({ dataDir: tempDir(), bufferPoolMb: 64 });
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('is safe after opening it, and the folder opens again with its data', async () => {
      const dir = tempDir();
      const first = new LadybugStore({ dataDir: dir, bufferPoolMb: 64 });
      await first.open();
      const count = await first.readOnlyQuery('MATCH (n) RETURN count(n) AS n', {}, { timeoutMs: 1000, maxRows: 1 });
      await expect(first.close()).resolves.toBeUndefined();
      await expect(first.close()).resolves.toBeUndefined();

      const again = new LadybugStore({ dataDir: dir, bufferPoolMb: 64 });
      try {
        await again.open();
        expect((await again.readOnlyQuery('MATCH (n) RETURN count(n) AS n', {}, { timeoutMs: 1000, maxRows: 1 })).rows).toEqual(count.rows);
      } finally {
        await again.close();
      }
    });
  });

  describe('when closed while a read is under way', () => {
    const store = new LadybugStore({ dataDir: ':memory:', bufferPoolMb: 64 });
    let reading: Promise<unknown>;
    let closing: Promise<unknown>;
    beforeAll(async () => {
      await store.open();
      reading = store.read('stats/count-nodes').then(
        (rows) => ({ rows }),
        (error: unknown) => ({ error }),
      );
      // Both close calls race each other and the read.
      closing = Promise.all([store.close(), store.close()]).then(
        (results) => ({ results }),
        (error: unknown) => ({ error }),
      );
      await closing;
    });

    it('finishes the read', async () => {
      expect(await reading).toEqual({ rows: [] });
    });

    it('resolves both close calls', async () => {
      expect(await closing).toEqual({ results: [undefined, undefined] });
    });

    it('then refuses named reads, writes and ad-hoc queries with a StoreError', async () => {
      for (const work of [store.read('stats/count-nodes'), store.write((tx) => tx.run('stats/count-nodes')), store.readOnlyQuery('MATCH (n) RETURN n', {}, { timeoutMs: 1000, maxRows: 10 })]) {
        const err = await storeErrorOf(work);
        expect(err.code).toBe('unavailable');
        expect(err.message).toMatch(/closed/);
      }
    });

    it('stays closed when open is called again', async () => {
      await store.open();
      expect((await storeErrorOf(store.read('stats/count-nodes'))).code).toBe('unavailable');
    });
  });

  describe('when the data directory cannot be used', () => {
    it('fails to open with a StoreError that names GT_DATA_DIR, and closes twice', async () => {
      // Permissions do not stop root, but a folder cannot be made inside a regular file.
      const store = new LadybugStore({ dataDir: join(process.cwd(), 'package.json', 'data'), bufferPoolMb: 64 });
      const err = await storeErrorOf(store.open());
      expect(err.code).toBe('unavailable');
      expect(err.message).toMatch(/cannot be written .*ENOTDIR.*GT_DATA_DIR/);
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });

  describe('when a process opens and closes stores again and again', () => {
    it('releases each database on close', async () => {
      for (let i = 0; i < 16; i++) {
        const store = new LadybugStore({ dataDir: tempDir(), bufferPoolMb: 64 });
        try {
          await store.open();
          await store.write((tx) => tx.run('stats/count-nodes'));
          await store.read('stats/count-nodes');
          await store.readOnlyQuery('RETURN 1 AS one', {}, { timeoutMs: 1000, maxRows: 1 });
        } catch (err) {
          throw new Error(`store number ${i + 1} of 16 failed: ${(err as Error).message}`);
        } finally {
          await store.close();
        }
      }
      // Each console query starts a worker process over a copy of the database (issue 8), a few seconds on a busy machine.
    }, 240_000);
  });
});

// ---------------------------------------------------------------- Neo4jStore

describe('Neo4jStore', () => {
  describe('when never opened', () => {
    it('is safe to close twice', async () => {
      const store: GraphStore = new Neo4jStore(UNREACHABLE);
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('refuses work after close without trying to connect', async () => {
      const store = new Neo4jStore(UNREACHABLE);
      await store.close();
      for (const work of [
        store.read('stats/count-nodes'),
        store.write((tx) => tx.run('stats/count-nodes')),
        store.readOnlyQuery('RETURN 1', {}, { timeoutMs: 1000, maxRows: 1 }),
        store.engineVersion(),
      ]) {
        const err = await storeErrorOf(work);
        expect(err.code).toBe('unavailable');
        expect(err.message).toMatch(/closed/);
      }
    });
  });

  describe('when the server cannot be reached', () => {
    it('fails to open with a StoreError that names the URI and the settings to check, and still closes twice', async () => {
      const store = new Neo4jStore(UNREACHABLE);
      const err = await storeErrorOf(store.open());
      expect(err.code).toBe('unavailable');
      expect(err.message).toContain('neo4j://127.0.0.1:9');
      expect(err.message).toMatch(/NEO4J_URI/);
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.close()).resolves.toBeUndefined();
    }, 30_000);
  });
});

// ---------------------------------------------------------------- SerialQueue

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SerialQueue', () => {
  it('runs tasks one at a time, in the order they were queued', async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      running++;
      most = Math.max(most, running);
      events.push(`start ${name}`);
      await delay(ms);
      events.push(`end ${name}`);
      running--;
      return name;
    };
    // The first task is the slowest: without the queue it would finish last.
    const results = await Promise.all([queue.run(task('a', 30)), queue.run(task('b', 1)), queue.run(task('c', 10))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(most).toBe(1);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('task failed'))],
    [
      'throws before returning a promise',
      () => {
        throw new Error('task failed');
      },
    ],
  ])('keeps going after a task that %s, and gives the failure to that task’s caller only', async (_how, failing) => {
    const queue = new SerialQueue();
    const order: string[] = [];
    const first = queue.run(async () => {
      order.push('first');
      return 1;
    });
    const failed = queue.run(failing);
    const after = queue.run(async () => {
      order.push('after');
      return 3;
    });
    await expect(first).resolves.toBe(1);
    await expect(failed).rejects.toThrow('task failed');
    await expect(after).resolves.toBe(3);
    expect(order).toEqual(['first', 'after']);
  });

  it('does not start a task until the failed one before it has settled', async () => {
    const queue = new SerialQueue();
    const events: string[] = [];
    const failed = queue.run(async () => {
      await delay(20);
      events.push('failed');
      throw new Error('late failure');
    });
    const next = queue.run(async () => {
      events.push('next');
    });
    await expect(failed).rejects.toThrow('late failure');
    await next;
    expect(events).toEqual(['failed', 'next']);
  });
});
