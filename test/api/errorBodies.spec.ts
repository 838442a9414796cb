import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.js';
import { CYPHER_DIR, QueryRegistry } from '../../server/cypher/registry.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';

/**
 * Every error body the API can produce, asserted whole: status, code, message and issues
 * (or their absence). Each server here is one of its own over a real embedded store, so a
 * request count (the rate limit) starts at zero and a broken store breaks only its server.
 */

type Body = { error: { status: number; code: string; message: string; issues?: { field: string; reason: string }[] } };
type Api = {
  get(path: string): Promise<{ status: number; body: Body; headers: Headers }>;
  post(path: string, body: unknown): Promise<{ status: number; body: Body; headers: Headers }>;
  close(): Promise<void>;
};

const LIMITS = { queryTimeoutMs: 1000, queryMaxRows: 5 };

async function serve(store: LadybugStore, cleanup: () => void = () => undefined): Promise<Api> {
  const app = createApp(store, LIMITS);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const call = async (path: string, init?: RequestInit) => {
    const res = await fetch(base + path, init);
    return { status: res.status, body: (await res.json()) as Body, headers: res.headers };
  };
  return {
    get: (path) => call(path),
    post: (path, body) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      cleanup();
    },
  };
}

/** An empty embedded store: every request error below is refused before the data matters. */
const emptyStore = (registry?: QueryRegistry) => new LadybugStore({ dataDir: ':memory:', bufferPoolMb: 128, ...(registry ? { registry } : {}) });

/**
 * An empty embedded store on disk, for the query console: its queries run in workers on a
 * read-only copy of the database file, so an in-memory store has no console (503).
 */
function emptyDiskStore(): { store: LadybugStore; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gt-errors-'));
  return { store: new LadybugStore({ dataDir: dir, bufferPoolMb: 128 }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function serveOnDisk(): Promise<{ api: Api; store: LadybugStore }> {
  const { store, cleanup } = emptyDiskStore();
  await store.open();
  return { api: await serve(store, cleanup), store };
}

// ---------------------------------------------------------------- 4xx

describe('errors in the request', () => {
  let api: Api;
  beforeAll(async () => {
    ({ api } = await serveOnDisk());
  });
  afterAll(() => api.close());

  it('400 for a missing query parameter names it', async () => {
    const { status, body } = await api.get('/api/search');
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { status: 400, code: 'bad_request', message: 'q: is required', issues: [{ field: 'q', reason: 'is required' }] },
    });
  });

  it('400 for an unknown query parameter names it', async () => {
    const { status, body } = await api.get('/api/search?q=nasso&colour=red');
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { status: 400, code: 'bad_request', message: 'colour: unknown query parameter(s): colour', issues: [{ field: 'colour', reason: 'unknown query parameter(s): colour' }] },
    });
  });

  it('400 for a malformed path parameter names it', async () => {
    const { status, body } = await api.get('/api/nodes/NOT%20AN%20ID');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ status: 400, code: 'bad_request', issues: [{ field: 'id' }] });
    expect(body.error.message).toBe(`id: ${body.error.issues![0]!.reason}`);
  });

  it('400 for a body field of the wrong type names it', async () => {
    const { status, body } = await api.post('/api/query', { cypher: 'RETURN 1', params: 'x' });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        status: 400,
        code: 'bad_request',
        message: 'params: Invalid input: expected record, received string',
        issues: [{ field: 'params', reason: 'Invalid input: expected record, received string' }],
      },
    });
  });

  it('400 for a body that is not JSON, naming the body as the field', async () => {
    const { status, body } = await api.post('/api/query', '{not json');
    expect(status).toBe(400);
    expect(body).toEqual({
      error: { status: 400, code: 'bad_request', message: 'the request body is not valid JSON', issues: [{ field: 'body', reason: 'must be a JSON object (or array), well formed' }] },
    });
  });

  it('413 for a body over 64 kB', async () => {
    const { status, body } = await api.post('/api/query', { cypher: `RETURN '${'x'.repeat(70_000)}'` });
    expect(status).toBe(413);
    expect(body).toEqual({ error: { status: 413, code: 'bad_request', message: 'the request body is too large', issues: [{ field: 'body', reason: 'is too large' }] } });
  });

  // The engine's own text goes to the log only (it can hold paths or file contents); the client
  // gets our sentence, which still points at the place: RETRN starts at column 18 of the query
  // as the analyst wrote it, not of the `EXPLAIN ...` the server sent.
  it('400 bad_query for Cypher the engine cannot parse, saying where in our words', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { status, body } = await api.post('/api/query', { cypher: 'MATCH (a:Action) RETRN a' });
      expect(status).toBe(400);
      expect(body).toEqual({ error: { status: 400, code: 'bad_query', message: 'the query has a syntax error at line 1, column 18' } });
      expect(String(log.mock.calls[0]?.[0])).toMatch(/^console query failed in the engine: Parser exception/);
    } finally {
      log.mockRestore();
    }
  });

  it('403 query_refused for Cypher that would write, in our words and not the engine’s', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { status, body } = await api.post('/api/query', { cypher: "CREATE (n:Action {id: 'x'})" });
      expect(status).toBe(403);
      expect(body).toEqual({ error: { status: 403, code: 'query_refused', message: 'the engine refused a write: /api/query runs read-only queries' } });
      // Nothing was written: the node the query would have created is not there.
      expect((await api.get('/api/nodes/x')).status).toBe(404);
    } finally {
      log.mockRestore();
    }
  });

  it('404 for a route that does not exist, naming it', async () => {
    const { status, body } = await api.get('/api/nope');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { status: 404, code: 'not_found', message: 'no API route GET /api/nope' } });
  });

  it('404 for a node that does not exist, naming its id', async () => {
    const { status, body } = await api.get('/api/nodes/no:99');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { status: 404, code: 'not_found', message: 'no node with id no:99' } });
  });

  it('404 for a gap analysis that does not exist, pointing at the catalogue', async () => {
    const { status, body } = await api.get('/api/gaps/no-such-analysis');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { status: 404, code: 'not_found', message: 'no gap analysis no-such-analysis; the catalogue at /api/gaps lists them' } });
  });
});

