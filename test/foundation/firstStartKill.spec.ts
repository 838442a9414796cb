import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relationshipId } from '../../model/index.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { cleanEnv, runTsx, type Running } from '../fixtures/processes.js';

/**
 * First start is all or nothing: the server is killed (SIGKILL, no chance to clean up)
 * at ten points while it loads the seed into an empty store, then started again on the
 * same data directory. Every time the store ends with exactly the seed's counts: a kill
 * before the seed's one transaction committed leaves nothing, and the restart loads it;
 * a kill after leaves all of it.
 */

const SERVER = 'server/main.ts';
const SERVING = /Golden Thread is serving on (http:\/\/[^\s:]+:(\d+)) \(embedded store\)/;
const LOADING = /loading the seed data into the empty embedded store/;
const START_MS = 120_000;

const { files } = checkSeedSet(seedFilePaths());
const EXPECTED = {
  nodes: new Set(files.flatMap((f) => f.seed.nodes.map((n) => n.id))).size,
  relationships: new Set(files.flatMap((f) => f.seed.relationships.map((r) => relationshipId(r.from, r.type, r.to)))).size,
};

const root = mkdtempSync(join(tmpdir(), 'gt-first-start-'));
const running: Running[] = [];
afterAll(async () => {
  for (const run of running) await run.stop('SIGKILL', 5_000).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

function start(dataDir: string): Running {
  const run = runTsx(SERVER, [], cleanEnv({ PORT: '0', GT_DATA_DIR: dataDir, GT_BUFFER_POOL_MB: '256' }));
  running.push(run);
  return run;
}

async function counts(run: Running): Promise<{ nodes: number; relationships: number }> {
  const [, url] = await run.waitForOutput(SERVING, START_MS);
  const body = (await (await fetch(`${url}/api/health`)).json()) as { counts: { nodes: number; relationships: number } };
  return { nodes: body.counts.nodes, relationships: body.counts.relationships };
}

describe('a first start killed while it loads the seed', () => {
  it('ends, after a restart, with exactly the seed every time', async () => {
    // How long loading takes on this machine now, from the "loading" line to the server listening.
    const calibration = start(join(root, 'calibration'));
    await calibration.waitForOutput(LOADING, START_MS);
    const t0 = Date.now();
    expect(await counts(calibration)).toEqual(EXPECTED);
    const loadMs = Date.now() - t0;
    await calibration.stop('SIGTERM');

    // Ten points across the load, denser towards the end where the one transaction writes and commits.
    const fractions = [0.05, 0.25, 0.45, 0.6, 0.7, 0.8, 0.86, 0.92, 0.97, 1.02];
    const outcomes: string[] = [];
    for (const [i, fraction] of fractions.entries()) {
      const dataDir = join(root, `kill-${i}`);
      const first = start(dataDir);
      await first.waitForOutput(LOADING, START_MS);
      await new Promise((r) => setTimeout(r, Math.round(loadMs * fraction)));
      const exit = await first.stop('SIGKILL');
      expect(exit.signal === 'SIGKILL' || exit.code !== null).toBe(true);
      const second = start(dataDir);
      const after = await counts(second);
      const reloaded = LOADING.test(second.stdout());
      outcomes.push(`${Math.round(loadMs * fraction)} ms: ${reloaded ? 'nothing was left, the restart loaded the seed' : 'the seed was complete'}`);
      expect(after, `killed ${Math.round(loadMs * fraction)} ms into loading`).toEqual(EXPECTED);
      await second.stop('SIGTERM');
    }
    console.log(`[first start] load took ${loadMs} ms; kills:\n  ${outcomes.join('\n  ')}`);
  }, 900_000);
});
