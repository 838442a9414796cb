import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { readSeedFile } from '../../server/seed/readSeedFile.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

const SEED_NAME = 'glasgow-cjsw-strategic-plan-2013-15.yaml';
const SOURCE_NAME = 'glasgow-cjsw-strategic-plan-2013-15.txt';
const seedPath = join(SEED_DIR, SEED_NAME);
const { seed } = readSeedFile(seedPath);
const sourceLines = readFileSync(join(SOURCES_DIR, SOURCE_NAME), 'utf8').split(/\r?\n/);

/** Nodes with their props as plain records, so that tests can read any kind's fields. */
type LooseNode = { kind: string; id: string; props: Record<string, unknown>; provenance: unknown };
const nodes = seed.nodes as unknown as LooseNode[];
const byId = new Map<string, LooseNode>(nodes.map((n) => [n.id, n]));
const nodesOf = (kind: string) => nodes.filter((n) => n.kind === kind);
const props = (id: string) => {
  const n = byId.get(id);
  if (!n) throw new Error(`no node ${id}`);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets the inferred type that the code after it relies on (tsc fails without it)
  return n.props as Record<string, unknown>;
};
const rels = (type: string, from?: string, to?: string) =>
  seed.relationships.filter((r) => r.type === type && (from === undefined || r.from === from) && (to === undefined || r.to === to));

/**
 * Appendix 1 read straight from the source text: every row whose second tab-separated
 * column is an action priority number, with each non-empty year cell (2013, 2014, 2015)
 * counted as one action. The key strategic priority number comes from the last row that
 * starts with "<n>. ". Nothing here looks at the YAML.
 */
function appendixCellsFromSource(): { key: string; year: string; text: string }[] {
  const lines = readFileSync(join(SOURCES_DIR, SOURCE_NAME), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => /^Key Strategic Priorities\tAction Priority\tYear 1 2013/.test(l));
  expect(start).toBeGreaterThan(0);
  const years = ['2013', '2014', '2015'];
  const cells: { key: string; year: string; text: string }[] = [];
  let priority = '';
  for (const line of lines.slice(start)) {
    const cols = line.split('\t');
    const head = /^(\d+)\.\s/.exec(cols[0] ?? '');
    if (head) priority = head[1]!;
    if (!/^\d+$/.test((cols[1] ?? '').trim())) continue;
    years.forEach((year, k) => {
      const text = (cols[2 + k] ?? '').trim();
      if (text) cells.push({ key: `${priority}.${cols[1]!.trim()}`, year, text });
    });
  }
  return cells;
}

describe('the Glasgow 2013-15 seed file is valid', () => {
  it('validates against the domain model', () => {
    expect(seed.document).toBe(SOURCE_NAME);
    expect(seed.nodes.length).toBeGreaterThan(0);
  });

  it('has every quote standing at its lines and every relationship endpoint present', () => {
    const { problems } = checkSeedSet(seedFilePaths());
    expect(problems.filter((p) => p.file === SEED_NAME)).toEqual([]);
  });
});

