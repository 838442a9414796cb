import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { readSeedFile } from '../../server/seed/readSeedFile.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

const SEED_NAME = 'lothian-borders-cja-area-plan-2011-14.yaml';
const SOURCE_NAME = 'lothian-borders-cja-area-plan-2011-14.txt';

const parsed = readSeedFile(join(SEED_DIR, SEED_NAME));
const { nodes, relationships } = parsed.seed;

const nodeById = (id: string) => {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};
const relsFrom = (id: string, type: string) => relationships.filter((r) => r.from === id && r.type === type);
const relsTo = (id: string, type: string) => relationships.filter((r) => r.to === id && r.type === type);
const servedBy = (id: string, prefix: string) =>
  relsFrom(id, 'SERVES')
    .map((r) => r.to)
    .filter((to) => to.startsWith(prefix))
    .sort();
const propsOf = (id: string) => nodeById(id).props as Record<string, unknown>;

/**
 * Reads appendix 5 of the raw source independently of the seed: every table row under
 * an "Output / Actions / Year ..." table whose Actions cell is filled is one action;
 * the output number is carried down from the first cell of the row that prints it.
 */
function appendix5RowsFromSource(): { outputRef: string; text: string }[] {
  const lines = readFileSync(join(SOURCES_DIR, SOURCE_NAME), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => /^APPENDIX 5\b/.test(l));
  expect(start).toBeGreaterThan(0);
  const rows: { outputRef: string; text: string }[] = [];
  let outputRef = '';
  for (const line of lines.slice(start)) {
    const cells = line.split('\t');
    if (cells.length < 3 || cells[0] === 'Output') continue;
    const printedOutput = /^(\d+\.\d+\.\d+)\s/.exec(cells[0] ?? '');
    if (printedOutput) outputRef = printedOutput[1]!;
    const actionCell = (cells[1] ?? '').replace(/<[^>]+>/g, '').replace(/•/g, '').trim();
    if (!actionCell) continue;
    rows.push({ outputRef, text: actionCell });
  }
  return rows;
}

describe('the Lothian & Borders 2011-14 seed file', () => {
  it('validates against the domain model', () => {
    expect(parsed.seed.document).toBe(SOURCE_NAME);
    expect(nodes.length).toBeGreaterThan(0);
  });

  it('has every quote at its stated lines and every relationship endpoint declared', () => {
    const { problems } = checkSeedSet(seedFilePaths());
    expect(problems.filter((p) => p.file === SEED_NAME)).toEqual([]);
  });
});

describe('completeness against the raw appendix 5 text', () => {
  const rows = appendix5RowsFromSource();
  const actions = nodes.filter((n) => n.kind === 'Action');

  it('has one Action node per appendix 5 action row (92 rows)', () => {
    expect(rows).toHaveLength(92);
    expect(actions).toHaveLength(rows.length);
  });

  it('has as many actions under each output number as the source prints', () => {
    const count = (refs: string[]) => refs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});
    const fromSource = count(rows.map((r) => r.outputRef));
    const fromSeed = count(actions.map((a) => (a.props as { ref: string }).ref));
    expect(fromSeed).toEqual(fromSource);
  });

  it('holds each row text as the title of an action of the same output', () => {
    const titles = new Set(actions.map((a) => `${(a.props as { ref: string }).ref}|${(a.props as { title: string }).title}`));
    for (const row of rows) expect(titles.has(`${row.outputRef}|${row.text.replace(/\s+/g, ' ')}`)).toBe(true);
  });

  it('has the five key priorities and thirteen local outcomes of appendix 5', () => {
    const keyPriorities = nodes.filter((n) => n.kind === 'Priority' && (n.props as { priorityType: string }).priorityType === 'key priority');
    expect(keyPriorities.map((n) => (n.props as { ref: string }).ref).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(nodes.filter((n) => n.kind === 'LocalOutcome')).toHaveLength(13);
  });
});

describe('the plan and its partners', () => {
  it('the plan is published by the Lothian & Borders CJA and holds the section 1.3 vision', () => {
    expect(relsTo('plan:lbcja-2011', 'PUBLISHES').map((r) => r.from)).toEqual(['org:lothian-and-borders-cja']);
    expect(propsOf('plan:lbcja-2011').vision).toBe('CJAs will work through partnership to reduce re-offending and make Scotland a safer country.');
  });

  it('the five constituent councils are members of the CJA as constituent local authorities', () => {
    const members = relsTo('org:lothian-and-borders-cja', 'MEMBER_OF');
    expect(members.map((r) => r.from).sort()).toEqual([
      'org:city-of-edinburgh-council',
      'org:east-lothian-council',
      'org:midlothian-council',
      'org:scottish-borders-council',
      'org:west-lothian-council',
    ]);
    for (const m of members) expect(m.props.role).toBe('constituent local authority');
  });

  it('the Area Procurator Fiscal is the COPFS node, a statutory partner in the plan', () => {
    const copfs = relsFrom('org:copfs', 'PARTNERS_IN').find((r) => r.to === 'plan:lbcja-2011');
    expect(copfs?.props.role).toBe('statutory partner (Area Procurator Fiscal)');
    expect(propsOf('org:copfs').aliases).toEqual(expect.arrayContaining(['COPFS', 'Area Procurator Fiscal']));
  });

  it('glossary acronyms SPS, ADSW, CISSO and SCCJR are aliases of their organisations', () => {
    expect(propsOf('org:scottish-prison-service').aliases).toContain('SPS');
    expect(propsOf('org:adsw').aliases).toContain('ADSW');
    expect(propsOf('org:community-intervention-service-for-sex-offenders').aliases).toContain('CISSO');
    expect(propsOf('org:scottish-centre-for-crime-and-justice-research').aliases).toContain('SCCJR');
  });

  it('"Representation from Health Boards" is kept as a vague partner in the findings, not linked', () => {
    expect(parsed.seed.findings.some((f) => f.includes('Representation from Health Boards'))).toBe(true);
    expect(relsTo('plan:lbcja-2011', 'PARTNERS_IN').map((r) => r.from)).not.toContain('org:nhs-lothian');
  });
});

