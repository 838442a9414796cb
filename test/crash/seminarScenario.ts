import type { JoinAnswer, StartSeminarAnswer } from '../../model/seminars.js';
import type { ScenarioOptions, ScenarioReport } from './crashScenario.js';
import { ADMIN, finishedCutOffCheckpoint, startCrashServer, type Answer, type CrashServer } from './crashServer.js';
import { EMBEDDED_CRASH_STORE } from './crashStore.js';
import { random } from './random.js';
import { SeminarLedger } from './seminarLedger.js';
import { verifySeminarRecovery } from './verifySeminarRecovery.js';

/**
 * The seminar crash scenario: a running seminar on a real server, participants proposing
 * (each proposal one new organisation) and voting over the HTTP routes, the facilitator
 * accepting proposals as they come, and a SIGKILL at a random moment once acceptances
 * flow; then a restart on the same store and the checks of verifySeminarRecovery.ts
 * (which also rejoins every participant over socket.io), `kills` times over. The seminar
 * carries on from kill to kill: each round continues the log the last one left.
 */

export type SeminarCall = (method: string, path: string, body: unknown, token: string) => Promise<Answer>;

/** A call with a seminar token (Authorization: Bearer), as a participant's device sends it. */
export function tokenCaller(server: CrashServer): SeminarCall {
  return async (method, path, body, token) => {
    const res = await fetch(server.base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

export type Seminar = { id: string; code: string; facilitator: string; participants: string[] };

async function startSeminar(server: CrashServer, participants: number): Promise<Seminar> {
  const admin = await server.signIn(ADMIN.username, ADMIN.password);
  const started = await server.call('POST', '/api/seminars', { title: 'Crash seminar', dotsPerPerson: 2 }, admin);
  if (started.status !== 201) throw new Error(`starting the seminar answered ${started.status}: ${JSON.stringify(started.body)}`);
  const start = started.body as StartSeminarAnswer;
  const tokens: string[] = [];
  for (let i = 0; i < participants; i++) {
    const joined = await server.call('POST', `/api/seminars/${start.code}/join`, { displayName: `Delegate ${i}` });
    if (joined.status !== 200 && joined.status !== 201) throw new Error(`joining answered ${joined.status}: ${JSON.stringify(joined.body)}`);
    tokens.push((joined.body as JoinAnswer).token);
  }
  return { id: start.id, code: start.code, facilitator: start.facilitatorToken, participants: tokens };
}

/**
 * The participants and the facilitator until the server dies: each participant proposes,
 * then votes for a proposal of someone else; the facilitator accepts every acknowledged
 * open proposal in turn. Answers other than success while the server lives are returned.
 */
async function runUntilKilled(server: CrashServer, seminar: Seminar, ledger: SeminarLedger, next: () => number): Promise<Error[]> {
  const call = tokenCaller(server);
  const problems: Error[] = [];
  let alive = true;
  const died = (err: unknown): boolean => {
    // fetch failing means the connection died with the server: the expected end.
    if (!(err instanceof TypeError)) problems.push(err as Error);
    alive = false;
    return true;
  };
  const participant = async (i: number) => {
    while (alive) {
      try {
        await ledger.propose(call, seminar, i);
        const other = ledger.votable(i, next);
        if (other) await ledger.vote(call, seminar, i, other);
      } catch (err) {
        died(err);
      }
    }
  };
  const facilitator = async () => {
    while (alive) {
      const open = ledger.nextToAccept();
      if (!open) {
        await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      try {
        await ledger.accept(call, seminar, open);
      } catch (err) {
        died(err);
      }
    }
  };
  await Promise.all([facilitator(), ...seminar.participants.map((_, i) => participant(i))]);
  return problems;
}

export async function runSeminarCrashScenario(options: ScenarioOptions, log: (line: string) => void = () => undefined): Promise<ScenarioReport> {
  const store = options.store ?? EMBEDDED_CRASH_STORE;
  const next = random(options.seed);
  const ledger = new SeminarLedger();
  const start = () => startCrashServer(options.dataDir, store, options.serverEnv);
  let server = await start();
  const seminar = await startSeminar(server, options.seminar?.participants ?? 3);
  const problems: string[] = [];
  const restarts: number[] = [];
  let recovered = 0;
  let halfWritten = 0;
  let checkpointsFinished = 0;
  let last = { committed: 0, acknowledged: 0 };
  try {
    for (let kill = 1; kill <= options.kills; kill++) {
      const from = ledger.acceptedCount();
      const running = runUntilKilled(server, seminar, ledger, next);
      const until = Date.now() + 60_000;
      while (ledger.acceptedCount() === from) {
        if (Date.now() > until) throw new Error('no acceptance was acknowledged within 60 s');
        await new Promise((r) => setTimeout(r, 10));
      }
      const [lo, hi] = options.killAfterMs;
      const delay = Math.round(lo + next() * (hi - lo));
      await new Promise((r) => setTimeout(r, delay));
      await server.run.stop('SIGKILL');
      problems.push(...(await running).map((e) => `kill ${kill}: a seminar call failed while the server lived: ${e.message}`));

      const t0 = Date.now();
      server = await start();
      restarts.push(Date.now() - t0);
      if (finishedCutOffCheckpoint(server)) checkpointsFinished++;
      const result = await verifySeminarRecovery(server, seminar, ledger);
      problems.push(...result.problems.map((p) => `kill ${kill} (${delay} ms after the first acknowledged acceptance): ${p}`));
      if (result.problems.length === 0) recovered++;
      last = result;
      halfWritten += result.halfWritten;
      log(
        `[${options.name}] kill ${kill}/${options.kills} at ${delay} ms: ${ledger.acceptedCount() - from} acceptances acknowledged this round, ${halfWritten} committed before their log entry so far, ${result.problems.length ? `${result.problems.length} PROBLEMS` : 'recovered'}`,
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
    halfWritten,
    problems,
    restartMs: { median: restarts[Math.floor(restarts.length / 2)] ?? 0, max: restarts.at(-1) ?? 0 },
    checkpointsFinished,
  };
}
