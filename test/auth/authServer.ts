import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { createAuth, type Auth } from '../../server/auth/auth.js';
import { organisationExists } from '../../server/auth/organisations.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from '../../server/auth/settings.js';
import { storeRepositories } from '../../server/auth/storeRepositories.js';
import type { Logger } from '../../server/log.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';

/**
 * A real HTTP server over a real embedded store in a folder of its own, for the
 * sign-in suites; `restart()` closes server and store and opens both again on the
 * same folder, as a process restart would.
 */

export type AuthServer = {
  base: string;
  store: LadybugStore;
  auth: Auth;
  dir: string;
  restart(): Promise<AuthServer>;
  close(options?: { keepDir?: boolean }): Promise<void>;
};

export const PASSWORDS = {
  admin: 'admin password 1234',
  editor: 'editor password 1234',
  viewer: 'viewer password 1234',
} as const;

export async function startAuthServer(options: { dir?: string; settings?: Partial<AuthSettings>; seed?: boolean; logger?: Logger } = {}): Promise<AuthServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'gt-auth-'));
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 192 });
  await store.open();
  if (options.seed) {
    const failed = (await loadSeed(store)).filter((r) => !r.loaded);
    if (failed.length) throw new Error(`seed did not load: ${failed.map((r) => r.file).join(', ')}`);
  }
  const settings = { ...DEFAULT_AUTH_SETTINGS, ...options.settings };
  const auth = createAuth(storeRepositories(store), settings, organisationExists(store));
  const app = createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50, auth: settings }, { auth, ...(options.logger ? { logger: options.logger } : {}) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const close = async ({ keepDir = false } = {}) => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    if (!keepDir) rmSync(dir, { recursive: true, force: true });
  };
  return {
    base,
    store,
    auth,
    dir,
    close,
    async restart() {
      await close({ keepDir: true });
      return startAuthServer({ dir, settings: options.settings, ...(options.logger ? { logger: options.logger } : {}) });
    },
  };
}

export type Reply<T = unknown> = { status: number; body: T; headers: Headers };

/** A browser's view of the API: it keeps the session cookie, and sends the CSRF token once it has one. */
export class Browser {
  cookie: string | undefined;
  csrfToken: string | undefined;
  constructor(public base: string) {}

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'gt_session') this.cookie = value ? `gt_session=${value}` : undefined;
    }
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** Signs in and keeps the CSRF token the answer carries. */
  async signIn(username: string, password: string): Promise<Reply<any>> {
    const reply = await this.call('POST', '/api/auth/login', { username, password });
    if (reply.status === 200) this.csrfToken = reply.body.csrfToken;
    return reply;
  }
}
