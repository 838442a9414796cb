import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeKind, NodeSummary, ThreadPath } from '../../model/index.js';
import { describePaths, goldenThread, maximalPaths, severalPlans, spoken, threadDown } from '../../server/thread/thread.js';
import { HttpError } from '../../server/api/errors.js';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { openSeededStore } from '../helpers/seededStore.js';

/**
 * The thread's exact results, written to kill the mutants Stryker found surviving in
 * server/thread/thread.ts: the words each kind is spoken with, the inferred-link notes,
 * the plan prefix, and every origin kind's full answer on the seed. Expected values are
 * read from the seed YAML and its source documents (lanarkshire-cja-implementation-plan-2008-09-q2,
 * glasgow-cjsw-strategic-plan-2013-15, lothian-borders-cja-area-plan-2011-14, frameworks).
 */

const node = (kind: NodeKind, label: string, ref: string | null = null, plan: string | null = null, planShort: string | null = null): NodeSummary => ({
  id: `${kind}:${label}`,
  kind,
  label,
  ref,
  plan,
  planShort,
});

describe('spoken: how a sentence names a node', () => {
  it.each<[NodeKind, string]>([
    ['Plan', 'plan “X”'],
    ['Organisation', 'organisation “X”'],
    ['Action', 'Action “X”'],
    ['Milestone', 'milestone “X”'],
    ['ProgressUpdate', 'progress update “X”'],
    ['LocalOutcome', 'local outcome “X”'],
    ['Priority', 'priority “X”'],
    ['Indicator', 'indicator “X”'],
    ['Event', 'event “X”'],
    ['Funding', 'funding “X”'],
    ['Programme', 'programme “X”'],
    ['Output', 'output “X”'],
  ])('a %s with no reference is "%s"', (kind, expected) => {
    expect(spoken(node(kind, 'X'))).toBe(expected);
  });

  it('national outcomes, aims and framework outcomes say their number or code without its prefix', () => {
    expect(spoken(node('NationalOutcome', 'We live our lives safe from crime, disorder and danger.', 'NO9'))).toBe('National Outcome 9 “We live our lives safe from crime, disorder and danger”');
    expect(spoken(node('StrategicAim', 'Reduce reoffending', 'Aim 1'))).toBe('Strategic Aim 1 “Reduce reoffending”');
    expect(spoken(node('FrameworkOutcome', 'The ability to live independently if they chose', 'O8'))).toBe('framework outcome O8 “The ability to live independently if they chose”');
  });

  it('a national outcome or aim with no number still reads as one', () => {
    expect(spoken(node('NationalOutcome', 'W', null))).toBe('National Outcome  “W”');
    expect(spoken(node('StrategicAim', 'W', null))).toBe('Strategic Aim  “W”');
  });

  it('only the leading NO / "Aim " is removed, not the same letters elsewhere', () => {
    expect(spoken(node('NationalOutcome', 'W', 'XNO9'))).toBe('National Outcome XNO9 “W”');
    expect(spoken(node('StrategicAim', 'W', 'Big Aim 2'))).toBe('Strategic Aim Big Aim 2 “W”');
  });

  it('drops every trailing full stop, semicolon, colon, comma and space, and nothing inside', () => {
    expect(spoken(node('Action', 'Ensure the effective implementation of NASSO. ;:, ', '2.5.7'))).toBe('Action 2.5.7 “Ensure the effective implementation of NASSO”');
    expect(spoken(node('Action', ' a. b, c', '1'))).toBe('Action 1 “ a. b, c”');
  });

  it('with its plan: the short name before the reference, or in brackets when there is no reference', () => {
    const a = node('Action', 'Ensure the effective implementation of NASSO.', '2.5.7', 'plan:lcja-2008', 'LCJA 2008');
    expect(spoken(a, true)).toBe('Action LCJA 2008 · 2.5.7 “Ensure the effective implementation of NASSO”');
    expect(spoken(a)).toBe('Action 2.5.7 “Ensure the effective implementation of NASSO”');
    expect(spoken(a, false)).toBe('Action 2.5.7 “Ensure the effective implementation of NASSO”');
    const lo = node('LocalOutcome', 'To improve ability to live independently, if they choose', null, 'plan:lcja-2008', 'LCJA 2008');
    expect(spoken(lo, true)).toBe('local outcome (LCJA 2008) “To improve ability to live independently, if they choose”');
    expect(spoken(lo)).toBe('local outcome “To improve ability to live independently, if they choose”');
  });

  it('asked for its plan, a node of no plan says none', () => {
    expect(spoken(node('Action', 'X', '1'), true)).toBe('Action 1 “X”');
    expect(spoken(node('Organisation', 'Sacro'), true)).toBe('organisation “Sacro”');
  });
});

