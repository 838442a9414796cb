import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';

/**
 * The import and export routes over real HTTP, a real store holding the seed and
 * real sessions: upload, preview (a dry run that writes nothing), commit, and the
 * error shapes for a bad file, a bad parameter and a caller without the right.
 */

const PASTE = readFileSync(new URL('../../seed/sources/lanarkshire-cja-q2-progress-2010.txt', import.meta.url), 'utf8');
const TEXT = { 'content-type': 'text/plain' };

describe('POST /api/imports, GET /api/export and GET /api/compare', () => {
  let server: ChangeServer;
  beforeAll(async () => {
    server = await startChangeServer();
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('refuses anonymous callers (401) and roles without the edit capability (403)', async () => {
    expect((await server.call('POST', '/api/imports?file=q2.txt&plan=lcja-api', PASTE, null, TEXT)).status).toBe(401);
    expect((await server.call('POST', '/api/imports?file=q2.txt&plan=lcja-api', PASTE, 'viewer', TEXT)).status).toBe(403);
  });

  it('previews a pasted table without writing, then commits it as one import change', async () => {
    const preview = await server.call('POST', '/api/imports?file=q2.txt&plan=lcja-api&progressPeriod=July-September%202010', PASTE, 'editor', TEXT);
    expect(preview.status).toBe(201);
    expect(preview.body.committed).toBe(false);
    expect(preview.body.counts).toMatchObject({ actions: 9, actionsAdded: 9, localOutcomes: 6 });
    expect(preview.body.headings.unrecognised).toEqual([]);
    expect((await server.call('GET', '/api/nodes/lcja-api:action:1', undefined, 'editor')).status).toBe(404);

    const progress = await server.call('GET', `/api/imports/${preview.body.importId}`, undefined, 'editor');
    expect(progress.body.progress).toMatchObject({ stage: 'preview', done: 1, total: 1 });
    // Another editor cannot see or commit someone else's upload.
    expect((await server.call('POST', `/api/imports/${preview.body.importId}/commit`, {}, 'admin')).status).toBe(404);

    const commit = await server.call('POST', `/api/imports/${preview.body.importId}/commit`, { mapping: { organisations: { CJSW: null } } }, 'editor');
    expect(commit.status).toBe(200);
    expect(commit.body.committed).toBe(true);
    expect(commit.body.changeId).toMatch(/^change:/);
    // The wizard's progress bar may still ask once more: it hears "committed", and the upload cannot be committed twice.
    expect((await server.call('GET', `/api/imports/${preview.body.importId}`, undefined, 'editor')).body.progress).toEqual({ stage: 'committed', done: 1, total: 1 });
    const twice = await server.call('POST', `/api/imports/${preview.body.importId}/commit`, {}, 'editor');
    expect(twice.status).toBe(404);
    expect(twice.body.error.message).toBe(`the import ${preview.body.importId} was committed already, as ${commit.body.changeId}`);
    const node = await server.call('GET', '/api/nodes/lcja-api:action:2', undefined, 'editor');
    expect(node.status).toBe(200);
    expect(JSON.stringify(node.body)).toContain('"source":"import"');
    // The mapping said CJSW names no organisation: action 2's lead stays vague, with no LEADS link.
    expect(JSON.stringify(node.body)).toContain('"leadVague":true');
  });

  it('answers a bad file with a 400 naming the file, row and column', async () => {
    const res = await server.call('POST', '/api/imports?file=shapes.csv&plan=shapes', 'Colour,Shape\nred,round\n', 'editor', { 'content-type': 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_file');
    expect(res.body.error.issues[0]).toEqual({ field: 'shapes.csv, table 1, row 1, column 1', reason: expect.stringMatching(/^no recognisable column headings/) });
  });

  it('answers a bad parameter with a 400 naming it', async () => {
    const res = await server.call('POST', '/api/imports?file=x.csv&plan=Not%20A%20Key', 'a,b', 'editor', TEXT);
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].field).toBe('plan');
  });

  it('GET /api/compare answers the comparison of two plans, and names a bad id', async () => {
    const res = await server.call('GET', '/api/compare?a=plan:lcja-2008&b=plan:lcja-2010', undefined, null);
    expect(res.status).toBe(200);
    expect(res.body.continued.find((c: { to: string }) => c.to === 'lcja-2010:action:1')).toMatchObject({ from: 'lcja-2008:action:2.5.7', basis: 'text' });
    const bad = await server.call('GET', '/api/compare?a=Plan%20A&b=plan:lcja-2010', undefined, null);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('a');
  });

  it('exports each format, and names a wrong one', async () => {
    for (const [format, type] of [
      ['json', 'application/json'],
      ['graphml', 'application/graphml+xml'],
      ['neo4j', 'text/plain'],
      ['csv', 'application/zip'],
    ] as const) {
      const res = await fetch(`${server.base}/api/export?format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    const bad = await server.call('GET', '/api/export?format=pdf', undefined, null);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('format');
  });
});
