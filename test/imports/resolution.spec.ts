import { describe, expect, it } from 'vitest';
import { ImportMapping } from '../../model/importMapping.js';
import { prepareImport } from '../../server/imports/prepareImport.js';
import { matchAims, matchNationalOutcomes } from '../../server/imports/resolve/matchOutcomes.js';
import { matchOrganisations } from '../../server/imports/resolve/matchOrganisations.js';
import { seedReferenceData } from './seedReference.js';

/** Matching printed names and wordings to the graph, with the cases the documents print. */

const ref = seedReferenceData();
const noMapping = ImportMapping.parse({});

describe('organisations in a lead cell', () => {
  it('matches the longest printed name: "MAPPAs steering Group Chair" is the steering group, not MAPPA', () => {
    expect(matchOrganisations('MAPPAs steering Group Chair', ref, noMapping)).toEqual([{ kind: 'matched', printed: 'mappas steering group', id: 'org:mappa-steering-group', how: 'alias' }]);
  });

  it('matches several bodies in one cell and lists the part it cannot place', () => {
    const m = matchOrganisations('SPS / Scottish Court Service / Local Colleges', ref, noMapping);
    expect(
      m
        .filter((x) => x.kind === 'matched')
        .map((x) => (x as { id: string }).id)
        .sort(),
    ).toEqual(['org:scottish-court-service', 'org:scottish-prison-service']);
    expect(m.find((x) => x.kind === 'unmatched')?.printed).toBe('Local Colleges');
  });

  it('suggests North Lanarkshire Council for "NLC" when the graph does not know the alias, and links once the mapping confirms it', () => {
    const withoutAlias = seedReferenceData({ dropAliases: ['NLC'] });
    const [m] = matchOrganisations('NLC', withoutAlias, noMapping);
    expect(m?.kind).toBe('unmatched');
    expect(m?.kind === 'unmatched' && m.suggestions[0]).toMatchObject({ id: 'org:north-lanarkshire-council', name: 'North Lanarkshire Council' });
    const confirmed = ImportMapping.parse({ organisations: { NLC: 'org:north-lanarkshire-council' } });
    expect(matchOrganisations('NLC', withoutAlias, confirmed)).toEqual([{ kind: 'matched', printed: 'NLC', id: 'org:north-lanarkshire-council', how: 'mapping' }]);
  });

  it('does not choose between organisations that share an alias ("CJA"), and suggests them all', () => {
    const [m] = matchOrganisations('CJA', ref, noMapping);
    expect(m?.kind).toBe('unmatched');
    expect(m?.kind === 'unmatched' && m.suggestions.map((s) => s.id).sort()).toEqual(['org:glasgow-cja', 'org:lanarkshire-cja', 'org:lothian-and-borders-cja']);
  });

  describe("in the plan's own document", () => {
    // The seed declares "CJA" as Lothian & Borders CJA's name in its area plan (seed/lothian-borders-cja-area-plan-2011-14.yaml),
    // and "CJSW" as both Lanarkshire councils' service in the 2010 report (seed/lanarkshire-cja-q2-progress-2010.yaml).
    const LB = 'lothian-borders-cja-area-plan-2011-14.txt';
    const L10 = 'lanarkshire-cja-q2-progress-2010.txt';

    it('"CJA" in the Lothian & Borders plan is Lothian & Borders CJA, as the seed resolves it', () => {
      expect(matchOrganisations('CJA', ref, noMapping, LB)).toEqual([{ kind: 'matched', printed: 'cja', id: 'org:lothian-and-borders-cja', how: 'alias' }]);
      expect(
        matchOrganisations('CJA / SPS', ref, noMapping, LB)
          .map((m) => m.kind === 'matched' && m.id)
          .sort(),
      ).toEqual(['org:lothian-and-borders-cja', 'org:scottish-prison-service']);
    });

    it('"CJSW" in the Lanarkshire 2010 report means two councils: both suggested, neither chosen', () => {
      const [m] = matchOrganisations('CJSW', ref, noMapping, L10);
      expect(m?.kind).toBe('unmatched');
      expect(m?.kind === 'unmatched' && m.suggestions.map((s) => s.id).sort()).toEqual(['org:north-lanarkshire-council', 'org:south-lanarkshire-council']);
    });

    it('a local alias ("the Police") is found in its own document only', () => {
      // Curation takes "the Police" of the Lothian & Borders plan (line 797) as Lothian and Borders Police; declared here as that document's alias.
      const withPolice = {
        ...ref,
        organisations: ref.organisations.map((o) => (o.id === 'org:lothian-and-borders-police' ? { ...o, documentAliases: [...(o.documentAliases ?? []), `${LB}: the Police`] } : o)),
      };
      expect(matchOrganisations('the Police', withPolice, noMapping, LB)).toEqual([{ kind: 'matched', printed: 'the police', id: 'org:lothian-and-borders-police', how: 'alias' }]);
      expect(matchOrganisations('the Police', withPolice, noMapping, 'glasgow-cjsw-strategic-plan-2013-15.txt').some((m) => m.kind === 'matched')).toBe(false);
    });

    it("an import resolves its leads in the file it reads, the plan's source file", async () => {
      const tsv = 'Ref\tActions\tLead\n1\tPublish the area plan\tCJA\n';
      const prepared = await prepareImport({ buffer: Buffer.from(tsv), file: LB, plan: { key: 'lb-again' } }, ref);
      expect(prepared.graph.nodes.find((n) => n.kind === 'Plan')?.props.sourceFile).toBe(LB);
      expect(prepared.graph.links.filter((l) => l.type === 'LEADS').map((l) => l.from)).toEqual(['org:lothian-and-borders-cja']);
      const elsewhere = await prepareImport({ buffer: Buffer.from(tsv), file: 'other.txt', plan: { key: 'lb-again' } }, ref);
      expect(elsewhere.graph.links.filter((l) => l.type === 'LEADS')).toEqual([]);
    });
  });

  it('a mapping may say a printed lead names no organisation (a vague lead)', () => {
    expect(matchOrganisations('CJSW', ref, ImportMapping.parse({ organisations: { CJSW: null } }))).toEqual([{ kind: 'vague', printed: 'CJSW' }]);
  });
});

