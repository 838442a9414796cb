import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateReadCaches } from '../../server/graph/readCache.js';
import { searchIndex, searchIndexChanged, searchIndexUpdates, searchNodes } from '../../server/search/searchNodes.js';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { openSeededStore } from '../helpers/seededStore.js';

/**
 * The search index over a real store: built once and kept, a commit put into it in place,
 * dropped by a wholesale invalidation, holding the seed's 485 distinct domain nodes (510 node entries in seed/*.yaml, organisations repeated across documents)
 * and no system table, each milestone and progress update knowing its action.
 */

let store: LadybugStore;
beforeAll(async () => {
  store = await openSeededStore({ dataDir: ':memory:', bufferPoolMb: 256 });
}, 180_000);
afterAll(async () => {
  await store.close();
});

describe('the search index of a store', () => {
  it('is built once and kept while nothing changes', async () => {
    const first = searchIndex(store);
    expect(searchIndex(store)).toBe(first);
    expect((await first).size).toBe(485);
  });

  it('takes a commit in place, and is built afresh after a wholesale invalidation', async () => {
    const before = searchIndex(store);
    const index = await before;
    const applied = searchIndexUpdates.applied;
    searchIndexChanged(store, { nodes: { added: [], updated: [], removed: [] }, relationships: { added: [], removed: [] } });
    const afterCommit = searchIndex(store);
    // The same index, with the change put in: not a rebuild.
    expect(await afterCommit).toBe(index);
    expect(searchIndexUpdates.applied).toBe(applied + 1);
    expect(searchIndex(store)).toBe(afterCommit);
    invalidateReadCaches(store);
    const afterInvalidation = searchIndex(store);
    expect(afterInvalidation).not.toBe(afterCommit);
    expect(await afterInvalidation).not.toBe(index);
    expect((await afterInvalidation).size).toBe(485);
  });

  it('answers with kind and limit, milestones under their action', async () => {
    const all = await searchNodes(store, { q: 'NASSO', limit: 20 });
    expect(all.map((r) => r.id).slice(0, 2)).toEqual(['lcja-2008:action:2.5.7', 'lcja-2008:milestone:2.5.7-1']);
    expect(all.find((r) => r.id === 'lcja-2008:milestone:2.5.7-1')!.parent?.id).toBe('lcja-2008:action:2.5.7');
    expect(all.find((r) => r.id === 'lcja-2008:progress:2.5.7-slc')!.parent?.id).toBe('lcja-2008:action:2.5.7');
    const actions = await searchNodes(store, { q: 'NASSO', limit: 20, kind: 'Milestone' });
    expect(actions.map((r) => r.id)).toEqual(['lcja-2008:milestone:2.5.7-1']);
    expect(await searchNodes(store, { q: 'NASSO', limit: 1 })).toHaveLength(1);
    const [plan] = await searchNodes(store, { q: '2.5.7', limit: 1 });
    expect(plan).toMatchObject({ id: 'lcja-2008:action:2.5.7', match: 'reference', plan: 'plan:lcja-2008', planShort: 'LCJA 2008' });
  });
});
