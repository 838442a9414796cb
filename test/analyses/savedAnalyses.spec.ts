import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapCatalogueResponse, GapResponse } from '../../model/api.js';
import type { SavedAnalysisResponse } from '../../model/analyses.js';
import { Browser, startAuthServer, type AuthServer } from '../auth/authServer.js';

/**
 * Saved analyses over the real HTTP server and the real embedded store with the seed:
 * saved by an analyst through the change pipeline, listed and run under /api/gaps like
 * the ready-made analyses, refused when the console would refuse the query, when the
 * caller may not save, or when a run's parameters are wrong; deleted, audited, undone.
 */

let server: AuthServer;
let analyst: Browser;
let editor: Browser;
let viewer: Browser;
let anonymous: Browser;
const PASSWORD = 'saved analyses password';

const ACTION_BY_REF = {
  title: 'An action by plan and reference',
  explanation: 'The action a plan numbers so.',
  cypher: 'MATCH (p:Plan)-[:CONTAINS]->(a:Action) WHERE p.id = $plan AND a.ref = $ref RETURN a AS action, a.title AS title, p.id AS planId',
  parameters: [
    { name: 'plan', type: 'plan' },
    { name: 'ref', type: 'text' },
  ],
};

beforeAll(async () => {
  server = await startAuthServer({ seed: true, settings: { loginMaxFailures: 1000, loginMaxFailuresPerIp: 10_000 } });
  for (const role of ['analyst', 'editor', 'viewer'] as const) await server.auth.accounts.create({ username: `as-${role}`, role, password: PASSWORD });
  [analyst, editor, viewer, anonymous] = [new Browser(server.base), new Browser(server.base), new Browser(server.base), new Browser(server.base)];
  await analyst.signIn('as-analyst', PASSWORD);
  await editor.signIn('as-editor', PASSWORD);
  await viewer.signIn('as-viewer', PASSWORD);
}, 180_000);
afterAll(() => server?.close());

