import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../server/gaps/analyses.js';
import { gapRows, rowIds, seededStore, sourceLines } from '../helpers/seededGaps.js';

/**
 * Issue 17: the complete row set of every gap analysis that takes a plan, for the
 * Lanarkshire CJA Chief Officer's update of 2007 (plan:lcja-2007), worked out from its
 * 132 lines. It is a board report, not an action plan: a grant (section 3, line 30), three
 * conferences and a development morning (4.1-4.2, lines 44-53), a steering group's proposed
 * remit (5, lines 59-81), a partners' seminar (6, line 83) and a national review (7, lines
 * 91-104). It prints no action, no lead column, no timescale column, no progress, and no
 * national outcome, aim or framework outcome. The curation keeps those items as Funding
 * and Event nodes (seed/lanarkshire-cja-chief-officer-update-2007.yaml), so every analysis
 * over actions is empty, and every outcome is one nobody in this plan serves.
 */

const PLAN = 'plan:lcja-2007';
const text = sourceLines('lanarkshire-cja-chief-officer-update-2007.txt');

const { store } = seededStore();
const rows = gapRows(store, PLAN);

const NATIONAL_OUTCOMES = Array.from({ length: 16 }, (_, i) => `no:${i + 1}`);
const AIMS = [1, 2, 3, 4].map((n) => `aim:${n}`);
const NSMO = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].map((c) => `nsmo:${c}`);

describe('the document', () => {
  it('is a report of eleven numbered sections with no action table, outcome or framework reference', () => {
    const sections = text
      .map((l, i) => [l.trim(), text[i + 1]?.trim()])
      .filter(([l]) => /^\d{1,2}$/.test(l!))
      .map(([n, heading]) => `${n} ${heading}`);
    expect(sections).toEqual([
      '1 Purpose of Report',
      '2 Recommendation(s)',
      '3 Community Sex Offender Groupwork Programme',
      '4 Conferences',
      '5 Mentally Disordered Offenders Group',
      "6 Partner's Seminar – 17 August 2007",
      '7 Improving Community Sentences Review',
      '8 Employee Implications',
      '9 Financial Implications',
      '10 Other Implications',
      '11 Consultation',
    ]);
    expect(text.filter((l) => /National Outcome|Action Number|Lead responsibility|Timescale|\b[COS][1-9] -/i.test(l))).toEqual([]);
  });
});

describe('every gap analysis on plan:lcja-2007, its whole row set', () => {
  const overActions = [
    'actions-without-national-link',
    'actions-without-lead',
    'actions-without-timescale',
    'shared-outcomes',
    'single-points-of-failure',
    'organisation-load',
    'coverage-matrix',
    'near-duplicate-actions',
  ];

  it.each(overActions)('%s: none, the report has no action (on every basis)', async (id) => {
    expect(await rows(id)).toEqual([]);
    if (ANALYSES.find((a) => a.id === id)!.parameters.some((p) => p.name === 'basis')) expect(await rows(id, { basis: 'printed' })).toEqual([]);
  });

  it.each(['overdue-actions', 'overdue-milestones'])('%s: none, whatever the date (the report prints no due date of any action)', async (id) => {
    expect(await rows(id, { asOf: '2007-12-31' })).toEqual([]);
    expect(await rows(id, { asOf: '2030-01-01' })).toEqual([]);
  });

  it('outcomes nobody serves: all 43, every national outcome, aim and NSMO outcome', async () => {
    const expected = [...NATIONAL_OUTCOMES, ...AIMS, ...NSMO].sort();
    expect(rowIds(await rows('unserved-outcomes'))).toEqual(expected);
    expect(rowIds(await rows('unserved-outcomes', { basis: 'printed' }))).toEqual(expected);
  });

  it('covers every analysis that takes a plan', () => {
    const takingPlan = ANALYSES.filter((a) => a.parameters.some((p) => p.name === 'plan')).map((a) => a.id);
    expect([...overActions, 'overdue-actions', 'overdue-milestones', 'unserved-outcomes'].sort()).toEqual(takingPlan.sort());
  });
});
