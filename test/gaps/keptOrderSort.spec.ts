import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byNumbers } from '../../server/graph/byNumbers.js';
import { keptOrderSorter } from '../../server/graph/keptOrderSort.js';

/**
 * The kept-order sort (server/graph/keptOrderSort.ts) must answer exactly as a plain sort
 * would, whatever happened between two calls: rows edited (new objects), added, removed,
 * or tied with others.
 */

type Row = { ref: string; id: string };
const compare = (a: Row, b: Row) => byNumbers(a.ref, b.ref) || a.id.localeCompare(b.id);
const byRefOnly = (a: Row, b: Row) => byNumbers(a.ref, b.ref);

const ref = fc.constantFrom('1', '1.2', '2.10', '2.9', '2.5.7', '3', 'A', 'a', '10', '');
// Ids from a wide range, so that rows with a total order are mostly distinct and ties are the exception.
const row = fc.record({ ref, id: fc.integer({ min: 0, max: 5000 }).map(String) });
/** Between two reads: keep a row, replace it by an edited copy, or drop it; and add some new ones. */
const step = fc.record({
  // Mostly kept, as after an edit, so that the sorter's kept-order path (not its fallback) is what runs.
  fates: fc.array(fc.oneof({ arbitrary: fc.constant('keep'), weight: 40 }, { arbitrary: fc.constantFrom('edit', 'drop'), weight: 1 }), { maxLength: 200 }),
  edits: fc.array(ref, { maxLength: 200 }),
  added: fc.array(row, { maxLength: 4 }),
  shuffle: fc.boolean(),
});

function next(rows: Row[], s: { fates: string[]; edits: string[]; added: Row[]; shuffle: boolean }): Row[] {
  const out: Row[] = [];
  rows.forEach((r, i) => {
    const fate = s.fates[i] ?? 'keep';
    if (fate === 'keep') out.push(r);
    if (fate === 'edit') out.push({ ...r, ref: s.edits[i] ?? r.ref });
  });
  out.push(...s.added.map((r) => ({ ...r })));
  return s.shuffle ? out.reverse() : out;
}

describe('a sort that keeps its last order', () => {
  for (const [name, cmp] of [
    ['with a total order', compare],
    ['with ties the comparator cannot break', byRefOnly],
  ] as const) {
    it(`answers as a plain sort does after any edits, ${name}`, () => {
      fc.assert(
        fc.property(fc.array(row, { maxLength: 200 }), fc.array(step, { maxLength: 6 }), (first, steps) => {
          const sort = keptOrderSorter(cmp);
          let rows: Row[] = first;
          expect(sort(rows)).toEqual([...rows].sort(cmp));
          for (const s of steps) {
            rows = next(rows, s);
            const result = sort(rows);
            expect(result).toEqual([...rows].sort(cmp));
            // The same objects, none lost or doubled, whatever path the sorter took.
            expect(new Set(result)).toEqual(new Set(rows));
          }
        }),
        { numRuns: 500 },
      );
    });
  }

  it('places one edited row among many kept ones where a plain sort puts it, comparing each kept row about once', () => {
    // In the engine's order, not the sorted one: a plain sort of it compares every row many times.
    const rows = Array.from({ length: 200 }, (_, i) => ({ ref: `2.${(i * 67) % 200}`, id: `r${i}` }));
    let comparisons = 0;
    const counted = (a: Row, b: Row) => (comparisons++, compare(a, b));
    const sort = keptOrderSorter(counted);
    const before = sort(rows);
    const plain = comparisons;
    const edited = [...rows];
    edited[150] = { ref: '1.5', id: 'r150' };
    comparisons = 0;
    const result = sort(edited);
    expect(result[0]).toBe(edited[150]);
    expect(result.slice(1)).toEqual(before.filter((r) => r.id !== 'r150'));
    // One binary search (8) and the in-order check (199); a sort afresh took over a thousand.
    expect(plain).toBeGreaterThan(1000);
    expect(comparisons).toBeLessThan(220);
  });

  it('does not give the input back as it came: it returns a new array and leaves the input alone', () => {
    const rows = [
      { ref: '2', id: 'x' },
      { ref: '1', id: 'y' },
    ];
    const sort = keptOrderSorter(compare);
    const result = sort(rows);
    expect(result.map((r) => r.id)).toEqual(['y', 'x']);
    expect(rows.map((r) => r.id)).toEqual(['x', 'y']);
  });
});
