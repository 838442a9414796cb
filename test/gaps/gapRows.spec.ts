import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePipelineFor } from '../../server/changes/pipeline.js';
import { actionRefs, plural, severalPlans, text } from '../../server/gaps/gapRows.js';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { openSeededStore } from '../helpers/seededStore.js';

/**
 * The helpers several gap analyses share, on the seed: how an action is named in a gap row
 * (its reference, with its plan when rows span plans; its title in quotes when it has no
 * reference, as an imported row may not), whether rows span plans, and the summary's counts.
 */

let store: LadybugStore;
// Two actions an import might bring with no printed reference: one titled at the 40-character limit, one past it.
const AT_LIMIT = 'lcja-2008:action:unnumbered-at-limit';
const PAST_LIMIT = 'lcja-2008:action:unnumbered-past-limit';
const FORTY = 'Offer each victim a single named contact';
const LONG = 'Agree with the Scottish Court Service how victims are told of the outcome of a case';

beforeAll(async () => {
  store = await openSeededStore({ dataDir: ':memory:', bufferPoolMb: 256 });
  const editor = { id: 'editor', name: 'Jane Doe', role: 'editor' as const };
  await changePipelineFor(store).submit(
    {
      operations: [
        { op: 'create', node: { kind: 'Action', id: AT_LIMIT, props: { ref: '', title: FORTY } } },
        { op: 'create', node: { kind: 'Action', id: PAST_LIMIT, props: { ref: '', title: LONG } } },
        { op: 'link', type: 'CONTAINS', from: 'plan:lcja-2008', to: AT_LIMIT },
        { op: 'link', type: 'CONTAINS', from: 'plan:lcja-2008', to: PAST_LIMIT },
      ],
      reason: 'actions with no printed reference',
    },
    editor,
  );
}, 180_000);
afterAll(async () => {
  await store?.close();
});

describe('how a gap row names an action', () => {
  it('by its reference, alone or with its plan', async () => {
    const ids = ['lcja-2008:action:2.5.7', 'lbcja-2011:action:1.1.1-a'];
    expect(Object.fromEntries(await actionRefs(store, ids, false))).toEqual({ 'lcja-2008:action:2.5.7': '2.5.7', 'lbcja-2011:action:1.1.1-a': '1.1.1' });
    expect(Object.fromEntries(await actionRefs(store, ids, true))).toEqual({ 'lcja-2008:action:2.5.7': 'LCJA 2008 · 2.5.7', 'lbcja-2011:action:1.1.1-a': 'L&BCJA 2011 · 1.1.1' });
  });

  it('with no reference, by its title in quotes, cut at 40 characters', async () => {
    expect(FORTY).toHaveLength(40);
    const refs = await actionRefs(store, [AT_LIMIT, PAST_LIMIT], false);
    expect(refs.get(AT_LIMIT)).toBe(`“${FORTY}”`);
    expect(refs.get(PAST_LIMIT)).toBe(`“${LONG.slice(0, 39)}…”`);
    expect(refs.get(PAST_LIMIT)).toBe('“Agree with the Scottish Court Service h…”');
    expect((await actionRefs(store, [AT_LIMIT], true)).get(AT_LIMIT)).toBe(`LCJA 2008 · “${FORTY}”`);
  });

  it('an id the store does not hold is named by the id, and does not stop the others', async () => {
    const refs = await actionRefs(store, ['lcja-2008:action:no-such', 'lcja-2008:action:2.5.7'], true);
    expect(Object.fromEntries(refs)).toEqual({ 'lcja-2008:action:no-such': 'lcja-2008:action:no-such', 'lcja-2008:action:2.5.7': 'LCJA 2008 · 2.5.7' });
    expect((await actionRefs(store, ['lcja-2008:action:no-such'], false)).get('lcja-2008:action:no-such')).toBe('lcja-2008:action:no-such');
  });
});

describe('whether rows span plans', () => {
  it.each<[string, (string | null)[], boolean]>([
    ['no rows', [], false],
    ['one plan', ['plan:a', 'plan:a'], false],
    ['two plans', ['plan:a', 'plan:b'], true],
    ['one plan and rows of none', ['plan:a', null, null], false],
    ['rows of no plan only', [null, null], false],
  ])('%s', (_, plans, spans) => {
    expect(severalPlans(plans)).toBe(spans);
  });
});

describe("a summary's counts", () => {
  it.each<[number, string, string | undefined, string]>([
    [0, 'action', undefined, '0 actions'],
    [1, 'action', undefined, '1 action'],
    [2, 'outcome or aim', 'outcomes and aims', '2 outcomes and aims'],
    [1729, 'pair', undefined, '1,729 pairs'],
  ])('%i %s', (n, one, many, words) => {
    expect(plural(n, one, many)).toBe(words);
  });
});

describe('a text cell', () => {
  it('is the string, or nothing for any other value', () => {
    expect(text('2.5.7')).toBe('2.5.7');
    expect(text('')).toBe('');
    for (const v of [null, undefined, 5, true, ['2.5.7']]) expect(text(v)).toBeNull();
  });
});
