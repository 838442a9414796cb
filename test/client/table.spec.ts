import { describe, expect, it } from 'vitest';
import { indexGraph } from '../../client/graph/index.js';
import { nextSort, sortRows, tableRows } from '../../client/table/utils.js';
import { sampleGraph } from './fixtures.js';

const index = indexGraph(sampleGraph());
const rows = tableRows(index, new Set(index.nodes.keys()));
const row = (id: string) => rows.find((r) => r.id === id)!;

describe('the table view', () => {
  it('has one row per shown node, with kind, reference, title, lead, what it serves and status', () => {
    expect(rows).toHaveLength(index.nodes.size);
    expect(row('lcja-2008:action:2.5.7')).toEqual({
      id: 'lcja-2008:action:2.5.7',
      kind: 'Action',
      kindName: 'Action',
      ref: '2.5.7',
      title: 'Ensure the effective implementation of NASSO.',
      lead: 'MAPPA steering group',
      outcomes: 'To improve ability to access and sustain suitable…',
      status: 'ongoing',
    });
    expect(row('lbcja-2011:action:4.2.2-a')).toMatchObject({ outcomes: 'NO 9', status: 'unknown', lead: 'Lothian & Borders Community Justice Authority' });
    expect(row('no:9').ref).toBe('NO 9');
  });

  it('shows only what the map shows', () => {
    expect(tableRows(index, new Set(['no:9', 'not-there']))).toHaveLength(1);
  });

  it('sorts references naturally, both ways, with empty cells last', () => {
    const actions = rows.filter((r) => r.kind === 'Action');
    expect(sortRows(actions, { key: 'ref', direction: 'ascending' }).map((r) => r.ref)).toEqual(['1.1.1', '2.1.3', '2.5.7', '4.2.2']);
    expect(sortRows(actions, { key: 'ref', direction: 'descending' }).map((r) => r.ref)).toEqual(['4.2.2', '2.5.7', '2.1.3', '1.1.1']);
  });

  it.each([
    ['status', 'ascending'],
    ['status', 'descending'],
    ['ref', 'ascending'],
    ['ref', 'descending'],
    ['lead', 'ascending'],
  ] as const)('puts empty %s cells last when sorted %s', (key, direction) => {
    const sorted = sortRows(rows, { key, direction }).map((r) => r[key]);
    const filled = sorted.filter((cell) => cell !== '');
    // The sample has both kinds of cell in each of these columns, so the order is a real test.
    expect(filled.length).toBeGreaterThan(0);
    expect(filled.length).toBeLessThan(sorted.length);
    expect(sorted).toEqual([...filled, ...Array<string>(sorted.length - filled.length).fill('')]);
  });

  it('sorts by kind in the model order and by status in the vocabulary order', () => {
    expect(sortRows(rows, { key: 'kind', direction: 'ascending' })[0]!.kind).toBe('Plan');
    const byStatus = sortRows(
      rows.filter((r) => r.kind === 'Action'),
      { key: 'status', direction: 'ascending' },
    ).map((r) => r.status);
    expect(byStatus).toEqual(['ongoing', 'delayed', 'unknown', 'unknown']);
  });

  it('flips the direction on a second click and starts a new column ascending', () => {
    expect(nextSort({ key: 'ref', direction: 'ascending' }, 'ref')).toEqual({ key: 'ref', direction: 'descending' });
    expect(nextSort({ key: 'ref', direction: 'descending' }, 'title')).toEqual({ key: 'title', direction: 'ascending' });
  });
});
