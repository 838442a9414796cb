import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASES, basisClass, relationshipId, type Basis } from '../../model/index.js';
import { BASIS_TABLE_END, BASIS_TABLE_START, basisRows, basisTableMarkdown } from '../../server/seed/basisTable.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

/**
 * Review 10: every misreading it found, corrected, each checked against the line of the
 * document it rests on (the test reads the line itself, so a wrong line number fails);
 * and the basis of every link, status and due date, one of the fixed vocabulary.
 */

const { files } = checkSeedSet(seedFilePaths());
const nodes = new Map(files.flatMap((f) => f.seed.nodes.map((n) => [n.id, n] as const)));
const rels = new Map(files.flatMap((f) => f.seed.relationships.map((r) => [relationshipId(r.from, r.type, r.to), r] as const)));
const props = (id: string) => nodes.get(id)!.props as Record<string, unknown>;
const rel = (from: string, type: string, to: string) => rels.get(relationshipId(from, type, to));

const SOURCES = {
  l2008: 'lanarkshire-cja-implementation-plan-2008-09-q2.txt',
  l2010: 'lanarkshire-cja-q2-progress-2010.txt',
  l2007: 'lanarkshire-cja-chief-officer-update-2007.txt',
  lb: 'lothian-borders-cja-area-plan-2011-14.txt',
  g: 'glasgow-cjsw-strategic-plan-2013-15.txt',
} as const;
const text = Object.fromEntries(Object.entries(SOURCES).map(([k, f]) => [k, readFileSync(join(SOURCES_DIR, f), 'utf8').split(/\r?\n/)])) as Record<keyof typeof SOURCES, string[]>;
/** The document's line, with runs of white space folded. */
const line = (doc: keyof typeof SOURCES, n: number) => (text[doc][n - 1] ?? '').replace(/\s+/g, ' ').trim();

