import { describe, expect, it } from 'vitest';
import { NODE_KINDS, type NodeKind } from '../../model/index.js';
import { SearchIndex, type SearchDocument } from '../../server/search/searchIndex.js';
import { queryTerms } from '../../server/search/terms.js';
import { TEXT_FIELDS } from '../../server/search/textFields.js';
import { sampleNode } from '../fixtures/sampleNodes.js';

/** The search index on its own: tiers, grouping, highlights and the field list, without a store. */

function doc(id: string, kind: NodeKind, label: string, props: Record<string, unknown>, extra: Partial<SearchDocument> = {}): SearchDocument {
  return { summary: { id, kind, label, ref: typeof props.ref === 'string' ? props.ref : null, plan: null, planShort: null }, props, parent: null, ...extra };
}

describe('terms', () => {
  it.each([
    ['learning disabilities', 'learning disability'],
    ['organisations', 'organization'],
    ['victims', 'victim'],
    ['offending', 'offenders'],
  ])('"%s" and "%s" make the same terms', (a, b) => {
    expect(queryTerms(a)).toEqual(queryTerms(b));
  });

  it('keeps a dotted reference whole and drops stop words', () => {
    expect(queryTerms('point of contact for 2.5.7')).toEqual(['point', 'contact', '2.5.7']);
  });
});

