import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { mountClient } from '../../server/client.js';
import { clientSourceHash } from '../../server/clientBuild.js';
import { Readiness } from '../../server/health/readiness.js';
import { createLogger } from '../../server/log.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { cleanEnv, runTsx } from '../fixtures/processes.js';

/** Running Golden Thread for a partnership: build once, cache what never changes, logs with request ids, health for a load balancer. */

const root = mkdtempSync(join(tmpdir(), 'gt-ops-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const listen = (app: express.Express) =>
  new Promise<{ server: Server; base: string }>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, base: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    });
  });

describe('the explorer is built only when its sources change', () => {
  const src = join(root, 'src');
  beforeAll(() => {
    mkdirSync(join(src, 'client'), { recursive: true });
    mkdirSync(join(src, 'model'), { recursive: true });
    writeFileSync(join(src, 'client', 'index.ts'), 'console.log(1);\n');
    writeFileSync(join(src, 'model', 'nodes.ts'), 'export {};\n');
    writeFileSync(join(src, 'vite.config.ts'), 'export default {};\n');
  });

  it('gives the same stamp for the same sources, even when only their times change', () => {
    const before = clientSourceHash(src);
    utimesSync(join(src, 'client', 'index.ts'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(clientSourceHash(src)).toBe(before);
  });

  it('gives another stamp when a source changes, is added, or the model changes', () => {
    const before = clientSourceHash(src);
    writeFileSync(join(src, 'client', 'index.ts'), 'console.log(2);\n');
    const edited = clientSourceHash(src);
    expect(edited).not.toBe(before);
    writeFileSync(join(src, 'client', 'extra.ts'), '');
    const added = clientSourceHash(src);
    expect(added).not.toBe(edited);
    writeFileSync(join(src, 'model', 'nodes.ts'), 'export const x = 1;\n');
    expect(clientSourceHash(src)).not.toBe(added);
  });
});

describe('the built explorer is served compressed, hashed assets cached for a year', () => {
  let base: string;
  let server: Server;
  beforeAll(async () => {
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), `<!doctype html><script src="/assets/index-3f9a2c.js"></script>${'<p>golden thread</p>'.repeat(200)}`);
    writeFileSync(join(dist, 'assets', 'index-3f9a2c.js'), `export const x = "${'a'.repeat(5000)}";`);
    writeFileSync(join(dist, '.build-stamp'), 'abc\n');
    const app = express();
    await mountClient(app, false, dist);
    ({ server, base } = await listen(app));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('index.html is revalidated on every load, so a new build is picked up at once', async () => {
    const res = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('hashed assets are immutable for a year', async () => {
    const res = await fetch(`${base}/assets/index-3f9a2c.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('the build stamp is not served', async () => {
    expect((await fetch(`${base}/.build-stamp`)).status).toBe(404);
  });
});

describe('health for a supervisor and a load balancer; request ids in the log', () => {
  const store = new LadybugStore({ dataDir: ':memory:', bufferPoolMb: 256 });
  const readiness = new Readiness();
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  let base: string;
  let server: Server;
  beforeAll(async () => {
    await store.open();
    ({ server, base } = await listen(createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50 }, { readiness, logger: createLogger('info', sink) })));
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await store.close();
  });

  it('is live at once, ready only once marked ready, and not ready while stopping', async () => {
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    const starting = await fetch(`${base}/api/health/ready`);
    expect(starting.status).toBe(503);
    expect(((await starting.json()) as { error: { code: string } }).error.code).toBe('starting');
    readiness.markReady();
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);
    readiness.markStopping();
    const stopping = await fetch(`${base}/api/health/ready`);
    expect(stopping.status).toBe(503);
    expect(((await stopping.json()) as { error: { code: string } }).error.code).toBe('shutting_down');
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
  });

  it('answers every request with an id the log line carries, and never logs the cookie', async () => {
    const res = await fetch(`${base}/api/health/live`, { headers: { cookie: 'gt_session=secret-token-value' } });
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    const line = lines.map((l) => JSON.parse(l) as { req?: { id: string }; msg: string }).find((l) => l.req?.id === id);
    expect(line).toBeDefined();
    expect(lines.join('\n')).not.toContain('secret-token-value');
  });

  it("keeps a proxy's plain request id and replaces one that could forge a log line", async () => {
    const kept = await fetch(`${base}/api/health/live`, { headers: { 'x-request-id': 'proxy-1234abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-1234abcd');
    const forged = await fetch(`${base}/api/health/live`, { headers: { 'x-request-id': 'x"} {"level":60' } });
    expect(forged.headers.get('x-request-id')).not.toContain('"');
  });
});

describe('graceful shutdown', () => {
  it('exits 0 on SIGTERM, saying it finishes requests in flight, with a keep-alive connection open', async () => {
    const run = runTsx('server/main.ts', [], cleanEnv({ PORT: '0', GT_DATA_DIR: join(root, 'shutdown-data'), GT_BUFFER_POOL_MB: '256', GT_LOG_LEVEL: 'warn' }));
    const [, url] = await run.waitForOutput(/serving on (http:\/\/\S+)/, 120_000);
    const port = Number(new URL(url!).port);
    // A keep-alive request left open, as a browser tab leaves one.
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/health/ready', agent: new Agent({ keepAlive: true }) }, (res) => {
        expect(res.statusCode).toBe(200);
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end();
    });
    const exit = await run.stop('SIGTERM', 15_000);
    expect(exit.code).toBe(0);
    expect(run.stdout()).toContain('SIGTERM received: finishing requests in flight');
  }, 180_000);
});
