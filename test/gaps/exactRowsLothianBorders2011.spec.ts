import { describe, expect, it } from 'vitest';
import { gapRows, rowIds, seededStore, sourceLines, sortedCells } from '../helpers/seededGaps.js';

/**
 * Issue 17: complete row sets on the Lothian & Borders area plan 2011-14 (plan:lbcja-2011),
 * worked out from its Appendix 5 (lines 772-908), parsed here independently of the seed.
 * Each table row under "Output | Actions | Year | National Aims (CJA/SPS/ADSW) | Scotland
 * Performs - National Outcomes" (line 775) is one action, numbered by its output and its
 * place under it (1.1.1-a, 1.1.1-b, ...). The aims column names the four national
 * strategic aims by their headings (lines 195-249); the outcomes column prints National
 * Outcomes by their wording (lines 101-111; NO10's wording, which that list leaves out, is
 * the framework's, seed/frameworks.yaml). Both columns print the link in the action's own
 * row: a "-" or an empty cell is no link. Each row serves its "Outcome" heading (a local
 * outcome), which serves its "Key Priority" heading; only curation's wording match (seed
 * file, SERVES key-priority -> priority 4.2.x, "exact" or "near-exact wording") takes a key
 * priority on to the partner priorities of section 4.2.
 *
 * The table has no lead column, no date and no status (line 766: leads are set in the annual
 * Action Plans). By the seed's rule (its first appendix 5 finding) a body printed as an
 * action's doer LEADS it, a body printed as its output's doer leads where the action agrees,
 * a body otherwise named is a partner, and generic actors (Community Planning Partnerships,
 * local authorities, third sector, ...) are no organisation.
 */

const PLAN = 'plan:lbcja-2011';
const text = sourceLines('lothian-borders-cja-area-plan-2011-14.txt');

const { store } = seededStore();
const rows = gapRows(store, PLAN);

/** The aims by the heading that names each (line of "Strategic Aim One" etc. + 2). */
const AIMS: Record<string, number> = { 'aim:1': 197, 'aim:2': 213, 'aim:3': 231, 'aim:4': 249 };
/** A phrase of each National Outcome's wording, and the line of the plan's list that numbers it. */
const OUTCOMES: Record<string, [string, number | null]> = {
  'no:2': ['full economic potential', 107],
  'no:3': ['better educated, more skilled', 108],
  'no:6': ['live longer, healthier lives', 109],
  'no:7': ['significant inequalities', 110],
  'no:8': ['life chances', 111],
  'no:9': ['safe from crime, disorder and danger', 101],
  'no:10': ['well-designed, sustainable places', null],
  'no:11': ['strong, resilient and supportive communities', 102],
  'no:15': ['public services are high quality', 103],
};

type Row = { id: string; line: number; title: string; year: string; aims: string[]; outcomes: string[] };

/** Every action row of appendix 5, in document order. */
function appendix(): Row[] {
  const out: Row[] = [];
  let output = '';
  let place = 0;
  for (let n = 776; n <= 908; n++) {
    const cells = text[n - 1]!.split('\t').map((c) => c.trim());
    if (cells[0] === 'Output' || !cells[1]) continue;
    const head = /^(\d\.\d\.\d) /.exec(cells[0]!);
    if (head) [output, place] = [head[1]!, 0];
    const title = cells[1].replace(/^<ul[^>]*>\s*/, '').replace(/^•\s*/, '');
    const aims = Object.keys(AIMS).filter((id) => cells[3]!.includes(text[AIMS[id]! - 1]!.trim()));
    const outcomes = Object.keys(OUTCOMES).filter((id) => cells[4]!.includes(OUTCOMES[id]![0]));
    out.push({ id: `lbcja-2011:action:${output}-${'abcdefg'[place++]}`, line: n, title, year: cells[2] ?? '', aims, outcomes });
  }
  return out;
}
const ACTIONS = appendix();
const ids = (pick: (r: Row) => boolean) =>
  ACTIONS.filter(pick)
    .map((r) => r.id)
    .sort();
const action = (id: string) => ACTIONS.find((r) => r.id === id)!;

