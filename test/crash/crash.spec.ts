import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrashScenario } from './crashScenario.js';
import { CRASH_STORES } from './crashStore.js';
import { SCENARIOS } from './scenarios.js';

/**
 * A sample of the crash run (`npm run test:crash` does 50 kills per scenario): two
 * SIGKILLs per scenario at random moments while changes are being written, each
 * followed by a restart on the same data directory (or the same Neo4j, which keeps
 * running) and the recovery checks. Neo4j only when NEO4J_URI is set.
 */

const KILLS = Number(process.env.GT_CRASH_SAMPLE_KILLS ?? 2);
const root = mkdtempSync(join(tmpdir(), 'gt-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const stores = CRASH_STORES();
for (const s of stores.filter((s) => !s.available)) console.log(`[crash sample] ${s.name}: ${s.why}`);

describe.each(stores)('on the $name store', (store) => {
  if (!store.available) {
    it.skip(`skipped: ${store.why}`, () => undefined);
    return;
  }
  describe.each(SCENARIOS)('a server killed during a $name', (shape) => {
    it(`keeps every acknowledged change with its audit entry, and nothing half-written, over ${KILLS} kills`, async () => {
      const seed = Date.now() % 100_000;
      const t0 = Date.now();
      const dataDir = join(root, `${store.name}-${shape.name.replace(/\W+/g, '-')}`);
      const report = await runCrashScenario({ ...shape, store, dataDir, kills: KILLS, seed }, (line) => console.log(line));
      console.log(
        `[crash sample] ${store.name}, ${shape.name}: ${report.recovered}/${report.kills} kills recovered, ${report.acknowledged} acknowledged, ${report.committedUnacknowledged} committed unanswered` +
          `${report.halfWritten !== undefined ? `, ${report.halfWritten} accepted before their log entry` : ''}, ${report.checkpointsFinished} cut-off checkpoints finished at open (seed ${seed}, ${Math.round((Date.now() - t0) / 1000)} s)`,
      );
      expect(report.problems).toEqual([]);
      expect(report.recovered).toBe(KILLS);
      expect(report.acknowledged).toBeGreaterThan(0);
    }, 300_000);
  });
});
