import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdHocQueryResponse, ApiError } from '../../model/index.js';
import { StoreError } from '../../server/store/port.js';
import { startSeededServer, type SeededServer } from './seededServer.js';

let api: SeededServer;
beforeAll(async () => {
  api = await startSeededServer({ queryTimeoutMs: 1000, queryMaxRows: 50, queryMaxBytes: 4096 });
}, 120_000);
afterAll(async () => {
  await api.close();
});

describe('POST /api/query with read-only Cypher', () => {
  it('runs it and returns columns and rows', async () => {
    const { status, body } = await api.post<AdHocQueryResponse>('/api/query', {
      cypher: 'MATCH (a:Action {ref: $ref}) RETURN a.title AS title',
      params: { ref: '2.5.7' },
    });
    expect(status).toBe(200);
    expect(body.columns).toEqual(['title']);
    expect(body.rows).toEqual([{ title: 'Ensure the effective implementation of NASSO.' }]);
    expect(body.truncated).toBe(false);
  });

  it('caps the rows and says it did', async () => {
    const { body } = await api.post<AdHocQueryResponse>('/api/query', { cypher: 'MATCH (n) RETURN n.id AS id' });
    expect(body.rows).toHaveLength(50);
    expect(body.truncated).toBe(true);
  });

  it('caps the size of the rows too, and says it did', async () => {
    const { status, body } = await api.post<AdHocQueryResponse>('/api/query', { cypher: 'MATCH (a:Action) RETURN a.title AS t, a.objective AS o' });
    expect(status).toBe(200);
    expect(body.truncated).toBe(true);
    expect(JSON.stringify(body.rows).length).toBeLessThanOrEqual(4096);
    expect(body.rows.length).toBeGreaterThan(0);
  });

  it('answers a single value bigger than the size cap with no rows and the truncated flag', async () => {
    const { status, body } = await api.post<AdHocQueryResponse>('/api/query', { cypher: "RETURN repeat('x', 100000) AS s" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: [], truncated: true });
  });

  it.each([
    ["MATCH (a:Action) WHERE a.title CONTAINS 'Create' RETURN count(a) AS c", 'a word inside a string'],
    ['MATCH (a:Action) RETURN a.ref AS start ORDER BY start LIMIT 1', 'an alias that is a keyword elsewhere'],
    ['MATCH (a:Action) WHERE a.title CONTAINS $word RETURN count(a) AS c', 'a guarded word passed as a parameter'],
  ])('runs harmless look-alikes: %s (%s)', async (cypher) => {
    const { status } = await api.post('/api/query', { cypher, params: cypher.includes('$word') ? { word: 'LOAD' } : {} });
    expect(status).toBe(200);
  });

  it('stops a query over its time cap with a JSON error that says so', async () => {
    const { status, body } = await api.post<ApiError>('/api/query', {
      cypher: 'MATCH (a), (b), (c), (d) WHERE a.id < b.id AND b.id < c.id AND c.id < d.id RETURN count(*) AS c',
    });
    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: 'query_timeout', message: expect.stringContaining('time cap of 1000 ms') });
  });

  it('stops a query that would exhaust the memory with a JSON error that says so', async () => {
    const { status, body } = await api.post<ApiError>('/api/query', { cypher: 'MATCH (a)-[*1..8]-(b) RETURN count(*) AS c' });
    expect(status).toBe(503);
    expect(body.error.code).toMatch(/query_too_large|query_timeout/);
  });

  it('answers a syntax error with 400, where it is, and none of the engine message', async () => {
    const { status, body } = await api.post<ApiError>('/api/query', { cypher: 'MATCH (a:Action) RETRN a' });
    expect(status).toBe(400);
    expect(body.error).toEqual({ status: 400, code: 'bad_query', message: 'the query has a syntax error at line 1, column 18' });
  });

  it('keeps engine internals out of a failure at run time', async () => {
    const { status, body } = await api.post<ApiError>('/api/query', { cypher: 'RETURN $p[1] AS x', params: { p: [null] } });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(JSON.stringify(body)).not.toMatch(/exception|assert|\.cpp|\/src\/|\/home\//i);
  });
});