// ---------------------------------------------------------------- 429

describe('the rate limit on /api/query, counted on a server of its own', () => {
  let api: Api;
  beforeAll(async () => {
    ({ api } = await serveOnDisk());
  });
  afterAll(() => api.close());

  it('answers exactly 60 queries in a minute and the 61st with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await api.post('/api/query', { cypher: 'RETURN 1 AS one' })).status);
    expect(statuses).toEqual(Array(60).fill(200));
    const refused = await api.post('/api/query', { cypher: 'RETURN 1 AS one' });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { status: 429, code: 'rate_limited', message: 'too many queries: at most 60 a minute; wait a little and try again' },
    });
    // The IETF draft-8 headers tell a client the policy and when to try again.
    expect(refused.headers.get('ratelimit-policy')).toMatch(/^"60-in-1min"; q=60; w=60; /);
    expect(refused.headers.get('ratelimit')).toMatch(/^"60-in-1min"; r=0; t=\d+$/);
  });

  it('limits only the query console: other endpoints still answer', async () => {
    const { status } = await api.get('/api/gaps');
    expect(status).toBe(200);
  });
});

// ---------------------------------------------------------------- 5xx

describe('errors of the store', () => {
  const quiet = () => ({ error: vi.spyOn(console, 'error').mockImplementation(() => {}), warn: vi.spyOn(console, 'warn').mockImplementation(() => {}) });
  afterEach(() => vi.restoreAllMocks());

  it('503 query_timeout when a query runs over its time cap', async () => {
    const { api } = await serveOnDisk();
    const log = quiet();
    try {
      const { status, body } = await api.post('/api/query', { cypher: 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE a + b = 7 RETURN count(*) AS c' });
      expect(status).toBe(503);
      expect(body).toEqual({
        error: { status: 503, code: 'query_timeout', message: 'the query ran over its time cap of 1000 ms; narrow it with labels, a LIMIT or shorter paths' },
      });
      // An expected 503 is one line for the operator, not a stack trace.
      expect(log.warn).toHaveBeenCalledWith(`query_timeout: ${body.error.message}`);
      expect(log.error).not.toHaveBeenCalled();
    } finally {
      await api.close();
    }
  });

  it('503 store_unavailable once the store is closed', async () => {
    const store = emptyStore();
    await store.open();
    const api = await serve(store);
    const log = quiet();
    try {
      await store.close();
      const { status, body } = await api.get('/api/health');
      expect(status).toBe(503);
      // The store's own words go to the operator's log; the client gets a sentence of the server's.
      expect(body).toEqual({ error: { status: 503, code: 'store_unavailable', message: 'the graph store is not available right now' } });
      expect(log.warn).toHaveBeenCalledWith('store_unavailable: the store is closed');
    } finally {
      await api.close();
    }
  });

  describe('with a query file the engine rejects, or one missing', () => {
    let dir: string;
    let api: Api;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'gt-cypher-'));
      cpSync(CYPHER_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'stats', 'count-nodes.ladybug.cypher'), 'MATCH (n) RETURN no_such_function(n) AS kind, count(*) AS count\n');
      rmSync(join(dir, 'gaps', 'organisations-leading-nothing.cypher'));
      const store = emptyStore(QueryRegistry.load(dir + '/'));
      await store.open();
      api = await serve(store, () => rmSync(dir, { recursive: true, force: true }));
    });
    afterAll(() => api.close());

    it('500 store_error, telling the client nothing of the engine and the operator everything', async () => {
      const log = quiet();
      const { status, body } = await api.get('/api/health');
      expect(status).toBe(500);
      expect(body).toEqual({ error: { status: 500, code: 'store_error', message: 'the graph store could not answer this request' } });
      expect(log.error).toHaveBeenCalledTimes(1);
      expect(String(log.error.mock.calls[0]![0])).toContain('query stats/count-nodes failed');
    });

    it('500 internal_error for anything else, with the stack kept for the operator', async () => {
      const log = quiet();
      const { status, body } = await api.get('/api/gaps/organisations-leading-nothing');
      expect(status).toBe(500);
      expect(body).toEqual({ error: { status: 500, code: 'internal_error', message: 'something went wrong on the server' } });
      expect(log.error).toHaveBeenCalledTimes(1);
      expect((log.error.mock.calls[0]![0] as Error).message).toBe('no query named gaps/organisations-leading-nothing in cypher/');
    });
  });
});
