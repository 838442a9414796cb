import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamedView } from '../../client/views/serialise.js';
import { Browser, startAuthServer, type AuthServer } from '../auth/authServer.js';

/**
 * Named views shared on the server, over real HTTP and the embedded store: an analyst
 * saves one, a viewer (who may not save) reads it, an editor renames it, names stay
 * unique without regard to case, a malformed view is refused naming the field, and the
 * views survive a restart.
 */

const view = (name: string, x = 10): NamedView => ({
  version: 1,
  name,
  savedAt: '2026-12-02T01:00:00.000Z',
  layout: 'layered',
  filters: { plan: 'plan:lcja-2008', organisation: null, framework: 'national-outcomes', statuses: [], yearBand: null, kinds: ['Action', 'NationalOutcome'] },
  styling: { labelScale: 1.25, renderer: 'auto', styleBy: 'status' },
  locked: true,
  positions: { 'lcja-2008:action:2.5.7': [x, 20], 'no:9': [30, 400] },
  camera: { x: 0, y: 0, w: 800, h: 600 },
});

let server: AuthServer;
const as: Record<'analyst' | 'editor' | 'viewer', Browser> = {} as never;

beforeAll(async () => {
  server = await startAuthServer({ seed: false });
  for (const role of ['analyst', 'editor', 'viewer'] as const) {
    await server.auth.accounts.create({ username: `${role}-1`, role, password: 'views password 1' });
    as[role] = new Browser(server.base);
    expect((await as[role].signIn(`${role}-1`, 'views password 1')).status).toBe(200);
  }
}, 120_000);
afterAll(() => server?.close());

let id = '';

describe('sharing a view', () => {
  it('keeps what an analyst saved, exactly, for everyone to read', async () => {
    const made = await as.analyst.call('POST', '/api/views', { view: view('Board seminar, NO 9') });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    id = made.body.id;
    expect(id).toMatch(/^view:[0-9a-f-]{36}$/);
    expect(made.body).toMatchObject({ name: 'Board seminar, NO 9', createdBy: 'analyst-1', updatedBy: 'analyst-1' });
    const listed = await as.viewer.call('GET', '/api/views');
    expect(listed.body.views).toHaveLength(1);
    expect(listed.body.views[0].view).toEqual(view('Board seminar, NO 9'));
    expect((await new Browser(server.base).call('GET', `/api/views/${id}`)).body.view.positions['no:9']).toEqual([30, 400]);
  });

  it('refuses a second view of the same name in other letters, naming the field', async () => {
    const again = await as.editor.call('POST', '/api/views', { view: view('board SEMINAR, no 9') });
    expect(again.status).toBe(409);
    expect(again.body.error.issues).toEqual([{ field: 'view.name', reason: `is taken by ${id}` }]);
  });

  it.each([
    [{ view: { ...view('Bad'), positions: { 'no:9': [1, 'x'] } } }, 'view.positions.no:9.1'],
    [{ view: { ...view('Bad'), layout: 'circle' } }, 'view.layout'],
    [{ view: { ...view('Bad'), name: '' } }, 'view.name'],
    [{}, 'view'],
  ])('refuses a malformed view with 400 naming %s', async (body, field) => {
    const reply = await as.analyst.call('POST', '/api/views', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('is refused to a viewer, with the reason', async () => {
    const reply = await as.viewer.call('POST', '/api/views', { view: view('Mine') });
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toBe('the role viewer may not do this; it needs the saveAnalysis capability');
  });
});

describe('renaming, replacing and deleting', () => {
  it('renames for an editor, the view inside renamed too, and records who', async () => {
    const renamed = await as.editor.call('PATCH', `/api/views/${id}`, { name: 'NO 9 for the board' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: 'NO 9 for the board', createdBy: 'analyst-1', updatedBy: 'editor-1' });
    expect(renamed.body.view.name).toBe('NO 9 for the board');
    expect(renamed.body.view.positions['lcja-2008:action:2.5.7']).toEqual([10, 20]);
  });

  it('replaces what the view shows, keeping its name', async () => {
    const replaced = await as.analyst.call('PATCH', `/api/views/${id}`, { view: view('NO 9 for the board', 99) });
    expect(replaced.body.view.positions['lcja-2008:action:2.5.7']).toEqual([99, 20]);
  });

  it('refuses a rename onto another view’s name and an empty patch', async () => {
    const other = await as.analyst.call('POST', '/api/views', { view: view('Glasgow only') });
    const clash = await as.analyst.call('PATCH', `/api/views/${other.body.id}`, { name: 'no 9 FOR the board' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.issues).toEqual([{ field: 'name', reason: `is taken by ${id}` }]);
    expect((await as.analyst.call('PATCH', `/api/views/${id}`, {})).status).toBe(400);
  });

  it('keeps them across a restart, then deletes one', async () => {
    server = await server.restart();
    const editor = new Browser(server.base);
    await editor.signIn('editor-1', 'views password 1');
    expect((await editor.call('GET', '/api/views')).body.views.map((v: { name: string }) => v.name)).toEqual(['Glasgow only', 'NO 9 for the board']);
    expect((await editor.call('DELETE', `/api/views/${id}`)).status).toBe(204);
    expect((await editor.call('GET', `/api/views/${id}`)).status).toBe(404);
    expect((await editor.call('GET', '/api/views')).body.views.map((v: { name: string }) => v.name)).toEqual(['Glasgow only']);
  }, 120_000);
});
