import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdHocQueryResponse, ApiError } from '../../model/index.js';
import { refuseWrites } from '../../server/query/readOnlyCypher.js';
import { StoreError } from '../../server/store/port.js';
import { startSeededServer, type SeededServer } from './seededServer.js';

let api: SeededServer;
beforeAll(async () => {
  api = await startSeededServer({ queryTimeoutMs: 1000, queryMaxRows: 50 });
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

  it('does not mistake a word inside a string for a write', async () => {
    const { status } = await api.post('/api/query', { cypher: "MATCH (a:Action) WHERE a.title CONTAINS 'Create' RETURN count(a) AS c" });
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

  it('answers a syntax error with 400 and the engine message', async () => {
    const { status, body } = await api.post<ApiError>('/api/query', { cypher: 'MATCH (a:Action) RETRN a' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_query');
  });
});

describe('POST /api/query with anything that could write', () => {
  it.each([
    ["CREATE (n:Action {id: 'x'})", 'CREATE'],
    ["MERGE (n:Organisation {id: 'org:x'})", 'MERGE'],
    ["MATCH (a:Action) SET a.title = 'x'", 'SET'],
    ['MATCH (a:Action) DELETE a', 'DELETE'],
    ['MATCH (a:Action) DETACH DELETE a', 'DETACH'],
    ['MATCH (a:Action) REMOVE a.title', 'REMOVE'],
    ['DROP TABLE Action', 'DROP'],
    ['CREATE NODE TABLE X(id STRING PRIMARY KEY)', 'CREATE'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", 'LOAD'],
    ["COPY Action FROM 'actions.csv'", 'COPY'],
    ['BEGIN TRANSACTION', 'BEGIN'],
    ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', 'one statement'],
    ['MATCH (n) RETURN n; MATCH (m) RETURN m', 'one statement'],
    ["CALL apoc.create.node(['X'], {})", 'apoc.create.node'],
    ['MATCH (a:Action) FOREACH (x IN [1] | SET a.title = "y")', 'FOREACH'],
    ['match (a:Action) set a.title = "lower case"', 'SET'],
  ])('refuses %s with 403', async (cypher, reason) => {
    const before = await api.get<{ counts: { nodes: number } }>('/api/health');
    const { status, body } = await api.post<ApiError>('/api/query', { cypher });
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ code: 'write_refused', message: expect.stringContaining(reason) });
    const after = await api.get<{ counts: { nodes: number } }>('/api/health');
    expect(after.body.counts).toEqual(before.body.counts);
  });

  it('is stopped by the engine too, should a write get past the check', async () => {
    const err = await api.store
      .readOnlyQuery("MATCH (a:Action {ref: '2.5.7'}) SET a.title = 'changed'", {}, { timeoutMs: 1000, maxRows: 10 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('read-only');
    const { body } = await api.post<AdHocQueryResponse>('/api/query', { cypher: "MATCH (a:Action {ref: '2.5.7'}) RETURN a.title AS t" });
    expect(body.rows[0]!.t).toBe('Ensure the effective implementation of NASSO.');
  });

  it('allows read-only introspection calls', () => {
    expect(refuseWrites('CALL db.labels() YIELD label RETURN label')).toBeNull();
    expect(refuseWrites('CALL show_tables() RETURN *')).toBeNull();
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
