import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../model/index.js';
import { SearchIndex, rangesIn, referenceIds, type SearchDocument } from '../../server/search/searchIndex.js';
import { queryTerms, termOf, tokenize, tokensOf } from '../../server/search/terms.js';
import { TEXT_FIELDS, fieldLabel, fieldText } from '../../server/search/textFields.js';

/**
 * Search worked out by hand on small made-up documents, to kill the mutants that the
 * seed-level tests leave alive: the exact score of each tier (tier base + 99 × the
 * within-tier score, two decimals), which typed references name which ids, when the
 * prefix tier applies, how an action takes its milestone's score, the excerpt window,
 * spelling folding and stop words.
 */

function doc(id: string, kind: NodeKind, label: string, props: Record<string, unknown>, parent: string | null = null): SearchDocument {
  return { summary: { id, kind, label, ref: typeof props.ref === 'string' ? props.ref : null, plan: null, planShort: null }, props, parent };
}
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('referenceIds: what a typed reference names outright', () => {
  it.each<[string, string[]]>([
    ['NO9', ['no:9']],
    ['no 09', ['no:9']],
    [' national outcome 11 ', ['no:11']],
    ['National   Outcome12', ['no:12']],
    ['NO123', []],
    ['xNO9', []],
    ['NO9x', []],
    ['O2', ['nsmo:O2']],
    ['c 6', ['nsmo:C6']],
    ['s1', ['nsmo:S1']],
    ['o0', []],
    ['O10', []],
    ['d2', []],
    ['aim 3', ['aim:3']],
    ['Strategic Aim 4', ['aim:4']],
    ['strategic aim4', ['aim:4']],
    ['AIM1', ['aim:1']],
    ['aim 5', []],
    ['big aim 2', []],
    ['lcja-2008:action:2.5.7', ['lcja-2008:action:2.5.7']],
    ['no:9', ['no:9']],
    ['Bad:Id', []],
    ['plain', []],
  ])('"%s" names %j', (q, ids) => {
    expect(referenceIds(q)).toEqual(ids);
  });
});