/** The rows whose doer the action (or its output, where the action agrees) prints, with the words. */
const LEADS: Record<string, [string, string]> = {
  'lbcja-2011:action:1.1.1-c': ['org:lothian-and-borders-cja', 'Community Justice Authority to develop'],
  'lbcja-2011:action:2.2.1-d': ['org:community-intervention-service-for-sex-offenders', '(CISSO) to work with police'],
  'lbcja-2011:action:2.2.1-e': ['org:community-intervention-service-for-sex-offenders', '(CISSO) to develop'],
  'lbcja-2011:action:2.2.2-a': ['org:community-intervention-service-for-sex-offenders', '(CISSO) to advise'],
  'lbcja-2011:action:2.3.2-a': ['org:lothian-and-borders-cja', '2.3.2 Community Justice Authority to share good practice'],
  'lbcja-2011:action:2.3.2-b': ['org:lothian-and-borders-cja', 'Share good practice'],
  'lbcja-2011:action:3.1.3-b': ['org:community-intervention-service-for-sex-offenders', 'CISSO develop proposal'],
  'lbcja-2011:action:5.3.2-a': ['org:lothian-and-borders-cja', 'CJA to provide portal'],
};
const CJA = 'org:lothian-and-borders-cja';
const CISSO = 'org:community-intervention-service-for-sex-offenders';

/** [organisation, action, words naming it]: every body the appendix names in an action without making it the doer. */
const PARTNERS: [string, string, string][] = [
  ['org:mappa', '1.1.1-b', 'Multi Agency Public Protection Authority critical oversight'],
  ['org:care-commission', '1.1.1-e', 'Care Commission in Scotland'],
  ['org:lothian-and-borders-police', '1.2.3-a', 'Explore with Lothian and Borders police'],
  // "the Police", read as the area's force: curation (seed finding "Action 1.2.4-a (line 797)"), not printed.
  ['org:lothian-and-borders-police', '1.2.4-a', 'Work in partnership with the Police'],
  ['org:families-outside', '2.1.1-b', 'Families Outside Post'],
  ['org:criminal-justice-social-work-data-group', '2.1.3-a', 'Criminal Justice Social Work data group'],
  ['org:south-west-cja', '3.2.1-b', 'South West Community Justice Authority area'],
  ['org:hmp-edinburgh', '4.1.1-a', 'HMP Edinburgh'],
  ['org:drug-treatment-and-testing-order-team', '4.2.1-a', 'Drug Treatment & Testing Order Team'],
  ['org:scottish-prison-service', '5.1.1-d', 'Scottish Prison Service resource'],
  ['org:scottish-prison-service', '5.2.1-a', 'with Scottish Prison Service'],
  // The output's doer ("5.3.3 CJA to link in to community councils") where the action's doer is generic ("Local authorities"): seed finding "Action 5.3.3-a (line 908)".
  [CJA, '5.3.3-a', 'CJA to link in to community councils'],
];
const INFERRED_PARTNER = 'lbcja-2011:action:1.2.4-a';

describe('appendix 5, read from the document', () => {
  it('has 92 action rows in 30 outputs, from 1.1.1-a (line 776) to 5.3.3-a (line 908)', () => {
    expect(ACTIONS).toHaveLength(92);
    expect(new Set(ACTIONS.map((r) => r.id.replace(/-[a-g]$/, ''))).size).toBe(30);
    expect(ACTIONS[0]).toMatchObject({ id: 'lbcja-2011:action:1.1.1-a', line: 776, year: '1', aims: ['aim:1'], outcomes: ['no:9'] });
    expect(ACTIONS.at(-1)).toMatchObject({ id: 'lbcja-2011:action:5.3.3-a', line: 908, aims: [], outcomes: ['no:11'] });
  });

  it('names the aims and numbers the outcomes where the header comment says', () => {
    expect([195, 211, 229, 247].map((n) => text[n - 1])).toEqual(['3.3 Strategic Aim One:', '3.4 Strategic Aim Two:', '3.5 Strategic Aim Three:', '3.6 Strategic Aim Four:']);
    for (const [id, [phrase, n]] of Object.entries(OUTCOMES)) if (n) expect(text[n - 1], id).toMatch(new RegExp(`^- National Outcome ${id.slice(3)} [–-] .*${phrase}`));
  });

  it('every filled outcomes cell is read whole: each clause is one of the nine outcomes', () => {
    const clauses = ACTIONS.flatMap((r) =>
      text[r.line - 1]!.split('\t')[4]!
        .trim()
        .split(/\s*\/\s*|\s+(?=We |Our )/),
    ).filter((c) => c !== '' && c !== '-');
    expect(clauses.filter((c) => !Object.values(OUTCOMES).some(([phrase]) => c.includes(phrase)))).toEqual([]);
    expect(clauses.length).toBe(ACTIONS.reduce((n, r) => n + r.outcomes.length, 0));
  });

  it('prints each lead and partner the header comment relies on in the row it names', () => {
    const lineOf = (ref: string) => action(`lbcja-2011:action:${ref}`).line;
    for (const [id, [, words]] of Object.entries(LEADS)) expect(text[action(id).line - 1], id).toContain(words);
    for (const [, ref, words] of PARTNERS) expect(text[lineOf(ref) - 1], ref).toContain(words);
  });
});

