import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../model/roles.js';
import { createApp } from '../../server/app.js';
import { createAuth } from '../../server/auth/auth.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../../server/auth/settings.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { seminarServiceFor } from '../../server/seminars/index.js';
import { DEFAULT_SEMINAR_SETTINGS, type SeminarSettings } from '../../server/seminars/settings.js';
import { attachSeminarSockets, type SeminarSockets } from '../../server/seminars/socketServer.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { memoryRepositories } from '../fixtures/memoryAuth.js';

/**
 * The real server for the seminar tests: the HTTP API and the socket.io channel on one
 * loopback port, over a real embedded store loaded with the seed, with one signed-in
 * account per role that matters here. `as` is an account, a seminar token, or null.
 */

export const ACCOUNTS: Record<string, { role: Role; name: string }> = {
  facilitator: { role: 'facilitator', name: 'Fay Facilitator' },
  viewer: { role: 'viewer', name: 'Vera Viewer' },
  editor: { role: 'editor', name: 'Jane Doe' },
  admin: { role: 'administrator', name: 'Adam Admin' },
};
export type Account = keyof typeof ACCOUNTS;
export type As = Account | null | { token: string };
export type Answer<T = any> = { status: number; body: T; headers: Headers; text: string };

export type SeminarServer = {
  base: string;
  store: LadybugStore;
  sockets: SeminarSockets;
  call<T = any>(method: string, path: string, body?: unknown, as?: As): Promise<Answer<T>>;
  close(): Promise<void>;
};

/** Four of the seed files (the frameworks, the Lanarkshire 2008-09 plan and the files defining what it uses): a real plan in less than the full seed's load time. */
// The 2008-09 plan's actions use programmes (CSOGP, LS/CMI) that the 2007 update and the Glasgow plan define.
export const SEMINAR_SEED = [
  'seed/frameworks.yaml',
  'seed/lanarkshire-cja-chief-officer-update-2007.yaml',
  'seed/glasgow-cjsw-strategic-plan-2013-15.yaml',
  'seed/lanarkshire-cja-implementation-plan-2008-09-q2.yaml',
];

export async function startSeminarServer(options: { settings?: Partial<SeminarSettings>; auth?: Partial<AuthSettings> } = {}): Promise<SeminarServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-seminar-'));
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
  await store.open();
  if ((await loadSeed(store, SEMINAR_SEED)).some((r) => !r.loaded)) throw new Error('the seed did not load');
  const auth = createAuth(memoryRepositories(), { ...DEFAULT_AUTH_SETTINGS, loginMaxFailures: 1000, loginMaxFailuresPerIp: 10_000, ...options.auth });
  for (const [username, a] of Object.entries(ACCOUNTS)) await auth.accounts.create({ username, name: a.name, role: a.role, password: `${username}-password-123` });
  const settings = { ...DEFAULT_SEMINAR_SETTINGS, ...options.settings };
  const app = createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50, seminars: settings }, { auth });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const sockets = attachSeminarSockets(server, seminarServiceFor(store, settings), settings);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const call = httpCaller(base);
  return {
    base,
    store,
    sockets,
    call,
    async close() {
      await sockets.close();
      seminarServiceFor(store).close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** fetch with a signed-in session (cookie and CSRF token) or a seminar token. */
export function httpCaller(base: string) {
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: `${username}-password-123` }) });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    const session = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
    sessions.set(username, session);
    return session;
  };
  return async function call<T = any>(method: string, path: string, body?: unknown, as: As = 'facilitator'): Promise<Answer<T>> {
    const headers: Record<string, string> = body !== undefined ? { 'content-type': 'application/json' } : {};
    if (typeof as === 'string') {
      const s = sessions.get(as) ?? (await signIn(as));
      headers.cookie = s.cookie;
      headers['x-csrf-token'] = s.csrf;
    } else if (as) headers.authorization = `Bearer ${as.token}`;
    const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  };
}