describe('the score of each tier', () => {
  // One query, "ab1", that each document answers in a different way (labels of 23, 15, 15 and 35 characters).
  const index = new SearchIndex([
    doc('t:words', 'Action', 'Fill in the AB1 form for every case', { ref: '9.9', title: 'Fill in the AB1 form for every case' }),
    doc('t:prefix', 'Action', 'A longer action', { ref: 'AB1.2', title: 'A longer action' }),
    doc('t:alias', 'Organisation', 'Alpha Bravo One', { name: 'Alpha Bravo One', aliases: [' AB1 '], orgType: 'third sector' }),
    doc('t:reference', 'Action', 'The action numbered AB1', { ref: 'AB1', title: 'The action numbered AB1' }),
  ]);

  it('reference 400 + 99/(1 + label/100); alias 300 + the same; prefix 200 + 99(1 - ref/100); words 100 + 99 for the best', () => {
    const results = index.search('ab1', { limit: 10 });
    expect(results.map((r) => [r.id, r.match, r.score])).toEqual([
      ['t:reference', 'reference', round2(400 + 99 / 1.23)],
      ['t:alias', 'alias', round2(300 + 99 / 1.15)],
      ['t:prefix', 'prefix', round2(200 + 99 * 0.95)],
      ['t:words', 'words', results[3]!.score],
    ]);
    expect(results[0]!.score).toBe(480.49);
    // Not the best word match (t:reference holds AB1 in its reference too), so between 100 + 49.5 and 199.
    expect(results[3]!.score).toBeGreaterThanOrEqual(149.5);
    expect(results[3]!.score).toBeLessThan(199);
  });

  it('a node answering in two tiers is listed once, in the higher', () => {
    const results = index.search('AB1.2', { limit: 10 });
    expect(results.filter((r) => r.id === 't:prefix').map((r) => r.match)).toEqual(['reference']);
  });

  it('no prefix tier for a query with a space in it, nor for the whole reference', () => {
    expect(index.search('ab1 form', { limit: 10 }).some((r) => r.match === 'prefix')).toBe(false);
    expect(index.search('ab1.2', { limit: 10 }).some((r) => r.match === 'prefix')).toBe(false);
    expect(
      index
        .search('ab', { limit: 10 })
        .filter((r) => r.match === 'prefix')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['t:prefix', 't:reference']);
  });

  it('the same question asked again, in other case or spacing, is the same answer; another limit or kind is not', () => {
    const a = index.search('ab1', { limit: 10 });
    expect(index.search('  AB1 ', { limit: 10 })).toBe(a);
    expect(index.search('ab1', { limit: 1 })).not.toBe(a);
    expect(index.search('ab1', { limit: 1 })).toHaveLength(1);
    expect(index.search('ab1', { limit: 10, kind: 'Organisation' }).map((r) => r.id)).toEqual(['t:alias']);
    expect(index.search('fill  form', { limit: 10 })).toBe(index.search('Fill form', { limit: 10 }));
  });

  it('forgets the oldest answer after 2,000 others', () => {
    const first = index.search('ab1', { limit: 3 });
    for (let i = 0; i < 1999; i++) index.search(`q${i}`, { limit: 3 });
    expect(index.search('ab1', { limit: 3 })).toBe(first);
    const again = index.search('ab1', { limit: 4 });
    for (let i = 0; i < 2000; i++) index.search(`r${i}`, { limit: 4 });
    expect(index.search('ab1', { limit: 4 })).not.toBe(again);
    expect(index.search('ab1', { limit: 4 })).toEqual(again);
  });

  it('an alias is matched whole and trimmed, not as a word inside another', () => {
    expect(index.search('ab', { limit: 10 }).some((r) => r.match === 'alias')).toBe(false);
    expect(index.size).toBe(4);
  });
});

describe('ties and grouping', () => {
  it('among equal scores, the shorter label first, then the id', () => {
    const index = new SearchIndex([
      doc('z:long', 'Organisation', 'Sacro services', { name: 'Sacro services', aliases: ['Q'], orgType: 'third sector' }),
      doc('b:same', 'Organisation', 'Sacro', { name: 'Sacro', aliases: ['Q'], orgType: 'third sector' }),
      doc('a:same', 'Organisation', 'Sacro', { name: 'Sacro', aliases: ['Q'], orgType: 'third sector' }),
    ]);
    expect(index.search('q', { limit: 10 }).map((r) => r.id)).toEqual(['a:same', 'b:same', 'z:long']);
  });

  const index = new SearchIndex([
    doc('a:1', 'Action', 'Hold a conference', { ref: '1', title: 'Hold a conference' }),
    doc('m:1', 'Milestone', 'Invite the courier service', { text: 'Invite the courier service' }, 'a:1'),
    doc('m:2', 'Milestone', 'Book the courier and the conference hall', { text: 'Book the courier and the conference hall' }, 'a:1'),
    doc('a:3', 'Action', 'Courier', { ref: '3', title: 'Courier' }),
    doc('m:3', 'Milestone', 'Courier courier courier of the courier', { text: 'Courier courier courier of the courier' }, 'a:3'),
    doc('m:9', 'Milestone', 'courier orphan', { text: 'courier orphan' }, 'a:missing'),
  ]);

  it('an action found only through its milestones scores as the best of them, says which, and lists them after it', () => {
    const results = index.search('courier', { limit: 20 });
    const ids = results.map((r) => r.id);
    const a1 = results.find((r) => r.id === 'a:1')!;
    const items = results.filter((r) => r.id === 'm:1' || r.id === 'm:2');
    expect(a1.score).toBe(Math.max(...items.map((r) => r.score)));
    expect(a1.via?.id).toBe(items.find((r) => r.score === a1.score)!.id);
    expect(a1.excerpt).toBeNull();
    expect(ids.indexOf('m:1')).toBeGreaterThan(ids.indexOf('a:1'));
    expect(ids.indexOf('m:2')).toBeGreaterThan(ids.indexOf('a:1'));
    // A milestone whose action is not in the index stands on its own.
    expect(results.find((r) => r.id === 'm:9')).toMatchObject({ parent: null, via: null });
  });

  it('an action that its words find keeps its own place unless a milestone beats it', () => {
    const results = index.search('courier', { limit: 20 });
    const a3 = results.find((r) => r.id === 'a:3')!;
    const m3 = results.find((r) => r.id === 'm:3')!;
    expect(a3.score).toBeGreaterThanOrEqual(m3.score);
    if (a3.via) expect(a3.score).toBe(m3.score);
    expect(results.map((r) => r.id).indexOf('m:3')).toBe(results.map((r) => r.id).indexOf('a:3') + 1);
  });

  it('an action named by its reference is not lifted by its milestone, nor pulled in again', () => {
    const results = index.search('1', { limit: 20 });
    expect(results.map((r) => [r.id, r.match, r.via])).toEqual([['a:1', 'reference', null]]);
  });

  it('the kind filter applies after milestones have brought their actions', () => {
    expect(index.search('invite', { limit: 20, kind: 'Action' }).map((r) => r.id)).toEqual(['a:1']);
    expect(index.search('invite', { limit: 20, kind: 'Milestone' }).map((r) => r.id)).toEqual(['m:1']);
  });
});

