import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.js';
import { loadSeed } from '../server/seed/loadSeed.js';
import { LadybugStore } from '../server/store/ladybug/ladybugStore.js';
import { measure, percentile, type Figures } from './latency.js';

/**
 * The rest of the API while the query console is saturated: p95 of search, thread and
 * a gap analysis idle, then again while the console runs its maximum of concurrent
 * worst-case queries (each to its time cap) and turns away as many again as busy.
 * Target: p95 under saturation at most twice the idle p95.
 */

export type SaturationResult = { concurrency: number; rows: { name: string; idle: Figures; saturated: Figures }[]; consoleAnswers: Record<string, number> };

/** A cross product that runs until the time cap stops it. */
const WORST_CASE = 'MATCH (a), (b), (c), (d) WHERE a.id < b.id AND b.id < c.id AND c.id < d.id RETURN count(*) AS c';

export async function consoleSaturationBench(runs: number, concurrency = 2): Promise<SaturationResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-bench-console-'));
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 512, analysts: { concurrency } });
  await store.open();
  await loadSeed(store);
  const app = createApp(store, { queryTimeoutMs: 5000, queryMaxRows: 1000, queryPerMinute: 1_000_000 });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const get = async (path: string) => {
    const res = await fetch(base + path);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  const endpoints: [string, () => Promise<unknown>][] = [
    ['GET /api/search?q=victim support', () => get('/api/search?q=victim%20support')],
    ['GET /api/thread/:id (action, up)', () => get('/api/thread/lcja-2008:action:2.5.7')],
    ['GET /api/thread/no:9 (down)', () => get('/api/thread/no:9')],
    ['GET /api/gaps/unserved-outcomes', () => get('/api/gaps/unserved-outcomes?asOf=2012-01-01')],
  ];
  const query = () =>
    fetch(`${base}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cypher: WORST_CASE }) }).then(async (r) => {
      const body = (await r.json()) as { error?: { code: string } };
      return r.ok ? 'ran' : (body.error?.code ?? String(r.status));
    });

  // Start the workers first, so that idle means idle and saturated means queries, not process starts.
  await query();
  const consoleAnswers: Record<string, number> = {};
  const idleTimes = new Map<string, number[]>(endpoints.map(([name]) => [name, []]));
  const saturatedTimes = new Map<string, number[]>(endpoints.map(([name]) => [name, []]));
  const sample = async (into: Map<string, number[]>, n: number) => {
    for (const [name, call] of endpoints) into.get(name)!.push(...((await measure(call, n, 1)).times ?? []));
  };
  // Rounds of idle then saturated, so that the machine's other load falls on both alike.
  const rounds = 3;
  for (let round = 0; round < rounds; round++) {
    await sample(idleTimes, Math.ceil(runs / rounds));
    let saturating = true;
    // The console's maximum of worst-case queries, each loop sending the next as soon as the last is answered,
    // and as many callers again who are turned away as busy and try again a second later.
    const loop = async () => {
      while (saturating) {
        const answer = await query();
        consoleAnswers[answer] = (consoleAnswers[answer] ?? 0) + 1;
        if (answer === 'busy') await new Promise((r) => setTimeout(r, 1000));
      }
    };
    const loops = Array.from({ length: concurrency * 2 }, loop);
    await new Promise((r) => setTimeout(r, 1000));
    await sample(saturatedTimes, Math.ceil(runs / rounds));
    saturating = false;
    await Promise.all(loops);
  }
  const rows: SaturationResult['rows'] = endpoints.map(([name]) => ({ name, idle: figuresOf(idleTimes.get(name)!), saturated: figuresOf(saturatedTimes.get(name)!) }));

  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { concurrency, rows, consoleAnswers };
}

export function printSaturation(result: SaturationResult): void {
  const fmt = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString()).padStart(8);
  console.log(`console: ${result.concurrency} workers running worst-case queries to the 5 s cap, as many again turned away; console answers ${JSON.stringify(result.consoleAnswers)}\n`);
  console.log(`${'endpoint'.padEnd(38)} ${'p95 idle'.padStart(8)} ${'p95 sat.'.padStart(8)} ${'ratio'.padStart(6)}  target`);
  for (const { name, idle, saturated } of result.rows) {
    const ratio = saturated.p95 / idle.p95;
    console.log(`${name.padEnd(38)} ${fmt(idle.p95)} ${fmt(saturated.p95)} ${ratio.toFixed(2).padStart(6)}  ratio <= 2: ${ratio <= 2 ? 'yes' : 'NO'}`);
  }
  console.log('(milliseconds)');
}

function figuresOf(times: number[]): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}
