import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.js';
import { createAuth } from '../server/auth/auth.js';
import { DEFAULT_AUTH_SETTINGS } from '../server/auth/settings.js';
import { storeRepositories } from '../server/auth/storeRepositories.js';
import { LadybugStore } from '../server/store/ladybug/ladybugStore.js';

/**
 * `npx tsx bench/signInTiming.ts`: how long a failed sign-in takes for a known username
 * with a wrong password, an unknown username and a malformed one, over real HTTP on
 * the embedded store. The three should cost the same (one argon2id verification each),
 * so that timing does not tell which usernames exist. Figures and ratios, never pass/fail.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 40);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-bench-signin-'));
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 192 });
  await store.open();
  const settings = { ...DEFAULT_AUTH_SETTINGS, loginMaxFailures: 100_000, loginMaxFailuresPerIp: 100_000 };
  const auth = createAuth(storeRepositories(store), settings);
  await auth.accounts.create({ username: 'jane', role: 'editor', password: 'the right password' });
  const app = createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50, auth: settings }, { auth });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const cases = {
    'known username, wrong password': { username: 'jane', password: 'a wrong password' },
    'unknown username': { username: 'nobody', password: 'a wrong password' },
    'malformed username': { username: 'No Such Name!', password: 'a wrong password' },
    'right password (for scale)': { username: 'jane', password: 'the right password' },
  };
  const times = new Map<string, number[]>(Object.keys(cases).map((k) => [k, []]));
  // Interleaved, and in a rotating order, so that load from other processes and what ran just before fall on every case alike.
  const entries = Object.entries(cases);
  for (let i = 0; i < RUNS + 3; i++) {
    for (const [name, body] of [...entries.slice(i % entries.length), ...entries.slice(0, i % entries.length)]) {
      const started = performance.now();
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await res.arrayBuffer();
      if (i >= 3) times.get(name)!.push(performance.now() - started);
    }
  }
  const baseline = percentile(
    [...times.get('known username, wrong password')!].sort((a, b) => a - b),
    50,
  );
  console.log(`${'failed sign-in'.padEnd(34)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p50 / known-wrong'.padStart(18)}`);
  for (const [name, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`${name.padEnd(34)} ${percentile(sorted, 50).toFixed(1).padStart(7)} ${percentile(sorted, 95).toFixed(1).padStart(7)} ${(percentile(sorted, 50) / baseline).toFixed(2).padStart(18)}`);
  }
  console.log(`(${RUNS} of each, interleaved; target: unknown and malformed within a few per cent of known-wrong)`);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
