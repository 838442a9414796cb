import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startAuthServer, type AuthServer } from '../auth/authServer.js';

/**
 * Named snapshots over the real HTTP server and embedded store with the seed loaded:
 * freeze, list, compare with the graph now after an edit, export the frozen graph,
 * and find it again after a restart. Expected values are the seed's (Lanarkshire
 * 2008-09 action 2.5.7, line 121 of its source).
 */

const ACTION = 'lcja-2008:action:2.5.7';
const PRINTED_OBJECTIVE = 'All accommodation needs assessed and effectively dealt with in relation to registered sex offenders.';
const EDITED_OBJECTIVE = 'All accommodation needs of registered sex offenders assessed within 10 days.';

let server: AuthServer;
let editor: Browser;
let viewer: Browser;

async function signedIn(username: string, role: 'editor' | 'viewer'): Promise<Browser> {
  await server.auth.accounts.create({ username, role, password: 'snapshot password 1' }).catch(() => undefined);
  const b = new Browser(server.base);
  expect((await b.signIn(username, 'snapshot password 1')).status).toBe(200);
  return b;
}

beforeAll(async () => {
  server = await startAuthServer({ seed: true });
  editor = await signedIn('sally', 'editor');
  viewer = await signedIn('victor', 'viewer');
}, 180_000);
afterAll(() => server?.close());

describe('freezing the graph', () => {
  it('keeps every node and relationship the export holds, under an id made from the name', async () => {
    const exported = await editor.call('GET', '/api/export?format=json');
    const made = await editor.call('POST', '/api/snapshots', { name: 'End of Q2 2010', note: 'before the seminar' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ id: 'snapshot:end-of-q2-2010', name: 'End of Q2 2010', note: 'before the seminar', createdBy: 'sally', createdByName: 'sally' });
    expect(made.body.nodes).toBe(exported.body.counts.nodes);
    expect(made.body.relationships).toBe(exported.body.counts.relationships);
    expect(made.body.nodes).toBeGreaterThan(300);
  });

  it('refuses a second snapshot whose name makes the same id, naming the field', async () => {
    const again = await editor.call('POST', '/api/snapshots', { name: 'end of q2, 2010' });
    expect(again.status).toBe(409);
    expect(again.body.error.issues).toEqual([{ field: 'name', reason: 'is taken by snapshot:end-of-q2-2010' }]);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: '— —' }, 'name'],
    [{ name: 'x'.repeat(81) }, 'name'],
    [{ name: 'ok', colour: 'red' }, 'colour'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const reply = await editor.call('POST', '/api/snapshots', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('is refused to a viewer, who may still list and compare', async () => {
    expect((await viewer.call('POST', '/api/snapshots', { name: 'Viewer snapshot' })).status).toBe(403);
    const list = await viewer.call('GET', '/api/snapshots');
    expect(list.body.snapshots.map((s: { id: string }) => s.id)).toEqual(['snapshot:end-of-q2-2010']);
  });
});

describe('comparing a snapshot with the graph now', () => {
  it('finds nothing changed before any edit', async () => {
    const diff = await viewer.call('GET', '/api/snapshots/compare?from=snapshot:end-of-q2-2010');
    expect(diff.status).toBe(200);
    expect(diff.body.counts).toEqual({ nodesAdded: 0, nodesRemoved: 0, nodesChanged: 0, relationshipsAdded: 0, relationshipsRemoved: 0, relationshipsChanged: 0 });
  });

  it('after an edit, names the changed field with its printed value before and the edited value after, both ways round', async () => {
    const edit = await editor.call('POST', '/api/changes', { operations: [{ op: 'update', id: ACTION, set: { objective: EDITED_OBJECTIVE } }], reason: 'snapshot test' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(201);
    const forward = await viewer.call('GET', '/api/snapshots/compare?from=snapshot:end-of-q2-2010&to=current');
    expect(forward.body.from).toEqual({ id: 'snapshot:end-of-q2-2010', label: 'End of Q2 2010' });
    expect(forward.body.counts.nodesChanged).toBe(1);
    expect(forward.body.byKind).toEqual({ Action: { added: 0, removed: 0, changed: 1 } });
    const [changed] = forward.body.nodes.changed;
    expect(changed).toMatchObject({ id: ACTION, kind: 'Action', label: 'Ensure the effective implementation of NASSO.' });
    expect(changed.fields.find((f: { field: string }) => f.field === 'objective')).toEqual({ field: 'objective', before: PRINTED_OBJECTIVE, after: EDITED_OBJECTIVE });
    const backward = await viewer.call('GET', '/api/snapshots/compare?from=current&to=snapshot:end-of-q2-2010');
    expect(backward.body.nodes.changed[0].fields.find((f: { field: string }) => f.field === 'objective')).toEqual({ field: 'objective', before: EDITED_OBJECTIVE, after: PRINTED_OBJECTIVE });
  });

  it('answers 404 for an unknown snapshot and 400 for a malformed side', async () => {
    expect((await viewer.call('GET', '/api/snapshots/compare?from=snapshot:never-taken')).status).toBe(404);
    const bad = await viewer.call('GET', '/api/snapshots/compare?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('from');
  });
});

describe('exporting a snapshot', () => {
  it('gives the graph as it was frozen, dated when it was taken, while the export of now has the edit', async () => {
    const frozen = await viewer.call('GET', '/api/snapshots/snapshot:end-of-q2-2010/export?format=json');
    expect(frozen.status).toBe(200);
    expect(frozen.headers.get('content-disposition')).toBe('attachment; filename="end-of-q2-2010-golden-thread.json"');
    const meta = await viewer.call('GET', '/api/snapshots/snapshot:end-of-q2-2010');
    expect(frozen.body.exportedAt).toBe(meta.body.createdAt);
    const objectiveIn = (file: { nodes: { id: string; props: { objective?: string } }[] }) => file.nodes.find((n) => n.id === ACTION)!.props.objective;
    expect(objectiveIn(frozen.body)).toBe(PRINTED_OBJECTIVE);
    expect(objectiveIn((await viewer.call('GET', '/api/export?format=json')).body)).toBe(EDITED_OBJECTIVE);
  });

  it('writes GraphML too, with every frozen node', async () => {
    const res = await fetch(`${server.base}/api/snapshots/snapshot:end-of-q2-2010/export?format=graphml`);
    const text = await res.text();
    const meta = await viewer.call('GET', '/api/snapshots/snapshot:end-of-q2-2010');
    expect(text.match(/<node /g)?.length).toBe(meta.body.nodes);
  });
});

describe('keeping snapshots', () => {
  it('lists them after a restart, since they live in the store', async () => {
    server = await server.restart();
    const list = await new Browser(server.base).call('GET', '/api/snapshots');
    expect(list.body.snapshots.map((s: { name: string }) => s.name)).toEqual(['End of Q2 2010']);
  }, 120_000);

  it('deletes one for an editor, after which it is gone', async () => {
    editor = new Browser(server.base);
    await editor.signIn('sally', 'snapshot password 1');
    expect((await editor.call('DELETE', '/api/snapshots/snapshot:end-of-q2-2010')).status).toBe(204);
    expect((await editor.call('GET', '/api/snapshots/snapshot:end-of-q2-2010')).status).toBe(404);
    expect((await editor.call('DELETE', '/api/snapshots/snapshot:end-of-q2-2010')).status).toBe(404);
  });
});