describe('POST /api/query with anything that could write', () => {
  it.each([
    ["CREATE (n:Action {id: 'x'})"],
    ["MERGE (n:Organisation {id: 'org:x'})"],
    ["MATCH (a:Action) SET a.title = 'x'"],
    ['MATCH (a:Action) DELETE a'],
    ['MATCH (a:Action) DETACH DELETE a'],
    ['DROP TABLE Action'],
    ['CREATE NODE TABLE X(id STRING PRIMARY KEY)'],
    ['BEGIN TRANSACTION'],
    ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m'],
    ['MATCH (n) RETURN n; MATCH (m) RETURN m'],
    ['match (a:Action) set a.title = "lower case"'],
  ])('refuses %s with 403', async (cypher) => {
    const before = await api.get<{ counts: { nodes: number } }>('/api/health');
    const { status, body } = await api.post<ApiError>('/api/query', { cypher });
    expect(status).toBe(403);
    expect(body.error.code).toBe('query_refused');
    const after = await api.get<{ counts: { nodes: number } }>('/api/health');
    expect(after.body.counts).toEqual(before.body.counts);
  });

  it('is refused by the store itself, whoever calls it, and the data stays as it was', async () => {
    const err = await api.store.readOnlyQuery("MATCH (a:Action {ref: '2.5.7'}) SET a.title = 'changed'", {}, { timeoutMs: 1000, maxRows: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('refused');
    const { body } = await api.post<AdHocQueryResponse>('/api/query', { cypher: "MATCH (a:Action {ref: '2.5.7'}) RETURN a.title AS t" });
    expect(body.rows[0]!.t).toBe('Ensure the effective implementation of NASSO.');
  });

  it('allows read-only introspection calls', async () => {
    for (const cypher of ['CALL show_tables() RETURN *', "CALL table_info('Action') RETURN *"]) {
      const { status } = await api.post('/api/query', { cypher });
      expect(status, cypher).toBe(200);
    }
  });
});

describe('POST /api/query parameters', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
  it.each([
    [{ p: nested(30) }, 'params.p.0.0.0.0', 'more than 4 deep'],
    [{ p: nested(5) }, 'params.p.0.0.0.0', 'more than 4 deep'],
    [{ p: 'x'.repeat(10_001) }, 'params.p', 'at most 10000 characters'],
    [{ p: Array.from({ length: 1001 }, () => 1) }, 'params.p', 'at most 1000 items'],
    [{ 'a b': 1 }, 'params.a b', 'parameter names'],
    [{ p: { 'x-y': 1 } }, 'params.p.x-y', 'map key'],
  ])('refuses %j with 400 naming %s', async (params, field, reason) => {
    const { status, body } = await api.post<ApiError>('/api/query', { cypher: 'RETURN $p AS p', params });
    expect(status).toBe(400);
    expect(body.error.issues?.[0]).toMatchObject({ field, reason: expect.stringContaining(reason) });
  });

  it('accepts lists nested 4 deep and answers with them', async () => {
    const { status, body } = await api.post<AdHocQueryResponse>('/api/query', { cypher: 'RETURN $p AS p', params: { p: nested(4) } });
    expect(status).toBe(200);
    expect(body.rows).toEqual([{ p: nested(4) }]);
  });
});

describe('POST /api/query with a bad body', () => {
  it.each([
    [{}, 'cypher'],
    [{ cypher: '' }, 'cypher'],
    [{ cypher: 'RETURN 1', params: 'x' }, 'params'],
    [{ cypher: 'RETURN 1', extra: true }, 'extra'],
  ])('answers %j with 400 naming %s', async (body, field) => {
    const res = await api.post<ApiError>('/api/query', body);
    expect(res.status).toBe(400);
    expect(res.body.error.issues?.[0]?.field).toBe(field);
  });

  it('answers malformed JSON and an oversized body with JSON errors', async () => {
    expect((await api.post<ApiError>('/api/query', '{not json')).body.error.message).toContain('not valid JSON');
    const big = await api.post<ApiError>('/api/query', { cypher: `RETURN '${'x'.repeat(70_000)}'` });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('too large');
  });
});

// The rate limit is tested in errorBodies.spec.ts on a server of its own, where the count starts at zero.
