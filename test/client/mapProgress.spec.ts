import { describe, expect, it } from 'vitest';
import { actionBadges, describeStatus, rollupBadges, rollupText, type ActionStatusAt, type RollupRowData } from '../../client/progress/badgeSpecs.js';
import { STATUS_LOOKS } from '../../client/progress/statusLook.js';
import { printedPeriod } from '../../client/progress/updateForm.js';
import { DEFAULT_STATE } from '../../client/state/types.js';
import { decodeState, encodeState } from '../../client/state/url.js';
import { parsePeriod, type Period } from '../../model/reports.js';
import { STATUSES } from '../../model/vocabulary.js';

/** The map's progress badges as data, the period in the URL, and how an entered update names its period. */

const at = (over: Partial<ActionStatusAt>): ActionStatusAt => ({
  id: 'lcja-2008:action:2.5.7',
  status: 'ongoing',
  statusAsPrinted: null,
  basis: 'inferred',
  updated: '2008-09-30',
  overdue: false,
  updatedThisPeriod: false,
  ...over,
});

describe('status badges', () => {
  it('every status reads without colour: its own symbol, and no two statuses share symbol and shape and colour', () => {
    const looks = [...STATUSES, 'no update' as const].map((s) => STATUS_LOOKS[s]);
    expect(new Set(looks.map((l) => l.symbol)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => l.fill)).size).toBe(looks.length);
  });

  it('an inferred status is drawn dashed, a printed one solid; an overdue action carries the mark', () => {
    const [inferred, printed] = actionBadges([at({ overdue: true }), at({ id: 'lcja-2010:action:2', status: 'on target', statusAsPrinted: 'On target', basis: 'printed' })]);
    expect(inferred).toMatchObject({ text: '↻', mark: '◷', className: 'badge-status badge-shape-circle badge-inferred', data: { status: 'ongoing', overdue: 'true', basis: 'inferred' } });
    expect(printed!.className).toBe('badge-status badge-shape-circle');
    expect(printed!.mark).toBeUndefined();
    expect(actionBadges([at({ status: 'delayed' })])[0]!.className).toContain('badge-shape-triangle');
    expect(actionBadges([at({ status: 'complete' })])[0]!.className).toContain('badge-shape-square');
  });

  it('says whether the status was printed, in which words, or read from the narrative', () => {
    expect(describeStatus(at({ status: 'on target', statusAsPrinted: 'Ontrack', basis: 'printed' }))).toBe('Status: on target, printed “Ontrack”, update of 2008-09-30');
    expect(describeStatus(at({ status: 'on target', statusAsPrinted: 'On target', basis: 'printed' }))).toBe('Status: on target, as printed, update of 2008-09-30');
    expect(describeStatus(at({ overdue: true }))).toBe('Status: ongoing, read from the narrative (not printed), update of 2008-09-30; overdue');
    expect(describeStatus(at({ status: 'no update', basis: null }))).toBe('No progress update by the end of the period');
  });

  it('a roll-up card lists the statuses present, then the actions without an update, then the overdue', () => {
    const byStatus = Object.fromEntries([...STATUSES, 'no update'].map((s) => [s, 0])) as RollupRowData['byStatus'];
    const row: RollupRowData = {
      target: { id: 'no:9', kind: 'NationalOutcome', label: 'NO 9' },
      actions: 9,
      byStatus: { ...byStatus, 'on target': 5, ongoing: 2, unknown: 1, 'no update': 1 },
      overdue: 3,
      noUpdateThisPeriod: 4,
    };
    expect(rollupText(row)).toBe('9: ▶5 ↻2 ?1 ·1 ◷3');
    expect(rollupText({ ...row, actions: 3, byStatus: { ...byStatus, 'no update': 3 }, overdue: 0 })).toBe('3: ·3');
    expect(rollupBadges([row])[0]).toMatchObject({ id: 'no:9', place: 'beside', title: '9 actions beneath: 5 on target, 2 ongoing, 1 unknown, 1 no update; 3 overdue; 4 with no update this period' });
  });
});

describe('the period in the URL', () => {
  it('round-trips a quarter and the roll-up, and leaves both out by default', () => {
    const state = { ...DEFAULT_STATE, period: '2010-11-Q2', rollup: true };
    expect(encodeState(state)).toBe('period=2010-11-Q2&rollup=1');
    expect(decodeState('period=2010-11-Q2&rollup=1')).toEqual({ state, problems: [] });
    expect(encodeState(DEFAULT_STATE)).toBe('');
  });

  it.each([
    ['period=2010-11-Q5', 'period'],
    ['period=2010-13', 'period'],
    ['rollup=yes', 'rollup'],
  ])('%s is dropped with a problem naming %s', (search, name) => {
    const { state, problems } = decodeState(search);
    expect(state.period).toBeNull();
    expect(state.rollup).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.startsWith(`${name}:`)).toBe(true);
  });
});

describe('an entered update names its period as the documents do', () => {
  it.each([
    ['2008-09-Q3', '2008-09 Q3'],
    ['2010-11-Q2', '2010-11 Q2'],
  ])('%s → %s', (code, printed) => {
    expect(printedPeriod(parsePeriod(code) as Period)).toBe(printed);
  });
});
