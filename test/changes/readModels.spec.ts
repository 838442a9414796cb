import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGapInput } from '../../server/gaps/analyses.js';
import { isCached } from '../../server/graph/readCache.js';
import { startChangeServer, type ChangeServer } from './changeServer.js';

/**
 * Read models kept current, not dropped: a committed change drops only the cached gap
 * lists, threads and matrix axes whose queries read what it changed; the rest stay warm,
 * and everything read after a change shows it.
 */

let api: ChangeServer;
beforeAll(async () => {
  api = await startChangeServer();
}, 180_000);
afterAll(async () => {
  await api?.close();
});

const ACTION = 'lcja-2008:action:2.5.13';
const get = async (path: string) => (await api.call('GET', path, undefined, null)).body;
const gapKey = (id: string) => {
  const input = defaultGapInput({ asOf: '2012-01-01' });
  // the key server/api/gapRoutes.ts caches under: since issue-10 a list also differs by basis (all links or printed only)
  return `gap:${id}:${input.plan}:${input.asOf}:${input.threshold}:${input.basis}`;
};
const GAPS = ['actions-without-timescale', 'near-duplicate-actions', 'shared-outcomes', 'single-points-of-failure', 'coverage-matrix', 'organisation-load'];
const warmUp = async () => {
  for (const id of GAPS) await get(`/api/gaps/${id}?asOf=2012-01-01`);
  await get(`/api/thread/${ACTION}`);
  await get('/api/thread/no:9');
};

describe('a one-field edit', () => {
  it('of an action timescale drops the lists that read timescales and keeps threads, duplicates and coverage warm', async () => {
    await warmUp();
    for (const id of GAPS) expect(isCached(api.store, gapKey(id)), id).toBe(true);
    // 2.5.13 has a due date (line 591), so without its timescale it is still dated: one field changes, the list's answer does not.
    const before = await get('/api/gaps/actions-without-timescale?asOf=2012-01-01');
    expect(before.rows.some((r: { id: string }) => r.id === ACTION)).toBe(false);

    const res = await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: ACTION, set: { timescale: 'March 2010' } }] });
    expect(res.status).toBe(201);
    expect(res.body.diff.nodes.updated[0].fields.map((f: { field: string }) => f.field)).toEqual(['timescale']);

    expect(isCached(api.store, gapKey('actions-without-timescale'))).toBe(false);
    for (const id of ['near-duplicate-actions', 'shared-outcomes', 'single-points-of-failure', 'coverage-matrix', 'organisation-load']) expect(isCached(api.store, gapKey(id)), id).toBe(true);
    expect(isCached(api.store, `thread:${ACTION}`)).toBe(true);
    expect(isCached(api.store, 'thread:no:9')).toBe(true);
    // The dropped list is computed again on the next read; an edit that empties every date puts the action in it.
    expect((await get('/api/gaps/actions-without-timescale?asOf=2012-01-01')).rows.some((r: { id: string }) => r.id === ACTION)).toBe(false);
    expect((await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: ACTION, unset: ['timescale', 'dueDate'] }] })).status).toBe(201);
    expect((await get('/api/gaps/actions-without-timescale?asOf=2012-01-01')).rows.some((r: { id: string }) => r.id === ACTION)).toBe(true);
  });

  it('of an action title drops the duplicates and keeps the threads that show it, which show the new title', async () => {
    await warmUp();
    // What the action serves at the top of its thread: that thread runs down through the action.
    const top = (await get(`/api/thread/${ACTION}`)).paths[0].nodes.at(-1) as string;
    expect((await get(`/api/thread/${top}`)).elements.nodes.some((n: { data: { id: string } }) => n.data.id === ACTION)).toBe(true);
    const res = await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: ACTION, set: { title: 'A retitled action for the read-model test' } }] });
    expect(res.status).toBe(201);
    expect(isCached(api.store, gapKey('near-duplicate-actions'))).toBe(false);
    // The thread's paths do not read titles: its nodes are read again and it is kept (server/thread/threadPatch.ts).
    expect(isCached(api.store, `thread:${ACTION}`)).toBe(true);
    const thread = await get(`/api/thread/${ACTION}`);
    expect(thread.origin.label).toBe('A retitled action for the read-model test');
    expect(thread.elements.nodes.find((n: { data: { id: string } }) => n.data.id === ACTION).data.label).toBe('A retitled action for the read-model test');
    expect(thread.description).toContain('2.5.13 “A retitled action for the read-model test”');
    expect(isCached(api.store, `thread:${top}`)).toBe(true);
    expect((await get(`/api/thread/${top}`)).description).toContain('2.5.13 “A retitled action for the read-model test”');
  });

  it("of a lead organisation's name drops the downward threads, whose sentences name the lead", async () => {
    await warmUp();
    const down = await get('/api/thread/no:9');
    const lead = down.elements.edges.find((e: { data: { type: string } }) => e.data.type === 'LEADS')?.data.source as string;
    expect(lead).toBeTruthy();
    const res = await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: lead, set: { name: 'A renamed lead for the read-model test' } }] });
    expect(res.status).toBe(201);
    expect(isCached(api.store, 'thread:no:9')).toBe(false);
    expect((await get('/api/thread/no:9')).description).toContain('(led by A renamed lead for the read-model test)');
  });

  it('a new SERVES link drops every read model that follows SERVES, and the thread shows it', async () => {
    await warmUp();
    const res = await api.call('POST', '/api/changes', { operations: [{ op: 'link', type: 'SERVES', from: ACTION, to: 'no:15' }] });
    expect(res.status).toBe(201);
    expect(isCached(api.store, `thread:${ACTION}`)).toBe(false);
    expect(isCached(api.store, gapKey('coverage-matrix'))).toBe(false);
    expect((await get(`/api/thread/${ACTION}`)).paths.map((p: { nodes: string[] }) => p.nodes.at(-1))).toContain('no:15');
  });
});
