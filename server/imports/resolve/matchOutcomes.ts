import type { LinkBasis } from '../../../model/vocabulary.js';
import { contentWords } from '../../gaps/textSimilarity.js';
import { fold } from './fold.js';
import type { ReferenceData } from './referenceData.js';

/**
 * National outcomes, strategic aims and framework outcomes named in a cell: by
 * number ("National Outcome 9", "Aim 2", "O7"), or by wording. A wording printed
 * whole is a printed link ("exact wording", even with its commas lost); a fragment
 * that only resembles a wording is a "near-exact wording" link the importer
 * inferred, with its score, and anything left over is listed as unmatched.
 */

export type OutcomeLink = { id: string; basis: LinkBasis; printedAs: string; inferred: boolean; score?: number };
export type OutcomeMatch = { links: OutcomeLink[]; unmatched: string[] };

type Target = { id: string; number?: number; code?: string; wording: string };

const NEAR_EXACT = 0.6;

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function matchTargets(text: string, targets: Target[], numberPattern: RegExp | null, codePattern: RegExp | null): OutcomeMatch {
  const links: OutcomeLink[] = [];
  const add = (link: OutcomeLink) => {
    if (!links.some((l) => l.id === link.id)) links.push(link);
  };
  let rest = fold(text);
  // Longest wordings first, so that one wording inside another is not matched twice.
  for (const t of [...targets].sort((a, b) => b.wording.length - a.wording.length)) {
    const w = fold(t.wording);
    if (w && rest.includes(w)) {
      add({ id: t.id, basis: 'exact wording', printedAs: t.wording.replace(/\.$/, ''), inferred: false });
      rest = rest.replace(w, ' | ');
    }
  }
  if (numberPattern) {
    for (const m of text.matchAll(numberPattern)) {
      for (const n of m[1]!.split(/\s*(?:,|and|&|\/)\s*/).map(Number)) {
        const t = targets.find((x) => x.number === n);
        if (t) add({ id: t.id, basis: 'printed number', printedAs: m[0], inferred: false });
      }
      rest = rest.replace(fold(m[0]), ' | ');
    }
  }
  if (codePattern) {
    for (const m of text.matchAll(codePattern)) {
      const t = targets.find((x) => x.code === m[1]);
      if (t) {
        add({ id: t.id, basis: 'printed number', printedAs: m[0], inferred: false });
        rest = rest.replace(fold(m[0]), ' | ');
      }
    }
  }
  const unmatched: string[] = [];
  for (const fragment of rest.split(/\s*\|\s*/).map((f) => f.trim())) {
    const words = contentWords(fragment);
    if (words.size < 2) continue;
    let best: { t: Target; score: number } | null = null;
    for (const t of targets) {
      const score = dice(words, contentWords(t.wording));
      if (!best || score > best.score) best = { t, score };
    }
    if (best && best.score >= NEAR_EXACT) {
      add({ id: best.t.id, basis: 'near-exact wording', printedAs: fragment, inferred: true, score: Math.round(best.score * 100) / 100 });
    } else unmatched.push(fragment);
  }
  return { links, unmatched };
}

export function matchNationalOutcomes(text: string, ref: ReferenceData): OutcomeMatch {
  return matchTargets(
    text,
    ref.nationalOutcomes.map((n) => ({ id: n.id, number: n.number, wording: n.wording })),
    /national outcomes?\s*(\d{1,2}(?:\s*(?:,|and|&|\/)\s*\d{1,2})*)/gi,
    null,
  );
}

export function matchAims(text: string, ref: ReferenceData): OutcomeMatch {
  return matchTargets(
    text,
    ref.aims.map((a) => ({ id: a.id, number: a.number, wording: a.title })),
    /(?:strategic |national )?aims?\s*(\d(?:\s*(?:,|and|&|\/)\s*\d)*)\b/gi,
    null,
  );
}

export function matchFrameworkOutcomes(text: string, ref: ReferenceData): OutcomeMatch {
  return matchTargets(
    text,
    ref.frameworkOutcomes.map((f) => ({ id: f.id, code: f.code, wording: f.wording })),
    null,
    /\b([COS][1-9])\b/g,
  );
}
