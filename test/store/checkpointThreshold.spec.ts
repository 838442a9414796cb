import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphWriter } from '../../server/graph/graphWriter.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { sampleNode } from '../fixtures/sampleNodes.js';

/**
 * GT_CHECKPOINT_THRESHOLD_BYTES reaches LadybugDB: with the store's own checkpoint after
 * each write turned off (a bulk load), a commit over the threshold checkpoints by itself
 * and leaves the write log empty, where the library's default (16 MB) leaves it holding the
 * write. The crash suite's checkpoint scenario relies on this to kill during checkpoints.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function walAfterOneWrite(checkpointThresholdBytes?: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-threshold-'));
  dirs.push(dir);
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 192, bulkLoad: true, ...(checkpointThresholdBytes ? { checkpointThresholdBytes } : {}) });
  await store.open();
  const nodes = Array.from({ length: 200 }, (_, i) => sampleNode('Organisation', `org:threshold-${i}`));
  await new GraphWriter(store).apply({ nodes });
  const wal = join(dir, 'golden-thread.lbug.wal');
  let size = 0;
  try {
    size = statSync(wal).size;
  } catch {
    size = 0;
  }
  await store.close();
  return size;
}

describe('the embedded store with a small checkpoint threshold', () => {
  it('checkpoints inside a commit larger than the threshold, which the default does not', async () => {
    const byDefault = await walAfterOneWrite();
    const small = await walAfterOneWrite(16 * 1024);
    expect(byDefault).toBeGreaterThan(16 * 1024);
    expect(small).toBeLessThan(byDefault);
    expect(small).toBeLessThan(16 * 1024);
  }, 60_000);
});