describe('ranking tiers', () => {
  // One query, "ab1", that each document answers in a different way.
  const index = new SearchIndex([
    doc('t:words', 'Action', 'Fill in the AB1 form for every case', { ref: '9.9', title: 'Fill in the AB1 form for every case' }),
    doc('t:prefix', 'Action', 'A longer action', { ref: 'AB1.2', title: 'A longer action' }),
    doc('t:alias', 'Organisation', 'Alpha Bravo One', { name: 'Alpha Bravo One', aliases: ['AB1'], orgType: 'third sector' }),
    doc('t:reference', 'Action', 'The action numbered AB1', { ref: 'AB1', title: 'The action numbered AB1' }),
  ]);

  it('lists an exact reference, then a whole alias, then a reference prefix, then words', () => {
    const results = index.search('ab1', { limit: 10 });
    expect(results.map((r) => [r.id, r.match])).toEqual([
      ['t:reference', 'reference'],
      ['t:alias', 'alias'],
      ['t:prefix', 'prefix'],
      ['t:words', 'words'],
    ]);
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('filters by kind and honours the limit', () => {
    expect(index.search('ab1', { limit: 10, kind: 'Organisation' }).map((r) => r.id)).toEqual(['t:alias']);
    expect(index.search('ab1', { limit: 2 }).map((r) => r.id)).toEqual(['t:reference', 't:alias']);
  });
});

describe('an action and its milestones', () => {
  const index = new SearchIndex([
    doc('a:1', 'Action', 'Ensure victims obtain support', { ref: '1', title: 'Ensure victims obtain support', objective: 'Identify a point of contact for victims' }),
    doc('m:1', 'Milestone', 'List of contact details for victim organisations', { text: 'List of contact details for victim organisations' }, { parent: 'a:1' }),
    doc('a:2', 'Action', 'Hold a conference', { ref: '2', title: 'Hold a conference' }),
    doc('m:2', 'Milestone', 'Invite the courier service to the conference', { text: 'Invite the courier service to the conference' }, { parent: 'a:2' }),
  ]);

  it('puts the action before its milestone, even when the milestone scores alike', () => {
    const ids = index.search('contact victims', { limit: 10 }).map((r) => r.id);
    expect(ids.indexOf('a:1')).toBe(0);
    expect(ids.indexOf('m:1')).toBeGreaterThan(0);
  });

  it('brings in an action that only its milestone matches, saying through what', () => {
    const results = index.search('courier', { limit: 10 });
    expect(results.map((r) => r.id)).toEqual(['a:2', 'm:2']);
    expect(results[0]!.via).toMatchObject({ id: 'm:2', excerpt: { field: 'text', fieldLabel: 'Text' } });
    expect(results[1]!.parent).toMatchObject({ id: 'a:2' });
  });

  it('sends the matching field and where the words stand in it', () => {
    const [first] = index.search('point of contact', { limit: 1 });
    const e = first!.excerpt!;
    expect(e.field).toBe('objective');
    expect(e.highlights.map(([s, t]) => e.text.slice(s, t))).toEqual(['point', 'contact']);
  });

  it('forgives a typo and finds a half-typed word', () => {
    expect(index.search('conferense', { limit: 5 }).map((r) => r.id)).toContain('a:2');
    expect(index.search('confer', { limit: 5 }).map((r) => r.id)).toContain('a:2');
  });
});

describe('the vocabulary follows the documents held', () => {
  // A word is a typo only when no document holds it: "accomodation" is in one document, misspelt as printed.
  const misspelt = () => doc('v:misspelt', 'Action', 'Accomodation survey', { title: 'Accomodation survey' });
  const build = () =>
    new SearchIndex([
      doc('v:right', 'Action', 'Supported accommodation for offenders', { title: 'Supported accommodation for offenders' }),
      misspelt(),
      doc('v:again', 'Action', 'An accomodation audit', { title: 'An accomodation audit' }),
    ]);

  it('does not forgive a word a document holds, and does once the last one holding it has gone', () => {
    const index = build();
    expect(index.search('accomodation', { limit: 5 }).map((r) => r.id)).not.toContain('v:right');
    index.remove('v:misspelt');
    // One document still holds the word: still no typo.
    expect(index.search('accomodation', { limit: 5 }).map((r) => r.id)).toEqual(['v:again']);
    index.remove('v:again');
    expect(index.search('accomodation', { limit: 5 }).map((r) => r.id)).toEqual(['v:right']);
  });

  it('knows a word again when a document holding it is put back, and a replaced document forgets its old words', () => {
    const index = build();
    index.remove('v:again');
    index.put({ ...misspelt(), props: { title: 'Housing survey' }, summary: { ...misspelt().summary, label: 'Housing survey' } });
    expect(index.search('accomodation', { limit: 5 }).map((r) => r.id)).toEqual(['v:right']);
    index.put(misspelt());
    expect(index.search('accomodation', { limit: 5 }).map((r) => r.id)).toEqual(['v:misspelt']);
  });
});

describe('every text field of every node kind is searched', () => {
  const cases = NODE_KINDS.flatMap((kind) => TEXT_FIELDS[kind].map((f) => [kind, f.field, f.list] as const));

  it('covers the model: every kind has its naming field in the list', () => {
    for (const kind of NODE_KINDS) expect(TEXT_FIELDS[kind].length).toBeGreaterThan(0);
    const pairs = cases.map(([k, f]) => `${k}.${f}`);
    expect(pairs).toEqual(expect.arrayContaining(['Action.localTarget', 'Action.objective', 'ProgressUpdate.narrative', 'Plan.aims', 'Indicator.target', 'StrategicAim.keyObjectives']));
    expect(pairs).not.toContain('Action.dueDate');
    expect(pairs).not.toContain('Action.status');
    expect(pairs).not.toContain('Plan.sourceFile');
  });

  it.each(cases)('%s.%s', (kind, field, list) => {
    const node = sampleNode(kind, `t:${kind}`);
    const props: Record<string, unknown> = { ...node.props };
    const phrase = 'quokka marmalade bicycle';
    props[field] = list ? ['an earlier item', phrase] : phrase;
    const index = new SearchIndex([doc(node.id, kind, 'a label', props), doc('t:other', 'Action', 'Another thing', { ref: '1', title: 'Another thing' })]);
    const results = index.search('quokka marmalade', { limit: 5 });
    expect(results.map((r) => r.id)).toEqual([node.id]);
    expect(results[0]!.excerpt?.field).toBe(field);
  });
});
