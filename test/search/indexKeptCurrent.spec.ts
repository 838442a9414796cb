import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../model/index.js';
import { buildIndex, searchIndex, searchIndexUpdates } from '../../server/search/searchNodes.js';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';

/**
 * The search index kept current by the changes themselves (searchIndexChanged): after
 * every kind of edit committed through the real pipeline over HTTP, the index held is the
 * same object as before the edit (it was not rebuilt), and it answers every query exactly
 * as an index built afresh from the store would.
 */

let api: ChangeServer;
beforeAll(async () => {
  api = await startChangeServer();
}, 180_000);
afterAll(async () => {
  await api?.close();
});

const ACTION = 'lcja-2008:action:2.5.7';
const MILESTONE = 'lcja-2008:milestone:2.5.7-1';
const OTHER_ACTION = 'lcja-2008:action:2.1.3';
const NEW_ACTION = 'lcja-2008:action:9.9.1';

/** Queries that reach every part of the ranking: references, prefixes, aliases, words, typos, a milestone's words. */
const QUERIES = ['2.5.7', '2.5', '9.9.1', 'SPS', 'NASSO', 'mappa annual report', 'accomodation', 'victim support', 'quokka', 'zanzibar quokka', 'sex offenders housing', 'learning disabilities'];

const ask = (q: string, kind?: 'Action' | 'Milestone') => ({ q, kind, limit: 25 });

async function answers(index: Awaited<ReturnType<typeof searchIndex>>): Promise<Record<string, SearchResult[]>> {
  const out: Record<string, SearchResult[]> = {};
  for (const q of QUERIES) {
    out[q] = index.search(q, ask(q));
    out[`${q} (milestones)`] = index.search(q, ask(q, 'Milestone'));
  }
  return out;
}

async function change(operations: unknown[]): Promise<void> {
  const res = await api.call('POST', '/api/changes', { operations });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** The held index answers as a fresh one, and is still the one held before the edits. */
async function expectKeptCurrent(held: unknown): Promise<Awaited<ReturnType<typeof searchIndex>>> {
  const current = await searchIndex(api.store);
  expect(current, 'the index was rebuilt, not updated in place').toBe(held);
  const fresh = await buildIndex(api.store);
  expect(current.size).toBe(fresh.size);
  expect(await answers(current)).toEqual(await answers(fresh));
  return current;
}

describe('the search index after committed changes', () => {
  it('takes a create, a text edit, a link, an unlink and a delete in place, answering as a fresh index', async () => {
    const held = await searchIndex(api.store);
    const applied = searchIndexUpdates.applied;

    // A new action in the Lanarkshire 2008-09 plan, with words no document holds.
    await change([
      { op: 'create', node: { kind: 'Action', id: NEW_ACTION, props: { ref: '9.9.1', title: 'Survey the zanzibar quokka population' } } },
      { op: 'link', type: 'CONTAINS', from: 'plan:lcja-2008', to: NEW_ACTION },
    ]);
    let index = await expectKeptCurrent(held);
    const found = index.search('zanzibar quokka', ask('zanzibar quokka'));
    expect(found.map((r) => r.id)).toEqual([NEW_ACTION]);
    // Its plan came with the CONTAINS link: the same short name as 2.5.7's.
    expect(found[0]!.plan).toBe('plan:lcja-2008');
    expect(found[0]!.planShort).toBe(index.search('2.5.7', ask('2.5.7')).find((r) => r.id === ACTION)!.planShort);

    // A text edit: 2.5.7's milestone (line 124, "through MAPPA annual report") is reworded.
    await change([{ op: 'update', id: MILESTONE, set: { text: 'Report NASSO progress to the quokka working group' } }]);
    index = await expectKeptCurrent(held);
    expect(index.search('mappa annual report', ask('mappa annual report')).map((r) => r.id)).not.toContain(MILESTONE);
    expect(
      index
        .search('quokka working group', ask('quokka working group'))
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual([ACTION, MILESTONE]);

    // The milestone moves to another action: found by its words, it now brings that action.
    await change([
      { op: 'unlink', type: 'HAS_MILESTONE', from: ACTION, to: MILESTONE },
      { op: 'link', type: 'HAS_MILESTONE', from: OTHER_ACTION, to: MILESTONE },
    ]);
    index = await expectKeptCurrent(held);
    const moved = index.search('quokka working group', ask('quokka working group'));
    expect(moved.find((r) => r.id === MILESTONE)?.parent?.id).toBe(OTHER_ACTION);

    // Deleted: the new action and its words are gone, and "quokka" alone is no known word, only the milestone's.
    await change([{ op: 'delete', id: NEW_ACTION }]);
    index = await expectKeptCurrent(held);
    expect(index.search('zanzibar', ask('zanzibar')).map((r) => r.id)).toEqual([]);

    expect(searchIndexUpdates.applied - applied).toBe(4);
  });
});