describe('outcomes and aims in a cell', () => {
  it('finds two national outcomes run together without a separator, by exact wording', () => {
    const m = matchNationalOutcomes(
      'We live our lives safe from crime, disorder and danger We live in well-designed, sustainable places where we are able to access the amenities and services we need',
      ref,
    );
    expect(m.links.map((l) => [l.id, l.basis])).toEqual([
      ['no:10', 'exact wording'],
      ['no:9', 'exact wording'],
    ]);
    expect(m.unmatched).toEqual([]);
  });

  it('reads printed numbers ("National Outcomes 9, 11 and 15") as printed', () => {
    expect(matchNationalOutcomes('Agree key priorities under National Outcomes 9, 11 and 15', ref).links.map((l) => [l.id, l.basis])).toEqual([
      ['no:9', 'printed number'],
      ['no:11', 'printed number'],
      ['no:15', 'printed number'],
    ]);
  });

  it('marks a wording that only resembles an outcome as near-exact and inferred, with its score; lists one that resembles none', () => {
    const near = matchNationalOutcomes('We have improved the life chances of children and young people and families at risk', ref);
    expect(near.links).toEqual([expect.objectContaining({ id: 'no:8', basis: 'near-exact wording', inferred: true })]);
    expect(near.links[0]!.score).toBeGreaterThanOrEqual(0.6);
    expect(matchAims('Improve the weather for offenders', ref)).toEqual({ links: [], unmatched: ['improve the weather for offenders'] });
  });
});