describe('the seed holds every Appendix 1 action', () => {
  const cells = appendixCellsFromSource();
  const actions = nodesOf('Action');

  it('has as many Action nodes as non-empty year cells in the raw appendix', () => {
    expect(cells.length).toBe(34); // counted by hand: 24 in 2013, 9 in 2014, 1 in 2015
    expect(actions.length).toBe(cells.length);
  });

  it('has the same priority, action priority and year for every cell', () => {
    const fromSource = cells.map((c) => `${c.key}-${c.year}`).sort();
    const fromSeed = actions.map((a) => `${String(a.props.ref)}-${String(a.props.yearBand)}`).sort();
    expect(fromSeed).toEqual(fromSource);
  });

  it('keeps each cell text as the action title', () => {
    for (const c of cells) {
      const a = actions.find((n) => n.props.ref === c.key && n.props.yearBand === c.year);
      expect(a?.props.title, `${c.key} ${c.year}`).toBe(c.text.replace(/\s+/g, ' '));
    }
  });

  it('contains every action in the plan and has it serve the appendix priority it stands under', () => {
    for (const a of actions) {
      expect(rels('CONTAINS', 'plan:gcjsw-2013', a.id)).toHaveLength(1);
      const priority = String(a.props.ref).split('.')[0];
      const serves = rels('SERVES', a.id, `gcjsw-2013:priority:${priority}`);
      expect(serves, a.id).toHaveLength(1);
      // Review 10: the first row of a priority prints it in its own first cell; the rows below have a blank
      // (merged) cell, so their link is read from the table's structure.
      const line = (a.provenance as { lines: [number, number] }).lines[0];
      const ownRow = new RegExp(`^${priority}\\. `).test(sourceLines[line - 1] ?? '');
      expect(serves[0]!.props.linkBasis, a.id).toBe(ownRow ? 'printed in the same row' : 'document structure');
    }
    expect(actions.filter((a) => rels('SERVES', a.id, `gcjsw-2013:priority:${String(a.props.ref).split('.')[0]}`)[0]!.props.linkBasis === 'printed in the same row')).toHaveLength(17);
  });
});

