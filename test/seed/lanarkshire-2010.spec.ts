import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { readSeedFile } from '../../server/seed/readSeedFile.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

const SEED_NAME = 'lanarkshire-cja-q2-progress-2010.yaml';
const SOURCE_NAME = 'lanarkshire-cja-q2-progress-2010.txt';
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

describe('the Lanarkshire CJA Q2 2010 seed file', () => {
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

describe('completeness against the source table', () => {
  /**
   * Counted from the raw text: inside each table (after a header line starting "Action\tLocal outcome"),
   * a tab-separated line is an action row when its lead column (the 7th cell) is filled; a line with
   * an empty lead cell is the rest of a row broken across lines (action 4's "cases." line).
   */
  function sourceActionRows(): { rows: number; numbered: string[] } {
    const lines = readFileSync(join(SOURCES_DIR, SOURCE_NAME), 'utf8').split(/\r?\n/);
    let inTable = false;
    let rows = 0;
    const numbered: string[] = [];
    for (const line of lines) {
      if (/^Action\tLocal outcome\t/.test(line)) {
        inTable = true;
        continue;
      }
      if (/^National Outcome \d+/.test(line)) inTable = false;
      if (!inTable || !line.includes('\t')) continue;
      const cells = line.split('\t');
      if ((cells[6] ?? '').trim() !== '') rows++;
      if (/^\d+$/.test((cells[0] ?? '').trim())) numbered.push(cells[0]!.trim());
    }
    return { rows, numbered };
  }

  it('has one Action node per action row of the table', () => {
    const { rows } = sourceActionRows();
    expect(rows).toBe(9);
    expect(seed.nodes.filter((n) => n.kind === 'Action')).toHaveLength(rows);
  });

  it('has an Action node for every printed action number', () => {
    const { numbered } = sourceActionRows();
    expect(numbered).toEqual(['1', '2', '3', '4']);
    for (const ref of numbered) expect(node(`lcja-2010:action:${ref}`).kind).toBe('Action');
  });

  it('gives every action a progress update and a national outcome', () => {
    const actions = seed.nodes.filter((n) => n.kind === 'Action');
    for (const a of actions) {
      expect(rels('HAS_PROGRESS', a.id)).toHaveLength(1);
      expect(rels('SERVES', a.id).filter((r) => r.to.startsWith('no:'))).toHaveLength(1);
      expect(rels('CONTAINS', 'plan:lcja-2010', a.id)).toHaveLength(1);
    }
  });
});

describe('facts checked by hand against the document', () => {
  it('the plan is a progress report for July - September 2010 published by Lanarkshire CJA', () => {
    expect(node('plan:lcja-2010').props).toMatchObject({ planType: 'progress report', period: 'July - September 2010' });
    expect(rels('PUBLISHES', 'org:lanarkshire-cja', 'plan:lcja-2010')).toHaveLength(1);
    expect(rels('CONTINUES')).toHaveLength(0);
  });

  it('action 1 is led by the MAPPAs steering Group Chair (org:mappa-steering-group)', () => {
    expect(node('lcja-2010:action:1').props.leadAsPrinted).toBe('MAPPAs steering Group Chair');
    const leads = rels('LEADS', undefined, 'lcja-2010:action:1');
    expect(leads.map((r) => [r.from, r.props.role])).toEqual([['org:mappa-steering-group', 'MAPPAs steering Group Chair']]);
  });

  it('action 1-b (ICM case conferences, ref 1) is led by SPS and on target ("National target continues to be exceeded")', () => {
    expect(node('lcja-2010:action:1-b').props).toMatchObject({ ref: '1', frequencySource: 'Monthly/SPS', status: 'on target' });
    expect(rels('LEADS', 'org:scottish-prison-service', 'lcja-2010:action:1-b')).toHaveLength(1);
    expect(node('lcja-2010:progress:1-b').props.statusAsPrinted).toBe('National target continues to be exceeded');
  });

  it('action 2 is led by CJSW, flagged vague with no LEADS link', () => {
    expect(node('lcja-2010:action:2').props).toMatchObject({ leadAsPrinted: 'CJSW', leadVague: true });
    expect(rels('LEADS', undefined, 'lcja-2010:action:2')).toHaveLength(0);
    expect(seed.findings.some((f) => f.includes("'CJSW'"))).toBe(true);
  });

  it('action 2-b is due October 2010 (2010-10-31) and led by the ADP', () => {
    expect(node('lcja-2010:action:2-b').props).toMatchObject({ ref: '2', timescale: 'October 2010', dueDate: '2010-10-31' });
    expect(rels('LEADS', 'org:lanarkshire-alcohol-and-drug-partnership', 'lcja-2010:action:2-b')).toHaveLength(1);
  });

  it('action 2-c (the NLC services pack) is part complete', () => {
    expect(node('lcja-2010:action:2-c').props.status).toBe('part complete');
    expect(node('lcja-2010:progress:2-c').props).toMatchObject({ status: 'part complete', statusAsPrinted: 'Part complete' });
  });

  it('action 3 serves National Outcome 11 by its printed heading, and its progress "On track" is on target', () => {
    const serves = rels('SERVES', 'lcja-2010:action:3', 'no:11');
    expect(serves).toHaveLength(1);
    expect(serves[0]!.props.linkBasis).toBe('printed heading');
    expect(node('lcja-2010:progress:3').props).toMatchObject({ status: 'on target', statusAsPrinted: 'On track' });
  });

  it('action 3 has six milestones; the Area Plan 2011-14 approval, printed beside 5 November 2010, is reported done', () => {
    expect(rels('HAS_MILESTONE', 'lcja-2010:action:3')).toHaveLength(6);
    // Line 18 reports it done ("approved ... and distributed"): the date beside it is no deadline (review 10).
    expect(node('lcja-2010:milestone:3-3').props).toMatchObject({
      text: 'LCJA Area Plan 2011-14 approved by Scottish Government and distributed to partners.',
      timescale: '5 November 2010',
      status: 'complete',
      statusBasis: 'narrative',
    });
    expect(node('lcja-2010:milestone:3-3').props.dueDate).toBeUndefined();
    expect(node('lcja-2010:milestone:3-5').props.timescale).toBe('TBA');
    expect(node('lcja-2010:milestone:3-5').props.dueDate).toBeUndefined();
  });

  it('action 4 joins its broken local outcome: "... to effectively manage cases."', () => {
    expect(node('lcja-2010:local-outcome:4').props.title).toBe(
      'To support the provision of appropriate interventions for offenders and to effectively manage cases.',
    );
    expect(node('lcja-2010:action:4').props.localTarget).toContain('multi-agency working and programme delivery.');
    expect(rels('SERVES', 'lcja-2010:local-outcome:4', 'no:15')).toHaveLength(1);
  });

  it('action 4-c is due April 2011 (2011-04-30) and "Ontrack" is normalised to on target', () => {
    expect(node('lcja-2010:action:4-c').props).toMatchObject({ timescale: 'April 2011', dueDate: '2011-04-30', status: 'on target' });
    expect(node('lcja-2010:progress:4-c').props.statusAsPrinted).toBe('Ontrack');
  });

  it('every progress update speaks for July-September 2010 as of 30 September 2010', () => {
    const updates = seed.nodes.filter((n) => n.kind === 'ProgressUpdate');
    expect(updates).toHaveLength(9);
    for (const u of updates) expect(u.props).toMatchObject({ period: 'July-September 2010', asOf: '2010-09-30' });
  });

  it('North Lanarkshire Council is printed as NLC', () => {
    expect(node('org:north-lanarkshire-council').props.aliases).toContain('NLC');
  });
});