describe('saving an analysis', () => {
  let saved: SavedAnalysisResponse;

  it('an analyst saves one: 201, version 1, and it joins the gaps catalogue beside the ready-made analyses', async () => {
    const reply = await analyst.call<SavedAnalysisResponse>('POST', '/api/analyses', ACTION_BY_REF);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    saved = reply.body;
    expect(saved.analysis).toMatchObject({ title: ACTION_BY_REF.title, version: 1, createdBy: 'as-analyst', engine: 'embedded', template: false, parameters: ACTION_BY_REF.parameters });
    expect(saved.analysis.id).toMatch(/^saved-an-action-by-plan-and-reference-[0-9a-f]{6}$/);
    const catalogue = (await viewer.call<GapCatalogueResponse>('GET', '/api/gaps')).body.analyses;
    expect(catalogue.map((a) => a.id)).toEqual(expect.arrayContaining(['unserved-outcomes', 'template-outcomes-by-plan', saved.analysis.id]));
    const entry = catalogue.find((a) => a.id === saved.analysis.id)!;
    expect(entry.parameters.map((p) => [p.name, p.type])).toEqual([
      ['plan', 'plan'],
      ['ref', 'text'],
    ]);
    expect(entry.saved).toEqual({ by: 'as-analyst', template: false, version: 1 });
  });

  it('anyone runs it under /api/gaps/:id with the gap list shape: nodes named by plan and reference, never by id, and highlighted', async () => {
    const run = await viewer.call<GapResponse>('GET', `/api/gaps/${saved.analysis.id}?plan=plan:lcja-2008&ref=2.5.7`);
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.columns).toEqual([
      { key: 'c0', title: 'action' },
      { key: 'c1', title: 'title' },
      { key: 'c2', title: 'planId' },
    ]);
    // Lanarkshire 2008-09, action 2.5.7 "Ensure the effective implementation of NASSO."; the plan's id cell is named too.
    expect(run.body.rows).toEqual([
      {
        id: 'lcja-2008:action:2.5.7',
        c0: 'LCJA 2008 · 2.5.7 Ensure the effective implementation of NASSO.',
        c1: 'Ensure the effective implementation of NASSO.',
        c2: expect.not.stringMatching(/^plan:/),
      },
    ]);
    expect(run.body.highlight.sort()).toEqual(['lcja-2008:action:2.5.7', 'plan:lcja-2008']);
    expect(run.body.parameters).toEqual({ plan: 'plan:lcja-2008', ref: '2.5.7' });
    expect(run.body.summary).toBe('1 row; 2 nodes on the map.');
    const other = await viewer.call<GapResponse>('GET', `/api/gaps/${saved.analysis.id}?plan=plan:lbcja-2011&ref=1.2.1`);
    // Lothian & Borders 2011-14 numbers four actions 1.2.1 (a to d), each named with its plan.
    expect(other.body.rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd'].map((x) => `lbcja-2011:action:1.2.1-${x}`));
    expect(other.body.rows.every((r) => String(r.c0).startsWith('L&BCJA 2011 · 1.2.1 '))).toBe(true);
  });

  it('says so when a result holds no graph items', async () => {
    const reply = await analyst.call<SavedAnalysisResponse>('POST', '/api/analyses', { title: 'Action count', cypher: 'MATCH (a:Action) RETURN count(a) AS actions' });
    const run = await viewer.call<GapResponse>('GET', `/api/gaps/${reply.body.analysis.id}`);
    expect(run.body.highlight).toEqual([]);
    expect(run.body.summary).toMatch(/no nodes or relationships in the result, so nothing to show on the map/);
  });

  it.each([
    ['a write', "MATCH (a:Action) SET a.title = 'x' RETURN a", /query cannot be saved: .*(write|read)/i],
    ['file access', "LOAD FROM '/etc/passwd' RETURN *", /query cannot be saved/],
    ['a syntax error', 'MATCH (a:Action RETURN a', /syntax error at line 1, column \d+/],
    ['an unknown label', 'MATCH (a:Person) RETURN a', /does not exist here/],
  ])('refuses to save %s, 400 naming why, and keeps nothing', async (_what, cypher, why) => {
    const before = (await viewer.call<GapCatalogueResponse>('GET', '/api/gaps')).body.analyses.length;
    const reply = await analyst.call('POST', '/api/analyses', { title: 'Bad one', cypher });
    expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    expect(reply.body.error.message).toMatch(why);
    expect(reply.body.error.issues[0].field).toBe('cypher');
    expect((await viewer.call<GapCatalogueResponse>('GET', '/api/gaps')).body.analyses.length).toBe(before);
  });

  it.each([
    [{ ...ACTION_BY_REF, parameters: [{ name: 'plan', type: 'number' }] }, 'parameters.0.type', /must be one of text, plan, organisation, outcome, date/],
    [{ ...ACTION_BY_REF, parameters: [{ name: '1plan', type: 'plan' }] }, 'parameters.0.name', /Cypher parameter name/],
    [{ ...ACTION_BY_REF, title: '' }, 'title', /must not be empty/],
    [{ ...ACTION_BY_REF, parameters: [{ name: 'plan', type: 'plan' }] }, 'parameters', /the query uses \$ref, which parameters does not declare/],
    [{ ...ACTION_BY_REF, parameters: [...ACTION_BY_REF.parameters, { name: 'since', type: 'date' }] }, 'parameters.2.name', /the query does not use \$since/],
    [{ ...ACTION_BY_REF, extra: 1 }, 'extra', /unknown body parameter/],
  ])('refuses a malformed body with 400 naming the field (%#)', async (body, field, reason) => {
    const reply = await analyst.call('POST', '/api/analyses', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual(expect.arrayContaining([{ field, reason: expect.stringMatching(reason) }]));
  });

  it('a viewer cannot save (403), nor an anonymous caller (401)', async () => {
    const v = await viewer.call('POST', '/api/analyses', ACTION_BY_REF);
    expect(v.status).toBe(403);
    expect(v.body.error.message).toBe('the role viewer may not save, change or delete analyses');
    expect((await anonymous.call('POST', '/api/analyses', ACTION_BY_REF)).status).toBe(401);
    expect((await viewer.call('DELETE', `/api/analyses/${saved.analysis.id}`)).status).toBe(403);
  });

  it.each([
    ['plan=plan:nowhere', 'plan', /there is no node plan:nowhere/],
    ['plan=org:mappa-steering-group', 'plan', /must be the id of a plan, not of a Organisation/],
    ['colour=red', 'colour', /is not a parameter of this analysis \(it takes plan, ref\)/],
  ])('a run with bad parameters is a 400 naming the parameter: %s', async (query, field, reason) => {
    const reply = await viewer.call('GET', `/api/gaps/${saved.analysis.id}?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual([{ field, reason: expect.stringMatching(reason) }]);
  });

  it('checks dates and organisations and outcomes by kind', async () => {
    const reply = await analyst.call<SavedAnalysisResponse>('POST', '/api/analyses', {
      title: 'Typed parameters',
      cypher: 'MATCH (o:Organisation) WHERE o.id = $org RETURN o, $since AS since, $target AS target',
      parameters: [
        { name: 'org', type: 'organisation' },
        { name: 'since', type: 'date' },
        { name: 'target', type: 'outcome' },
      ],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const id = reply.body.analysis.id;
    const bad = await viewer.call('GET', `/api/gaps/${id}?org=plan:lcja-2008&since=2010-13-01&target=lcja-2008:action:2.5.7`);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['org', 'since', 'target']);
    const good = await viewer.call<GapResponse>('GET', `/api/gaps/${id}?org=org:mappa-steering-group&since=2010-12-01&target=no:9`);
    expect(good.status).toBe(200);
    expect(good.body.rows).toHaveLength(1);
    expect(good.body.rows[0]).toMatchObject({ id: 'org:mappa-steering-group', c1: '2010-12-01' });
    expect(good.body.highlight).toContain('no:9');
  });

  it('PATCH changes it with a new version; a stale expectedVersion is a 409 and changes nothing', async () => {
    const patched = await analyst.call<SavedAnalysisResponse>('PATCH', `/api/analyses/${saved.analysis.id}`, { title: 'An action by its reference', expectedVersion: 1 });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.analysis).toMatchObject({ version: 2, title: 'An action by its reference', updatedBy: 'as-analyst' });
    const stale = await editor.call('PATCH', `/api/analyses/${saved.analysis.id}`, { title: 'Late', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await viewer.call<any>('GET', `/api/analyses/${saved.analysis.id}`)).body.analysis.title).toBe('An action by its reference');
    const unsafe = await analyst.call('PATCH', `/api/analyses/${saved.analysis.id}`, { cypher: 'MATCH (a:Action) DELETE a' });
    expect(unsafe.status).toBe(400);
  });

  it('deleting is audited, takes it out of the catalogue, and an editor undoes it with revert', async () => {
    const del = await analyst.call<{ changeId: string }>('DELETE', `/api/analyses/${saved.analysis.id}`);
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect((await viewer.call('GET', `/api/gaps/${saved.analysis.id}`)).status).toBe(404);
    expect((await viewer.call<GapCatalogueResponse>('GET', '/api/gaps')).body.analyses.map((a) => a.id)).not.toContain(saved.analysis.id);

    const audit = await editor.call<any>('GET', `/api/changes/${del.body.changeId}`);
    expect(audit.status).toBe(200);
    expect(audit.body.actor).toMatchObject({ id: 'as-analyst', role: 'analyst' });
    expect(audit.body.diff.records).toEqual([expect.objectContaining({ table: 'SavedAnalysis', id: saved.analysis.id, versionBefore: 2, versionAfter: 3 })]);
    const feed = await editor.call<any>('GET', `/api/changes?node=${saved.analysis.id}`);
    expect(feed.body.changes.map((c: { changeId: string }) => c.changeId)).toContain(del.body.changeId);

    const undo = await editor.call<any>('POST', `/api/changes/${del.body.changeId}/revert`, {});
    expect(undo.status, JSON.stringify(undo.body)).toBe(201);
    const back = await viewer.call<any>('GET', `/api/analyses/${saved.analysis.id}`);
    expect(back.body.analysis).toMatchObject({ title: 'An action by its reference', version: 4, cypher: ACTION_BY_REF.cypher });
    expect((await viewer.call<GapResponse>('GET', `/api/gaps/${saved.analysis.id}?plan=plan:lcja-2008&ref=2.5.7`)).body.rows).toHaveLength(1);
    // Undoing the same delete twice is refused: the record has moved on.
    expect((await editor.call('POST', `/api/changes/${del.body.changeId}/revert`, {})).status).toBe(409);
  });

  it('keeps saved analyses out of every domain read', async () => {
    const search = await viewer.call<any>('GET', '/api/search?q=reference');
    expect(JSON.stringify(search.body)).not.toContain('saved-');
    const graph = await viewer.call<any>('GET', '/api/graph');
    expect(JSON.stringify(graph.body)).not.toContain('saved-an-action');
    const console = await analyst.call<any>('POST', '/api/query', { cypher: 'MATCH (s:SavedAnalysis) RETURN count(s) AS n' });
    expect(console.status).not.toBe(200);
  });

  it('templates are read-only', async () => {
    expect((await analyst.call('PATCH', '/api/analyses/template-outcomes-by-plan', { title: 'Mine' })).status).toBe(400);
    expect((await analyst.call('DELETE', '/api/analyses/template-outcomes-by-plan')).status).toBe(400);
  });
});

describe('POST /api/query with check: true', () => {
  it('asks the engine for its plan only: no rows', async () => {
    const ok = await analyst.call<any>('POST', '/api/query', { cypher: 'MATCH (a:Action) RETURN a LIMIT 3', check: true });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ rows: [], truncated: false });
  });
  it('names the position of a syntax error', async () => {
    const bad = await analyst.call<any>('POST', '/api/query', { cypher: 'MATCH (a:Action)\nRETURN a WHERE', check: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/syntax error at line 2, column \d+/);
  });
  it('refuses a write as the run would', async () => {
    const w = await analyst.call<any>('POST', '/api/query', { cypher: "CREATE (p:Plan {id: 'x'})", check: true });
    expect(w.status).toBe(403);
  });
});
