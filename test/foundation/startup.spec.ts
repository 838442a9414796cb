import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, exitWithin, runTsx, type Running } from '../fixtures/processes.js';

/**
 * The real server, started as `npm start` starts it (minus the client build), in its
 * own process: it seeds an empty store, serves the API, stops cleanly on SIGTERM and
 * SIGINT, and refuses a wrong setting with one line on stderr and exit code 1.
 */

const SERVER = 'server/main.ts';
const SERVING = /Golden Thread is serving on (http:\/\/[^\s:]+:(\d+)) \(embedded store\)/;
const FIRST_START_MS = 120_000;

const root = mkdtempSync(join(tmpdir(), 'gt-startup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const running: Running[] = [];
/** Any server a failed test left behind is stopped by its own pid. */
afterAll(async () => {
  for (const run of running) await run.stop('SIGKILL', 5_000).catch(() => undefined);
});

function start(env: Record<string, string>): Running {
  const run = runTsx(SERVER, [], cleanEnv({ PORT: '0', ...env }));
  running.push(run);
  return run;
}

async function serving(run: Running): Promise<string> {
  const [, url] = await run.waitForOutput(SERVING, FIRST_START_MS);
  return url!;
}

type Health = { status: string; store: { kind: string; version: string }; counts: { nodes: number; relationships: number } };

async function health(url: string): Promise<Health> {
  const res = await fetch(`${url}/api/health`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return (await res.json()) as Health;
}

// ---------------------------------------------------------------- a normal life

describe('the server on a fresh data directory', () => {
  const dataDir = join(root, 'data');
  let first: Running;
  let url: string;
  let seeded: Health;

  beforeAll(async () => {
    first = start({ GT_DATA_DIR: dataDir });
    url = await serving(first);
    seeded = await health(url);
  }, FIRST_START_MS + 10_000);

  it('loads the seed data into the empty store and says so', () => {
    expect(first.stdout()).toMatch(/loaded [1-9]\d* of \d+ seed files into the empty embedded store/);
  });

  it('reports the embedded store, its version and a non-empty graph on /api/health', () => {
    expect(seeded.status).toBe('ok');
    expect(seeded.store.kind).toBe('embedded');
    expect(seeded.store.version).toMatch(/^LadybugDB \d+\.\d+/);
    expect(seeded.counts.nodes).toBeGreaterThan(0);
    expect(seeded.counts.relationships).toBeGreaterThan(0);
  });

  it('answers an unknown /api route with a JSON 404 error body and no stack', async () => {
    const res = await fetch(`${url}/api/no-such-route?x=1`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({ status: 404, code: 'not_found', message: expect.stringContaining('/no-such-route') });
  });

  it('exits with code 0 on SIGTERM after logging that it closes the store', async () => {
    expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(first.stdout()).toMatch(/SIGTERM received: finishing requests in flight, then closing .*store/);
    // (stderr may list seed files that did not load; that is the seed suites' business)
    expect(first.stderr()).not.toMatch(/^\s+at /m);
  }, 30_000);

  describe.each(['SIGTERM', 'SIGINT'] as const)('started again on the same data directory and stopped with %s', (signal) => {
    let again: Running;
    let reopened: Health;

    beforeAll(async () => {
      again = start({ GT_DATA_DIR: dataDir });
      reopened = await health(await serving(again));
    }, FIRST_START_MS + 10_000);

    it('opens the store it left and finds the same graph, without loading the seed again', () => {
      expect(reopened.counts).toEqual(seeded.counts);
      expect(again.stdout()).not.toMatch(/seed files/);
    });

    it(`exits with code 0 on ${signal} after logging that it closes the store`, async () => {
      expect(await again.stop(signal)).toEqual({ code: 0, signal: null });
      expect(again.stdout()).toMatch(new RegExp(`${signal} received: finishing requests in flight, then closing .*store`));
      expect(again.stderr()).toBe('');
    }, 30_000);
  });
});

// ---------------------------------------------------------------- wrong settings

describe('a wrong setting stops the start with one line on stderr and exit code 1', () => {
  let occupier: Server | undefined;
  let holder: Running | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (occupier ? occupier.close(resolve) : resolve(undefined)));
    occupier = undefined;
    await holder?.stop('SIGTERM');
    holder = undefined;
  });

  /** A fresh, writable data directory with seeding off, so that only the setting under test can stop the start. */
  const fresh = () => ({ GT_DATA_DIR: mkdtempSync(join(root, 'fresh-')), GT_SEED_ON_EMPTY: 'false' });

  const cases: { what: string; env: () => Promise<Record<string, string>>; says: RegExp }[] = [
    {
      what: 'a malformed NEO4J_URI',
      env: async () => ({ NEO4J_URI: 'http://x' }),
      says: /NEO4J_URI.*must look like neo4j:\/\/host:7687/,
    },
    {
      what: 'a PORT that is not a number',
      env: async () => ({ ...fresh(), PORT: 'abc' }),
      says: /PORT="abc"/,
    },
    {
      what: 'a Neo4j that cannot be reached',
      env: async () => ({ NEO4J_URI: 'neo4j://127.0.0.1:9' }),
      says: /cannot reach Neo4j at neo4j:\/\/127\.0\.0\.1:9.*check NEO4J_URI/,
    },
    {
      what: 'a data directory that cannot be created',
      env: async () => {
        const file = join(root, 'a-regular-file');
        writeFileSync(file, 'not a folder');
        // Permissions do not stop root, but nothing can be made inside a regular file.
        return { GT_DATA_DIR: join(file, 'data') };
      },
      says: /data directory .*a-regular-file\/data cannot be written.*set GT_DATA_DIR/,
    },
    {
      what: 'a port another program is using',
      env: async () => {
        occupier = createServer();
        const port = await new Promise<number>((resolve) => occupier!.listen(0, '127.0.0.1', () => resolve((occupier!.address() as { port: number }).port)));
        return { ...fresh(), PORT: String(port) };
      },
      says: /port \d+ is already in use.*set PORT/,
    },
    {
      what: 'a data directory another process holds open',
      env: async () => {
        const dir = mkdtempSync(join(root, 'held-'));
        holder = runTsx('test/fixtures/holdLadybugStore.ts', [dir], cleanEnv({}));
        await holder.waitForOutput(/holding .* open/, 30_000);
        return { GT_DATA_DIR: dir, GT_SEED_ON_EMPTY: 'false' };
      },
      says: /another Golden Thread process.*GT_DATA_DIR/,
    },
  ];

  it.each(cases)(
    '$what',
    async ({ env, says }) => {
      const run = start(await env());
      expect(await exitWithin(run, 60_000)).toEqual({ code: 1, signal: null });
      const stderr = run.stderr();
      const lines = stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines, `stderr was:\n${stderr}`).toHaveLength(1);
      expect(lines[0]).toMatch(/^golden-thread: /);
      expect(lines[0]).toMatch(says);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout()).not.toMatch(SERVING);
    },
    90_000,
  );
});
