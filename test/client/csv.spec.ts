import { describe, expect, it } from 'vitest';
import type { GapResponse, MatrixResponse } from '../../model/api.js';
import { csvCell, gapCsv, matrixCsv, toCsv } from '../../client/export/csv.js';

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-', '-'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes lists, numbers, booleans and nothing', () => {
    expect([csvCell(['a', 'b']), csvCell(3), csvCell(false), csvCell(null), csvCell(undefined)]).toEqual(['a; b', '3', 'false', '', '']);
  });

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(toCsv(['A', 'B'], [[1, 'x']])).toBe('\uFEFFA,B\r\n1,x\r\n');
  });

  it('puts the node id first in a gap list, then the columns as titled', () => {
    const gap: GapResponse = {
      id: 'overdue-actions',
      title: 'Overdue actions',
      input: { plan: null, asOf: '2009-01-01', threshold: 0.35, basis: 'all' },
      summary: '1 action',
      columns: [
        { key: 'ref', title: 'Ref' },
        { key: 'title', title: 'Action' },
      ],
      rows: [{ id: 'lcja-2008:action:2.1.3', ref: '2.1.3', title: 'Facilitate the development, and implementation', dueDate: '2008-09-30' }],
      highlight: ['lcja-2008:action:2.1.3'],
    };
    expect(gapCsv(gap)).toBe('\uFEFFId,Ref,Action\r\nlcja-2008:action:2.1.3,2.1.3,"Facilitate the development, and implementation"\r\n');
  });

  it('writes the matrix with zeros for empty cells and totals', () => {
    const m: MatrixResponse = {
      count: 'leads',
      columns: [],
      rows: [
        { id: 'org:a', kind: 'Organisation', label: 'Org A', ref: null, plan: null },
        { id: 'org:b', kind: 'Organisation', label: 'Org B', ref: null, plan: null },
      ],
      cols: [
        { id: 'no:7', kind: 'NationalOutcome', label: 'Inequalities tackled', ref: 'NO7', plan: null },
        { id: 'no:9', kind: 'NationalOutcome', label: 'Safe from crime', ref: 'NO9', plan: null },
      ],
      cells: [{ row: 'org:a', col: 'no:9', count: 2, actions: ['x:1', 'x:2'] }],
    };
    expect(matrixCsv(m, 'Organisations')).toBe('\uFEFFOrganisations,NO7 Inequalities tackled,NO9 Safe from crime,Total\r\nOrg A,0,2,2\r\nOrg B,0,0,0\r\n');
  });
});
