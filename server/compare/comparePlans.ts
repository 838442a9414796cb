import { contentWords } from '../gaps/textSimilarity.js';
import type { GraphStore } from '../store/port.js';

/**
 * Two plans side by side: which actions continued from the first to the second,
 * which were dropped and which are new; which national outcomes gained or lost
 * actions; and, for continued actions, whether the lead changed. An action is
 * matched by its printed reference when both plans print the same one with alike
 * text, and otherwise by text: the words of its title, objective, local target and
 * milestones, each word weighted by how rare it is across the two plans (so that
 * "MAPPA" or "substance" counts for more than "ensure"), best pairs first, one to
 * one, at a similarity of at least 0.12. The score is reported with each pair, so a
 * reader can judge a weak match.
 */

export const CONTINUED_THRESHOLD = 0.12;

type PlanAction = { id: string; ref: string; title: string; text: string; leads: string[]; leadAsPrinted: string | null };

export type PlanComparison = {
  a: string;
  b: string;
  continued: { from: string; to: string; fromTitle: string; toTitle: string; score: number; basis: 'reference' | 'text'; leadChanged: boolean; leadsBefore: string[]; leadsAfter: string[] }[];
  dropped: { id: string; ref: string; title: string; bestScore: number }[];
  added: { id: string; ref: string; title: string; bestScore: number }[];
  coverage: { outcome: string; number: number; before: number; after: number; change: 'gained' | 'lost' | 'same' }[];
};

async function actionsOf(store: GraphStore, plan: string): Promise<PlanAction[]> {
  const rows = await store.read('compare/plan-actions', { plan });
  return rows.map((r) => ({
    id: String(r.id),
    ref: String(r.ref ?? ''),
    title: String(r.title),
    text: [r.title, r.objective, r.localTarget, ...((r.milestones as string[] | null) ?? [])].filter(Boolean).join(' '),
    leads: [...new Set(((r.leads as string[] | null) ?? []).map(String))].sort(),
    leadAsPrinted: r.leadAsPrinted === null || r.leadAsPrinted === undefined ? null : String(r.leadAsPrinted),
  }));
}

export async function comparePlans(store: GraphStore, a: string, b: string): Promise<PlanComparison> {
  const [before, after, coverageA, coverageB] = await Promise.all([
    actionsOf(store, a),
    actionsOf(store, b),
    store.read('compare/plan-outcome-coverage', { plan: a }),
    store.read('compare/plan-outcome-coverage', { plan: b }),
  ]);
  const words = new Map<string, Set<string>>([...before, ...after].map((x) => [x.id, contentWords(x.text)]));
  const df = new Map<string, number>();
  for (const w of words.values()) for (const t of w) df.set(t, (df.get(t) ?? 0) + 1);
  const n = words.size;
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 1));
  const weight = (s: Set<string>) => [...s].reduce((sum, t) => sum + idf(t), 0);
  const similarity = (x: string, y: string) => {
    const wx = words.get(x)!;
    const wy = words.get(y)!;
    let shared = 0;
    for (const t of wx) if (wy.has(t)) shared += idf(t);
    const total = weight(wx) + weight(wy);
    return total === 0 ? 0 : (2 * shared) / total;
  };

  const pairs = before.flatMap((x) =>
    after.map((y) => {
      const score = similarity(x.id, y.id);
      // The same printed reference with alike words is the same action carried on.
      const sameRef = x.ref !== '' && x.ref === y.ref && score >= CONTINUED_THRESHOLD / 2;
      return { x, y, score, basis: sameRef ? ('reference' as const) : ('text' as const) };
    }),
  );
  pairs.sort((p, q) => Number(q.basis === 'reference') - Number(p.basis === 'reference') || q.score - p.score);
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  const continued: PlanComparison['continued'] = [];
  for (const p of pairs) {
    if (usedA.has(p.x.id) || usedB.has(p.y.id)) continue;
    if (p.basis === 'text' && p.score < CONTINUED_THRESHOLD) continue;
    usedA.add(p.x.id);
    usedB.add(p.y.id);
    continued.push({
      from: p.x.id,
      to: p.y.id,
      fromTitle: p.x.title,
      toTitle: p.y.title,
      score: Math.round(p.score * 100) / 100,
      basis: p.basis,
      leadChanged: p.x.leads.join() !== p.y.leads.join(),
      leadsBefore: p.x.leads,
      leadsAfter: p.y.leads,
    });
  }
  const best = (id: string, side: 'a' | 'b') => Math.round(Math.max(0, ...pairs.filter((p) => (side === 'a' ? p.x.id : p.y.id) === id).map((p) => p.score)) * 100) / 100;
  const coverage = new Map<string, { outcome: string; number: number; before: number; after: number }>();
  for (const [rows, side] of [
    [coverageA, 'before'],
    [coverageB, 'after'],
  ] as const) {
    for (const r of rows) {
      const c = coverage.get(String(r.outcome)) ?? { outcome: String(r.outcome), number: Number(r.number), before: 0, after: 0 };
      c[side] = Number(r.actions);
      coverage.set(c.outcome, c);
    }
  }
  return {
    a,
    b,
    continued,
    dropped: before.filter((x) => !usedA.has(x.id)).map((x) => ({ id: x.id, ref: x.ref, title: x.title, bestScore: best(x.id, 'a') })),
    added: after.filter((y) => !usedB.has(y.id)).map((y) => ({ id: y.id, ref: y.ref, title: y.title, bestScore: best(y.id, 'b') })),
    coverage: [...coverage.values()]
      .sort((p, q) => p.number - q.number)
      .map((c) => ({ ...c, change: c.after > c.before ? ('gained' as const) : c.after < c.before ? ('lost' as const) : ('same' as const) })),
  };
}
