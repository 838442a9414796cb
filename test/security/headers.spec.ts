import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { jsonErrors } from '../../server/api/errors.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';

/**
 * The HTTP headers SECURITY.md promises (ASVS V3), on the real app: a content security
 * policy that allows scripts from this server only, no framing by other sites, no MIME
 * sniffing, no referrer, and no X-Powered-By; and no stack trace in an error body.
 */

let server: Server;
let store: LadybugStore;
let base: string;
beforeAll(async () => {
  store = new LadybugStore({ dataDir: ':memory:', bufferPoolMb: 128 });
  await store.open();
  const app = createApp(store, { queryTimeoutMs: 1000, queryMaxRows: 10 });
  app.use(jsonErrors);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 60_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server.close(r));
  await store.close();
});

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it('send a content security policy that runs scripts from this server only and lets no other site frame it', async () => {
    const res = await fetch(`${base}/api/health`);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  it('forbid MIME sniffing and referrers, and do not name the framework', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answer errors in the one JSON shape, without a stack trace', async () => {
    const res = await fetch(`${base}/api/nodes/${encodeURIComponent('Not An Id!')}`);
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ error: { status: 400, code: 'bad_request' } });
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
