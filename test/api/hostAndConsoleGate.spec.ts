import { request as httpRequest, type Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../model/index.js';
import { consoleGate } from '../../server/api/consoleGate.js';
import { jsonErrors } from '../../server/api/errors.js';
import { loadConfig } from '../../server/config.js';
import { startSeededServer, type SeededServer } from './seededServer.js';

/**
 * Host and Origin checks (DNS rebinding, cross-site writes) and who may open the query
 * console, over real sockets. Host headers are sent with node:http, since fetch does not
 * let a caller choose them.
 */

type Answer = { status: number; body: ApiError & Record<string, unknown> };

function send(base: string, path: string, headers: Record<string, string>, method = 'GET', body?: unknown): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }));
      },
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe('when a request names a host', () => {
  let api: SeededServer;
  beforeAll(async () => {
    api = await startSeededServer({ queryTimeoutMs: 2000, queryMaxRows: 10, allowedHosts: ['seminar.local'] });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it.each(['attacker.example', 'attacker.example:3000', '127.0.0.1.attacker.example', 'localhost.attacker.example'])('refuses Host: %s with 403', async (host) => {
    const { status, body } = await send(api.base, '/api/health', { host });
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ code: 'host_refused', message: expect.stringContaining('GT_ALLOWED_HOSTS') });
  });

  it.each(['localhost:3000', 'localhost', '127.0.0.1:3000', '[::1]:3000', 'seminar.local:3000'])('serves Host: %s', async (host) => {
    const { status, body } = await send(api.base, '/api/health', { host });
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('refuses a write sent from another origin, and one the browser marks cross-site', async () => {
    const origin = await send(api.base, '/api/query', { host: 'localhost:3000', origin: 'http://attacker.example' }, 'POST', { cypher: 'RETURN 1' });
    expect(origin.status).toBe(403);
    expect(origin.body.error.code).toBe('cross_origin');
    const site = await send(api.base, '/api/query', { host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }, 'POST', { cypher: 'RETURN 1' });
    expect(site.status).toBe(403);
    const nullOrigin = await send(api.base, '/api/query', { host: 'localhost:3000', origin: 'null' }, 'POST', { cypher: 'RETURN 1' });
    expect(nullOrigin.status).toBe(403);
  });

  it('serves a write from its own origin', async () => {
    const { status } = await send(api.base, '/api/query', { host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }, 'POST', { cypher: 'RETURN 1 AS one' });
    expect(status).toBe(200);
  });
});

describe('when the server listens beyond loopback', () => {
  let api: SeededServer;
  beforeAll(async () => {
    // Listening on loopback for the test, configured as a seminar room would be.
    api = await startSeededServer({ queryTimeoutMs: 2000, queryMaxRows: 10, host: '0.0.0.0' });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('closes the console to anonymous callers and says how to open it', async () => {
    const { status, body } = await api.post<ApiError>('/api/query', { cypher: 'RETURN 1 AS one' });
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ code: 'sign_in_required', message: expect.stringContaining('sign in') });
  });

  it('keeps serving the rest of the API', async () => {
    expect((await api.get('/api/health')).status).toBe(200);
  });
});

describe('console gate by setting and role', () => {
  type Actor = { role: string } | undefined;
  let server: Server;
  let base: string;
  let actor: Actor;
  let mode: Parameters<typeof consoleGate>[0] = 'auto';
  let listen = '127.0.0.1';

  beforeAll(async () => {
    const app = express();
    // Stands in for the auth middleware of issue 9, which sets req.actor.
    app.use((req, _res, next) => {
      (req as { actor?: Actor }).actor = actor;
      next();
    });
    app.post(
      '/q',
      (req, res, next) => consoleGate(mode, listen)(req, res, next),
      (_req, res) => {
        res.json({ ran: true });
      },
    );
    app.use(jsonErrors);
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['auto', '127.0.0.1', undefined, 200],
    ['auto', '0.0.0.0', undefined, 403],
    ['auto', '192.168.1.20', undefined, 403],
    ['auto', '0.0.0.0', { role: 'analyst' }, 200],
    ['auto', '0.0.0.0', { role: 'editor' }, 200],
    ['auto', '0.0.0.0', { role: 'administrator' }, 200],
    ['auto', '0.0.0.0', { role: 'viewer' }, 403],
    ['auto', '127.0.0.1', { role: 'facilitator' }, 403],
    ['signed-in', '127.0.0.1', undefined, 403],
    ['signed-in', '127.0.0.1', { role: 'analyst' }, 200],
    ['off', '127.0.0.1', { role: 'administrator' }, 403],
    ['off', '127.0.0.1', undefined, 403],
  ] as const)('GT_CONSOLE=%s, HOST=%s, actor %j: %i', async (m, host, who, expected) => {
    mode = m;
    listen = host;
    actor = who;
    const res = await fetch(`${base}/q`, { method: 'POST' });
    expect(res.status).toBe(expected);
  });

  it('reads GT_CONSOLE and GT_ALLOWED_HOSTS, and refuses a wrong one with a line naming it', () => {
    expect(loadConfig({ GT_CONSOLE: 'off', GT_ALLOWED_HOSTS: 'Seminar.local, 192.168.1.20' })).toMatchObject({ console: 'off', allowedHosts: ['seminar.local', '192.168.1.20'] });
    expect(loadConfig({})).toMatchObject({ console: 'auto', allowedHosts: [], queryPerMinute: 60 });
    expect(() => loadConfig({ GT_CONSOLE: 'maybe' })).toThrow(/GT_CONSOLE.*auto, signed-in, off/);
    expect(() => loadConfig({ GT_ALLOWED_HOSTS: 'http://x.example/' })).toThrow(/GT_ALLOWED_HOSTS/);
  });
});