describe('facts checked by hand against the document', () => {
  it('the plan prints three aims, six values and six core business items', () => {
    const plan = props('plan:gcjsw-2013');
    expect(plan.aims).toHaveLength(3);
    expect(plan.values).toHaveLength(6);
    expect(plan.coreBusiness).toHaveLength(6);
    expect(plan.planType).toBe('strategic plan');
  });

  it('Glasgow CJSW publishes the plan', () => {
    expect(rels('PUBLISHES', 'org:glasgow-cjsw', 'plan:gcjsw-2013')).toHaveLength(1);
  });

  it('section 2.4 has five key strategic priorities and Appendix 1 eight, numbered 1-8', () => {
    const priorities = nodesOf('Priority');
    expect(priorities.filter((p) => p.id.includes(':priority:2.4-'))).toHaveLength(5);
    const appendix = priorities.filter((p) => /:priority:\d+$/.test(p.id));
    expect(appendix.map((p) => p.props.ref).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(props('gcjsw-2013:priority:8').title).toBe("Women's Services");
  });

  it('24 actions fall in 2013, 9 in 2014 and only 1.1 "Review the progress of social enterprise model and implement plan" in 2015', () => {
    const count = (y: string) => nodesOf('Action').filter((a) => a.props.yearBand === y).length;
    expect([count('2013'), count('2014'), count('2015')]).toEqual([24, 9, 1]);
    const a = props('gcjsw-2013:action:1.1-2015');
    expect(a.title).toBe('Review the progress of social enterprise model and implement plan');
    expect(a.timescale).toBe('Year 3 2015');
  });

  it('Appendix 1 prints no lead: no action has a LEADS link or a lead as printed', () => {
    const actionIds = new Set(nodesOf('Action').map((a) => a.id));
    expect(seed.relationships.filter((r) => r.type === 'LEADS' && actionIds.has(r.to))).toEqual([]);
    expect(nodesOf('Action').filter((a) => a.props.leadAsPrinted)).toEqual([]);
  });

  it('the last appendix row, 8.3 "Review and modernise the 218 Project.", is on line 650', () => {
    const a = byId.get('gcjsw-2013:action:8.3-2013')!;
    expect(a.props).toMatchObject({ title: 'Review and modernise the 218 Project.', yearBand: '2013' });
    expect(a.provenance).toMatchObject({ lines: [650, 650] });
  });

  it('"% of CPOs with a Case Management Plan within 20 days": target 75%, actual 54%, 2012-13 target 75%', () => {
    expect(props('gcjsw-2013:indicator:case-management-plan-within-20-days')).toEqual({
      measure: '% of CPOs with a Case Management Plan within 20 days',
      target: '75%',
      actual: '54%',
      nextTarget: '75%',
      period: '2011-12',
    });
  });

  it('"Number of new CPOs (NEW)" was 1487 in 2011-12 with no target ("-")', () => {
    const ind = props('gcjsw-2013:indicator:new-cpos');
    expect(ind.actual).toBe('1487');
    expect(ind.target).toBeUndefined();
    expect(ind.nextTarget).toBeUndefined();
  });

  it('core £11,792,692 and non-core £6,660,275 make £18,452,967; with ISP £96,471 the revised total is £18,549,438', () => {
    const core = props('gcjsw-2013:funding:core-2011-12').amountGbp as number;
    const nonCore = props('gcjsw-2013:funding:non-core-2011-12').amountGbp as number;
    const isp = props('gcjsw-2013:funding:isp').amountGbp as number;
    expect([core, nonCore, isp]).toEqual([11792692, 6660275, 96471]);
    expect(core + nonCore).toBe(18452967);
    expect(core + nonCore + isp).toBe(18549438);
  });

  it('the Scottish Government grants the non-core and ISP funding, and no funder is named for core funding', () => {
    const granted = rels('GRANTS', 'org:scottish-government').map((r) => r.to);
    expect(granted).toEqual(expect.arrayContaining(['gcjsw-2013:funding:non-core-2011-12', 'gcjsw-2013:funding:isp']));
    expect(rels('GRANTS', undefined, 'gcjsw-2013:funding:core-2011-12')).toEqual([]);
  });

  it('Glasgow CJA carries the printed alias "Glasgow Criminal Justice Authority"', () => {
    expect(props('org:glasgow-cja').aliases).toContain('Glasgow Criminal Justice Authority');
  });

  it('One Glasgow is led by seven named organisations', () => {
    const members = rels('MEMBER_OF', undefined, 'org:one-glasgow').map((r) => r.from).sort();
    expect(members).toEqual([
      'org:department-for-work-and-pensions',
      'org:glasgow-city-council',
      'org:glasgow-housing-association',
      'org:jobcentre-plus',
      'org:nhs-greater-glasgow-and-clyde',
      'org:strathclyde-fire-and-rescue',
      'org:strathclyde-police',
    ]);
  });

  it('the Senior Managers Group is chaired by the Assistant Director of Social Work Services', () => {
    expect(props('org:glasgow-criminal-justice-senior-managers-group').description).toContain(
      'chaired by the Assistant Director of Social Work Services',
    );
  });

  it('outcome 4 "Employability" serves NSMO O5, and no local outcome serves a national outcome (none is printed)', () => {
    expect(props('gcjsw-2013:local-outcome:4').title).toBe('Employability');
    const serves = rels('SERVES').filter((r) => r.from.startsWith('gcjsw-2013:local-outcome:'));
    expect(serves.map((r) => [r.from, r.to])).toEqual([['gcjsw-2013:local-outcome:4', 'nsmo:O5']]);
  });

  it('action 2.6-2013 "Improve joint working with other partner agencies." serves CJA aim 1 on near-exact wording', () => {
    const [link] = rels('SERVES', 'gcjsw-2013:action:2.6-2013', 'aim:1');
    expect(link?.props).toMatchObject({ linkBasis: 'near-exact wording' });
  });

  it('appendix priority 7 "Implement MAPPA Annual Plan" serves the section 2.4 MAPPA priority', () => {
    expect(props('gcjsw-2013:priority:7').title).toBe('Implement MAPPA Annual Plan');
    expect(rels('SERVES', 'gcjsw-2013:priority:7', 'gcjsw-2013:priority:2.4-mappa-plan')).toHaveLength(1);
  });

  it('Registered Social Landlords partner in action 7.1-2013 (agree an ISP and roll out MOUs)', () => {
    const [link] = rels('PARTNERS_IN', 'org:registered-social-landlords', 'gcjsw-2013:action:7.1-2013');
    expect(link?.props.role).toContain('RSL');
  });

  it('the five performance indicators all measure the section 2.4 CPO priority', () => {
    expect(nodesOf('Indicator')).toHaveLength(5);
    expect(rels('MEASURES', undefined, 'gcjsw-2013:priority:2.4-community-payback-orders')).toHaveLength(5);
  });
});