describe('severalPlans', () => {
  it('is true for two plans, false for one plan among nodes of no plan, false for none', () => {
    expect(severalPlans([node('Action', 'a', '1', 'p1'), node('Action', 'b', '2', 'p2')])).toBe(true);
    expect(severalPlans([node('Action', 'a', '1', 'p1'), node('Action', 'b', '2', 'p1'), node('NationalOutcome', 'n', 'NO9')])).toBe(false);
    expect(severalPlans([node('NationalOutcome', 'n', 'NO9'), node('Organisation', 'o')])).toBe(false);
  });
});

describe('maximalPaths', () => {
  it('drops a chain that another extends and keeps chains that only share a prefix of characters', () => {
    const paths = [{ nodes: ['a', 'b'] }, { nodes: ['a', 'b', 'c'] }, { nodes: ['a', 'bc', 'd'] }, { nodes: ['x'] }];
    expect(maximalPaths(paths)).toEqual([{ nodes: ['a', 'b', 'c'] }, { nodes: ['a', 'bc', 'd'] }, { nodes: ['x'] }]);
  });

  it('a chain whose last id is only a text prefix of another chain’s is not extended by it', () => {
    expect(maximalPaths([{ nodes: ['a', 'b'] }, { nodes: ['a', 'bc'] }])).toEqual([{ nodes: ['a', 'b'] }, { nodes: ['a', 'bc'] }]);
  });

  it('keeps a chain that is extended by nothing, and a chain that is the prefix of none', () => {
    expect(maximalPaths([{ nodes: ['a', 'b', 'c'] }, { nodes: ['b', 'c'] }])).toEqual([{ nodes: ['a', 'b', 'c'] }, { nodes: ['b', 'c'] }]);
  });
});

describe('describePaths', () => {
  const act = node('Action', 'Ensure the effective implementation of NASSO.', '2.5.7', 'plan:lcja-2008', 'LCJA 2008');
  const lo = node('LocalOutcome', 'To improve ability to live independently, if they choose', null, 'plan:lcja-2008', 'LCJA 2008');
  const o8 = node('FrameworkOutcome', 'The ability to live independently if they chose', 'O8');
  const summaries = new Map([act, lo, o8].map((s) => [s.id, s]));
  const path = (bases: (string | null)[], lead: string | null = null): ThreadPath => ({ nodes: [act.id, lo.id, o8.id], edges: ['r1', 'r2'], lead, bases });

  it('says nothing for no path', () => {
    expect(describePaths([], summaries)).toBe('');
  });

  it('names the class and basis of each link that is not printed, after the node it reaches', () => {
    expect(describePaths([path(['printed heading', 'near-exact wording'])], summaries)).toBe(
      'Action 2.5.7 “Ensure the effective implementation of NASSO” serves local outcome “To improve ability to live independently, if they choose”, ' +
        'which serves framework outcome O8 “The ability to live independently if they chose” (inferred: near-exact wording).',
    );
    expect(describePaths([path(['added by an edit', 'printed in the same row'])], summaries)).toBe(
      'Action 2.5.7 “Ensure the effective implementation of NASSO” serves local outcome “To improve ability to live independently, if they choose” (edit: added by an edit), ' +
        'which serves framework outcome O8 “The ability to live independently if they chose”.',
    );
  });

  it('an unknown or missing basis gets no note', () => {
    const plain =
      'Action 2.5.7 “Ensure the effective implementation of NASSO” serves local outcome “To improve ability to live independently, if they choose”, ' +
      'which serves framework outcome O8 “The ability to live independently if they chose”.';
    expect(describePaths([path(['guesswork', null])], summaries)).toBe(plain);
    expect(describePaths([{ ...path([]), bases: undefined }], summaries)).toBe(plain);
  });

  it('names the lead after the action, says one sentence per distinct path, and names plans when asked', () => {
    const led = path(['printed heading', 'printed heading'], 'MAPPA steering group');
    const sentence =
      'Action LCJA 2008 · 2.5.7 “Ensure the effective implementation of NASSO” (led by MAPPA steering group) serves local outcome (LCJA 2008) “To improve ability to live independently, if they choose”, ' +
      'which serves framework outcome O8 “The ability to live independently if they chose”.';
    expect(describePaths([led, led], summaries, true)).toBe(sentence);
    const short = { nodes: [act.id, o8.id], edges: ['r'], lead: null, bases: ['narrative'] };
    expect(describePaths([led, short], summaries, true)).toBe(
      `${sentence} Action LCJA 2008 · 2.5.7 “Ensure the effective implementation of NASSO” serves framework outcome O8 “The ability to live independently if they chose” (inferred: narrative).`,
    );
  });

  it('by default names plans exactly when the nodes come from more than one', () => {
    const other = node('Action', 'Other', '1', 'plan:lbcja-2011', 'L&B 2011');
    const two = new Map([...summaries, [other.id, other]]);
    expect(describePaths([{ nodes: [other.id, o8.id], edges: ['r'], lead: null, bases: ['printed heading'] }], two)).toBe(
      'Action L&B 2011 · 1 “Other” serves framework outcome O8 “The ability to live independently if they chose”.',
    );
  });
});

