import { contentWords } from '../../server/gaps/textSimilarity.js';
import { basisClass, type Basis } from '../../model/vocabulary.js';
import type { ImportGraph } from '../../server/imports/buildImportGraph.js';
import type { SeedDoc, SeedRel } from './seedReference.js';

/**
 * How much of a curated seed document an import reproduced. An imported action
 * reproduces a seed action when it has the same printed reference and nearly the
 * same words (the curator sometimes added "; " between run-together key actions).
 * A lead is reproduced when the same organisation LEADS the matched action; a link
 * when the matched action SERVES the same target (local outcomes and priorities are
 * matched by their reference and wording first). Links are counted by the basis
 * vocabulary: "printed" (same row, heading, number), "read from the table" (exact
 * wording in the row, the table's structure: inferred by class, but read off the
 * table), and "near-exact wording", the curator's inference from resemblance.
 */

const SIMILAR = 0.8;

function dice(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  if (x.size === 0 || y.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

type Share = { reproduced: number; total: number; share: number; missing: string[] };
const share = (hits: string[], all: string[]): Share => ({
  reproduced: hits.length,
  total: all.length,
  share: all.length === 0 ? 1 : hits.length / all.length,
  missing: all.filter((x) => !hits.includes(x)),
});

export type Reproduction = { actions: Share; leads: Share; printedLinks: Share; tableLinks: Share; nearExactLinks: Share; allLinks: Share; extraLeads: string[] };

export function compareWithSeed(seed: SeedDoc, graph: ImportGraph): Reproduction {
  const kindOf = new Map(seed.nodes.map((n) => [n.id, n.kind]));
  const importedKind = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const match = (kind: string, refField: string, textField: string) => {
    const out = new Map<string, string>();
    const taken = new Set<string>();
    const candidates = graph.nodes.filter((n) => n.kind === kind);
    // Best pairs first over the whole document, so that an early seed item cannot take another's twin.
    const pairs: { s: string; c: string; score: number }[] = [];
    for (const s of seed.nodes.filter((n) => n.kind === kind)) {
      for (const c of candidates) {
        // A reference printed on both sides must agree; a seed item without one (a local outcome named only by its words) matches on words.
        const refs = [s.props[refField], c.props[refField]].map((r) => (r === undefined || r === '' ? null : String(r)));
        const refBonus = refs[0] !== null && refs[1] !== null ? (refs[0] === refs[1] ? 0.01 : -1) : 0;
        const score = dice(String(s.props[textField]), String(c.props[textField])) + refBonus;
        if (score >= SIMILAR) pairs.push({ s: s.id, c: c.id, score });
      }
    }
    for (const p of pairs.sort((a, b) => b.score - a.score)) {
      if (out.has(p.s) || taken.has(p.c)) continue;
      out.set(p.s, p.c);
      taken.add(p.c);
    }
    return out;
  };
  const actions = match('Action', 'ref', 'title');
  const outcomes = match('LocalOutcome', 'ref', 'title');
  const priorities = match('Priority', 'ref', 'title');
  const mapTarget = (id: string) =>
    outcomes.get(id) ?? priorities.get(id) ?? (kindOf.has(id) && !['NationalOutcome', 'StrategicAim', 'FrameworkOutcome'].includes(kindOf.get(id)!) ? `unmatched:${id}` : id);
  const has = (type: string, from: string, to: string) => graph.links.some((l) => l.type === type && l.from === from && l.to === to);

  const seedActions = seed.nodes.filter((n) => n.kind === 'Action').map((n) => n.id);
  const seedLeads = seed.relationships.filter((r) => r.type === 'LEADS' && kindOf.get(r.to) === 'Action');
  const seedServes = seed.relationships.filter((r) => r.type === 'SERVES' && kindOf.get(r.from) === 'Action');
  const key = (r: { type: string; from: string; to: string }) => `${r.from} ${r.type} ${r.to}`;
  const leadHits = seedLeads.filter((r) => actions.has(r.to) && has('LEADS', r.from, actions.get(r.to)!));
  const serveHit = (r: (typeof seedServes)[number]) => actions.has(r.from) && has('SERVES', actions.get(r.from)!, mapTarget(r.to));
  const basis = (r: SeedRel) => String(r.props?.linkBasis ?? '') as Basis;
  const printed = seedServes.filter((r) => basisClass(basis(r)) === 'printed');
  const table = seedServes.filter((r) => basis(r) === 'exact wording' || basis(r) === 'document structure');
  const nearExact = seedServes.filter((r) => basis(r) === 'near-exact wording');
  const reverse = new Map([...actions].map(([s, i]) => [i, s]));
  const extraLeads = graph.links
    .filter((l) => l.type === 'LEADS' && importedKind.get(l.to) === 'Action')
    .filter((l) => !seedLeads.some((r) => r.from === l.from && actions.get(r.to) === l.to))
    .map((l) => `${l.from} LEADS ${reverse.get(l.to) ?? l.to} (printed "${String(l.props.role)}")`);
  return {
    actions: share(
      seedActions.filter((a) => actions.has(a)),
      seedActions,
    ),
    leads: share(leadHits.map(key), seedLeads.map(key)),
    printedLinks: share(printed.filter(serveHit).map(key), printed.map(key)),
    tableLinks: share(table.filter(serveHit).map(key), table.map(key)),
    nearExactLinks: share(nearExact.filter(serveHit).map(key), nearExact.map(key)),
    allLinks: share(seedServes.filter(serveHit).map(key), seedServes.map(key)),
    extraLeads,
  };
}
