import { cleanEnv, runTsx, type Running } from '../fixtures/processes.js';
import { EMBEDDED_CRASH_STORE, type CrashStore } from './crashStore.js';

/**
 * One real Golden Thread server (server/main.ts) in a child process on a given data
 * directory (or on Neo4j, see crashStore.ts), with an administrator made from GT_ADMIN_USER, and a signed-in HTTP
 * client for it. The crash suites start it, write through it, kill it with SIGKILL
 * and start it again on the same directory.
 */

export const ADMIN = { username: 'crash-admin', password: 'crash-admin-password-1' };
const SERVING = /Golden Thread is serving on (http:\/\/[^\s:]+:\d+) \((?:embedded|neo4j) store\)/;
const START_MS = 120_000;

export type Session = { cookie: string; csrf: string };
export type Answer = { status: number; body: any };

export type CrashServer = {
  run: Running;
  base: string;
  call(method: string, path: string, body?: unknown, session?: Session): Promise<Answer>;
  signIn(username: string, password: string): Promise<Session>;
};

/** `env`: more settings for the server (the crash scenario's checkpoint threshold). */
export async function startCrashServer(dataDir: string, store: CrashStore = EMBEDDED_CRASH_STORE, env: Record<string, string> = {}): Promise<CrashServer> {
  const run = runTsx(
    'server/main.ts',
    [],
    cleanEnv({
      PORT: '0',
      ...store.env(dataDir),
      ...env,
      // A domain of its own: starts stay short, and every node in the store is one the test wrote.
      GT_SEED_ON_EMPTY: 'false',
      GT_LOG_LEVEL: 'silent',
      GT_ADMIN_USER: ADMIN.username,
      GT_ADMIN_PASSWORD: ADMIN.password,
      GT_LOGIN_MAX_FAILURES_PER_IP: '100000',
    }),
  );
  const [, base] = await run.waitForOutput(SERVING, START_MS).catch(async (err: Error) => {
    await run.stop('SIGKILL', 5_000).catch(() => undefined);
    throw err;
  });
  const call = async (method: string, path: string, body?: unknown, session?: Session): Promise<Answer> => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const signIn = async (username: string, password: string): Promise<Session> => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
  };
  return { run, base: base!, call, signIn };
}

/**
 * Whether this start found a LadybugDB checkpoint a kill had cut off and finished it
 * (server/store/ladybug/interruptedCheckpoint.ts says so on stderr): the crash runs count
 * them, so a run shows whether its kills reached those windows at all.
 */
export function finishedCutOffCheckpoint(server: CrashServer): boolean {
  return /embedded store: a checkpoint\b.*\bwas cut off/.test(server.run.stderr());
}
