import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASES } from '../../model/index.js';
import { ANALYSES, basesFor, catalogue, defaultGapInput, type GapInput } from '../../server/gaps/analyses.js';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { openSeededStore } from '../helpers/seededStore.js';

/**
 * What every gap analysis says around its rows, checked against the rows themselves: the
 * summary line states the number of rows (singular for one), names the plan by its short
 * name or says "across all plans", and says when only printed links count; the columns are
 * the ones the explorer shows; the highlight is the rows' nodes; the rows come in their
 * stated order. (The rows' exact content is test/gaps/exactRows*.spec.ts.) Written to kill
 * the mutants of server/gaps/analyses.ts that those row sets leave alive.
 */

const PLAN = 'plan:lcja-2010';
const NAME = 'LCJA 2010';

let store: LadybugStore;
beforeAll(async () => {
  store = await openSeededStore({ dataDir: ':memory:', bufferPoolMb: 256 });
}, 180_000);
afterAll(async () => {
  await store.close();
});

const run = (id: string, input: Partial<GapInput> & { basis?: 'all' | 'printed' } = {}) => {
  const base = defaultGapInput({ asOf: '2011-06-30', basis: input.basis });
  return ANALYSES.find((a) => a.id === id)!.run(store, { ...base, ...input });
};
const inPlan = { plan: PLAN, planName: NAME };
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const byNumericRef = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

describe('inputs and catalogue', () => {
  it('defaults: no plan, today, a threshold of 0.35, every basis', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(defaultGapInput({})).toEqual({ plan: '', asOf: today, threshold: 0.35, basis: 'all', bases: [...BASES] });
    expect(defaultGapInput({ plan: PLAN, asOf: '2010-01-01', threshold: 0, basis: 'printed' })).toEqual({
      plan: PLAN,
      asOf: '2010-01-01',
      threshold: 0,
      basis: 'printed',
      bases: ['printed in the same row', 'printed heading', 'printed number', 'printed in the text'],
    });
  });

  it('basesFor: the four printed bases, or all ten', () => {
    expect(basesFor('printed')).toEqual(['printed in the same row', 'printed heading', 'printed number', 'printed in the text']);
    expect(basesFor('all')).toHaveLength(10);
  });

  it('the catalogue lists each analysis once with its parameters, and a copy of them', () => {
    const c = catalogue();
    expect(c.map((a) => a.id)).toEqual(ANALYSES.map((a) => a.id));
    expect(new Set(c.map((a) => a.id)).size).toBe(12);
    const params = Object.fromEntries(c.map((a) => [a.id, a.parameters.map((p) => p.name)]));
    expect(params).toMatchObject({
      'actions-without-timescale': ['plan'],
      'overdue-actions': ['plan', 'asOf', 'basis'],
      'near-duplicate-actions': ['plan', 'threshold'],
      'organisations-leading-nothing': ['basis'],
      'coverage-matrix': ['plan', 'basis'],
    });
    const threshold = c.find((a) => a.id === 'near-duplicate-actions')!.parameters[1]!;
    expect(threshold).toMatchObject({ type: 'number', default: 0.35 });
    c[0]!.parameters.length = 0;
    expect(catalogue()[0]!.parameters.length).toBeGreaterThan(0);
    for (const a of c) {
      expect(a.title.length).toBeGreaterThan(10);
      expect(a.explanation.length).toBeGreaterThan(40);
    }
  });
});

