import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { openSeededStore } from '../helpers/seededStore.js';

/**
 * The real HTTP API over a real embedded store loaded with the seed data, listening
 * on a free loopback port. No mocks: what the tests see is what a browser would.
 */
export type SeededServer = {
  base: string;
  store: LadybugStore;
  /** The store's data directory. */
  dir: string;
  get<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  post<T = unknown>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
};

export async function startSeededServer(
  limits: Parameters<typeof createApp>[1] = { queryTimeoutMs: 2000, queryMaxRows: 50 },
  analysts?: ConstructorParameters<typeof LadybugStore>[0]['analysts'],
): Promise<SeededServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gt-api-'));
  const store = await openSeededStore({ dataDir: dir, bufferPoolMb: 256, analysts });
  const app = createApp(store, limits);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const call = async <T>(path: string, init?: RequestInit) => {
    const res = await fetch(base + path, init);
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    base,
    store,
    dir,
    get: (path) => call(path),
    post: (path, body) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seeded server for one spec file: started before its tests, closed after them. */
export function seededServerForFile(): () => SeededServer {
  let api: SeededServer;
  beforeAll(async () => {
    api = await startSeededServer();
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });
  return () => api;
}
