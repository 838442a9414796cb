import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrashScenario } from './crashScenario.js';
import { SCENARIOS } from './scenarios.js';

/**
 * A sample of the crash run (`npm run test:crash` does 50 kills per scenario): two
 * SIGKILLs per scenario at random moments while changes are being written, each
 * followed by a restart on the same data directory and the recovery checks.
 */

const KILLS = Number(process.env.GT_CRASH_SAMPLE_KILLS ?? 2);
const root = mkdtempSync(join(tmpdir(), 'gt-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(SCENARIOS)('a server killed during a $name', (shape) => {
  it(`keeps every acknowledged change with its audit entry, and nothing half-written, over ${KILLS} kills`, async () => {
    const seed = Date.now() % 100_000;
    const report = await runCrashScenario({ ...shape, dataDir: join(root, shape.name.replace(/\W+/g, '-')), kills: KILLS, seed }, (line) => console.log(line));
    console.log(
      `[crash sample] ${shape.name}: ${report.recovered}/${report.kills} kills recovered, ${report.acknowledged} acknowledged, ${report.committedUnacknowledged} committed unanswered (seed ${seed})`,
    );
    expect(report.problems).toEqual([]);
    expect(report.recovered).toBe(KILLS);
    expect(report.acknowledged).toBeGreaterThan(0);
  }, 300_000);
});