describe('the thread of every origin kind, on the seed', () => {
  // In memory (or, in a mutation run, a copy of the seeded file): Stryker loads this file once per mutant.
  const api = {} as { store: LadybugStore };
  beforeAll(async () => {
    api.store = await openSeededStore({ dataDir: ':memory:', bufferPoolMb: 256 });
  }, 180_000);
  afterAll(async () => {
    await api.store.close();
  });

  const ACTION = 'lcja-2008:action:2.5.7';
  const ACCOMMODATION = 'lcja-2008:local-outcome:accommodation';
  const INDEPENDENT = 'lcja-2008:local-outcome:live-independently';
  const ACTION_WORDS = 'Action 2.5.7 “Ensure the effective implementation of NASSO”';
  const TO_O2 =
    'serves local outcome “To improve ability to access and sustain suitable accommodation”, which serves framework outcome O2 “The ability to access and sustain suitable accommodation” (inferred: near-exact wording).';
  const TO_O8 =
    'serves local outcome “To improve ability to live independently, if they choose”, which serves framework outcome O8 “The ability to live independently if they chose” (inferred: near-exact wording).';
  const sorted = (paths: ThreadPath[]) => [...paths].sort((a, b) => a.nodes.join().localeCompare(b.nodes.join()));

  it('an action: its two longest chains, printed heading then near-exact wording, so not printed', async () => {
    const t = await goldenThread(api.store, ACTION);
    expect(t.direction).toBe('up');
    expect(t.belongsTo).toEqual([]);
    expect(t.origin).toMatchObject({ id: ACTION, kind: 'Action', ref: '2.5.7', plan: 'plan:lcja-2008', planShort: 'LCJA 2008' });
    expect(sorted(t.paths).map(({ edges, ...p }) => ({ ...p, edges: edges.length }))).toEqual([
      { nodes: [ACTION, ACCOMMODATION, 'nsmo:O2'], edges: 2, lead: null, bases: ['printed heading', 'near-exact wording'], printed: false },
      { nodes: [ACTION, INDEPENDENT, 'nsmo:O8'], edges: 2, lead: null, bases: ['printed heading', 'near-exact wording'], printed: false },
    ]);
    expect(t.elements.nodes.map((n) => n.data.id).sort()).toEqual([ACTION, ACCOMMODATION, INDEPENDENT, 'nsmo:O2', 'nsmo:O8'].sort());
    const edges = t.elements.edges.map((e) => e.data);
    expect(edges.map(({ source, target, type, role, linkBasis }) => `${source}>${target} ${type} ${role} ${linkBasis}`).sort()).toEqual(
      [
        `${ACCOMMODATION}>nsmo:O2 SERVES null near-exact wording`,
        `${ACTION}>${ACCOMMODATION} SERVES null printed heading`,
        `${ACTION}>${INDEPENDENT} SERVES null printed heading`,
        `${INDEPENDENT}>nsmo:O8 SERVES null near-exact wording`,
      ].sort(),
    );
    expect(new Set(edges.map((e) => e.id)).size).toBe(4);
    expect([`${ACTION_WORDS} ${TO_O2} ${ACTION_WORDS} ${TO_O8}`, `${ACTION_WORDS} ${TO_O8} ${ACTION_WORDS} ${TO_O2}`]).toContain(t.description);
  });

  it('a local outcome: the one link to its framework outcome', async () => {
    const t = await goldenThread(api.store, INDEPENDENT);
    expect(t.direction).toBe('up');
    expect(t.paths).toEqual([{ nodes: [INDEPENDENT, 'nsmo:O8'], edges: [expect.any(String)], lead: null, bases: ['near-exact wording'], printed: false }]);
    expect(t.description).toBe(
      'local outcome “To improve ability to live independently, if they choose” serves framework outcome O8 “The ability to live independently if they chose” (inferred: near-exact wording).',
    );
  });

  it('a priority that serves nothing says so', async () => {
    const t = await goldenThread(api.store, 'gcjsw-2013:priority:2.4-community-payback-orders');
    expect(t.direction).toBe('up');
    expect(t.paths).toEqual([]);
    expect(t.elements.edges).toEqual([]);
    expect(t.elements.nodes.map((n) => n.data.id)).toEqual(['gcjsw-2013:priority:2.4-community-payback-orders']);
    expect(t.description).toBe('priority “Further embed the Community Payback Orders” is linked to no national outcome, aim or framework outcome.');
  });

  it('a framework outcome: the one action beneath it, with its lead as a LEADS edge', async () => {
    const t = await goldenThread(api.store, 'nsmo:O8');
    expect(t.direction).toBe('down');
    expect(t.paths).toEqual([
      { nodes: [ACTION, INDEPENDENT, 'nsmo:O8'], edges: [expect.any(String), expect.any(String)], lead: 'MAPPA steering group', bases: ['printed heading', 'near-exact wording'], printed: false },
    ]);
    expect(t.elements.nodes.map((n) => n.data.id).sort()).toEqual([ACTION, INDEPENDENT, 'nsmo:O8', 'org:mappa-steering-group'].sort());
    const leads = t.elements.edges.filter((e) => e.data.type === 'LEADS').map((e) => e.data);
    expect(leads).toEqual([{ id: expect.any(String), source: 'org:mappa-steering-group', target: ACTION, type: 'LEADS', role: 'MAPPA steering group chair', linkBasis: 'printed in the same row' }]);
    expect(t.elements.edges).toHaveLength(3);
    expect(t.description).toBe(`Action 2.5.7 “Ensure the effective implementation of NASSO” (led by MAPPA steering group) ${TO_O8}`);
  });

  it('a national outcome nothing serves says so', async () => {
    const t = await goldenThread(api.store, 'no:1');
    expect(t.direction).toBe('down');
    expect(t.paths).toEqual([]);
    expect(t.description).toBe('No action serves National Outcome 1 “We live in a Scotland that is the most attractive place for doing business in Europe”.');
  });

  it('threadDown gives the same paths as the downward thread, without leads', async () => {
    const { paths } = await threadDown(api.store, 'nsmo:O8');
    expect(paths).toEqual([{ nodes: [ACTION, INDEPENDENT, 'nsmo:O8'], edges: [expect.any(String), expect.any(String)], lead: null, bases: ['printed heading', 'near-exact wording'], printed: false }]);
  });

  it('a milestone: its HAS_MILESTONE edge (action to milestone) and the action’s chains from itself', async () => {
    const M = 'lcja-2008:milestone:2.5.7-1';
    const t = await goldenThread(api.store, M);
    expect(t.direction).toBe('up');
    expect(t.belongsTo?.map((b) => b.id)).toEqual([ACTION]);
    expect(sorted(t.paths).map((p) => [p.nodes, p.bases, p.printed, p.edges.length])).toEqual([
      [[M, ACTION, ACCOMMODATION, 'nsmo:O2'], ['printed in the same row', 'printed heading', 'near-exact wording'], false, 3],
      [[M, ACTION, INDEPENDENT, 'nsmo:O8'], ['printed in the same row', 'printed heading', 'near-exact wording'], false, 3],
    ]);
    const has = t.elements.edges.filter((e) => e.data.type === 'HAS_MILESTONE').map((e) => e.data);
    expect(has).toEqual([{ id: expect.any(String), source: ACTION, target: M, type: 'HAS_MILESTONE', role: null, linkBasis: 'printed in the same row' }]);
    expect(t.elements.edges.filter((e) => e.data.type === 'SERVES')).toHaveLength(4);
    const first = 'milestone “Ensure NASSO fully integrated within MAPPA arrangements (through MAPPA annual report)” is a milestone of Action 2.5.7 “Ensure the effective implementation of NASSO”.';
    expect([`${first} ${ACTION_WORDS} ${TO_O2} ${ACTION_WORDS} ${TO_O8}`, `${first} ${ACTION_WORDS} ${TO_O8} ${ACTION_WORDS} ${TO_O2}`]).toContain(t.description);
  });

  it('a progress update says whose progress it is', async () => {
    const t = await goldenThread(api.store, 'lcja-2008:progress:2.5.7-slc');
    expect(t.belongsTo?.map((b) => b.id)).toEqual([ACTION]);
    expect(t.elements.edges.filter((e) => e.data.type === 'HAS_PROGRESS').map((e) => [e.data.source, e.data.target])).toEqual([[ACTION, 'lcja-2008:progress:2.5.7-slc']]);
    expect(t.description).toMatch(
      /^progress update “SLC are currently implementing the NASSO guidance .* finalised by March 2009” is a progress update of Action 2\.5\.7 “Ensure the effective implementation of NASSO”\. /,
    );
  });

  it('an indicator of a priority that serves nothing: the one MEASURES step, indicator to priority', async () => {
    const I = 'gcjsw-2013:indicator:new-cpos';
    const P = 'gcjsw-2013:priority:2.4-community-payback-orders';
    const t = await goldenThread(api.store, I);
    expect(t.paths).toEqual([{ nodes: [I, P], edges: [expect.any(String)], lead: null, bases: ['narrative'], printed: false }]);
    expect(t.elements.edges.map((e) => e.data)).toEqual([{ id: t.paths[0]!.edges[0], source: I, target: P, type: 'MEASURES', role: null, linkBasis: 'narrative' }]);
    expect(t.elements.nodes.map((n) => n.data.id).sort()).toEqual([I, P].sort());
    expect(t.description).toBe('indicator “Number of new CPOs (NEW)” measures priority “Further embed the Community Payback Orders”.');
  });

  it('an indicator of a national outcome: printed, so the path is printed', async () => {
    const I = 'lbcja-2011:indicator:reconviction-rates';
    const t = await goldenThread(api.store, I);
    expect(t.paths).toEqual([{ nodes: [I, 'no:9'], edges: [expect.any(String)], lead: null, bases: ['printed in the text'], printed: true }]);
    expect(t.description).toBe('indicator “Overall reconviction rates” measures National Outcome 9 “We live our lives safe from crime, disorder and danger”.');
  });

  it('an unknown id is a 404 and an organisation a 400 naming the field', async () => {
    await expect(goldenThread(api.store, 'no:such-node')).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'no node with id no:such-node' });
    const err = await goldenThread(api.store, 'org:mappa-steering-group').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({
      status: 400,
      code: 'bad_request',
      issues: [{ field: 'id', reason: 'Organisation has no golden thread' }],
    });
    expect((err as HttpError).message).toBe(
      'a golden thread starts from an action, local outcome, priority, national outcome, strategic aim or framework outcome, or from a milestone, progress update or indicator (the thread of what it belongs to); org:mappa-steering-group is a Organisation',
    );
  });
});