describe('what Word does to a table, pasted as tab-separated text', () => {
  const paste = [
    'National Outcome 9: We live our lives safe from crime, disorder and danger',
    'Action\tLocal outcome\tKey actions\tTimescales\tLead\tProgress',
    '1\tMinimise the harm\t<p>Keep MAPPA practice:</p> <ul style="list-style-type: none"> Report to the Board. Share the minutes.\tOctober 2010\tSPS\tOn track',
    '\tto communities\t<ul> Train the staff.\t\t\t',
    'Section heading across the table\t\t\t\t\t',
    "2\t-\t• Fund the women's service\tOngoing\tNLC\t-",
  ].join('\n');

  it('joins the broken row, keeps bullets as milestones, reads "-" as none and a lone cell as a section', async () => {
    const prepared = await prepareImport({ buffer: Buffer.from(paste), file: 'pasted.txt', plan: { key: 'pasted' } }, ref);
    const actions = prepared.graph.nodes.filter((n) => n.kind === 'Action');
    expect(actions.map((a) => a.props)).toEqual([
      expect.objectContaining({
        ref: '1',
        title: 'Keep MAPPA practice',
        timescale: 'October 2010',
        dueDate: '2010-10-31',
        leadAsPrinted: 'SPS',
        status: 'on target',
        section: 'National Outcome 9: We live our lives safe from crime, disorder and danger',
      }),
      expect.objectContaining({ ref: '2', title: "Fund the women's service", section: 'Section heading across the table', leadAsPrinted: 'NLC' }),
    ]);
    expect(prepared.graph.nodes.filter((n) => n.kind === 'Milestone').map((m) => m.props.text)).toEqual(['Report to the Board.', 'Share the minutes.', 'Train the staff.']);
    expect(prepared.graph.nodes.find((n) => n.kind === 'LocalOutcome')?.props.title).toBe('Minimise the harm to communities');
    expect(prepared.graph.nodes.find((n) => n.id === 'pasted:action:1')?.provenance.rows).toEqual([3, 4]);
    // "-" in Progress is no progress note; in Local outcome it is no new outcome (the action keeps the one above).
    expect(prepared.graph.nodes.filter((n) => n.kind === 'ProgressUpdate')).toHaveLength(1);
    expect(
      prepared.graph.links
        .filter((l) => l.type === 'SERVES' && l.to === 'no:9')
        .map((l) => l.from)
        .sort(),
    ).toEqual(['pasted:action:1', 'pasted:action:2', 'pasted:local-outcome:1']);
  });

  it('lets the user map an unrecognised heading, and lists it until then', async () => {
    const csv = 'Ref,What we will do,Lead\n1,Publish the plan,SPS\n';
    const unmapped = await prepareImport({ buffer: Buffer.from(csv), file: 'odd.csv', plan: { key: 'odd' } }, ref);
    expect(unmapped.interpretation.unrecognisedHeadings).toEqual([{ table: 'table 1', row: 1, heading: 'What we will do' }]);
    expect(unmapped.interpretation.problems).toEqual([{ table: 'table 1', row: 2, reason: 'no column holds the action text; map one to "title"' }]);
    const mapped = await prepareImport({ buffer: Buffer.from(csv), file: 'odd.csv', plan: { key: 'odd' }, mapping: ImportMapping.parse({ columns: { 'What we will do': 'title' } }) }, ref);
    expect(mapped.graph.nodes.filter((n) => n.kind === 'Action').map((a) => a.props.title)).toEqual(['Publish the plan']);
    expect(mapped.graph.links.filter((l) => l.type === 'LEADS').map((l) => l.from)).toEqual(['org:scottish-prison-service']);
  });
});

describe('a Word table with cells merged down and across', () => {
  it('keeps a cell merged down several rows as the value of each of them, and one merged across as a section', async () => {
    const { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } = await import('docx');
    const cell = (text: string, extra: Record<string, unknown> = {}) => new TableCell({ children: [new Paragraph({ text })], ...extra });
    const table = new Table({
      rows: [
        new TableRow({ children: ['Action', 'Local outcome', 'Key actions', 'Lead'].map((t) => cell(t)) }),
        new TableRow({ children: [cell('Outcome 1.1 Safer communities', { columnSpan: 4 })] }),
        new TableRow({
          children: [cell('1', { verticalMerge: VerticalMergeType.RESTART }), cell('Minimise the harm', { verticalMerge: VerticalMergeType.RESTART }), cell('Report to the Board'), cell('SPS')],
        }),
        new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('Share the minutes'), cell('NHS Lothian')] }),
      ],
    });
    const buffer = await Packer.toBuffer(new Document({ sections: [{ children: [table] }] }));
    const prepared = await prepareImport({ buffer, file: 'merged.docx', plan: { key: 'merged' } }, ref);
    const actions = prepared.graph.nodes.filter((n) => n.kind === 'Action');
    expect(actions.map((a) => [a.id, a.props.title, a.props.leadAsPrinted])).toEqual([
      ['merged:action:1', 'Report to the Board', 'SPS'],
      ['merged:action:1-b', 'Share the minutes', 'NHS Lothian'],
    ]);
    // Both rows stand under the merged local outcome cell; the row across the table is a section, not an action.
    expect(prepared.graph.links.filter((l) => l.type === 'SERVES' && l.to === 'merged:local-outcome:1').map((l) => [l.from, l.props.linkBasis])).toEqual([
      ['merged:action:1', 'printed in the same row'],
      ['merged:action:1-b', 'document structure'],
    ]);
    expect(prepared.graph.links.filter((l) => l.type === 'LEADS').map((l) => l.from)).toEqual(['org:scottish-prison-service', 'org:nhs-lothian']);
  });
});
