import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGapInput } from '../../server/gaps/analyses.js';
import { invalidateReadCaches, isCached } from '../../server/graph/readCache.js';
import type { Row } from '../../server/store/port.js';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';

/**
 * A gap list that filters on its action's own dates is kept current after an edit of those
 * dates by reading the edited action's row again (`gaps/actions-without-timescale-of`), not
 * by running the list again. That is only right while the two query texts select alike, so
 * the first test holds them side by side on the seed, for the whole partnership and each
 * plan; the second edits an action in and out of the list over HTTP and compares the kept
 * list with one computed afresh.
 */

let api: ChangeServer;
beforeAll(async () => {
  api = await startChangeServer();
}, 180_000);
afterAll(async () => {
  await api?.close();
});

const byId = (rows: Row[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
const get = async (path: string) => (await api.call('GET', path, undefined, null)).body as { rows: { id: string }[] };
// 2.5.13 prints a timescale and a due date (Lanarkshire implementation plan 2008-09, line 591): not in the list until both go.
const ACTION = 'lcja-2008:action:2.5.13';
const LIST = '/api/gaps/actions-without-timescale?asOf=2012-01-01';
const input = defaultGapInput({ asOf: '2012-01-01' });
const rowsKey = `rows:gaps/actions-without-timescale:${JSON.stringify({ plan: input.plan, asOf: input.asOf, bases: input.bases })}`;

describe('the rows of an edited action, read again', () => {
  it('select as the whole list does, for the partnership and for each plan', async () => {
    const summaries = await api.store.read('graph/all-node-summaries');
    const actions = summaries.filter((r) => r.kind === 'Action').map((r) => String(r.id));
    const plans = summaries.filter((r) => r.kind === 'Plan').map((r) => String(r.id));
    expect(actions.length).toBeGreaterThan(100);
    expect(plans.length).toBe(5);
    let listed = 0;
    for (const plan of ['', ...plans]) {
      const list = await api.store.read('gaps/actions-without-timescale', { plan });
      const reread = await api.store.read('gaps/actions-without-timescale-of', { plan, ids: actions });
      expect(byId(reread), plan || 'all plans').toEqual(byId(list));
      if (plan) listed += list.length;
    }
    // Each listed action belongs to one plan: the plans' lists add up to the partnership's, which is not empty.
    const all = await api.store.read('gaps/actions-without-timescale', { plan: '' });
    expect(listed).toBe(all.length);
    expect(all.length).toBeGreaterThan(0);
  });

  it('keep the list through edits that move an action in and out, and agree with a fresh list', async () => {
    const before = await get(LIST);
    expect(before.rows.map((r) => r.id)).not.toContain(ACTION);
    expect(isCached(api.store, rowsKey)).toBe(true);

    expect((await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: ACTION, unset: ['timescale', 'dueDate'] }] })).status).toBe(201);
    // Patched in place (the action's row read again), not dropped.
    expect(isCached(api.store, rowsKey)).toBe(true);
    const kept = await get(LIST);
    expect(kept.rows.map((r) => r.id)).toContain(ACTION);
    expect(kept.rows).toHaveLength(before.rows.length + 1);
    invalidateReadCaches(api.store);
    expect(await get(LIST)).toEqual(kept);

    expect((await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: ACTION, set: { timescale: 'March 2010' } }] })).status).toBe(201);
    expect(isCached(api.store, rowsKey)).toBe(true);
    const after = await get(LIST);
    expect(after.rows.map((r) => r.id)).not.toContain(ACTION);
    expect(after.rows).toHaveLength(before.rows.length);
    invalidateReadCaches(api.store);
    expect(await get(LIST)).toEqual(after);
  });
});
