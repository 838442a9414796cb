import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS, type NodeInputDraft, type SearchResponse, type SearchResult } from '../../model/index.js';
import { getNode } from '../../server/graph/graphReader.js';
import { GraphWriter } from '../../server/graph/graphWriter.js';
import { isNodeKind } from '../../server/graph/summaries.js';
import { TEXT_FIELDS, fieldText } from '../../server/search/textFields.js';
import type { NodeValue } from '../../server/store/port.js';
import { startSeededServer, type SeededServer } from './seededServer.js';

/**
 * Search on the seed data over real HTTP. The phrases are the issue's, found by reading
 * the documents: each case says where the words stand.
 */

let api: SeededServer;
beforeAll(async () => {
  api = await startSeededServer();
}, 120_000);
afterAll(async () => {
  await api.close();
});

async function search(q: string, extra = ''): Promise<SearchResult[]> {
  const { status, body } = await api.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(status).toBe(200);
  return body.results;
}

const marked = (r: { excerpt: SearchResult['excerpt'] } | null | undefined) => r?.excerpt?.highlights.map(([s, e]) => r.excerpt!.text.slice(s, e).toLowerCase()) ?? [];

describe('the phrases of the issue', () => {
  it('"evidence best value": the local target of Lanarkshire 2010 action 4 (the performance framework, line 27)', async () => {
    const [first] = await search('evidence best value');
    expect(first).toMatchObject({ id: 'lcja-2010:action:4-c', ref: '4', planShort: 'LCJA 2010', match: 'words' });
    expect(first!.excerpt).toMatchObject({ field: 'localTarget', fieldLabel: 'Local target', text: 'To evidence best value in terms of efficiency and effective practice.' });
    expect(marked(first)).toEqual(['evidence', 'best', 'value']);
  });

  it('"point of contact for victims": the objective of 2008-09 action 2.5.11, listed before its milestones and progress', async () => {
    const results = await search('point of contact for victims');
    expect(results[0]).toMatchObject({ id: 'lcja-2008:action:2.5.11', planShort: 'LCJA 2008', excerpt: { field: 'objective' } });
    expect(marked(results[0])).toEqual(['point', 'contact', 'victims']);
    // Its first milestone ("List of contact details ... victim support organisations") matches two of the words.
    const milestone = results.findIndex((r) => r.id === 'lcja-2008:milestone:2.5.11-1');
    expect(milestone).toBeGreaterThan(0);
    expect(results[milestone]!.parent).toMatchObject({ id: 'lcja-2008:action:2.5.11', ref: '2.5.11' });
    for (const r of results) if (r.parent?.id === 'lcja-2008:action:2.5.11') expect(results.indexOf(r)).toBeGreaterThan(0);
  });

  it('"learning disabilities" finds L&B action 2.2.1 (CISSO), which says "learning disability" (line 823)', async () => {
    const [first] = await search('learning disabilities');
    expect(first).toMatchObject({ id: 'lbcja-2011:action:2.2.1-e', planShort: 'L&BCJA 2011', excerpt: { field: 'title' } });
    expect(marked(first)).toEqual(['learning', 'disability']);
  });

  it('"accomodation" (a typo) finds the accommodation outcomes: the 2008-09 local outcome and framework outcome O2', async () => {
    const ids = (await search('accomodation')).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['lcja-2008:local-outcome:accommodation', 'nsmo:O2']));
  });

  it('words only a milestone holds bring its action first: "through MAPPA annual report" is milestone 1 of 2.5.7', async () => {
    const results = await search('through MAPPA annual report');
    expect(results[0]).toMatchObject({ id: 'lcja-2008:action:2.5.7', via: { id: 'lcja-2008:milestone:2.5.7-1', excerpt: { field: 'text' } } });
    expect(results[1]).toMatchObject({ id: 'lcja-2008:milestone:2.5.7-1', parent: { id: 'lcja-2008:action:2.5.7' } });
  });

  it('a prefix: "accomm" finds the same outcomes as the whole word', async () => {
    expect((await search('accomm')).map((r) => r.id)).toEqual(expect.arrayContaining(['lcja-2008:local-outcome:accommodation', 'nsmo:O2']));
  });
});

describe('every text field of every node kind, on the seed', () => {
  // One seed node per (kind, field) holding that field, and three of its longest words.
  const cases: [string, string, string, string][] = [];
  beforeAll(async () => {
    const rows = await api.store.read('search/all-nodes');
    for (const kind of NODE_KINDS) {
      for (const { field } of TEXT_FIELDS[kind]) {
        const node = rows.map((r) => r.n as NodeValue).find((n) => n.label === kind && isNodeKind(n.label) && (fieldText(n.properties[field])?.match(/\p{L}{4,}/gu)?.length ?? 0) >= 1);
        if (!node) continue;
        const words = [...new Set(fieldText(node.properties[field])!.match(/\p{L}{4,}/gu))].sort((a, b) => b.length - a.length).slice(0, 3);
        cases.push([kind, field, String(node.properties.id), words.join(' ')]);
      }
    }
  });

  it('finds the node by a phrase from each field the seed fills', async () => {
    // Kinds and fields with no value anywhere in the seed are covered by test/search.
    expect(cases.length).toBeGreaterThan(40);
    const misses: string[] = [];
    for (const [kind, field, id, phrase] of cases) {
      const results = await search(phrase, `&kind=${kind}&limit=100`);
      const hit = results.find((r) => r.id === id);
      if (!hit || hit.match !== 'words') misses.push(`${kind}.${field} "${phrase}" → ${id}`);
    }
    expect(misses).toEqual([]);
  });
});

describe('after a write', () => {
  it('finds new words at once', async () => {
    expect(await search('zanzibar quokka')).toEqual([]);
    const stored = (await getNode(api.store, 'lcja-2008:milestone:2.5.7-1'))!;
    const changed = { ...stored, props: { ...stored.props, text: 'Report to the zanzibar quokka working group' } } as NodeInputDraft & { version?: number };
    delete changed.version;
    await new GraphWriter(api.store).apply({ nodes: [changed] });
    const results = await search('zanzibar quokka');
    expect(results.map((r) => r.id)).toEqual(['lcja-2008:action:2.5.7', 'lcja-2008:milestone:2.5.7-1']);
  });
});
