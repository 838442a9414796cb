import { describe, expect, it } from 'vitest';
import { gapRows, seededStore, sortedCells, sourceLines } from '../helpers/seededGaps.js';

/**
 * Issue 17: the COMPLETE row set of every gap analysis that takes a plan, for the
 * Lanarkshire 2010 Quarter 2 report (plan:lcja-2010), worked out by hand from its 26
 * lines, not from the code or the seed. The report has nine action rows under three
 * National Outcome headings (lines 6, 15, 20): 1 and 1-b (lines 9-10), 2, 2-b and 2-c
 * (11-13), 3 (18), 4, 4-b and 4-c (23-27). The facts each expectation rests on:
 *
 * - leads (column 7): line 9 "MAPPAs steering Group Chair", 10 "SPS", 11 "CJSW" (names no
 *   council: vague), 12 and 13 "ADP", 18, 23, 26 and 27 "LCJA";
 * - partners named in the key actions: 12 "key partners (LA's/ADP)", 13 "provided by
 *   NLC", 18 "NLC/LCJA attended", "Victim Support Scotland & LA's", "LA's and SPS",
 *   26 "North and South Lanarkshire Council's";
 * - dates: 12 "October 2010", 27 "April 2011"; 11 "Monies provided January 2010" is a past
 *   event (no due date); line 9 pairs "27 October 2010" and "3 December 2010" with its
 *   second and third key actions by position (inferred); line 18's dates stand beside
 *   items reported done (no due dates);
 * - progress (column 8): 9 "Minutes forwarded to Chief Officer for information." (no
 *   status word: unknown), 12 "On target", 27 "Ontrack".
 */

const PLAN = 'plan:lcja-2010';
const text = sourceLines('lanarkshire-cja-q2-progress-2010.txt');
const cells = (n: number) => text[n - 1]!.split('\t').map((c) => c.trim());

const { store } = seededStore();
const rows = gapRows(store, PLAN);

describe('the document lines the expectations rest on', () => {
  it('say what the header comment says', () => {
    expect(cells(9)[6]).toBe('MAPPAs steering Group Chair');
    expect(cells(11).slice(5, 8)).toEqual(['Monies provided January 2010', 'CJSW', 'On target']);
    expect(cells(12).slice(5, 8)).toEqual(['October 2010', 'ADP', 'On target']);
    expect(cells(27).slice(5, 8)).toEqual(['April 2011', 'LCJA', 'Ontrack']);
    expect(cells(9)[5]).toBe('Immediate & ongoing 27 October 2010 3 December 2010');
    expect(text[5]).toMatch(/^National Outcome 9:/);
    expect(text[14]).toMatch(/^National Outcome 11:/);
    expect(text[19]).toMatch(/^National Outcome 15:/);
  });
});

