import { describe, expect, it } from 'vitest';
import { BASES } from '../../model/index.js';
import { basesFor, defaultGapInput, inPlan, type GapInput } from '../../server/gaps/gapInput.js';

/**
 * What a request's parameters become before an analysis runs, and the words its summary line
 * uses for the plan and basis. The defaults are the catalogue's (model/analyses.ts): the whole
 * partnership, today, a similarity of 0.35 and every link basis.
 */

const PRINTED = ['printed in the same row', 'printed heading', 'printed number', 'printed in the text'];

describe('a gap request with no parameters', () => {
  it('runs across all plans, as of today, at the catalogue threshold, counting every link', () => {
    const today = new Date().toISOString().slice(0, 10);
    const input = defaultGapInput({});
    // Read today again: a run that crosses midnight sees one of the two days.
    expect([today, new Date().toISOString().slice(0, 10)]).toContain(input.asOf);
    expect(input).toEqual({ plan: '', asOf: input.asOf, threshold: 0.35, basis: 'all', bases: [...BASES] });
  });
});

describe('a gap request with parameters', () => {
  it('keeps each one given', () => {
    expect(defaultGapInput({ plan: 'lcja-2008', asOf: '2010-03-31', threshold: 0.6, basis: 'printed' })).toEqual({
      plan: 'lcja-2008',
      asOf: '2010-03-31',
      threshold: 0.6,
      basis: 'printed',
      bases: PRINTED,
    });
  });

  it('keeps a threshold of 0, which is a number given, not one left out', () => {
    expect(defaultGapInput({ threshold: 0 }).threshold).toBe(0);
  });
});

describe('the bases a run counts', () => {
  it('are the four printed ones for "printed" and all ten for "all"', () => {
    expect(basesFor('printed')).toEqual(PRINTED);
    expect(basesFor('all')).toEqual([...BASES]);
    expect(BASES).toHaveLength(10);
  });
});

describe("the summary line's words for the plan and basis", () => {
  const base: GapInput = { plan: '', asOf: '2012-01-01', threshold: 0.35, basis: 'all', bases: [...BASES] };

  it.each<[string, Partial<GapInput>, string]>([
    ['no plan, every link', {}, ' across all plans'],
    ['no plan, printed links', { basis: 'printed' }, ' across all plans, counting printed links only'],
    ['a plan by its short name', { plan: 'lcja-2008', planName: 'LCJA 2008' }, ' in LCJA 2008'],
    ['a plan whose name is unknown, never its id', { plan: 'lcja-2008' }, ' in the chosen plan'],
    ['a plan, printed links', { plan: 'gcjsw-2013', planName: 'Glasgow 2013', basis: 'printed' }, ' in Glasgow 2013, counting printed links only'],
  ])('%s', (_, change, words) => {
    expect(inPlan({ ...base, ...change })).toBe(words);
  });
});
