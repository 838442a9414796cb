import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { readSeedFile } from '../../server/seed/readSeedFile.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

const SEED_NAME = 'lanarkshire-cja-chief-officer-update-2007.yaml';
const SOURCE_NAME = 'lanarkshire-cja-chief-officer-update-2007.txt';
const seedPath = join(SEED_DIR, SEED_NAME);

const { seed } = readSeedFile(seedPath);

type Props = Record<string, unknown>;
function node(id: string): { kind: string; props: Props } {
  const found = seed.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets the inferred type that the code after it relies on (tsc fails without it)
  return { kind: found.kind, props: found.props as Props };
}
function rels(type: string, from?: string, to?: string) {
  return seed.relationships.filter((r) => r.type === type && (!from || r.from === from) && (!to || r.to === to));
}

describe("the Lanarkshire CJA Chief Officer's Update 2007 seed file", () => {
  it('validates against the domain model', () => {
    expect(() => readSeedFile(seedPath)).not.toThrow();
    expect(seed.document).toBe(SOURCE_NAME);
  });

  it('has every quote at its lines and every relationship endpoint present', () => {
    const { problems } = checkSeedSet(seedFilePaths());
    const mine = problems.filter((p) => p.file === SEED_NAME);
    expect(mine.map((p) => `${p.line}: ${p.field}: ${p.reason}`)).toEqual([]);
  });
});

describe('completeness against the items of the report', () => {
  /**
   * Counted from the raw text. The report's sections open with a line holding only a number,
   * the heading on the next line. Events: each bullet naming a Conference, each section heading
   * naming a Seminar or a Review, and each quoted name of a 'Morning' event. Funding: each £ amount.
   */
  function sourceItems(): { events: string[]; funding: string[] } {
    const lines = readFileSync(join(SOURCES_DIR, SOURCE_NAME), 'utf8').split(/\r?\n/).map((l) => l.trim());
    const events: string[] = [];
    const funding: string[] = [];
    lines.forEach((line, i) => {
      if (/^·\s.*\bConference\.?$/.test(line)) events.push(line.replace(/^·\s+/, ''));
      if (/^\d+$/.test(lines[i - 1] ?? '') && /\b(Seminar|Review)\b/.test(line)) events.push(line);
      for (const m of line.matchAll(/'([^']*Morning)'/g)) events.push(m[1]!);
      for (const m of line.matchAll(/£[\d,]+/g)) funding.push(m[0]);
    });
    return { events, funding };
  }

  it('has one Event node per event the report names', () => {
    const { events } = sourceItems();
    expect(events).toHaveLength(6);
    expect(seed.nodes.filter((n) => n.kind === 'Event')).toHaveLength(events.length);
  });

  it('has one Funding node per grant the report announces', () => {
    const { funding } = sourceItems();
    expect(funding).toEqual(['£164,000']);
    expect(seed.nodes.filter((n) => n.kind === 'Funding')).toHaveLength(funding.length);
  });

  it('the plan contains every event and the funding', () => {
    const items = seed.nodes.filter((n) => n.kind === 'Event' || n.kind === 'Funding');
    for (const item of items) expect(rels('CONTAINS', 'plan:lcja-2007', item.id)).toHaveLength(1);
  });
});

describe('facts checked by hand against the document', () => {
  const grant = 'lcja-2007:funding:community-sex-offender-groupwork-programme';

  it('the plan is a board report of 2007 published by Lanarkshire CJA', () => {
    expect(node('plan:lcja-2007').props).toMatchObject({ title: "Chief Officer's Update", planType: 'board report', period: '2007' });
    expect(rels('PUBLISHES', 'org:lanarkshire-cja', 'plan:lcja-2007')).toHaveLength(1);
  });

  it('the Scottish Government granted £164,000, announced on 4 September 2007', () => {
    expect(node(grant).props).toMatchObject({ amountGbp: 164000, announced: '2007-09-04' });
    expect(rels('GRANTS', 'org:scottish-government', grant)).toHaveLength(1);
  });

  it('the grant pays for 2 clerical/administrative staff and 4 full-time Social Workers, with 4 planned outputs', () => {
    const props = node(grant).props;
    expect(props.purpose).toContain('2 clerical/administrative staff and the equivalent of 4 full-time Social Workers');
    expect(props.details).toHaveLength(4);
    expect((props.details as string[])[0]).toBe('Delivery of 4 induction programmes per annum with up to 10 offenders per programme.');
  });

  it("the Partner's Seminar was on 17 August 2007 with 75 delegates", () => {
    expect(node('lcja-2007:event:partners-seminar').props).toMatchObject({ eventType: 'seminar', date: '2007-08-17', delegates: 75 });
  });

  it('the Joint Development Morning is on 19 September 2007 and "over 100" staff is not an exact delegate count', () => {
    const props = node('lcja-2007:event:joint-development-morning').props;
    expect(props).toMatchObject({ eventType: 'development session', date: '2007-09-19' });
    expect(props.delegates).toBeUndefined();
    expect(props.description).toContain('over 100');
  });

  it('the Improving Community Sentences Review has the 4 themes Reparation, Rehabilitation, Persistent Offenders, Quality and Enforcement', () => {
    expect(node('lcja-2007:event:improving-community-sentences-review').props).toMatchObject({
      eventType: 'review',
      themes: ['Reparation', 'Rehabilitation', 'Persistent Offenders', 'Quality and Enforcement'],
    });
  });

  it('Lanarkshire CJA will be represented at the three conferences, each led by the body that names it', () => {
    const conferences: [string, string][] = [
      ['lcja-2007:event:sps-partnership-conference', 'org:scottish-prison-service'],
      ['lcja-2007:event:adsw-criminal-justice-conference', 'org:adsw'],
      ['lcja-2007:event:saso-conference', 'org:scottish-association-for-the-study-of-offending'],
    ];
    for (const [event, organiser] of conferences) {
      expect(node(event).props.eventType).toBe('conference');
      expect(rels('PARTNERS_IN', 'org:lanarkshire-cja', event).map((r) => r.props.role)).toEqual(['represented']);
      expect(rels('LEADS', organiser, event)).toHaveLength(1);
    }
  });

  it('the Mentally Disordered Offenders Steering Group is a group with a 9-point proposed remit', () => {
    const props = node('org:mentally-disordered-offenders-steering-group').props;
    expect(props.orgType).toBe('partnership or group');
    expect(props.remit).toHaveLength(9);
    expect((props.remit as string[])[0]).toBe('Review models of care and best practice');
  });

  it('South Lanarkshire Community Health Partnership (Alan Lawrie, Director) asked to re-establish the group', () => {
    const props = node('org:south-lanarkshire-community-health-partnership').props;
    expect(props.description).toContain('Alan Lawrie');
    expect(props.description).toContain('20 August 2007');
  });

  it('MAPPA is printed in full as Multi Agency Public Protection Arrangements', () => {
    expect(node('org:mappa').props.aliases).toContain('Multi Agency Public Protection Arrangements');
  });
});