describe('every gap analysis on plan:lcja-2010, its whole row set', () => {
  it('actions without a national link: none, since every row stands under a National Outcome heading', async () => {
    expect(await rows('actions-without-national-link')).toEqual([]);
    expect(await rows('actions-without-national-link', { basis: 'printed' })).toEqual([]);
  });

  it('actions without a lead: only action 2, whose lead "CJSW" (line 11) names no council', async () => {
    const expected = [
      {
        id: 'lcja-2010:action:2',
        plan: PLAN,
        ref: '2',
        title: 'CJA have taken practical steps such as the commitments made through monies made available for women offenders deal more effectively with this area.',
        lead: 'CJSW',
        timescale: 'Monies provided January 2010',
        dueDate: null,
        status: 'on target',
      },
    ];
    expect(await rows('actions-without-lead')).toEqual(expected);
    // Every lead link of the report is printed in its row: the printed-only run is the same.
    expect(await rows('actions-without-lead', { basis: 'printed' })).toEqual(expected);
  });

  it('actions without a timescale: none, every row prints one', async () => {
    expect(await rows('actions-without-timescale')).toEqual([]);
  });

  const action2b = {
    id: 'lcja-2010:action:2-b',
    plan: PLAN,
    ref: '2',
    title: "Terms of reference have been agreed with key partners (LA's/ADP) which will shape services in relation to addiction issues for offenders.",
    lead: 'ADP',
    timescale: 'October 2010',
    dueDate: '2010-10-31',
    status: 'on target',
  };
  const action4c = {
    id: 'lcja-2010:action:4-c',
    plan: PLAN,
    ref: '4',
    title:
      'A local performance framework is currently being developed in partnership with statutory partners. This will replace the current form of quarterly performance report submitted to the LCJA Board.',
    lead: 'LCJA',
    timescale: 'April 2011',
    dueDate: '2011-04-30',
    status: 'on target',
  };

  it('overdue actions at the end of 2010: 2-b alone ("October 2010", line 12); 2 is not (January 2010 was no deadline)', async () => {
    expect(await rows('overdue-actions', { asOf: '2010-12-31' })).toEqual([action2b]);
  });

  it('overdue actions in June 2011: 2-b and 4-c ("April 2011", line 27); their dates are printed, so printed-only agrees', async () => {
    expect(await rows('overdue-actions', { asOf: '2011-06-30' })).toEqual([action2b, action4c]);
    expect(await rows('overdue-actions', { asOf: '2011-06-30', basis: 'printed' })).toEqual([action2b, action4c]);
    expect(await rows('overdue-actions', { asOf: '2010-10-31' })).toEqual([]);
  });

  const milestone = (n: 2 | 3, text: string, timescale: string, dueDate: string) => ({
    id: `lcja-2010:milestone:1-${n}`,
    plan: PLAN,
    action: '1',
    milestone: text,
    timescale,
    dueDate,
    status: 'unknown',
  });

  it('overdue milestones at the end of 2010: action 1’s two dated items (line 9); none of action 3’s done items (line 18)', async () => {
    expect(await rows('overdue-milestones', { asOf: '2010-12-31' })).toEqual([
      milestone(2, 'Chief Officer invited to be a member of MAPPAs Strategic Oversight Meeting', '27 October 2010', '2010-10-27'),
      milestone(3, 'MAPPAs Annual report for 2009/10 presented to LCJA Board', '3 December 2010', '2010-12-03'),
    ]);
    expect(await rows('overdue-milestones', { asOf: '2010-11-30' })).toEqual([
      milestone(2, 'Chief Officer invited to be a member of MAPPAs Strategic Oversight Meeting', '27 October 2010', '2010-10-27'),
    ]);
    // Those dates are paired with the items by position, not printed beside them: printed-only has none.
    expect(await rows('overdue-milestones', { asOf: '2010-12-31', basis: 'printed' })).toEqual([]);
  });

  it('outcomes nobody serves: every national outcome but 9, 11 and 15, every aim, every framework outcome (the report cites no other)', async () => {
    const expected = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 13, 14, 16].map((n) => `no:${n}`),
      ...[1, 2, 3, 4].map((n) => `aim:${n}`),
      ...['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].map((c) => `nsmo:${c}`),
    ];
    const got = await rows('unserved-outcomes');
    expect(got.map((r) => r.id).sort()).toEqual(expected.sort());
    expect(got.find((r) => r.id === 'no:16')).toMatchObject({ kind: 'National Outcome', ref: 'NO16' });
  });

  it('outcomes several organisations work on: NO9 (MAPPA steering group, SPS, ADP) and local outcome 1 (MAPPA steering group, SPS)', async () => {
    expect(sortedCells(await rows('shared-outcomes'))).toEqual([
      {
        id: 'no:9',
        kind: 'National Outcome',
        ref: 'NO9',
        // The wording as the Scotland Performs framework prints it (seed/frameworks.yaml), full stop included.
        title: 'We live our lives safe from crime, disorder and danger.',
        organisations: ['Lanarkshire Alcohol and Drug Partnership', 'MAPPA steering group', 'Scottish Prison Service'],
        actions: ['1', '1', '2', '2'],
      },
      {
        id: 'lcja-2010:local-outcome:1',
        kind: 'Local outcome',
        ref: null,
        title: 'Minimise the harm caused to individuals & communities',
        organisations: ['MAPPA steering group', 'Scottish Prison Service'],
        actions: ['1', '1'],
      },
    ]);
  });

  it('single points of failure: the LCJA alone serves NO11, NO15 and local outcomes 3, 4, 4-b, 4-c; the ADP alone local outcome 2', async () => {
    const got = await rows('single-points-of-failure');
    expect(got.map((r) => [r.id, r.count, [...(r.outcomeIds as string[])].sort()])).toEqual([
      ['org:lanarkshire-cja', 6, ['lcja-2010:local-outcome:3', 'lcja-2010:local-outcome:4', 'lcja-2010:local-outcome:4-b', 'lcja-2010:local-outcome:4-c', 'no:11', 'no:15']],
      ['org:lanarkshire-alcohol-and-drug-partnership', 1, ['lcja-2010:local-outcome:2']],
    ]);
    expect(got[0]!.actions).toEqual(['3', '4', '4', '4']);
    expect(got[1]!.actions).toEqual(['2', '2']);
  });

  it('coverage matrix: NO9 by the ADP (2-b, 2-c), the MAPPA steering group (1) and SPS (1-b); NO11 and NO15 by the LCJA; action 2 credits nobody', async () => {
    const got = (await rows('coverage-matrix')).map((r) => [r.id, r.organisationId, r.count, [...(r.actions as string[])].sort()]);
    const byOutcomeThenOrg = (a: unknown[], b: unknown[]) => `${String(a[0])} ${String(a[1])}`.localeCompare(`${String(b[0])} ${String(b[1])}`);
    expect(got.sort(byOutcomeThenOrg)).toEqual([
      ['no:11', 'org:lanarkshire-cja', 1, ['lcja-2010:action:3']],
      ['no:15', 'org:lanarkshire-cja', 3, ['lcja-2010:action:4', 'lcja-2010:action:4-b', 'lcja-2010:action:4-c']],
      ['no:9', 'org:lanarkshire-alcohol-and-drug-partnership', 2, ['lcja-2010:action:2-b', 'lcja-2010:action:2-c']],
      ['no:9', 'org:mappa-steering-group', 1, ['lcja-2010:action:1']],
      ['no:9', 'org:scottish-prison-service', 1, ['lcja-2010:action:1-b']],
    ]);
  });

  it('organisation load: the leads and partners of the report’s own rows, and no organisation of another plan', async () => {
    expect(await rows('organisation-load')).toEqual([
      { id: 'org:lanarkshire-cja', name: 'Lanarkshire Community Justice Authority', leads: 4, partners: 0 },
      { id: 'org:lanarkshire-alcohol-and-drug-partnership', name: 'Lanarkshire Alcohol and Drug Partnership', leads: 2, partners: 1 },
      { id: 'org:scottish-prison-service', name: 'Scottish Prison Service', leads: 1, partners: 1 },
      { id: 'org:mappa-steering-group', name: 'MAPPA steering group', leads: 1, partners: 0 },
      { id: 'org:north-lanarkshire-council', name: 'North Lanarkshire Council', leads: 0, partners: 3 },
      { id: 'org:south-lanarkshire-council', name: 'South Lanarkshire Council', leads: 0, partners: 1 },
      { id: 'org:victim-support-scotland', name: 'Victim Support Scotland', leads: 0, partners: 1 },
    ]);
  });
});
