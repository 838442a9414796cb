import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../model/roles.js';
import { createApp } from '../../server/app.js';
import { createAuth } from '../../server/auth/auth.js';
import { DEFAULT_AUTH_SETTINGS } from '../../server/auth/settings.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import type { GraphStore } from '../../server/store/port.js';
import { memoryRepositories } from '../fixtures/memoryAuth.js';

/**
 * The real HTTP API over a real embedded store loaded with the seed, with one signed-in
 * account per role (signed in through POST /api/auth/login, so every request carries a
 * real session cookie and CSRF token). `as: null` calls anonymously.
 */

export const PARTNER_ORGANISATION = 'org:mappa-steering-group';
export const ACCOUNTS: Record<string, { role: Role; organisationId?: string; name: string }> = {
  viewer: { role: 'viewer', name: 'Vera Viewer' },
  analyst: { role: 'analyst', name: 'Ana Analyst' },
  partner: { role: 'partner-editor', organisationId: PARTNER_ORGANISATION, name: 'Pat Partner' },
  editor: { role: 'editor', name: 'Jane Doe' },
  facilitator: { role: 'facilitator', name: 'Fay Facilitator' },
  admin: { role: 'administrator', name: 'Adam Admin' },
};
export type Account = keyof typeof ACCOUNTS;

export type Answer<T = any> = { status: number; body: T };

export type ChangeServer = {
  base: string;
  store: GraphStore;
  call<T = any>(method: string, path: string, body?: unknown, as?: Account | null, headers?: Record<string, string>): Promise<Answer<T>>;
  close(): Promise<void>;
};

export async function startChangeServer(options: { wrapStore?: (store: GraphStore) => GraphStore } = {}): Promise<ChangeServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-changes-'));
  const real = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
  await real.open();
  const reports = await loadSeed(real);
  if (reports.some((r) => !r.loaded)) throw new Error('the seed did not load');
  const store = options.wrapStore ? options.wrapStore(real) : real;
  const auth = createAuth(memoryRepositories(), { ...DEFAULT_AUTH_SETTINGS, loginMaxFailures: 1000, loginMaxFailuresPerIp: 10_000 });
  for (const [username, a] of Object.entries(ACCOUNTS)) {
    await auth.accounts.create({ username, name: a.name, role: a.role, ...(a.organisationId ? { organisationId: a.organisationId } : {}), password: `${username}-password-123` });
  }
  const app = createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50 }, { auth });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: `${username}-password-123` }),
    });
    const body = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const session = { cookie, csrf: body.csrfToken };
    sessions.set(username, session);
    return session;
  };

  return {
    base,
    store: real,
    async call(method, path, body, as = 'editor', headers = {}) {
      const session = as ? (sessions.get(as) ?? (await signIn(as))) : undefined;
      const res = await fetch(base + path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await real.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
