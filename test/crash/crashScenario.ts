import { ADMIN, finishedCutOffCheckpoint, startCrashServer, type CrashServer } from './crashServer.js';
import { EMBEDDED_CRASH_STORE, type CrashStore } from './crashStore.js';
import { Ledger, writeUntilKilled, type Attempt, type Editor } from './ledger.js';
import { random } from './random.js';
import { runSeminarCrashScenario } from './seminarScenario.js';
import { verifyRecovery } from './verifyRecovery.js';

/**
 * One crash scenario: a real server on one data directory, writers sending changes
 * through POST /api/changes, a SIGKILL at a random moment once writes are flowing,
 * a restart on the same directory, and the recovery checks of verifyRecovery.ts, `kills`
 * times over. The store carries over from kill to kill, so every restart re-checks
 * everything acknowledged since the first.
 */

export type ScenarioOptions = {
  name: string;
  dataDir: string;
  kills: number;
  editors: number;
  /** Organisations per change (a burst of edits: a few; an import: hundreds). */
  size: number;
  /** The kill comes this long after the first acknowledged write of the round (uniform between). */
  killAfterMs: [number, number];
  seed: number;
  /** The store under the server (default: the embedded one in `dataDir`). */
  store?: CrashStore;
  /** More settings for the server: the checkpoint scenario's small GT_CHECKPOINT_THRESHOLD_BYTES. */
  serverEnv?: Record<string, string>;
  /** A running seminar instead of editors: this many participants proposing and voting, the facilitator accepting (seminarScenario.ts). */
  seminar?: { participants: number };
};

export type ScenarioReport = {
  name: string;
  kills: number;
  recovered: number;
  acknowledged: number;
  committed: number;
  /** Committed changes whose answer the kill cut off (committed, never acknowledged). */
  committedUnacknowledged: number;
  /** Seminar scenario: acceptances committed whose log entry the kill cut off (found and completed on the next accept). */
  halfWritten?: number;
  problems: string[];
  restartMs: { median: number; max: number };
  /** Restarts that finished a LadybugDB checkpoint the kill had cut off (crashServer.ts). */
  checkpointsFinished: number;
};

async function setUp(server: CrashServer, count: number): Promise<Editor[]> {
  const admin = await server.signIn(ADMIN.username, ADMIN.password);
  const editors: Editor[] = [];
  for (let i = 1; i <= count; i++) {
    const username = `editor${i}`;
    const password = `${username}-password-123`;
    const created = await server.call('POST', '/api/users', { username, name: `Editor ${i}`, role: 'editor', password }, admin);
    if (created.status !== 201) throw new Error(`creating ${username} answered ${created.status}: ${JSON.stringify(created.body)}`);
    const home = `org:home-of-${username}`;
    const node = { kind: 'Organisation', id: home, props: { name: `Home of ${username}`, orgType: 'other', description: 'home' } };
    const res = await server.call('POST', '/api/changes', { operations: [{ op: 'create', node }] }, admin);
    if (res.status !== 201) throw new Error(`creating ${home} answered ${res.status}: ${JSON.stringify(res.body)}`);
    editors.push({ username, home, session: await server.signIn(username, password) });
  }
  return editors;
}

async function firstAcknowledged(ledger: Ledger, from: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ledger.attempts.slice(from).some((a) => a.acknowledged)) {
    if (ledger.writersDone()) return;
    if (Date.now() > until) throw new Error(`no write was acknowledged within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function runCrashScenario(options: ScenarioOptions, log: (line: string) => void = () => undefined): Promise<ScenarioReport> {
  const store = options.store ?? EMBEDDED_CRASH_STORE;
  await store.empty();
  if (options.seminar) return runSeminarCrashScenario(options, log);
  const next = random(options.seed);
  const ledger = new Ledger();
  const start = () => startCrashServer(options.dataDir, store, options.serverEnv);
  let server = await start();
  const editors = await setUp(server, options.editors);
  const problems: string[] = [];
  const restarts: number[] = [];
  let recovered = 0;
  let checkpointsFinished = 0;
  let last = { committed: 0, acknowledged: 0 };
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      const from = ledger.attempts.length;
      // Sessions live in the store: the editors' cookies from the first start still sign them in.
      const writing = writeUntilKilled(server, ledger, editors, options.size);
      await firstAcknowledged(ledger, from, 60_000);
      const [lo, hi] = options.killAfterMs;
      const delay = Math.round(lo + next() * (hi - lo));
      await new Promise((r) => setTimeout(r, delay));
      await server.run.stop('SIGKILL');
      problems.push(...(await writing).map((e) => `kill ${kill}: a write failed while the server lived: ${e.message}`));

      const t0 = Date.now();
      server = await start();
      restarts.push(Date.now() - t0);
      if (finishedCutOffCheckpoint(server)) checkpointsFinished++;
      const round: Attempt[] = ledger.attempts.slice(from);
      const result = await verifyRecovery(server, editors[0]!.session, ledger, editors, round);
      problems.push(...result.problems.map((p) => `kill ${kill} (${delay} ms after the first acknowledged write): ${p}`));
      if (result.problems.length === 0) recovered++;
      last = result;
      log(
        `[${options.name}] kill ${kill}/${options.kills} at ${delay} ms: ${round.filter((a) => a.acknowledged).length} acknowledged this round, ${result.lostInFlight} committed but unanswered so far, ${result.problems.length ? `${result.problems.length} PROBLEMS` : 'recovered'}`,
      );
    }
  } finally {
    await server.run.stop('SIGTERM').catch(() => server.run.stop('SIGKILL', 5_000));
  }
  restarts.sort((a, b) => a - b);
  return {
    name: options.name,
    kills: options.kills,
    recovered,
    acknowledged: last.acknowledged,
    committed: last.committed,
    committedUnacknowledged: last.committed - last.acknowledged,
    problems,
    restartMs: { median: restarts[Math.floor(restarts.length / 2)] ?? 0, max: restarts.at(-1) ?? 0 },
    checkpointsFinished,
  };
}
