import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, runTsx, type Running } from '../fixtures/processes.js';

/**
 * The query console's worker processes live and die with the server started as
 * `npm start` starts it: a console query starts them, SIGTERM ends them with the
 * server, and so does a SIGKILL of the server, which gives it no chance to clean up.
 */

const SERVING = /Golden Thread is serving on (http:\/\/[^\s:]+:(\d+)) \(embedded store\)/;
const root = mkdtempSync(join(tmpdir(), 'gt-console-workers-'));
const running: Running[] = [];
afterAll(async () => {
  for (const run of running) await run.stop('SIGKILL', 5_000).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

/** The children of a process, by the system's own process table. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pids: number[], withinMs: number): Promise<number[]> {
  const until = Date.now() + withinMs;
  while (Date.now() < until && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

async function serverWithWorkers(name: string): Promise<{ run: Running; workers: number[] }> {
  const run = runTsx('server/main.ts', [], cleanEnv({ PORT: '0', GT_DATA_DIR: join(root, name) }));
  running.push(run);
  const [, url] = await run.waitForOutput(SERVING, 120_000);
  const res = await fetch(`${url}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cypher: 'MATCH (n) RETURN count(n) AS c' }) });
  expect(res.status).toBe(200);
  const workers = childrenOf(run.child.pid!);
  return { run, workers };
}

describe.skipIf(process.platform === 'win32')('the console workers of a running server', () => {
  it('end with the server on SIGTERM', async () => {
    const { run, workers } = await serverWithWorkers('term');
    expect(workers.length).toBeGreaterThan(0);
    expect((await run.stop('SIGTERM')).code).toBe(0);
    expect(await gone(workers, 10_000)).toEqual([]);
  }, 180_000);

  it('end with the server when it is killed outright', async () => {
    const { run, workers } = await serverWithWorkers('kill');
    expect(workers.length).toBeGreaterThan(0);
    await run.stop('SIGKILL');
    expect(await gone(workers, 10_000)).toEqual([]);
  }, 180_000);
});