describe('corrections of review 10, each against its line', () => {
  it('2008-09 line 151: 2.5.9 "gives required assurance" is complete, read from the narrative', () => {
    expect(line('l2008', 151)).toBe('Discussions with social work heads of service and the training and development officer gives required assurance');
    expect(props('lcja-2008:progress:2.5.9')).toMatchObject({ status: 'complete', statusBasis: 'narrative' });
    expect(props('lcja-2008:action:2.5.9')).toMatchObject({ status: 'complete', statusBasis: 'narrative' });
  });

  it('2008-09 lines 185 and 191: 2.5.12 was due July 2008 and its meeting is only scheduled for December: delayed', () => {
    expect(line('l2008', 185)).toBe('July 2008/first meeting');
    expect(line('l2008', 191)).toBe('Meeting scheduled for 19th December');
    expect(props('lcja-2008:action:2.5.12')).toMatchObject({ status: 'delayed', statusBasis: 'narrative', dueDate: '2008-07-31' });
  });

  it('2008-09 lines 173 and 179: 2.5.11, due July 2008, "Will be included in agenda for victims forum meeting in December": delayed', () => {
    expect(line('l2008', 173)).toBe('July 2008');
    expect(line('l2008', 179)).toBe('Will be included in agenda for victims forum meeting in December');
    expect(props('lcja-2008:action:2.5.11')).toMatchObject({ status: 'delayed', statusBasis: 'narrative' });
  });

  it('2008-09: only 6.1 and 6.2 print a status word (lines 287 and 299); the other ten are read from the narrative', () => {
    const actions = [...nodes.values()].filter((n) => n.id.startsWith('lcja-2008:action:'));
    expect(actions).toHaveLength(12);
    const printed = actions.filter((a) => (a.props as Record<string, unknown>).statusBasis === 'printed in the same row').map((a) => a.id);
    expect(printed.sort()).toEqual(['lcja-2008:action:6.1', 'lcja-2008:action:6.2']);
    expect(props('lcja-2008:progress:6.1').statusAsPrinted).toBe('complete');
    expect(text.l2008.some((l) => l.trim() === 'complete')).toBe(true);
  });

  it('2008-09 lines 38-44: the NLC progress note of 2.1.3 runs to line 44, and reports on North Lanarkshire Council', () => {
    expect(line('l2008', 38)).toBe('NLC');
    expect(line('l2008', 44)).toMatch(/Meeting with SPS still to be confirmed\.$/);
    const p = nodes.get('lcja-2008:progress:2.1.3-nlc')!.provenance;
    expect(p.source === 'document' && p.lines).toEqual([38, 44]);
    expect(rel('lcja-2008:progress:2.1.3-nlc', 'REPORTS_ON', 'org:north-lanarkshire-council')?.props.linkBasis).toBe('printed in the same row');
    expect(rel('lcja-2008:progress:2.1.3-slc', 'REPORTS_ON', 'org:south-lanarkshire-council')).toBeDefined();
  });

  it('2008-09 lines 176-178: the two leads of 2.5.11 belong to its two milestones', () => {
    expect([line('l2008', 176), line('l2008', 178)]).toEqual(['LCJA Chief Officer', 'Responsible Authorities and Partners']);
    expect(rel('org:lanarkshire-cja', 'LEADS', 'lcja-2008:milestone:2.5.11-1')?.props).toMatchObject({ linkBasis: 'document structure', role: 'LCJA Chief Officer' });
    expect(props('lcja-2008:milestone:2.5.11-2')).toMatchObject({ leadAsPrinted: 'Responsible Authorities and Partners', leadVague: true });
  });

  it('2010 line 18: the four items reported done are complete milestones with no due date', () => {
    const row = line('l2010', 18);
    for (const [id, words] of [
      ['3-1', 'NLC/LCJA attended Herald Society Awards 2009.'],
      ['3-2', 'LCJA Annual Report 2009-10 now available and widely distributed.'],
      ['3-3', 'LCJA Area Plan 2011-14 approved by Scottish Government and distributed to partners.'],
      ['3-6', "'Communication' now a standing item on regular liaison meetings with LA's and SPS."],
    ] as const) {
      expect(row).toContain(words);
      expect(props(`lcja-2010:milestone:${id}`), id).toMatchObject({ text: words, status: 'complete', statusBasis: 'narrative' });
      expect(props(`lcja-2010:milestone:${id}`).dueDate, id).toBeUndefined();
    }
  });

  it('2010 line 11: "Monies provided January 2010" is a past event, not a deadline; the row is "On target"', () => {
    expect(line('l2010', 11)).toMatch(/Monies provided January 2010 CJSW On target$/);
    expect(props('lcja-2010:action:2').dueDate).toBeUndefined();
    expect(props('lcja-2010:action:2')).toMatchObject({ status: 'on target', statusBasis: 'printed in the same row' });
  });

  it('L&B line 908: 5.3.3-a makes local authorities the doers, so the CJA, named only in the output heading, is no lead', () => {
    expect(line('lb', 908)).toMatch(/^5\.3\.3 CJA to link in to community councils .* Local authorities to engage with community councils/);
    expect(rel('org:lothian-and-borders-cja', 'LEADS', 'lbcja-2011:action:5.3.3-a')).toBeUndefined();
    expect(rel('org:lothian-and-borders-cja', 'PARTNERS_IN', 'lbcja-2011:action:5.3.3-a')?.props.linkBasis).toBe('printed heading');
  });

  it('L&B lines 838-839: 2.3.2-a and 2.3.2-b agree with their output heading, so their lead from it stays', () => {
    expect(line('lb', 838)).toMatch(/^2\.3\.2 Community Justice Authority to share good practice • Develop a web based portal to share good practice/);
    expect(line('lb', 839)).toMatch(/^• Share good practice from current area plan/);
    for (const a of ['2.3.2-a', '2.3.2-b']) expect(rel('org:lothian-and-borders-cja', 'LEADS', `lbcja-2011:action:${a}`)?.props.linkBasis).toBe('printed heading');
  });

  it('L&B line 352: challenge 5.2 prints "Under National Outcome 9" and serves NO9 by number', () => {
    expect(line('lb', 352)).toContain('Under National Outcome 9, the aims of reducing re-offending');
    expect(rel('lbcja-2011:priority:5.2', 'SERVES', 'no:9')?.props).toMatchObject({ linkBasis: 'printed number', printedAs: 'National Outcome 9' });
  });

  it('L&B lines 101-103 and 147: the plan itself cites NO9, 11 and 15 and aims 1 to 4', () => {
    expect([101, 102, 103].map((n) => line('lb', n).slice(0, 21))).toEqual(['- National Outcome 9 ', '- National Outcome 11', '- National Outcome 15']);
    expect(line('lb', 147)).toContain('National Strategic Aims 1 to 4');
    for (const t of ['no:9', 'no:11', 'no:15', 'aim:1', 'aim:2', 'aim:3', 'aim:4']) expect(rel('plan:lbcja-2011', 'CITES', t)?.props.linkBasis, t).toBe('printed number');
  });

  it('"the Police" is read the same way in both documents (L&B line 797, Glasgow line 345): from context', () => {
    expect(line('lb', 797)).toContain('Work in partnership with the Police');
    expect(line('g', 345)).toContain('The Police, Prosecutor Fiscals, Social Workers, Glasgow Community Safety Services and Glasgow Community Justice Authority');
    expect(rel('org:lothian-and-borders-police', 'PARTNERS_IN', 'lbcja-2011:action:1.2.4-a')?.props.linkBasis).toBe('from context');
    expect(rel('org:strathclyde-police', 'PARTNERS_IN', 'gcjsw-2013:action:8.2-2013')?.props.linkBasis).toBe('from context');
  });

  it('Glasgow line 649: 8.2-2013 names no partner; the four copied from the 6.3 pilot are inferred', () => {
    expect(line('g', 649)).toBe('2 Implement the diversion scheme for women');
    for (const o of ['org:copfs', 'org:glasgow-community-safety-services', 'org:glasgow-cja']) {
      expect(rel(o, 'PARTNERS_IN', 'gcjsw-2013:action:8.2-2013')?.props.linkBasis, o).toBe('document structure');
    }
  });

  it('Glasgow: Strathclyde Police MEMBER_OF MAPPA quotes line 384, which names the Police; line 396 does not state membership', () => {
    expect(line('g', 396)).not.toMatch(/member/i);
    expect(line('g', 384)).toContain('requiring the Police, the Scottish Prison Service and Local Authorities to work together');
    const r = rel('org:strathclyde-police', 'MEMBER_OF', 'org:mappa')!;
    expect(r.props.linkBasis).toBe('from context');
    expect(r.provenance.source === 'document' && r.provenance.lines).toEqual([384, 384]);
  });

  it('Glasgow lines 632 and 443: the plan cites no framework, so 2.6-2013 → aim 1 and outcome 4 → O5 are inferred', () => {
    expect(line('g', 632)).toContain('Improve joint working with other partner agencies.');
    expect(text.g.some((l) => /National Outcome|NSMO|National Strategic Aim|Strategic Aim [1-4]|Improve Joint Working Practices/i.test(l))).toBe(false);
    for (const [from, to] of [['gcjsw-2013:action:2.6-2013', 'aim:1'], ['gcjsw-2013:local-outcome:4', 'nsmo:O5']] as const) {
      expect(basisClass(rel(from, 'SERVES', to)!.props.linkBasis as Basis)).toBe('inferred');
    }
  });

  it('Glasgow lines 620-650: a bare year band gives an inferred due date at its end', () => {
    expect(line('g', 620)).toMatch(/Year 1 2013 Year 2 2014 Year 3 2015$/);
    expect(props('gcjsw-2013:action:1.1-2013')).toMatchObject({ yearBand: '2013', dueDate: '2013-12-31', dueDateBasis: 'document structure' });
  });

  it('2007 lines 59 and 81: the steering group request and the Chief Officer’s support are links', () => {
    expect(line('l2007', 59)).toContain('South Lanarkshire Community Health Partnership wrote asking for the support of Lanarkshire Community Justice Authority');
    expect(line('l2007', 81)).toContain('the Chief Officer has written supporting this development');
    expect(rel('org:south-lanarkshire-community-health-partnership', 'REQUESTS', 'org:lanarkshire-cja')).toBeDefined();
    expect(rel('org:south-lanarkshire-community-health-partnership', 'REQUESTS', 'org:mentally-disordered-offenders-steering-group')).toBeDefined();
    expect(rel('org:lanarkshire-cja', 'SUPPORTS', 'org:mentally-disordered-offenders-steering-group')).toBeDefined();
  });

  it('Glasgow lines 386 and 406: the MAPPA Strategic Oversight and Operations Groups belong to MAPPA', () => {
    expect(line('g', 386)).toContain('The operation of MAPPA is overseen by the MAPPA Strategic Oversight Group.');
    expect(line('g', 406)).toContain('Glasgow MAPPA Operations Group');
    expect(rel('org:glasgow-mappa-strategic-oversight-group', 'MEMBER_OF', 'org:mappa')).toBeDefined();
    expect(rel('org:glasgow-mappa-operations-group', 'MEMBER_OF', 'org:mappa')).toBeDefined();
  });
});

