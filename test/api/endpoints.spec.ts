import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, GraphResponse, HealthResponse, NodeDetailResponse, SearchResponse, ThreadResponse } from '../../model/index.js';
import { startSeededServer, type SeededServer } from './seededServer.js';

let api: SeededServer;
beforeAll(async () => {
  api = await startSeededServer();
}, 120_000);
afterAll(async () => {
  await api.close();
});

describe('GET /api/health', () => {
  it('names the embedded store, its version and the counts', async () => {
    const { status, body } = await api.get<HealthResponse>('/api/health');
    expect(status).toBe(200);
    expect(body.store).toEqual({ kind: 'embedded', version: expect.stringMatching(/^LadybugDB \d/) });
    expect(body.counts.nodesByKind.Plan).toBe(5);
    expect(body.counts.nodesByKind.NationalOutcome).toBe(16);
    expect(body.counts.nodes).toBe(Object.values(body.counts.nodesByKind).reduce((a, b) => a + b, 0));
  });
});

describe('GET /api/search', () => {
  it.each([
    ['2.5.7', 'lcja-2008:action:2.5.7', 'reference'],
    ['NO9', 'no:9', 'reference'],
    ['national outcome 11', 'no:11', 'reference'],
    ['O2', 'nsmo:O2', 'reference'],
    ['aim 3', 'aim:3', 'reference'],
    ['SPS', 'org:scottish-prison-service', 'alias'],
    ['NLC', 'org:north-lanarkshire-council', 'alias'],
    ['NASSO', 'lcja-2008:action:2.5.7', 'words'],
  ])('ranks %s first as %s (%s)', async (q, id, match) => {
    const { status, body } = await api.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ id, match });
  });

  it('puts an exact reference before its prefixes: 2.5.1 before 2.5.11, 2.5.12, 2.5.13', async () => {
    const { body } = await api.get<SearchResponse>('/api/search?q=2.5.1&kind=Action');
    expect(body.results.map((r) => r.ref)).toEqual(['2.5.1', '2.5.11', '2.5.12', '2.5.13']);
    expect(body.results[0]!.plan).toBe('plan:lcja-2008');
  });

  it('filters by kind and honours the limit', async () => {
    const { body } = await api.get<SearchResponse>('/api/search?q=community&kind=Organisation&limit=3');
    expect(body.results).toHaveLength(3);
    expect(body.results.every((r) => r.kind === 'Organisation')).toBe(true);
  });

  it.each([
    ['', 'q', 'is required'],
    ['q=%20', 'q', 'must not be empty'],
    ['q=x&limit=0', 'limit', 'must be at least 1'],
    ['q=x&limit=abc', 'limit', ''],
    ['q=x&kind=Person', 'kind', ''],
    ['q=x&colour=red', 'colour', 'unknown query parameter'],
  ])('answers ?%s with 400 naming %s', async (query, field, reason) => {
    const { status, body } = await api.get<ApiError>(`/api/search?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.issues?.[0]).toMatchObject({ field, reason: expect.stringContaining(reason) });
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns every property, the provenance and neighbours grouped by relationship', async () => {
    const { status, body } = await api.get<NodeDetailResponse>('/api/nodes/lcja-2008:action:2.5.7');
    expect(status).toBe(200);
    expect(body.node).toMatchObject({
      kind: 'Action',
      ref: '2.5.7',
      plan: 'plan:lcja-2008',
      props: { timescale: 'August 2008', leadAsPrinted: 'MAPPA steering group chair' },
      provenance: { source: 'document', file: 'lanarkshire-cja-implementation-plan-2008-09-q2.txt' },
    });
    expect(body.neighbours['CONTAINS in']?.map((n) => n.id)).toEqual(['plan:lcja-2008']);
    expect(body.neighbours['LEADS in']?.[0]?.relationship.role).toBe('MAPPA steering group chair');
    expect(body.neighbours['SERVES out']?.map((n) => n.kind)).toContain('LocalOutcome');
    expect(body.neighbours['HAS_PROGRESS out']?.length).toBeGreaterThan(0);
  });

  it('answers an unknown id with 404 naming the id', async () => {
    const { status, body } = await api.get<ApiError>('/api/nodes/lcja-2008:action:9.9.9');
    expect(status).toBe(404);
    expect(body.error.message).toContain('lcja-2008:action:9.9.9');
  });

  it('answers a malformed id with 400', async () => {
    const { status, body } = await api.get<ApiError>('/api/nodes/Not%20An%20Id');
    expect(status).toBe(400);
    expect(body.error.issues?.[0]?.field).toBe('id');
  });
});

describe('GET /api/graph', () => {
  it('returns the whole graph as Cytoscape elements when unfiltered', async () => {
    const [{ body }, { body: health }] = await Promise.all([api.get<GraphResponse>('/api/graph'), api.get<HealthResponse>('/api/health')]);
    expect(body.counts).toEqual({ nodes: health.counts.nodes, edges: health.counts.relationships });
    const edge = body.elements.edges[0]!.data;
    expect(Object.keys(edge).sort()).toEqual(['id', 'linkBasis', 'role', 'source', 'target', 'type']);
  });

  it('keeps one plan and its neighbourhood', async () => {
    const { body } = await api.get<GraphResponse>('/api/graph?plan=plan:lcja-2008&depth=1');
    const ids = new Set(body.elements.nodes.map((n) => n.data.id));
    expect(ids.has('lcja-2008:action:2.5.7')).toBe(true);
    expect(ids.has('nsmo:O2')).toBe(true); // the plan contains the accommodation outcome, one hop below O2
    expect(ids.has('no:9')).toBe(false); // the 2008-09 plan links to framework outcomes only
    expect(ids.has('lbcja-2011:action:2.3.1-a')).toBe(false);
    for (const e of body.elements.edges) expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);
  });

  it('intersects filters and keeps only the kinds asked for', async () => {
    const { body } = await api.get<GraphResponse>('/api/graph?plan=plan:lcja-2010&organisation=org:scottish-prison-service&kind=Action,Organisation');
    const ids = body.elements.nodes.map((n) => n.data.id).sort();
    // SPS leads 1-b (ICM case conferences) and partners in 3 (the liaison meetings with LAs and SPS).
    expect(ids).toEqual(['lcja-2010:action:1-b', 'lcja-2010:action:3', 'org:scottish-prison-service']);
    expect(body.elements.edges.map((e) => e.data.type).sort()).toEqual(['LEADS', 'PARTNERS_IN']);
  });

  it('answers an unknown kind with 400 listing the kinds', async () => {
    const { status, body } = await api.get<ApiError>('/api/graph?kind=Action,Person');
    expect(status).toBe(400);
    expect(body.error.issues?.[0]).toMatchObject({ field: 'kind', reason: expect.stringContaining('unknown kind Person') });
  });
});

describe('GET /api/thread/:id', () => {
  it('from action 2.5.7 climbs through its local outcomes to framework outcomes O2 and O8', async () => {
    const { status, body } = await api.get<ThreadResponse>('/api/thread/lcja-2008:action:2.5.7');
    expect(status).toBe(200);
    expect(body.direction).toBe('up');
    expect(body.paths.map((p) => p.nodes.at(-1)).sort()).toEqual(['nsmo:O2', 'nsmo:O8']);
    expect(body.paths[0]!.edges).toHaveLength(2);
    expect(body.description).toContain('Action 2.5.7');
    expect(body.description).toContain('which serves framework outcome O2');
  });

  it('from National Outcome 9 reaches Lanarkshire 2010 action 1 with its lead', async () => {
    const { body } = await api.get<ThreadResponse>('/api/thread/no:9');
    expect(body.direction).toBe('down');
    const path = body.paths.find((p) => p.nodes[0] === 'lcja-2010:action:1');
    expect(path?.lead).toBe('MAPPA steering group');
    expect(body.elements.edges.some((e) => e.data.type === 'LEADS' && e.data.target === 'lcja-2010:action:1')).toBe(true);
  });

  it('follows an action that prints no national aim or outcome only as far as its priorities, and says so', async () => {
    // Lothian & Borders area plan line 852: "Use of community centres and colleges", Year, National Aims
    // and National Outcomes all "-"; it sits under Outcome 3.1 (line 843) of Key Priority 3 (line 841).
    const { status, body } = await api.get<ThreadResponse>('/api/thread/lbcja-2011:action:3.1.2-c');
    expect(status).toBe(200);
    expect(body.direction).toBe('up');
    expect(body.paths.map((p) => p.nodes)).toEqual([['lbcja-2011:action:3.1.2-c', 'lbcja-2011:local-outcome:3.1', 'lbcja-2011:priority:key-priority-3', 'lbcja-2011:priority:4.2.3']]);
    // The last step is curation's: line 841 prints "Key Priority 3 –Communities of Prevention" and
    // line 291 the plan's priority "4.2.3 Communities of Prevention"; nothing prints that one is the
    // other, so the link's basis is "exact wording" (inferred) and the description says so.
    expect(body.description).toBe(
      'Action 3.1.2 “Use of community centres and colleges” serves local outcome 3.1 “Establish Communities of Prevention”, which serves priority 3 “Communities of Prevention”, which serves priority 4.2.3 “Communities of Prevention” (inferred: exact wording).',
    );
    expect(body.description).not.toMatch(/national outcome|aim|framework outcome/i);
  });

  it('refuses a kind with no thread with 400', async () => {
    const { status, body } = await api.get<ApiError>('/api/thread/org:scottish-prison-service');
    expect(status).toBe(400);
    expect(body.error.message).toContain('Organisation');
  });
});

describe('errors', () => {
  it('answers an unknown route with a JSON 404', async () => {
    const { status, body } = await api.get<ApiError>('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    const { body } = await api.get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs');
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/search', '/api/thread/{id}', '/api/query']));
  });

  it('sends security headers', async () => {
    const res = await fetch(`${api.base}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