describe('summaries, columns and highlights', () => {
  it('outcomes nobody serves', async () => {
    for (const input of [inPlan, { plan: '' }]) {
      const r = await run('unserved-outcomes', input);
      const where = input.plan ? ` in ${NAME}` : ' across all plans';
      expect(r.summary).toBe(`${n(r.rows.length, 'national outcome, aim or framework outcome', 'national outcomes, aims and framework outcomes')} served by no action${where}.`);
      expect(r.columns.map((c) => c.key)).toEqual(['kind', 'ref', 'title']);
      expect(r.highlight).toEqual(ids(r.rows));
      expect(ids(r.rows)).toEqual([...ids(r.rows)].sort(byNumericRef));
    }
    // LCJA 2010 serves none of the four CJA strategic aims (they are L&B's and Glasgow's): every kind shows, in its own words.
    const inOne = await run('unserved-outcomes', inPlan);
    expect(new Set(inOne.rows.map((row) => row.kind))).toEqual(new Set(['National Outcome', 'Strategic aim', 'Framework outcome']));
    expect(inOne.rows.filter((row) => row.kind === 'Strategic aim').map((row) => [row.id, row.ref])).toEqual([
      ['aim:1', 'Aim 1'],
      ['aim:2', 'Aim 2'],
      ['aim:3', 'Aim 3'],
      ['aim:4', 'Aim 4'],
    ]);
    expect(inOne.rows.find((row) => row.id === 'aim:1')!.title).toBe('Improve Joint Working Practices');
    // Across all plans fewer outcomes are left unserved than within one.
    expect((await run('unserved-outcomes', { plan: '' })).rows.length).toBeLessThan((await run('unserved-outcomes', inPlan)).rows.length);
  });

  it.each([
    ['actions-without-national-link', 'linked to no national outcome, aim or framework outcome'],
    ['actions-without-lead', 'with no named lead'],
    ['actions-without-timescale', 'with no timescale'],
    ['overdue-actions', 'overdue as of 2011-06-30'],
  ])('%s', async (id, words) => {
    const r = await run(id, inPlan);
    expect(r.summary).toBe(`${n(r.rows.length, 'action')} ${words} in ${NAME}.`);
    expect(r.columns).toEqual([
      { key: 'ref', title: 'Ref' },
      { key: 'title', title: 'Action' },
      { key: 'lead', title: 'Lead as printed' },
      { key: 'timescale', title: 'Timescale' },
      { key: 'status', title: 'Status' },
    ]);
    expect(r.highlight).toEqual(ids(r.rows));
    // One plan: references stand alone, in numeric order (1, 1-b, 2, ... 4-c), with the plan id kept in the row.
    const refs = r.rows.map((row) => String(row.ref));
    expect(refs.every((ref) => /^\d(-[bc])?$/.test(ref))).toBe(true);
    expect(refs).toEqual([...refs].sort(byNumericRef));
    expect(r.rows.every((row) => row.plan === PLAN)).toBe(true);
    for (const row of r.rows) expect(Object.keys(row).sort()).toEqual(['dueDate', 'id', 'lead', 'plan', 'ref', 'status', 'timescale', 'title']);
    const printed = await run(id, { ...inPlan, basis: 'printed', bases: basesFor('printed') });
    expect(printed.summary).toBe(`${n(printed.rows.length, 'action')} ${words} in ${NAME}, counting printed links only.`);
  });

  it('actions across all plans name the plan of each reference, ordered by plan then reference', async () => {
    const r = await run('actions-without-lead', { plan: '' });
    expect(r.summary).toBe(`${n(r.rows.length, 'action')} with no named lead across all plans.`);
    const refs = r.rows.map((row) => String(row.ref));
    expect(new Set(r.rows.map((row) => row.plan)).size).toBeGreaterThan(1);
    expect(refs.every((ref) => / · /.test(ref))).toBe(true);
    const keys = r.rows.map((row) => `${String(row.plan)} ${String(row.ref).split(' · ')[1]}`);
    expect(keys).toEqual([...keys].sort(byNumericRef));
  });

  it('a plan with no such actions says 0 actions, and without a short name says "the chosen plan"', async () => {
    const r = await run('overdue-actions', { plan: PLAN, asOf: '1990-01-01' });
    expect(r.rows).toEqual([]);
    expect(r.summary).toBe('0 actions overdue as of 1990-01-01 in the chosen plan.');
  });

  it('overdue milestones', async () => {
    const r = await run('overdue-milestones', { plan: '', asOf: '2011-06-30' });
    expect(r.summary).toBe(`${n(r.rows.length, 'milestone')} overdue as of 2011-06-30 across all plans.`);
    expect(r.columns.map((c) => [c.key, c.title])).toEqual([
      ['action', 'Action'],
      ['milestone', 'Milestone'],
      ['dueDate', 'Due'],
      ['status', 'Action status'],
    ]);
    expect(r.highlight).toEqual(ids(r.rows));
    expect(r.rows.length).toBeGreaterThan(1);
    expect(r.rows.every((row) => row.dueDate === null || String(row.dueDate) < '2011-06-30')).toBe(true);
    // Several plans: each action reference names its plan.
    expect(new Set(r.rows.map((row) => row.plan)).size).toBeGreaterThan(1);
    expect(r.rows.every((row) => / · /.test(String(row.action)))).toBe(true);
    const keys = r.rows.map((row) => `${String(row.plan)}${String(row.action).split(' · ')[1]}${String(row.id)}`);
    expect(keys).toEqual([...keys].sort(byNumericRef));
    const early = await run('overdue-milestones', { plan: '', asOf: '1990-01-01' });
    expect(early.summary).toBe('0 milestones overdue as of 1990-01-01 across all plans.');
  });

  it('outcomes several organisations work on', async () => {
    const r = await run('shared-outcomes', { plan: '' });
    expect(r.summary).toBe(`${n(r.rows.length, 'outcome or aim', 'outcomes and aims')} with actions led by two or more organisations across all plans.`);
    expect(r.columns.map((c) => c.key)).toEqual(['kind', 'ref', 'title', 'organisations', 'actions']);
    expect(r.rows.length).toBeGreaterThan(0);
    const counts = r.rows.map((row) => (row.organisations as string[]).length);
    expect(counts.every((c) => c >= 2)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const row of r.rows) {
      expect(r.highlight).toContain(row.id);
      expect(row.organisations).toEqual([...(row.organisations as string[])].sort());
      expect((row.actions as string[]).every((a) => a.length > 0)).toBe(true);
    }
    expect(new Set(r.highlight).size).toBe(r.highlight.length);
  });

  it('near-duplicate actions', async () => {
    const r = await run('near-duplicate-actions', { plan: '', threshold: 0.35 });
    expect(r.summary).toBe(`${n(r.rows.length, 'pair')} of actions in different plans at least 35% alike across all plans.`);
    expect(r.columns.map((c) => c.key)).toEqual(['similarity', 'first', 'second']);
    const sims = r.rows.map((row) => Number(row.similarity));
    expect(sims.every((s) => s >= 0.35 && s <= 1)).toBe(true);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    for (const row of r.rows) {
      expect(row.id).not.toBe(row.other);
      expect(String(row.first)).toMatch(/^\S.* · .+: .+/);
      expect(String(row.first).split(' · ')[0]).not.toBe(String(row.second).split(' · ')[0]);
    }
    expect(new Set(r.highlight)).toEqual(new Set(r.rows.flatMap((row) => [row.id, row.other])));
    const all = await run('near-duplicate-actions', { plan: '', threshold: 0 });
    expect(all.rows.length).toBeGreaterThan(r.rows.length);
    const none = await run('near-duplicate-actions', { plan: PLAN, planName: NAME, threshold: 1 });
    expect(none.summary).toBe(`${n(none.rows.length, 'pair')} of actions in different plans at least 100% alike in ${NAME}.`);
    const inOne = await run('near-duplicate-actions', { plan: PLAN, planName: NAME, threshold: 0 });
    expect(inOne.rows.length).toBeGreaterThan(0);
    expect(inOne.rows.length).toBeLessThan(all.rows.length);
  });

  it('single points of failure', async () => {
    const r = await run('single-points-of-failure', { plan: '' });
    const outcomes = r.rows.reduce((sum, row) => sum + Number(row.count), 0);
    expect(r.summary).toBe(`${n(outcomes, 'outcome or aim', 'outcomes and aims')} served through exactly one organisation across all plans, resting on ${n(r.rows.length, 'organisation')}.`);
    expect(r.columns.map((c) => c.key)).toEqual(['organisation', 'count', 'outcomes', 'actions']);
    const counts = r.rows.map((row) => Number(row.count));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const row of r.rows) {
      expect((row.outcomes as string[]).length).toBe(row.count);
      expect((row.outcomeIds as string[]).length).toBe(row.count);
      expect(r.highlight).toContain(row.id);
      for (const o of row.outcomeIds as string[]) expect(r.highlight).toContain(o);
      for (const o of row.outcomes as string[]) expect(o).toMatch(/^(National Outcome|Strategic aim|Framework outcome|Local outcome|Priority) (\S+ )*“.+”$/);
    }
  });

  it('organisation load', async () => {
    const r = await run('organisation-load', inPlan);
    const leaders = r.rows.filter((row) => Number(row.leads) > 0);
    expect(r.summary).toBe(`${n(leaders.length, 'organisation leads', 'organisations lead')} actions in ${NAME}; the busiest leads ${String(r.rows[0]!.leads)}.`);
    expect(r.columns.map((c) => c.key)).toEqual(['name', 'leads', 'partners']);
    expect(r.highlight).toEqual(ids(leaders));
    expect(r.rows.every((row) => Number(row.leads) > 0 || Number(row.partners) > 0)).toBe(true);
    const order = r.rows.map((row) => [Number(row.leads), Number(row.partners)]);
    expect(order).toEqual([...order].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!));
    expect(r.rows.some((row) => Number(row.leads) === 0)).toBe(true);
  });

  it('partners who lead nothing', async () => {
    const r = await run('organisations-leading-nothing', {});
    expect(r.summary).toBe(`${n(r.rows.length, 'organisation')} take part but lead nothing.`);
    expect(r.columns.map((c) => c.key)).toEqual(['name', 'roles', 'appearances']);
    expect(r.highlight).toEqual(ids(r.rows));
    const apps = r.rows.map((row) => Number(row.appearances));
    expect(apps).toEqual([...apps].sort((a, b) => b - a));
    for (const row of r.rows) expect(row.roles).toEqual([...(row.roles as string[])].sort());
    const printed = await run('organisations-leading-nothing', { basis: 'printed', bases: basesFor('printed') });
    expect(printed.summary).toBe(`${n(printed.rows.length, 'organisation')} take part but lead nothing, counting printed links only.`);
  });

  it('coverage matrix', async () => {
    const r = await run('coverage-matrix', inPlan);
    const served = new Set(ids(r.rows));
    expect(r.summary).toBe(`${n(served.size, 'national outcome is', 'national outcomes are')} served by actions in ${NAME}; ${n(16 - served.size, 'is', 'are')} served by none.`);
    expect(r.columns.map((c) => c.key)).toEqual(['outcome', 'organisation', 'count']);
    expect(r.highlight.length).toBe(16 - served.size);
    for (const h of r.highlight) expect(served.has(h)).toBe(false);
    // Lanarkshire 2010 prints its actions under National Outcomes 9 and 11 (lines 6 and 15); line 20's heading too.
    expect(served.has('no:9')).toBe(true);
    expect(served.has('no:11')).toBe(true);
    for (const row of r.rows) {
      expect(row.count).toBe((row.actions as string[]).length);
      expect(String(row.outcome)).toMatch(/^NO\d+ [A-Z]/);
    }
    const keys = r.rows.map((row) => row.id);
    expect(keys).toEqual([...keys].sort(byNumericRef));
  });
});