describe('appendix 5 links to aims and national outcomes', () => {
  it('1.1.1-d (outreach programme, years 1-3) serves aim 3 and National Outcomes 7, 9 and 11', () => {
    expect(propsOf('lbcja-2011:action:1.1.1-d').yearBand).toBe('1-3');
    expect(servedBy('lbcja-2011:action:1.1.1-d', 'aim:')).toEqual(['aim:3']);
    expect(servedBy('lbcja-2011:action:1.1.1-d', 'no:')).toEqual(['no:11', 'no:7', 'no:9']);
  });

  it('5.1.1-a serves both aims run together in its cell: joint working (1) and information sharing (2)', () => {
    expect(servedBy('lbcja-2011:action:5.1.1-a', 'aim:')).toEqual(['aim:1', 'aim:2']);
  });

  it('1.2.2-a links the two outcomes printed without a separator (NO15 and NO6); 1.2.2-b, with an empty cell, links none', () => {
    expect(servedBy('lbcja-2011:action:1.2.2-a', 'no:')).toEqual(['no:15', 'no:6']);
    expect(servedBy('lbcja-2011:action:1.2.2-b', 'no:')).toEqual([]);
    expect(servedBy('lbcja-2011:action:1.2.2-b', 'aim:')).toEqual([]);
  });

  it('National Outcome 10 (well-designed, sustainable places) is served only by 2.1.1-e and 4.2.1-c', () => {
    expect(relsTo('no:10', 'SERVES').map((r) => r.from).sort()).toEqual(['lbcja-2011:action:2.1.1-e', 'lbcja-2011:action:4.2.1-c']);
  });

  it('a "-" in the Year column gives no year band (3.1.2-c "Use of community centres and colleges")', () => {
    expect(propsOf('lbcja-2011:action:3.1.2-c').title).toBe('Use of community centres and colleges');
    expect(propsOf('lbcja-2011:action:3.1.2-c').yearBand).toBeUndefined();
  });

  it('the unbulleted row 4.1.2-a stands under output 4.1.2, outcome 4.1 and Key Priority 4 Resource Transfer', () => {
    expect(propsOf('lbcja-2011:action:4.1.2-a').ref).toBe('4.1.2');
    expect(servedBy('lbcja-2011:action:4.1.2-a', 'lbcja-2011:local-outcome:')).toEqual(['lbcja-2011:local-outcome:4.1']);
    expect(servedBy('lbcja-2011:local-outcome:4.1', 'lbcja-2011:priority:')).toEqual(['lbcja-2011:priority:key-priority-4']);
    expect(propsOf('lbcja-2011:priority:key-priority-4').title).toBe('Resource Transfer');
  });

  it('"CJA to lead on communication" makes the CJA lead of 5.3.2-a', () => {
    expect(relsTo('lbcja-2011:action:5.3.2-a', 'LEADS').map((r) => [r.from, r.props.role])).toEqual([
      ['org:lothian-and-borders-cja', 'CJA to lead on communication'],
    ]);
  });
});

describe('appendices 1 and 2, resources and partner priorities', () => {
  it('the planning event of 26 August 2009 has 25 organisations attending', () => {
    expect(propsOf('lbcja-2011:event:planning-event-2009-08-26').date).toBe('2009-08-26');
    const attendees = relsTo('lbcja-2011:event:planning-event-2009-08-26', 'PARTNERS_IN').filter((r) => String(r.props.role).startsWith('attendee'));
    expect(attendees).toHaveLength(25);
  });

  it('twelve organisations responded to the draft plan consultation, among them Polmont YOI', () => {
    const responded = relsTo('lbcja-2011:event:draft-plan-consultation-responses', 'PARTNERS_IN');
    expect(responded).toHaveLength(12);
    expect(responded.map((r) => r.from)).toContain('org:hm-yoi-polmont');
  });

  it('Section 27 funding is circa £14 million, granted by the Scottish Government for the five councils', () => {
    expect(propsOf('lbcja-2011:funding:section-27').amountGbp).toBe(14_000_000);
    expect(relsTo('lbcja-2011:funding:section-27', 'GRANTS').map((r) => r.from)).toEqual(['org:scottish-government']);
    expect(relsFrom('lbcja-2011:funding:section-27', 'FUNDS')).toHaveLength(5);
  });

  it('section 4.2 holds five partner priorities and section 5 six strategic challenges; 4.2.5 Payback has ten bullets', () => {
    const ofType = (t: string) => nodes.filter((n) => n.kind === 'Priority' && (n.props as { priorityType: string }).priorityType === t);
    expect(ofType('partner priority')).toHaveLength(5);
    expect(ofType('strategic challenge')).toHaveLength(6);
    expect(propsOf('lbcja-2011:priority:4.2.5').details).toHaveLength(10);
  });
});
