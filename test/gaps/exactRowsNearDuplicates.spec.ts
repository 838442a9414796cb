import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { contentWords } from '../../server/gaps/textSimilarity.js';
import { gapRows, seededStore, sourceLines } from '../helpers/seededGaps.js';

/**
 * Issue 17: the near-duplicate analysis's complete row set on the seed, across all plans and
 * for each plan, at the default threshold (0.35) and above it.
 *
 * Each pair's similarity is worked out by hand below from the document lines: Dice = 2 x
 * shared content words / (words of A + words of B), content words being the words of the
 * action's text (title, and objective where the plan prints one) longer than two letters,
 * not stop words, lightly stemmed (test/gaps/textSimilarity.spec.ts has the rules). That the
 * six are all the pairs at 0.35 is checked by comparing every pair of actions in different
 * plans, one by one, over the seed files: no index, no engine.
 *
 * 1. Glasgow 8.1 (Glasgow line 646) "Develop and implement the women's community justice centre":
 *    develop, imple(ment), women, community, justice, centre (6) —
 *    L&B 1.1.1-c (L&B line 778) "Community Planning Partnerships and Community Justice Authority to
 *    develop holistic response to women offenders in each Local Authority area and improve
 *    alternatives to custody": community, plann, partnership, justice, authority, develop, holistic,
 *    response, women, offender, local, area, improve, alternativ, custody (15).
 *    Shared: community, justice, develop, women: 8/21 = 0.381.
 * 2. Glasgow 8.1 — L&B 2.1.3-d (line 813) "Develop dataset for community payback orders": develop,
 *    dataset, community, payback, order (5). Shared: develop, community: 4/11 = 0.364.
 * 3. Glasgow 1.1 (line 621) "Work with CJA to consult with communities on how best to use unpaid
 *    work": work, cja, consult, community, how, best, use, unpaid (8) — L&B 1.2.3-a (line 794)
 *    "Explore with Lothian and Borders police how we can consult with communities jointly":
 *    explore, lothian, border, police, how, can, consult, community, jointly (9).
 *    Shared: how, consult, community: 6/17 = 0.353.
 * 4. Glasgow 1.2 (line 622) "Develop "Other Activity" placements and ensure accreditation for these,
 *    where appropriate": develop, activity, place(ment), ensure, accreditation, where, appropriate (7) —
 *    Lanarkshire 2008-09 2.5.12 (lines 182-183) "Ensure appropriate care is in place for victims of
 *    crime." / "Victims to be able to obtain support services.": ensure, appropriate, care, place,
 *    victim, crime, able, obtain, support, servic (10). Shared: ensure, appropriate, place: 6/17 = 0.353.
 *    ("placements" stems to "place": the stemmer's doing, not a likeness a reader would see.)
 * 5. Glasgow 1.3 (line 623) "Manage service – build on the evaluation findings. Ensure service
 *    redesign which delivers on the evaluation": manage, service, build, evaluation, finding, ensure,
 *    redesign, deliver (8) — L&B 4.1.1-b (line 871) "As part of commissioning third sector, ensure
 *    capacity for training to deliver the service/s": part, commission, third, sector, ensure,
 *    capacity, train, deliver, service (9). Shared: ensure, deliver, service: 6/17 = 0.353.
 * 6. Glasgow 2.6 (line 632) "Improve joint working with other partner agencies.": improve, joint,
 *    work, partner, agency (5) — Lanarkshire 2008-09 4.1 (lines 250-251) "Facilitate opportunities
 *    for joint training between agencies." / "All training strategies/plans recognise the value of
 *    inter-agency working.": facilitate, opportunity, joint, train, between, agency, strategy, plan,
 *    recognise, value, inter, work (12). Shared: joint, agency, work: 6/17 = 0.353.
 */

const glasgow = sourceLines('glasgow-cjsw-strategic-plan-2013-15.txt');
const lothian = sourceLines('lothian-borders-cja-area-plan-2011-14.txt');
const lcja2008 = sourceLines('lanarkshire-cja-implementation-plan-2008-09-q2.txt');
/** The action text in a Glasgow appendix row (its third cell) or an L&B appendix 5 row (its second, bullet dropped). */
const glasgowAction = (n: number) => glasgow[n - 1]!.split('\t')[2]!.trim();
const lothianAction = (n: number) =>
  lothian[n - 1]!.split('\t')[1]!
    .replace(/^<ul[^>]*>\s*/, '')
    .replace(/^•\s*/, '')
    .trim();
const lcjaTitle = (n: number) => lcja2008[n - 1]!.trim();

