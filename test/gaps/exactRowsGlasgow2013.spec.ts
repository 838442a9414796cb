import { describe, expect, it } from 'vitest';
import { gapRows, rowIds as ids, seededStore, sourceLines } from '../helpers/seededGaps.js';

/**
 * Issue 17: complete row sets on the Glasgow 2013-15 plan (plan:gcjsw-2013), worked out
 * from its Appendix 1 (lines 620-650), parsed here independently of the seed. The table's
 * columns are "Key Strategic Priorities | Action Priority | Year 1 2013 | Year 2 2014 |
 * Year 3 2015" (line 620): each filled year cell is one action, due (by curation, from the
 * year band) at the end of its year. There is no lead column and no status column, so
 * every action has no named lead and no status, and no due date is printed.
 */

const PLAN = 'plan:gcjsw-2013';
const text = sourceLines('glasgow-cjsw-strategic-plan-2013-15.txt');

/** [id, year] of every action the appendix prints: one per filled year cell. */
function appendixActions(): [string, number][] {
  const out: [string, number][] = [];
  let group = '';
  for (let n = 621; n <= text.length; n++) {
    const cells = text[n - 1]!.split('\t');
    const head = /^(\d+)\. /.exec(cells[0] ?? '');
    if (head) group = head[1]!;
    if (!/^\d+$/.test((cells[1] ?? '').trim())) continue;
    cells.slice(2, 5).forEach((cell, i) => {
      if (cell.trim() !== '') out.push([`gcjsw-2013:action:${group}.${cells[1]!.trim()}-${2013 + i}`, 2013 + i]);
    });
  }
  return out;
}

const { store } = seededStore();
const rows = gapRows(store, PLAN);

describe('the appendix, read from the document', () => {
  it('has the five columns of line 620 and 34 filled year cells, from 1.1 (line 621) to 8.3 (line 650)', () => {
    expect(text[619]!.split('\t')).toEqual(['Key Strategic Priorities', 'Action Priority', 'Year 1 2013', 'Year 2 2014', 'Year 3 2015']);
    const actions = appendixActions();
    expect(actions).toHaveLength(34);
    expect(actions.filter(([, y]) => y === 2013)).toHaveLength(24);
    expect(actions[0]).toEqual(['gcjsw-2013:action:1.1-2013', 2013]);
    expect(actions.at(-1)).toEqual(['gcjsw-2013:action:8.3-2013', 2013]);
  });
});

describe('gap analyses on plan:gcjsw-2013, their whole row sets', () => {
  it('actions without a lead: every action, since the appendix has no lead column', async () => {
    const got = await rows('actions-without-lead');
    expect(ids(got)).toEqual(
      appendixActions()
        .map(([id]) => id)
        .sort(),
    );
    expect(got.filter((r) => r.lead !== null || r.status !== null)).toEqual([]);
  });

  it('actions without a timescale: none, every action stands in a year column', async () => {
    expect(await rows('actions-without-timescale')).toEqual([]);
  });

  it('overdue actions in mid-2014: exactly the 24 of year 1 (due at the end of 2013, no status printed)', async () => {
    const got = await rows('overdue-actions', { asOf: '2014-06-30' });
    expect(ids(got)).toEqual(
      appendixActions()
        .filter(([, y]) => y === 2013)
        .map(([id]) => id)
        .sort(),
    );
    expect(got.every((r) => r.dueDate === '2013-12-31' && r.status === null)).toBe(true);
  });

  it('overdue actions in 2016: all 34; on printed dates only: none, since the plan prints years, not dates', async () => {
    expect(ids(await rows('overdue-actions', { asOf: '2016-01-01' }))).toEqual(
      appendixActions()
        .map(([id]) => id)
        .sort(),
    );
    expect(await rows('overdue-actions', { asOf: '2016-01-01', basis: 'printed' })).toEqual([]);
  });

  it('overdue milestones: none, the appendix has no milestones', async () => {
    expect(await rows('overdue-milestones', { asOf: '2016-01-01' })).toEqual([]);
  });

  it('single points of failure and shared outcomes: none, no action has a lead', async () => {
    expect(await rows('single-points-of-failure')).toEqual([]);
    expect(await rows('shared-outcomes')).toEqual([]);
  });
});

describe('the MAPPA progress (lines 386-406) has a thread', () => {
  it('a key objective’s progress update belongs to its objective (objective 10, line 404)', async () => {
    const { goldenThread } = await import('../../server/thread/thread.js');
    const thread = await goldenThread(store(), 'gcjsw-2013:progress:mappa-objective-10');
    expect(thread.paths.map((p) => p.nodes)).toEqual([['gcjsw-2013:progress:mappa-objective-10', 'gcjsw-2013:priority:mappa-objective-10']]);
  });

  it('and belongs to the Glasgow plan, through its objective', async () => {
    expect(await store().read('graph/plan-of', { ids: ['gcjsw-2013:progress:mappa-objective-10'] })).toEqual([{ plan: PLAN, id: 'gcjsw-2013:progress:mappa-objective-10' }]);
    expect((await store().read('graph/plan-membership')).filter((r) => String(r.id).startsWith('gcjsw-2013:progress:mappa-objective-'))).toHaveLength(10);
  });
});
