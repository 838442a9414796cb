import { describe, expect, it } from 'vitest';
import { gapRows, rowIds, seededStore, sourceLines } from '../helpers/seededGaps.js';

/**
 * Issue 17: the complete row set of every gap analysis that takes a plan, for the
 * Lanarkshire 2008-09 implementation plan, Quarter 2 update (plan:lcja-2008), worked out
 * from its 358 lines. It prints twelve actions (2.1.3 at line 22, 2.4.1 61, 2.5.1 89,
 * 2.5.7 121, 2.5.9 141, 2.5.11 167, 2.5.12 181, 2.5.13 193, 3.4 219, 4.1 249, 6.1 279,
 * 6.2 291), each under an "Outcome" box and with columns Milestones | When will it be
 * done by? | Lead responsibility | Progress (lines 14-20). The facts each expectation rests on:
 *
 * - outcome boxes: 12 "Minimise the harm ...", 51 "Deal with these offenders promptly ...",
 *   207 "To increase community safety ...", 267 "To assess the effectiveness ..." restate
 *   no NSMO outcome (lines 312-358); the other six boxes (77, 79, 109, 111, 131, 155) and
 *   237 restate O1, O3, O2, O8, O9, C6 and S5 near-exactly. No action prints an NSMO
 *   code: those links are curation's, by wording (seed file's findings, "The other outcome
 *   headings restate NSMO outcomes near-exactly", and the S5 finding), so printed-only has none;
 * - leads (column 6): 31 "Criminal Justice Service Manager" and 258 "Responsible Authorities
 *   and Partners" name no body (vague); 176-178 print both "LCJA Chief Officer" and
 *   "Responsible Authorities and Partners" for 2.5.11, one per milestone (seed finding
 *   "Action 2.5.11 prints two leads"), so the action's lead is vague in part; the rest name
 *   the LCJA (68, 150, 188, 198, 228, 288, 300), the ADAT (100) or the MAPPA steering group (126);
 * - partners named in the rows: 24 RMA, Effective Practice Unit, Joint Accreditation Panel,
 *   Scottish Centre for Criminal Justice; 127 "SLC are currently implementing"; 221 "SPS to
 *   produce proposals"; 231 "focus at HMP Addiewell";
 * - dates (column 5): a month is its last day; 2.1.3, 2.5.1 and 2.5.11 print two dates, one
 *   per milestone by position (the action is due at the later; the milestones' dates are
 *   paired by document structure, so printed-only drops them: seed finding "Actions with
 *   two timescales");
 * - progress: only 6.1 prints a status word ("complete", 289) and 6.2 "Ongoing" (303); the
 *   others are read from the narrative (seed finding "Only 6.1 ... and 6.2 ... print a status
 *   word"): 2.5.1 "Audit not required" (105) and 2.5.9 "gives required assurance" (151) are
 *   finished; 2.1.3 (34), 2.5.11 (179) and 2.5.12 (191) delayed; the rest ongoing.
 */

const PLAN = 'plan:lcja-2008';
const FILE = 'lanarkshire-cja-implementation-plan-2008-09-q2.txt';
const text = sourceLines(FILE);
const line = (n: number) => text[n - 1]!.trim();

const { store } = seededStore();
const rows = gapRows(store, PLAN);

