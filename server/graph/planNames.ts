import type { GraphStore } from '../store/port.js';
import { cached } from './readCache.js';

/**
 * Short names of plans, made from the Plan nodes themselves: the initials of the
 * publishing body and the first year of the period, "LCJA 2008" for Lanarkshire
 * Community Justice Authority's 2008-09 plan. References repeat across plans (2.2.1 in
 * two, actions called "1" in three), so wherever several plans are on screen a
 * reference is shown with its plan's short name: "LCJA 2008 · 2.2.1".
 */

export type PlanNameSource = { id: string; body: string | null; period: string | null; title: string | null };

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on']);

/** "Lothian & Borders Community Justice Authority" → "L&BCJA"; a one-word body stays whole. */
export function initialsOf(body: string): string {
  const words = body.split(/\s+/).filter(Boolean);
  if (words.length === 1) return words[0]!;
  return words
    .filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => (w === '&' ? '&' : (/[\p{L}\p{N}]/u.exec(w)?.[0] ?? '').toUpperCase()))
    .join('');
}

/** "2008-09" → "2008", "July - September 2010" → "2010"; the period as printed when it holds no year. */
export function firstYear(period: string): string {
  return /\b(1[89]|20)\d\d\b/.exec(period)?.[0] ?? period.trim();
}

/** Short names for a set of plans, each unique: a clash is resolved with the whole period, then the id. */
export function shortNames(plans: PlanNameSource[]): Map<string, string> {
  const base = (p: PlanNameSource) => [initialsOf(p.body ?? p.title ?? p.id), firstYear(p.period ?? '')].filter(Boolean).join(' ');
  const names = new Map(plans.map((p) => [p.id, base(p)]));
  const clashes = (name: string) => [...names.values()].filter((n) => n === name).length > 1;
  for (const p of plans) if (clashes(names.get(p.id)!)) names.set(p.id, [initialsOf(p.body ?? p.title ?? p.id), p.period ?? ''].filter(Boolean).join(' '));
  for (const p of plans) if (clashes(names.get(p.id)!)) names.set(p.id, `${names.get(p.id)} (${p.id.replace(/^plan:/, '')})`);
  return names;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Plan id → short name; cached until a change to a plan's body, period or title, or a plan added or removed (see readCache). */
export function planShortNames(store: GraphStore): Promise<Map<string, string>> {
  return cached(store, 'plan-short-names', async (reading) => {
    const rows = await reading.read('graph/plan-names');
    return shortNames(rows.map((r) => ({ id: String(r.id), body: text(r.body), period: text(r.period), title: text(r.title) })));
  });
}

/** "LCJA 2008 · 2.2.1", or the reference alone where no plan is named. */
export function qualifiedRef(planShort: string | null | undefined, ref: string | null): string | null {
  if (!ref) return planShort ?? null;
  return planShort ? `${planShort} · ${ref}` : ref;
}