describe('every link, status and due date has a basis from the vocabulary', () => {
  it('every relationship', () => {
    for (const [id, r] of rels) expect(BASES, id).toContain(r.props.linkBasis);
  });

  it('every status and due date of an action, milestone or progress note', () => {
    for (const n of nodes.values()) {
      const p = n.props as Record<string, unknown>;
      if (p.status !== undefined) expect(BASES, `${n.id} status`).toContain(p.statusBasis);
      if (p.dueDate !== undefined) expect(BASES, `${n.id} due date`).toContain(p.dueDateBasis);
    }
  });

  it('every node has document or edit provenance: it is printed in its document, or an edit made it', () => {
    for (const n of nodes.values()) expect(['document', 'edit'], n.id).toContain(n.provenance.source);
  });

  it('seed/README.md carries the per-document table computed from the files (npm run seed:bases)', () => {
    const readme = readFileSync(join(SEED_DIR, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(BASIS_TABLE_START), readme.indexOf(BASIS_TABLE_END) + BASIS_TABLE_END.length);
    expect(table).toBe(basisTableMarkdown(basisRows(files)));
  });

  it('the table counts what the documents say: Lanarkshire 2008-09 prints 2 statuses and curation read 10', () => {
    const row = basisRows(files).find((r) => r.document === SOURCES.l2008)!;
    expect(row.statuses).toEqual({ printed: 2, inferred: 10, edit: 0 });
    // Glasgow prints no status and no due date: all 34 of its due dates are year-band ends.
    expect(basisRows(files).find((r) => r.document === SOURCES.g)!.dueDates).toEqual({ printed: 0, inferred: 34, edit: 0 });
  });
});
