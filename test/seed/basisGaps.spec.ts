import { describe, expect, it } from 'vitest';
import { basesOfClass, BASES, type RelationshipInput } from '../../model/index.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { seededStore } from '../helpers/seededGaps.js';

/**
 * The gap queries that filter links by basis, checked against the same question
 * answered in plain TypeScript over the seed files, for every basis choice and for
 * every plan. LadybugDB 0.19 once dropped rows when an OR shared a WHERE with a
 * NOT EXISTS over a list parameter: this is the test that would catch it again.
 */

const { files } = checkSeedSet(seedFilePaths());
const kindOf = new Map(files.flatMap((f) => f.seed.nodes.map((n) => [n.id, n.kind] as const)));
const nodeProps = new Map(files.flatMap((f) => f.seed.nodes.map((n) => [n.id, n.props as Record<string, unknown>] as const)));
const rels: RelationshipInput[] = files.flatMap((f) => f.seed.relationships);
const plans = files.flatMap((f) => f.seed.nodes.filter((n) => n.kind === 'Plan').map((n) => n.id));
const TOP = new Set(['NationalOutcome', 'StrategicAim', 'FrameworkOutcome']);

function actionsOf(plan: string): string[] {
  return rels.filter((r) => r.type === 'CONTAINS' && (plan === '' || r.from === plan) && kindOf.get(r.to) === 'Action').map((r) => r.to);
}

/** Nodes reachable from `id` by one to three SERVES links whose basis is allowed. */
function reach(id: string, bases: string[], depth = 3): Set<string> {
  const out = new Set<string>();
  if (depth === 0) return out;
  for (const r of rels) {
    if (r.type !== 'SERVES' || r.from !== id || !bases.includes(String(r.props.linkBasis))) continue;
    out.add(r.to);
    for (const n of reach(r.to, bases, depth - 1)) out.add(n);
  }
  return out;
}

const CHOICES = { all: [...BASES] as string[], printed: basesOfClass('printed') as string[] };
const CASES = (['all', 'printed'] as const).flatMap((choice) => ['', ...plans].map((plan) => [choice, plan] as const));

const { store } = seededStore();

const ids = (rows: Record<string, unknown>[], key = 'id') => rows.map((r) => String(r[key])).sort();

describe('gap queries count only links of the chosen basis', () => {
  it.each(CASES)('actions without a national link (%s links, plan "%s")', async (choice, plan) => {
    const bases = CHOICES[choice];
    const expected = actionsOf(plan).filter((a) => ![...reach(a, bases)].some((n) => TOP.has(kindOf.get(n) ?? ''))).sort();
    expect(ids(await store().read('gaps/actions-without-national-link', { plan, bases }))).toEqual(expected);
  });

  it.each(CASES)('actions without a lead (%s links, plan "%s")', async (choice, plan) => {
    const bases = CHOICES[choice];
    const expected = actionsOf(plan)
      .filter((a) => nodeProps.get(a)?.leadVague === true || !rels.some((r) => r.type === 'LEADS' && r.to === a && bases.includes(String(r.props.linkBasis))))
      .sort();
    expect(ids(await store().read('gaps/actions-without-lead', { plan, bases }))).toEqual(expected);
  });

  it.each(CASES)('outcomes nobody serves (%s links, plan "%s")', async (choice, plan) => {
    const bases = CHOICES[choice];
    const served = new Set(actionsOf(plan).flatMap((a) => [...reach(a, bases)]));
    const expected = [...kindOf].filter(([id, kind]) => TOP.has(kind) && !served.has(id)).map(([id]) => id).sort();
    const rows = await store().read('gaps/unserved-outcomes', { plan, bases });
    expect(rows.map((r) => String((r.t as { properties: { id: string } }).properties.id)).sort()).toEqual(expected);
  });

  it.each(['all', 'printed'] as const)('partners who lead nothing (%s links)', async (choice) => {
    const bases = CHOICES[choice];
    const ok = (r: RelationshipInput) => bases.includes(String(r.props.linkBasis));
    const orgs = [...kindOf].filter(([, k]) => k === 'Organisation').map(([id]) => id);
    const expected = orgs
      .filter((o) => !rels.some((r) => r.type === 'LEADS' && r.from === o && ok(r)) && rels.some((r) => (r.type === 'PARTNERS_IN' || r.type === 'MEMBER_OF') && r.from === o && ok(r)))
      .sort();
    expect(ids(await store().read('gaps/organisations-leading-nothing', { bases }))).toEqual(expected);
  });

  it('printed links only is a real filter: it finds more gaps than every link', async () => {
    const all = await store().read('gaps/actions-without-national-link', { plan: '', bases: CHOICES.all });
    const printed = await store().read('gaps/actions-without-national-link', { plan: '', bases: CHOICES.printed });
    expect(printed.length).toBeGreaterThan(all.length);
  });
});
