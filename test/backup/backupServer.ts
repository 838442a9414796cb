import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { createAuth } from '../../server/auth/auth.js';
import { organisationExists } from '../../server/auth/organisations.js';
import { DEFAULT_AUTH_SETTINGS } from '../../server/auth/settings.js';
import { storeRepositories } from '../../server/auth/storeRepositories.js';
import { runMigrations } from '../../server/migrations/index.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';

/**
 * A real server for the backup suites: the embedded store on disk with migrations, the
 * seed, and accounts kept in the store itself (so a backup has users to carry), signed
 * in through the real login.
 */

export type Session = { cookie: string; csrf: string };
export type BackupServer = {
  base: string;
  store: LadybugStore;
  dir: string;
  signIn(username: string, password: string): Promise<Session>;
  call(method: string, path: string, body?: unknown, session?: Session): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
};

export const ACCOUNTS = [
  { username: 'backup-admin', role: 'administrator', password: 'backup-admin-password' },
  { username: 'backup-editor', role: 'editor', password: 'backup-editor-password' },
] as const;

export async function openStoreAt(dir: string): Promise<LadybugStore> {
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 192 });
  await store.open();
  await runMigrations(store);
  return store;
}

export async function startBackupServer(options: { seed?: boolean; accounts?: boolean; dir?: string } = {}): Promise<BackupServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'gt-backup-'));
  const store = await openStoreAt(dir);
  const auth = createAuth(storeRepositories(store), { ...DEFAULT_AUTH_SETTINGS, loginMaxFailures: 1000, loginMaxFailuresPerIp: 10_000 }, organisationExists(store));
  if (options.seed ?? true) {
    const reports = await loadSeed(store);
    if (reports.some((r) => !r.loaded)) throw new Error('the seed did not load');
  }
  if (options.accounts ?? options.seed ?? true) {
    for (const a of ACCOUNTS) await auth.accounts.create({ username: a.username, name: a.username, role: a.role, password: a.password });
  }
  const app = createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50 }, { auth });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const call = async (method: string, path: string, body?: unknown, session?: Session) => {
    const res = await fetch(base + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    base,
    store,
    dir,
    call,
    async signIn(username, password) {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
      return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