describe('word matches', () => {
  const index = new SearchIndex([
    doc('w:both', 'Action', 'Quokka and zebra', { ref: '1', title: 'Quokka and zebra' }),
    doc('w:one', 'Action', 'Quokka alone here', { ref: '2', title: 'Quokka alone here' }),
    doc('w:none', 'Action', 'Nothing', { ref: '3', title: 'Nothing' }),
  ]);

  it('nodes holding every word score 0.5 to 1 of the tier; nodes holding half the words at most 0.49 × 1/2', () => {
    const results = index.search('quokka zebra', { limit: 10 });
    expect(results.map((r) => r.id)).toEqual(['w:both', 'w:one']);
    expect(results[0]!.score).toBe(199);
    expect(results[1]!.score).toBeCloseTo(100 + 99 * 0.49 * 0.5, 1);
  });

  it('no partial matches when enough nodes hold every word, or for a single word', () => {
    expect(index.search('quokka zebra', { limit: 1 }).map((r) => r.id)).toEqual(['w:both']);
    expect(index.search('zebra', { limit: 10 }).map((r) => r.id)).toEqual(['w:both']);
  });

  it('a query of stop words only finds nothing', () => {
    expect(index.search('the and of', { limit: 10 })).toEqual([]);
    expect(index.search('', { limit: 10 })).toEqual([]);
  });

  it('forgives a typo only in a word of five letters or more that the index does not hold', () => {
    expect(
      index
        .search('quokko', { limit: 10 })
        .map((r) => r.id)
        .sort(),
    ).toEqual(['w:both', 'w:one']);
    expect(index.search('zebro', { limit: 10 }).map((r) => r.id)).toEqual(['w:both']);
    expect(index.search('zebr', { limit: 10 }).map((r) => r.id)).toEqual(['w:both']); // a prefix, not a typo
    expect(index.search('zecra', { limit: 10 }).map((r) => r.id)).toEqual(['w:both']);
    expect(index.search('xebr', { limit: 10 })).toEqual([]);
  });

  it('takes a half-typed last word of two letters or more as a prefix, not a first word', () => {
    expect(index.search('zebra quo', { limit: 10 }).map((r) => r.id)).toEqual(['w:both']);
    expect(index.search('z', { limit: 10 })).toEqual([]);
    expect(index.search('zeb', { limit: 10 }).map((r) => r.id)).toEqual(['w:both']);
  });

  it('highlights the matched words in the label and the excerpt', () => {
    const [r] = index.search('zebra', { limit: 1 });
    expect(r!.labelRanges).toEqual([[11, 16]]);
    expect(r!.excerpt).toEqual({ field: 'title', fieldLabel: 'Title', text: 'Quokka and zebra', highlights: [[11, 16]] });
  });
});

