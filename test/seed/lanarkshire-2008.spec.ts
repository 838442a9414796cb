import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { formatProblem, readSeedFile } from '../../server/seed/readSeedFile.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

const FILE = 'lanarkshire-cja-implementation-plan-2008-09-q2.yaml';
const SOURCE = 'lanarkshire-cja-implementation-plan-2008-09-q2.txt';
const parsed = readSeedFile(join(SEED_DIR, FILE));
const { nodes, relationships } = parsed.seed;

function byId(id: string) {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}
function props(id: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets the inferred type that the code after it relies on (tsc fails without it)
  return byId(id).props as Record<string, unknown>;
}
const rels = (type: string, filter: { from?: string; to?: string } = {}) =>
  relationships.filter((r) => r.type === type && (!filter.from || r.from === filter.from) && (!filter.to || r.to === filter.to));
const action = (ref: string) => `lcja-2008:action:${ref}`;

describe('Lanarkshire CJA implementation plan 2008-09 seed file is valid', () => {
  it('parses against the domain model and names its source document', () => {
    expect(parsed.seed.document).toBe(SOURCE);
  });

  it('every provenance quote stands at its lines and every relationship endpoint exists', () => {
    const { problems } = checkSeedSet(seedFilePaths());
    const mine = problems.filter((p) => p.file === FILE);
    expect(mine.map(formatProblem)).toEqual([]);
  });

  it('declares no id twice', () => {
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('completeness against the raw source text', () => {
  const lines = readFileSync(join(SOURCES_DIR, SOURCE), 'utf8').split(/\r?\n/);
  // An action row opens with a cell holding only its dotted reference number (e.g. "\t2.5.7", "\t3.4").
  const printedRefs = lines.map((l) => /^\s*(\d+(?:\.\d+)+)\s*$/.exec(l)?.[1]).filter((r): r is string => !!r);
  const actions = nodes.filter((n) => n.kind === 'Action');

  it('has one Action node per action row printed in the document', () => {
    expect(printedRefs.length).toBeGreaterThan(0);
    expect(actions).toHaveLength(printedRefs.length);
    expect(actions.map((a) => (a.props as { ref: string }).ref).sort()).toEqual([...printedRefs].sort());
  });

  it('has one LocalOutcome per bullet of the "Outcome" boxes', () => {
    let inOutcome = false;
    let bullets = 0;
    for (const l of lines) {
      if (/^\s*Outcome\s*$/.test(l)) inOutcome = true;
      else if (/^\s*Action Number\s*$/.test(l)) inOutcome = false;
      else if (inOutcome && /^\s*·/.test(l)) bullets++;
    }
    expect(nodes.filter((n) => n.kind === 'LocalOutcome')).toHaveLength(bullets);
  });

  it('every action is contained in the plan and has at least one milestone and one progress update', () => {
    for (const a of actions) {
      expect(rels('CONTAINS', { from: 'plan:lcja-2008', to: a.id }), a.id).toHaveLength(1);
      expect(rels('HAS_MILESTONE', { from: a.id }).length, a.id).toBeGreaterThan(0);
      expect(rels('HAS_PROGRESS', { from: a.id }).length, a.id).toBeGreaterThan(0);
    }
  });
});

describe('facts checked by hand against the document', () => {
  it('the plan is an action plan published by the Lanarkshire CJA', () => {
    expect(props('plan:lcja-2008').planType).toBe('action plan');
    expect(rels('PUBLISHES', { from: 'org:lanarkshire-cja', to: 'plan:lcja-2008' })).toHaveLength(1);
  });

  it('2.5.7 (NASSO) is led by the MAPPA steering group chair, due August 2008', () => {
    const leads = rels('LEADS', { to: action('2.5.7') });
    expect(leads).toHaveLength(1);
    expect(leads[0]!.from).toBe('org:mappa-steering-group');
    expect(leads[0]!.props.role).toBe('MAPPA steering group chair');
    expect(props(action('2.5.7')).dueDate).toBe('2008-08-31');
  });

  it('2.4.1 (diversion) is due July 2008 and led by the LCJA Chief Officer', () => {
    expect(props(action('2.4.1')).timescale).toBe('July 2008');
    expect(props(action('2.4.1')).dueDate).toBe('2008-07-31');
    const leads = rels('LEADS', { to: action('2.4.1') });
    expect(leads.map((r) => [r.from, r.props.role])).toEqual([['org:lanarkshire-cja', 'LCJA Chief Officer']]);
  });

  it('2.5.1 (substance misuse audit) was not required because ADAT already had the information', () => {
    expect(props(action('2.5.1')).status).toBe('not required');
    expect(rels('LEADS', { to: action('2.5.1') }).map((r) => r.from)).toEqual(['org:alcohol-and-drug-action-team']);
    expect(props('org:alcohol-and-drug-action-team').aliases).toContain('ADAT');
  });

  it('6.1 (monitoring compliance) is printed as complete', () => {
    expect(props(action('6.1')).status).toBe('complete');
    expect(props('lcja-2008:progress:6.1').statusAsPrinted).toBe('complete');
  });

  it('4.1 is led by "Responsible Authorities and Partners": flagged vague, with no LEADS link', () => {
    expect(props(action('4.1')).leadVague).toBe(true);
    expect(rels('LEADS', { to: action('4.1') })).toHaveLength(0);
  });

  it('2.1.3 has separate general, SLC and NLC progress notes; NLC completed one CSOGP induction (10 service users)', () => {
    const updates = rels('HAS_PROGRESS', { from: action('2.1.3') }).map((r) => r.to).sort();
    expect(updates).toEqual(['lcja-2008:progress:2.1.3', 'lcja-2008:progress:2.1.3-nlc', 'lcja-2008:progress:2.1.3-slc']);
    expect(props('lcja-2008:progress:2.1.3-slc').scope).toBe('SLC');
    expect(props('lcja-2008:progress:2.1.3-nlc').scope).toBe('NLC');
    expect(props('lcja-2008:progress:2.1.3-nlc').narrative).toMatch(/10 service users/);
    expect(props('lcja-2008:progress:2.1.3-slc').narrative).toMatch(/8 offenders/);
  });

  it('2.5.11 pairs its two milestones with July 2008 and November 2008', () => {
    expect(props('lcja-2008:milestone:2.5.11-1').dueDate).toBe('2008-07-31');
    expect(props('lcja-2008:milestone:2.5.11-2').dueDate).toBe('2008-11-30');
    expect(props('lcja-2008:milestone:2.5.11-2').text).toBe('Review list to update details every three months');
  });

  it('the accommodation outcome serves NSMO O2 on near-exact wording', () => {
    const serves = rels('SERVES', { from: 'lcja-2008:local-outcome:accommodation' });
    expect(serves.map((r) => [r.to, r.props.linkBasis])).toEqual([['nsmo:O2', 'near-exact wording']]);
    expect(rels('SERVES', { from: action('2.5.7'), to: 'lcja-2008:local-outcome:accommodation' })).toHaveLength(1);
  });

  it('the victims outcome serves NSMO C6 and is served by 2.5.11, 2.5.12 and 2.5.13', () => {
    expect(rels('SERVES', { from: 'lcja-2008:local-outcome:care-of-victims' }).map((r) => r.to)).toEqual(['nsmo:C6']);
    expect(rels('SERVES', { to: 'lcja-2008:local-outcome:care-of-victims' }).map((r) => r.from).sort()).toEqual(
      [action('2.5.11'), action('2.5.12'), action('2.5.13')].sort(),
    );
  });

  it('four outcome headings restate no NSMO outcome and are left unlinked', () => {
    const unlinked = nodes
      .filter((n) => n.kind === 'LocalOutcome')
      .filter((n) => rels('SERVES', { from: n.id }).length === 0)
      .map((n) => n.id)
      .sort();
    expect(unlinked).toEqual(
      [
        'lcja-2008:local-outcome:community-safety-through-cooperation',
        'lcja-2008:local-outcome:deal-with-offenders-promptly',
        'lcja-2008:local-outcome:effectiveness-of-services',
        'lcja-2008:local-outcome:minimise-harm',
      ].sort(),
    );
  });

  it('SPS is a partner in 3.4 (community facing prison), producing proposals in consultation with partners', () => {
    const partners = rels('PARTNERS_IN', { from: 'org:scottish-prison-service', to: action('3.4') });
    expect(partners).toHaveLength(1);
    expect(partners[0]!.props.role).toBe('to produce proposals in consultation with partners');
  });

  it('2.1.3 names RMA, Effective Practice Unit, Joint Accreditation Panel and Scottish Centre for Criminal Justice as bodies to communicate with', () => {
    expect(rels('PARTNERS_IN', { to: action('2.1.3') }).map((r) => r.from).sort()).toEqual(
      [
        'org:effective-practice-unit',
        'org:joint-accreditation-panel',
        'org:risk-management-authority',
        'org:scottish-centre-for-criminal-justice',
      ].sort(),
    );
    expect(props('org:risk-management-authority').aliases).toContain('RMA');
  });

  it('2.5.12 (bi-annual meeting with victim organisations) is timed "July 2008/first meeting" and scheduled for 19th December', () => {
    expect(props('lcja-2008:milestone:2.5.12-1').timescale).toBe('July 2008/first meeting');
    expect(props('lcja-2008:progress:2.5.12').narrative).toBe('Meeting scheduled for 19th December');
  });

  it('the LCJA is known as LCJA, South Lanarkshire Council as SLC and North Lanarkshire Council as NLC', () => {
    expect(props('org:lanarkshire-cja').aliases).toContain('LCJA');
    expect(props('org:south-lanarkshire-council').aliases).toContain('SLC');
    expect(props('org:north-lanarkshire-council').aliases).toContain('NLC');
  });

  it('every progress update is for the period 2008-09 Q2', () => {
    const updates = nodes.filter((n) => n.kind === 'ProgressUpdate');
    expect(updates).toHaveLength(14);
    for (const u of updates) expect((u.props as { period: string }).period).toBe('2008-09 Q2');
  });
});