describe('gap analyses on plan:lbcja-2011, their whole row sets', () => {
  it('actions without a national link: the fifteen rows with no aim and no outcome printed; every such link is printed, so printed-only agrees', async () => {
    const expected = ids((r) => r.aims.length === 0 && r.outcomes.length === 0);
    expect(expected).toHaveLength(15);
    expect(rowIds(await rows('actions-without-national-link'))).toEqual(expected);
    expect(rowIds(await rows('actions-without-national-link', { basis: 'printed' }))).toEqual(expected);
  });

  it('actions without a lead: all but the eight with a named doer; each row as the document prints it', async () => {
    const got = await rows('actions-without-lead');
    expect(rowIds(got)).toEqual(ids((r) => !(r.id in LEADS)));
    expect(got).toHaveLength(84);
    expect(got.map((r) => [r.id, r.title])).toEqual(ACTIONS.filter((r) => !(r.id in LEADS)).map((r) => [r.id, r.title]));
    expect(got.filter((r) => r.plan !== PLAN || r.lead !== null || r.dueDate !== null || r.status !== null)).toEqual([]);
    // Two of the eight lead links stand on the output's heading (printed heading): printed-only agrees.
    expect(rowIds(await rows('actions-without-lead', { basis: 'printed' }))).toEqual(rowIds(got));
  });

  it('actions without a timescale: the three with "-" in the Year column (lines 852, 892, 906)', async () => {
    const expected = ids((r) => r.year === '-' || r.year === '');
    expect(expected).toEqual(['lbcja-2011:action:3.1.2-c', 'lbcja-2011:action:5.1.2-b', 'lbcja-2011:action:5.3.1-c']);
    expect(rowIds(await rows('actions-without-timescale'))).toEqual(expected);
  });

  it('overdue actions and milestones: none at any date, the plan prints years of the plan, no date, and no milestone', async () => {
    for (const asOf of ['2012-04-01', '2015-01-01', '2030-01-01']) {
      expect(await rows('overdue-actions', { asOf })).toEqual([]);
      expect(await rows('overdue-milestones', { asOf })).toEqual([]);
    }
  });

  it('outcomes nobody serves: the seven National Outcomes no row prints and every NSMO outcome; every aim is printed somewhere', async () => {
    const printed = new Set(ACTIONS.flatMap((r) => [...r.aims, ...r.outcomes]));
    expect([...printed].filter((id) => id.startsWith('aim:')).sort()).toEqual(['aim:1', 'aim:2', 'aim:3', 'aim:4']);
    const nos = Array.from({ length: 16 }, (_, i) => `no:${i + 1}`).filter((id) => !printed.has(id));
    expect(nos).toEqual(['no:1', 'no:4', 'no:5', 'no:12', 'no:13', 'no:14', 'no:16']);
    const nsmo = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].map((c) => `nsmo:${c}`);
    expect(rowIds(await rows('unserved-outcomes'))).toEqual([...nos, ...nsmo].sort());
    expect(rowIds(await rows('unserved-outcomes', { basis: 'printed' }))).toEqual([...nos, ...nsmo].sort());
  });

  /** Everything a led action serves: its printed aims and outcomes, its Outcome and Key Priority headings, and (by wording) the partner priority. */
  const KEY_TO_PARTNER: Record<string, string> = { '1': '4.2.1', '2': '4.2.2', '3': '4.2.3', '4': '4.2.4', '5': '4.2.5' };
  function served(id: string, printedOnly: boolean): string[] {
    const r = action(id);
    const [kp, lo] = /:(\d)\.(\d)\./.exec(id)!.slice(1);
    const headings = [`lbcja-2011:local-outcome:${kp}.${lo}`, `lbcja-2011:priority:key-priority-${kp}`];
    return [...r.aims, ...r.outcomes, ...headings, ...(printedOnly ? [] : [`lbcja-2011:priority:${KEY_TO_PARTNER[kp!]}`])];
  }
  function byOutcome(printedOnly: boolean): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const [id, [org]] of Object.entries(LEADS)) for (const t of served(id, printedOnly)) out.set(t, (out.get(t) ?? new Set()).add(org));
    return out;
  }

  it('outcomes several organisations work on: aim 1, Key Priority 2 and (by wording) partner priority 4.2.2, each by the CJA and CISSO', async () => {
    const shared = (printedOnly: boolean) =>
      [...byOutcome(printedOnly)]
        .filter(([, orgs]) => orgs.size > 1)
        .map(([t]) => t)
        .sort();
    expect(shared(false)).toEqual(['aim:1', 'lbcja-2011:priority:4.2.2', 'lbcja-2011:priority:key-priority-2']);
    const names = ['Community Intervention Service for Sex Offenders', 'Lothian & Borders Community Justice Authority'];
    const kp2 = { kind: 'Priority', organisations: names, actions: ['2.2.1', '2.2.1', '2.2.2', '2.3.2', '2.3.2'] };
    expect(sortedCells(await rows('shared-outcomes'))).toEqual([
      { id: 'aim:1', kind: 'Strategic aim', ref: 'Aim 1', title: text[196], organisations: names, actions: ['2.2.2', '5.3.2'] },
      { id: 'lbcja-2011:priority:4.2.2', ref: '4.2.2', title: 'Effectiveness, Performance Management', ...kp2 },
      { id: 'lbcja-2011:priority:key-priority-2', ref: '2', title: 'Effectiveness & Performance Management', ...kp2 },
    ]);
    expect(rowIds(await rows('shared-outcomes', { basis: 'printed' }))).toEqual(shared(true));
  });

  it('single points of failure: the CJA alone serves ten (eight printed), CISSO seven (six printed)', async () => {
    const sole = (printedOnly: boolean, org: string) =>
      [...byOutcome(printedOnly)]
        .filter(([, orgs]) => orgs.size === 1 && orgs.has(org))
        .map(([t]) => t)
        .sort();
    const summary = (rs: Record<string, unknown>[]) => rs.map((r) => [r.id, r.count, [...(r.outcomeIds as string[])].sort(), r.actions]);
    for (const printedOnly of [false, true]) {
      const cja = sole(printedOnly, CJA);
      const cisso = sole(printedOnly, CISSO);
      expect([cja.length, cisso.length]).toEqual(printedOnly ? [8, 6] : [10, 7]);
      expect(summary(await rows('single-points-of-failure', printedOnly ? { basis: 'printed' } : {}))).toEqual([
        [CJA, cja.length, cja, ['1.1.1', '2.3.2', '2.3.2', '5.3.2']],
        [CISSO, cisso.length, cisso, ['2.2.1', '2.2.1', '2.2.2', '3.1.3']],
      ]);
    }
  });

  it('organisation load: the CJA and CISSO lead four each; SPS and the police partner twice (once, counting printed links only)', async () => {
    const load = (printedOnly: boolean) => {
      const partners = PARTNERS.filter(([, ref]) => !printedOnly || `lbcja-2011:action:${ref}` !== INFERRED_PARTNER);
      const orgs = new Set([...Object.values(LEADS).map(([o]) => o), ...partners.map(([o]) => o)]);
      return new Map([...orgs].map((o) => [o, [Object.values(LEADS).filter(([l]) => l === o).length, partners.filter(([p]) => p === o).length]]));
    };
    for (const printedOnly of [false, true]) {
      const got = await rows('organisation-load', printedOnly ? { basis: 'printed' } : {});
      expect(new Map(got.map((r) => [r.id, [r.leads, r.partners]]))).toEqual(load(printedOnly));
      expect(got.slice(0, 2).map((r) => r.id)).toEqual([CJA, CISSO]);
    }
    expect((await rows('organisation-load')).slice(2, 4).map((r) => [r.name, r.partners])).toEqual([
      ['Lothian & Borders Police', 2],
      ['Scottish Prison Service', 2],
    ]);
  });

  it('coverage matrix: leads credited for the outcomes their rows print; where a row has no lead, the bodies it names', async () => {
    const cells = (printedOnly: boolean) => {
      const out = new Map<string, string[]>();
      const credit = (org: string, id: string) => {
        for (const no of action(id).outcomes) out.set(`${no} ${org}`, [...(out.get(`${no} ${org}`) ?? []), id]);
      };
      for (const [id, [org]] of Object.entries(LEADS)) credit(org, id);
      for (const [org, ref] of PARTNERS) {
        const id = `lbcja-2011:action:${ref}`;
        if (!(id in LEADS) && !(printedOnly && id === INFERRED_PARTNER)) credit(org, id);
      }
      return new Map([...out].map(([k, v]) => [k, v.sort()]));
    };
    for (const printedOnly of [false, true]) {
      const got = await rows('coverage-matrix', printedOnly ? { basis: 'printed' } : {});
      expect(new Map(got.map((r) => [`${String(r.id)} ${String(r.organisationId)}`, [...(r.actions as string[])].sort()]))).toEqual(cells(printedOnly));
      expect(got.every((r) => r.count === (r.actions as string[]).length)).toBe(true);
    }
    expect(cells(false).size).toBe(17);
  });
});