describe('excerpts', () => {
  const filler = (n: number) => 'filler '.repeat(n);

  it('a text of 220 characters or less is sent whole', () => {
    const text = `${filler(30)}quokka${'x'.repeat(4)}`.slice(0, 210) + ' quokka';
    const index = new SearchIndex([doc('e:1', 'Action', 'Short', { ref: '1', title: 'Short', objective: text })]);
    const e = index.search('quokka', { limit: 1 })[0]!.excerpt!;
    expect(e.field).toBe('objective');
    expect(e.text).toBe(text);
    expect(text.length).toBe(217);
  });

  it('a long text is cut to whole words from about 60 characters before the first match, with ellipses', () => {
    // "filler " × 20, then "quokka" at 140-146, then "filler " × 30: 357 characters.
    const text = `${filler(20)}quokka ${filler(30)}`;
    const index = new SearchIndex([doc('e:2', 'Action', 'Long', { ref: '1', title: 'Long', objective: text })]);
    const e = index.search('quokka', { limit: 1 })[0]!.excerpt!;
    // Start: 140 - 60 = 80, back to after the space at 76 → 77. End: 77 + 220 = 297, back to the space at 293.
    expect(e.text).toBe(`…${filler(9)}quokka ${filler(20)}filler…`);
    expect(e.highlights).toEqual([[64, 70]]);
  });

  it('a match near the start has no leading ellipsis; a cut goes back to a space at most 89 characters before the match', () => {
    const early = `quokka ${filler(40)}`;
    const a = new SearchIndex([doc('e:3', 'Action', 'L', { ref: '1', title: 'L', objective: early })]).search('quokka', { limit: 1 })[0]!.excerpt!;
    // End: 220, back to the space at 216 (7 + 7 × 29 + 6).
    expect(a.text).toBe(`quokka ${filler(29)}filler…`);
    expect(a.highlights).toEqual([[0, 6]]);
    const cutAt = (objective: string) => new SearchIndex([doc('e:4', 'Action', 'L', { ref: '1', title: 'L', objective })]).search('quokka', { limit: 1 })[0]!.excerpt!;
    // The match at 100, the cut at 40, the space before it 90 back at 10: too far, so the cut stays at 40.
    const far = cutAt(`${'a'.repeat(10)} ${'y'.repeat(88)} quokka ${'z'.repeat(200)}`);
    expect(far.text).toBe(`…${'y'.repeat(59)} quokka…`);
    expect(far.highlights).toEqual([[61, 67]]);
    // The match at 99, the space 89 back at 10: near enough, so the cut moves to the word after it.
    const near = cutAt(`${'a'.repeat(10)} ${'y'.repeat(87)} quokka ${'z'.repeat(200)}`);
    expect(near.text).toBe(`…${'y'.repeat(87)} quokka…`);
    expect(near.highlights).toEqual([[89, 95]]);
  });

  it('the field with the most distinct matched words wins; the naming field among equals', () => {
    const index = new SearchIndex([doc('e:5', 'Action', 'Quokka plan', { ref: '1', title: 'Quokka plan', objective: 'Quokka and zebra together', localTarget: 'Zebra zebra zebra' })]);
    expect(index.search('quokka zebra', { limit: 1 })[0]!.excerpt!.field).toBe('objective');
    expect(index.search('quokka', { limit: 1 })[0]!.excerpt!.field).toBe('title');
  });

  it('rangesIn finds nothing for no matched terms, and every occurrence otherwise', () => {
    expect(rangesIn('zebra zebra', new Set())).toEqual([]);
    expect(rangesIn('Zebras, zebra!', new Set(['zebra']))).toEqual([
      [0, 6],
      [8, 13],
    ]);
  });
});

