import { describe, expect, it } from 'vitest';
import type { MatrixResponse } from '../../model/api.js';
import { emptyCellReason } from '../../client/matrix/utils.js';
import { highlightParts, refWithPlan } from '../../client/search/utils.js';

/** The pure helpers behind the search list's highlights and the matrix's empty cells. */

describe('highlightParts', () => {
  it('marks the server ranges and keeps the text whole', () => {
    const parts = highlightParts('To evidence best value in terms of efficiency', [
      [3, 11],
      [12, 16],
      [17, 22],
    ]);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['evidence', 'best', 'value']);
    expect(parts.map((p) => p.text).join('')).toBe('To evidence best value in terms of efficiency');
  });

  it('cuts at a word and drops ranges past the cut', () => {
    const parts = highlightParts(
      'alpha beta gamma delta',
      [
        [0, 5],
        [17, 22],
      ],
      12,
    );
    expect(parts).toEqual([
      { text: 'alpha', match: true },
      { text: ' beta', match: false },
      { text: '…', match: false },
    ]);
  });

  it('treats markup in the data as text: the parts are strings, never HTML', () => {
    const parts = highlightParts('<img src=x onerror=alert(1)> victims', [[29, 36]]);
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'victims', match: true },
    ]);
  });

  it('names the plan before the reference', () => {
    expect(refWithPlan('2.2.1', 'LCJA 2008')).toBe('LCJA 2008 · 2.2.1');
    expect(refWithPlan('O2', null)).toBe('O2');
    expect(refWithPlan(null, 'LCJA 2008')).toBeNull();
  });
});

describe('why a matrix cell is empty', () => {
  const m = (count: MatrixResponse['count'], columns: MatrixResponse['columns']): MatrixResponse => ({ count, rows: [], cols: [], cells: [], columns });

  it('an outcome nobody serves', () => {
    expect(emptyCellReason(m('leads', [{ col: 'no:1', actions: 0, unattributed: 0 }]), 'Sacro', 'no:1', 'NO 1', true, false)).toBe('No action in any plan serves NO 1.');
    expect(emptyCellReason(m('leads', [{ col: 'no:1', actions: 0, unattributed: 0 }]), 'Sacro', 'no:1', 'NO 1', true, true)).toBe('No action in this plan serves NO 1.');
  });

  it('others serve it, this organisation does not, and some actions name nobody', () => {
    expect(emptyCellReason(m('leads', [{ col: 'no:6', actions: 5, unattributed: 3 }]), 'Sacro', 'no:6', 'NO 6', true, false)).toBe(
      'Sacro leads no action serving NO 6 (5 actions do; 3 of them name no lead).',
    );
    expect(emptyCellReason(m('leads-and-partners', [{ col: 'no:6', actions: 1, unattributed: 1 }]), 'Sacro', 'no:6', 'NO 6', true, false)).toBe(
      'Sacro leads or is a partner in no action serving NO 6 (1 action does; it names no lead or partner).',
    );
  });

  it('a plan row', () => {
    expect(emptyCellReason(m('leads', [{ col: 'aim:1', actions: 4, unattributed: 0 }]), 'LCJA 2008', 'aim:1', 'Aim 1', false, false)).toBe('LCJA 2008 has no action serving Aim 1 (4 actions do).');
  });
});