/** ref → [title line, lead as printed, timescale as printed, due date, status]. */
const ACTIONS: Record<string, [number, string, string, string, string]> = {
  '2.1.3': [23, 'Criminal Justice Service Manager', 'April 2008; September 2008', '2008-09-30', 'delayed'],
  '2.4.1': [62, 'LCJA Chief Officer', 'July 2008', '2008-07-31', 'ongoing'],
  '2.5.1': [90, 'ADAT', 'July 2008; September 2008', '2008-09-30', 'not required'],
  '2.5.7': [122, 'MAPPA steering group chair', 'August 2008', '2008-08-31', 'ongoing'],
  '2.5.9': [142, 'LCJA Chief Officer', 'September 2008 (& 6 monthly thereafter)', '2008-09-30', 'complete'],
  '2.5.11': [168, 'LCJA Chief Officer; Responsible Authorities and Partners', 'July 2008; November 2008.', '2008-11-30', 'delayed'],
  '2.5.12': [182, 'LCJA Chief Officer', 'July 2008/first meeting', '2008-07-31', 'delayed'],
  '2.5.13': [194, 'LCJA Chief Officer', 'July 2008', '2008-07-31', 'ongoing'],
  '3.4': [220, 'LCJA chief officer', 'July 2008', '2008-07-31', 'ongoing'],
  '4.1': [250, 'Responsible Authorities and Partners', 'September 2008', '2008-09-30', 'ongoing'],
  '6.1': [280, 'LCJA', 'September 2008 & 1/4ly thereafter', '2008-09-30', 'complete'],
  '6.2': [292, 'LCJA chief officer', 'September 2008', '2008-09-30', 'ongoing'],
};
const REFS = Object.keys(ACTIONS);

/** The row an action analysis gives for action `ref`, its title read from the document. */
function action(ref: string) {
  const [titleLine, lead, timescale, dueDate, status] = ACTIONS[ref]!;
  return { id: `lcja-2008:action:${ref}`, plan: PLAN, ref, title: line(titleLine), lead, timescale, dueDate, status };
}
const actions = (...refs: string[]) => refs.map(action);

/** [milestone id, action ref, milestone line, timescale, due date]: the milestones of the unfinished actions. */
const MILESTONES: [string, string, number, string, string][] = [
  ['2.1.3-1', '2.1.3', 25, 'April 2008', '2008-04-30'],
  ['2.1.3-2', '2.1.3', 27, 'September 2008', '2008-09-30'],
  ['2.4.1-1', '2.4.1', 64, 'July 2008', '2008-07-31'],
  ['2.5.7-1', '2.5.7', 124, 'August 2008', '2008-08-31'],
  ['2.5.11-1', '2.5.11', 170, 'July 2008', '2008-07-31'],
  ['2.5.11-2', '2.5.11', 172, 'November 2008.', '2008-11-30'],
  ['2.5.12-1', '2.5.12', 184, 'July 2008/first meeting', '2008-07-31'],
  ['2.5.13-1', '2.5.13', 196, 'July 2008', '2008-07-31'],
  ['3.4-1', '3.4', 222, 'July 2008', '2008-07-31'],
  ['4.1-1', '4.1', 252, 'September 2008', '2008-09-30'],
  ['6.2-1', '6.2', 294, 'September 2008', '2008-09-30'],
];
/** Paired with their dates by position (two dates in one cell), not printed beside them. */
const PAIRED_BY_POSITION = new Set(['2.1.3-1', '2.1.3-2', '2.5.11-1', '2.5.11-2']);

describe('the document lines the expectations rest on', () => {
  it('print the twelve action numbers and the leads and progress words the header comment cites', () => {
    const numbers = [22, 61, 89, 121, 141, 167, 181, 193, 219, 249, 279, 291].map(line);
    expect(numbers).toEqual(REFS);
    expect([31, 100, 126, 178, 258, 288].map(line)).toEqual([
      'Criminal Justice Service Manager',
      'ADAT',
      'MAPPA steering group chair',
      'Responsible Authorities and Partners',
      'Responsible Authorities and Partners',
      'LCJA',
    ]);
    expect(line(289)).toBe('complete');
    expect(line(303)).toMatch(/^Ongoing /);
    expect(line(105)).toMatch(/^Audit not required/);
    expect([28, 30, 173, 175].map(line)).toEqual(['April 2008', 'September 2008', 'July 2008', 'November 2008.']);
  });

  it('print no NSMO code in any action row: the framework list starts at line 306', () => {
    expect(text.slice(0, 305).filter((l) => /\b[COS][1-9]\b/.test(l))).toEqual([]);
  });
});

