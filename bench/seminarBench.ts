import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { SEMINAR_SOCKET_PATH, type Ack, type FollowState, type JoinAnswer, type StartSeminarAnswer } from '../model/seminars.js';
import { createApp } from '../server/app.js';
import { createAuth } from '../server/auth/auth.js';
import { DEFAULT_AUTH_SETTINGS } from '../server/auth/settings.js';
import { storeRepositories } from '../server/auth/storeRepositories.js';
import { seminarServiceFor } from '../server/seminars/index.js';
import { DEFAULT_SEMINAR_SETTINGS } from '../server/seminars/settings.js';
import { attachSeminarSockets } from '../server/seminars/socketServer.js';
import { LadybugStore } from '../server/store/ladybug/ladybugStore.js';
import { percentile } from './latency.js';

/**
 * Follow latency: from the facilitator sending a camera move to each participant's
 * socket receiving the new follow state, on loopback, for 10 and 100 participants.
 * Server and clients share this process (and its event loop), so the figures include
 * the clients' own work: a worst case against devices that each have their own CPU.
 * Moves are sent 50 ms apart, as a throttled camera drag would send them.
 */

const MOVES = 40;
const GAP_MS = 50;

export type SeminarBenchResult = { participants: number; p50: number; p95: number; max: number; samples: number };

async function followLatency(participants: number): Promise<SeminarBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-seminar-bench-'));
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
  await store.open();
  const auth = createAuth(storeRepositories(store), DEFAULT_AUTH_SETTINGS);
  await auth.accounts.create({ username: 'bench-facilitator', name: 'Bench', role: 'facilitator', password: 'bench-password-123' });
  const settings = DEFAULT_SEMINAR_SETTINGS;
  const app = createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50, seminars: settings }, { auth });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const sockets = attachSeminarSockets(server, seminarServiceFor(store, settings), settings);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const sockList: Socket[] = [];
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-facilitator', password: 'bench-password-123' }),
    });
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const start = (await (
      await fetch(`${base}/api/seminars`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'bench' }) })
    ).json()) as StartSeminarAnswer;
    const connect = (token: string) =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(base, { path: SEMINAR_SOCKET_PATH, transports: ['websocket'], forceNew: true, auth: { token, lastSeq: 0 } });
        sockList.push(s);
        s.once('welcome', () => resolve(s));
        s.once('connect_error', reject);
      });
    const received = new Map<number, number[]>();
    for (let i = 0; i < participants; i++) {
      const join = (await (
        await fetch(`${base}/api/seminars/${start.code}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ displayName: `P${i}` }) })
      ).json()) as JoinAnswer;
      const s = await connect(join.token);
      s.on('follow', (f: FollowState) => {
        const at = performance.now();
        (received.get(f.rev) ?? received.set(f.rev, []).get(f.rev)!).push(at);
      });
    }
    const facilitator = await connect(start.facilitatorToken);
    const sentAt = new Map<number, number>();
    for (let m = 0; m < MOVES; m++) {
      const t = performance.now();
      const ack = (await facilitator.timeout(5000).emitWithAck('follow', { viewport: { x: m * 10, y: m * 5, w: 800, h: 450 } })) as Ack<{ rev: number }>;
      if (!ack.ok) throw new Error(ack.error.message);
      sentAt.set(ack.rev, t);
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    await new Promise((r) => setTimeout(r, 500));
    const samples: number[] = [];
    for (const [rev, t] of sentAt) for (const at of received.get(rev) ?? []) samples.push(at - t);
    const expected = MOVES * participants;
    if (samples.length !== expected) throw new Error(`${samples.length} receipts of ${expected}: some participant missed a move`);
    samples.sort((a, b) => a - b);
    return { participants, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1)!, samples: samples.length };
  } finally {
    for (const s of sockList) s.disconnect();
    await sockets.close();
    seminarServiceFor(store).close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function seminarBench(): Promise<SeminarBenchResult[]> {
  const results = [await followLatency(10), await followLatency(100)];
  console.log(`${'participants'.padEnd(14)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'receipts'.padStart(9)}  target`);
  for (const r of results) {
    const target = r.participants === 100 ? `p95 under 200 ms at 100: ${r.p95 < 200 ? 'yes' : 'NO'}` : '';
    console.log(`${String(r.participants).padEnd(14)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.samples).padStart(9)}  ${target}`);
  }
  console.log(`(the facilitator's camera move to each participant's socket, ${MOVES} moves ${GAP_MS} ms apart; 100/10 p95 ratio ${(results[1]!.p95 / results[0]!.p95).toFixed(1)})`);
  return results;
}