describe('terms', () => {
  it('cuts words and dotted references with their places', () => {
    expect(tokenize('Action 2.5.7. Café, a.b 1.')).toEqual(['Action', '2.5.7', 'Café', 'a', 'b', '1']);
    expect(tokenize('... ---')).toEqual([]);
    expect(tokensOf('to 2.5.7 now')).toEqual([
      { text: 'to', start: 0, end: 2 },
      { text: '2.5.7', start: 3, end: 8 },
      { text: 'now', start: 9, end: 12 },
    ]);
  });

  it('drops stop words in any case and keeps others', () => {
    for (const w of ['a', 'The', 'AND', 'within', 'which', 'over', 'their']) expect(termOf(w)).toBeNull();
    expect(termOf('plan')).toBe('plan');
    expect(queryTerms('The plan of the area')).toEqual(['plan', 'area']);
  });

  it('strips accents, lower-cases, keeps anything with a digit whole and stems the rest', () => {
    expect(termOf('Café')).toBe('cafe');
    expect(termOf('NO9')).toBe('no9');
    expect(termOf('offences2')).toBe('offences2');
    expect(termOf('disabilities')).toBe(termOf('disability'));
  });

  it('folds -ise onto -ize in words of six letters or more, at the end only', () => {
    for (const [uk, us] of [
      ['advise', 'advize'],
      ['organising', 'organizing'],
      ['organised', 'organized'],
      ['organises', 'organizes'],
      ['organiser', 'organizer'],
      ['organisers', 'organizers'],
      ['organisation', 'organization'],
      ['organisations', 'organizations'],
    ]) {
      expect(termOf(uk!), uk).toBe(termOf(us!));
    }
    expect(termOf('raise')).not.toBe(termOf('raize'));
    expect(termOf('isolated')).toBe('isol');
  });
});

describe('text fields', () => {
  it('labels a field in words', () => {
    expect(fieldLabel('localTarget')).toBe('Local target');
    expect(fieldLabel('keyObjectives')).toBe('Key objectives');
    expect(fieldLabel('title')).toBe('Title');
  });

  it('a value as one text: blank is none, lists keep their non-blank strings one a line', () => {
    expect(fieldText('a')).toBe('a');
    expect(fieldText('  ')).toBeNull();
    expect(fieldText('')).toBeNull();
    expect(fieldText(['', 'a', 3, ' ', 'b'])).toBe('a\nb');
    expect(fieldText([' ', 4])).toBeNull();
    expect(fieldText([])).toBeNull();
    expect(fieldText(5)).toBeNull();
    expect(fieldText(null)).toBeNull();
  });

  it('each kind lists its naming field first, lists as lists, and leaves out dates, enums and the source file', () => {
    expect(TEXT_FIELDS.Action[0]).toEqual({ kind: 'Action', field: 'title', label: 'Title', list: false });
    expect(TEXT_FIELDS.Organisation[0]!.field).toBe('name');
    expect(TEXT_FIELDS.Organisation.find((f) => f.field === 'aliases')).toEqual({ kind: 'Organisation', field: 'aliases', label: 'Aliases', list: true });
    expect(TEXT_FIELDS.Milestone[0]!.field).toBe('text');
    expect(TEXT_FIELDS.NationalOutcome[0]!.field).toBe('wording');
    const plan = TEXT_FIELDS.Plan.map((f) => f.field);
    expect(plan[0]).toBe('title');
    expect(plan).not.toContain('sourceFile');
    expect(plan).not.toContain('planType');
    expect(TEXT_FIELDS.Action.map((f) => f.field)).not.toContain('dueDate');
    expect(TEXT_FIELDS.Action.map((f) => f.field)).not.toContain('status');
  });
});