describe('every gap analysis on plan:lcja-2008, its whole row set', () => {
  it('actions without a national link: the five under the four boxes that restate no NSMO outcome; printed-only: all twelve', async () => {
    expect(await rows('actions-without-national-link')).toEqual(actions('2.1.3', '2.4.1', '3.4', '6.1', '6.2'));
    expect(await rows('actions-without-national-link', { basis: 'printed' })).toEqual(actions(...REFS));
  });

  it('actions without a lead: 2.1.3 and 4.1 (no body named) and 2.5.11 (half its lead names none); every lead link is printed', async () => {
    const expected = actions('2.1.3', '2.5.11', '4.1');
    expect(await rows('actions-without-lead')).toEqual(expected);
    expect(await rows('actions-without-lead', { basis: 'printed' })).toEqual(expected);
  });

  it('actions without a timescale: none, every row prints one', async () => {
    expect(await rows('actions-without-timescale')).toEqual([]);
  });

  it('overdue actions: on the last day of Quarter 2, the five due in July or August; a day later, the September ones too; by 2009, 2.5.11', async () => {
    const july = ['2.4.1', '2.5.7', '2.5.12', '2.5.13', '3.4'];
    expect(await rows('overdue-actions', { asOf: '2008-09-30' })).toEqual(actions(...july));
    // 2.5.9 and 6.1 (due in September) are finished, 2.5.1 not required: never overdue.
    expect(await rows('overdue-actions', { asOf: '2008-10-01' })).toEqual(actions('2.1.3', ...july, '4.1', '6.2'));
    const all = actions('2.1.3', '2.4.1', '2.5.7', '2.5.11', '2.5.12', '2.5.13', '3.4', '4.1', '6.2');
    expect(await rows('overdue-actions', { asOf: '2009-01-01' })).toEqual(all);
    // Every action's due date is printed in its row: printed-only agrees.
    expect(await rows('overdue-actions', { asOf: '2009-01-01', basis: 'printed' })).toEqual(all);
    expect(await rows('overdue-actions', { asOf: '2008-07-31' })).toEqual([]);
  });

  it('overdue milestones in 2009: the eleven of the unfinished actions; printed-only: the seven printed beside their dates', async () => {
    const milestone = ([id, ref, n, timescale, dueDate]: (typeof MILESTONES)[number]) => ({
      id: `lcja-2008:milestone:${id}`,
      plan: PLAN,
      action: ref,
      milestone: expect.stringContaining(line(n).replace(/^· /, '').slice(0, 24)),
      timescale,
      dueDate,
      status: ACTIONS[ref]![4],
    });
    expect(await rows('overdue-milestones', { asOf: '2009-01-01' })).toEqual(MILESTONES.map(milestone));
    expect(await rows('overdue-milestones', { asOf: '2009-01-01', basis: 'printed' })).toEqual(MILESTONES.filter(([id]) => !PAIRED_BY_POSITION.has(id)).map(milestone));
    // Only 2.1.3's first milestone (April 2008, line 28) is due by the end of June.
    expect(rowIds(await rows('overdue-milestones', { asOf: '2008-07-01' }))).toEqual(['lcja-2008:milestone:2.1.3-1']);
  });

  it('outcomes nobody serves: every national outcome and aim, and the NSMO outcomes but O1, O2, O3, O8, O9, C6 and S5; printed-only: all 43', async () => {
    const nos = Array.from({ length: 16 }, (_, i) => `no:${i + 1}`);
    const aims = [1, 2, 3, 4].map((n) => `aim:${n}`);
    const nsmo = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].map((c) => `nsmo:${c}`);
    const served = ['nsmo:O1', 'nsmo:O2', 'nsmo:O3', 'nsmo:O8', 'nsmo:O9', 'nsmo:C6', 'nsmo:S5'];
    expect(rowIds(await rows('unserved-outcomes'))).toEqual([...nos, ...aims, ...nsmo.filter((c) => !served.includes(c))].sort());
    expect(rowIds(await rows('unserved-outcomes', { basis: 'printed' }))).toEqual([...nos, ...aims, ...nsmo].sort());
  });

  it('outcomes several organisations work on: none, every outcome box has actions of one lead only', async () => {
    expect(await rows('shared-outcomes')).toEqual([]);
    expect(await rows('shared-outcomes', { basis: 'printed' })).toEqual([]);
  });

  it('single points of failure: the LCJA, the ADAT (2.5.1) and the MAPPA steering group (2.5.7), each with its boxes and their NSMO outcomes', async () => {
    const lo = (s: string) => `lcja-2008:local-outcome:${s}`;
    const summary = (rs: Record<string, unknown>[]) => rs.map((r) => [r.id, r.count, [...(r.outcomeIds as string[])].sort(), r.actions]);
    const lcjaBoxes = [lo('attitude-or-behaviour'), lo('care-of-victims'), lo('community-safety-through-cooperation'), lo('deal-with-offenders-promptly'), lo('effectiveness-of-services')];
    const lcjaActions = ['2.4.1', '2.5.9', '2.5.11', '2.5.12', '2.5.13', '3.4', '6.1', '6.2'];
    expect(summary(await rows('single-points-of-failure'))).toEqual([
      ['org:lanarkshire-cja', 7, [...lcjaBoxes, 'nsmo:C6', 'nsmo:O9'].sort(), lcjaActions],
      ['org:alcohol-and-drug-action-team', 4, [lo('physical-and-mental-well-being'), lo('substance-misuse'), 'nsmo:O1', 'nsmo:O3'].sort(), ['2.5.1']],
      ['org:mappa-steering-group', 4, [lo('accommodation'), lo('live-independently'), 'nsmo:O2', 'nsmo:O8'].sort(), ['2.5.7']],
    ]);
    expect(summary(await rows('single-points-of-failure', { basis: 'printed' }))).toEqual([
      ['org:lanarkshire-cja', 5, lcjaBoxes.sort(), lcjaActions],
      ['org:alcohol-and-drug-action-team', 2, [lo('physical-and-mental-well-being'), lo('substance-misuse')].sort(), ['2.5.1']],
      ['org:mappa-steering-group', 2, [lo('accommodation'), lo('live-independently')].sort(), ['2.5.7']],
    ]);
  });

  it('coverage matrix: empty, the plan cites no National Outcome (only NSMO outcomes, by wording)', async () => {
    expect(text.filter((l) => /National Outcome/i.test(l))).toEqual([]);
    expect(await rows('coverage-matrix')).toEqual([]);
  });

  it('organisation load: the LCJA leads eight, the ADAT and the MAPPA steering group one each; seven bodies partner once', async () => {
    const expected = [
      { id: 'org:lanarkshire-cja', name: 'Lanarkshire Community Justice Authority', leads: 8, partners: 0 },
      { id: 'org:alcohol-and-drug-action-team', name: 'Alcohol and Drug Action Team', leads: 1, partners: 0 },
      { id: 'org:mappa-steering-group', name: 'MAPPA steering group', leads: 1, partners: 0 },
      { id: 'org:effective-practice-unit', name: 'Effective Practice Unit', leads: 0, partners: 1 },
      { id: 'org:hmp-addiewell', name: 'HMP Addiewell', leads: 0, partners: 1 },
      { id: 'org:joint-accreditation-panel', name: 'Joint Accreditation Panel', leads: 0, partners: 1 },
      { id: 'org:risk-management-authority', name: 'Risk Management Authority', leads: 0, partners: 1 },
      { id: 'org:scottish-centre-for-criminal-justice', name: 'Scottish Centre for Criminal Justice', leads: 0, partners: 1 },
      { id: 'org:scottish-prison-service', name: 'Scottish Prison Service', leads: 0, partners: 1 },
      { id: 'org:south-lanarkshire-council', name: 'South Lanarkshire Council', leads: 0, partners: 1 },
    ];
    expect(await rows('organisation-load')).toEqual(expected);
    expect(await rows('organisation-load', { basis: 'printed' })).toEqual(expected);
  });
});