type Pair = { id: string; other: string; similarity: number; first: string; second: string };
const PAIRS: Pair[] = [
  { id: 'gcjsw-2013:action:8.1-2013', other: 'lbcja-2011:action:1.1.1-c', similarity: 0.38, first: `GCJSWS 2013 · 8.1: ${glasgowAction(646)}`, second: `L&BCJA 2011 · 1.1.1: ${lothianAction(778)}` },
  { id: 'gcjsw-2013:action:8.1-2013', other: 'lbcja-2011:action:2.1.3-d', similarity: 0.36, first: `GCJSWS 2013 · 8.1: ${glasgowAction(646)}`, second: `L&BCJA 2011 · 2.1.3: ${lothianAction(813)}` },
  // The four at 0.353 in the order of their first action's id.
  { id: 'gcjsw-2013:action:1.1-2013', other: 'lbcja-2011:action:1.2.3-a', similarity: 0.35, first: `GCJSWS 2013 · 1.1: ${glasgowAction(621)}`, second: `L&BCJA 2011 · 1.2.3: ${lothianAction(794)}` },
  { id: 'gcjsw-2013:action:1.2-2013', other: 'lcja-2008:action:2.5.12', similarity: 0.35, first: `GCJSWS 2013 · 1.2: ${glasgowAction(622)}`, second: `LCJA 2008 · 2.5.12: ${lcjaTitle(182)}` },
  { id: 'gcjsw-2013:action:1.3-2013', other: 'lbcja-2011:action:4.1.1-b', similarity: 0.35, first: `GCJSWS 2013 · 1.3: ${glasgowAction(623)}`, second: `L&BCJA 2011 · 4.1.1: ${lothianAction(871)}` },
  { id: 'gcjsw-2013:action:2.6-2013', other: 'lcja-2008:action:4.1', similarity: 0.35, first: `GCJSWS 2013 · 2.6: ${glasgowAction(632)}`, second: `LCJA 2008 · 4.1: ${lcjaTitle(250)}` },
];
const planOf = (id: string) => `plan:${id.split(':')[0]}`;
const involving = (plan: string) => PAIRS.filter((p) => planOf(p.id) === plan || planOf(p.other) === plan);

const { store } = seededStore();

describe('the hand-worked word counts', () => {
  it.each([
    [glasgowAction(646), 6],
    [lothianAction(778), 15],
    [lothianAction(813), 5],
    [glasgowAction(621), 8],
    [lothianAction(794), 9],
    [glasgowAction(622), 7],
    [`${lcjaTitle(182)} ${lcjaTitle(183)}`, 10],
    [glasgowAction(623), 8],
    [lothianAction(871), 9],
    [glasgowAction(632), 5],
    [`${lcjaTitle(250)} ${lcjaTitle(251)}`, 12],
  ])('%s: %i content words', (text, count) => {
    expect(contentWords(text).size).toBe(count);
  });
});

describe('near-duplicate actions on the seed, the whole row set', () => {
  it('across all plans at 0.35: the six pairs, most alike first', async () => {
    expect(await gapRows(store, '')('near-duplicate-actions')).toEqual(PAIRS);
  });

  it.each(['plan:gcjsw-2013', 'plan:lbcja-2011', 'plan:lcja-2008', 'plan:lcja-2010', 'plan:lcja-2007'])('for %s: the pairs with an action of that plan', async (plan) => {
    expect(await gapRows(store, plan)('near-duplicate-actions')).toEqual(involving(plan));
  });

  it('above the default: 0.36 keeps pairs 1 and 2 (0.381, 0.364), 0.37 pair 1 alone, 0.39 none', async () => {
    const rows = gapRows(store, '');
    expect(await rows('near-duplicate-actions', { threshold: 0.36 })).toEqual(PAIRS.slice(0, 2));
    expect(await rows('near-duplicate-actions', { threshold: 0.37 })).toEqual(PAIRS.slice(0, 1));
    expect(await rows('near-duplicate-actions', { threshold: 0.39 })).toEqual([]);
  });

  it('no other pair of actions in different plans reaches 0.35, compared one by one over the seed files', () => {
    const { files } = checkSeedSet(seedFilePaths());
    const plans = new Map(files.flatMap((f) => f.seed.relationships.filter((r) => r.type === 'CONTAINS').map((r) => [r.to, r.from] as const)));
    const actions = files
      .flatMap((f) => f.seed.nodes.filter((n) => n.kind === 'Action'))
      .map((n) => ({ id: n.id, plan: plans.get(n.id)!, words: contentWords(`${n.props.title} ${(n.props as { objective?: string }).objective ?? ''}`) }));
    const found: [string, string][] = [];
    for (const a of actions)
      for (const b of actions) {
        if (a.id >= b.id || a.plan === b.plan) continue;
        const shared = [...a.words].filter((w) => b.words.has(w)).length;
        if ((2 * shared) / (a.words.size + b.words.size) >= 0.35) found.push([a.id, b.id]);
      }
    expect(found.sort()).toEqual(PAIRS.map((p) => [p.id, p.other]).sort());
  });
});
