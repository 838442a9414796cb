import type { ImportMapping } from '../../../model/importMapping.js';
import { documentAliasesOf, resolveOrganisationName, type AliasedOrganisation } from '../../../model/organisationAliases.js';
import { contentWords } from '../../gaps/textSimilarity.js';
import { fold } from './fold.js';
import type { ReferenceData, ReferenceOrganisation } from './referenceData.js';

/**
 * The organisations a lead cell names. A name or alias printed in the cell matches
 * (an acronym only in capitals, "MAPPAs" as "MAPPA"; the longest name wins, so
 * "MAPPAs steering Group" is the steering group, not MAPPA). An alias several
 * organisations share ("CJA") matches none of them: it is listed with them as
 * suggestions. A name that matches nothing is listed with the organisations it
 * most resembles ("NLC" -> North Lanarkshire Council, by initials), for the user to
 * confirm in the mapping; the mapping's answer always wins.
 *
 * `document` is the plan's source file: names an organisation goes by in that
 * document only ("CJA" is Lothian & Borders CJA in its own area plan) are found
 * too, and where several organisations share the printed words the document's own
 * meaning decides, by the seed's rule (resolveOrganisationName).
 */

export type Suggestion = { id: string; name: string; score: number };
export type OrganisationMatch =
  { kind: 'matched'; printed: string; id: string; how: 'name' | 'alias' | 'mapping' } | { kind: 'vague'; printed: string } | { kind: 'unmatched'; printed: string; suggestions: Suggestion[] };

const SEPARATORS = /\s*(?:\/|;|,|&|\band\b|\+)\s*/;
const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to']);

function isAcronym(name: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(name);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

type Hit = { org: ReferenceOrganisation; start: number; end: number; how: 'name' | 'alias' };

type NameEntry = { folded: string; how: 'name' | 'alias'; acronym: RegExp | null };
type Names = { org: ReferenceOrganisation; names: NameEntry[] }[];
const namesCache = new WeakMap<ReferenceData, Map<string, Names>>();
const foldedCache = new WeakMap<ReferenceData, AliasedOrganisation[]>();

/** Each organisation's names (and its aliases in `document`) folded once per reference set and document, not once per row. */
function namesOf(ref: ReferenceData, document: string | null) {
  let byDocument = namesCache.get(ref);
  if (!byDocument) namesCache.set(ref, (byDocument = new Map<string, Names>()));
  let names = byDocument.get(document ?? '');
  if (!names) {
    names = ref.organisations.map((org) => {
      const local =
        document === null
          ? []
          : documentAliasesOf(org)
              .filter(([d]) => d === document)
              .map(([, a]) => a);
      return {
        org,
        names: [[org.name, 'name'] as const, ...[...org.aliases, ...local].map((a) => [a, 'alias'] as const)]
          .map(([name, how]) => ({ folded: fold(name), how, acronym: isAcronym(name) ? new RegExp(`(^|[^A-Za-z0-9])${escape(name)}s?(?=$|[^A-Za-z0-9])`) : null }))
          .filter((n) => n.folded !== ''),
      };
    });
    byDocument.set(document ?? '', names);
  }
  return names;
}

/** The organisations with every name folded as the import folds text, for resolveOrganisationName. */
function foldedOrganisations(ref: ReferenceData): AliasedOrganisation[] {
  let orgs = foldedCache.get(ref);
  if (!orgs) {
    orgs = ref.organisations.map((o) => ({
      id: o.id,
      name: fold(o.name),
      aliases: o.aliases.map(fold),
      documentAliases: documentAliasesOf(o).map(([d, a]) => `${d}: ${fold(a)}`),
    }));
    foldedCache.set(ref, orgs);
  }
  return orgs;
}

/** What the folded words mean in `document` by the seed's rule: one id, or none when they mean several or nothing. */
function resolvedIn(printed: string, document: string | null, ref: ReferenceData): string | null {
  const ids = resolveOrganisationName(fold(printed), document, foldedOrganisations(ref));
  return ids.length === 1 ? ids[0]! : null;
}

/** Where each organisation's longest printed name stands in the folded text. */
function hitsIn(text: string, ref: ReferenceData, document: string | null): Hit[] {
  const folded = ` ${fold(text)} `;
  const hits: Hit[] = [];
  for (const { org, names } of namesOf(ref, document)) {
    let best: Hit | null = null;
    for (const { folded: f, how, acronym } of names) {
      // An acronym counts only where the cell prints it in capitals ("SPS", "MAPPAs"), not inside ordinary words.
      if (acronym && !acronym.test(text)) continue;
      let at = folded.indexOf(` ${f} `);
      if (at < 0) at = folded.indexOf(` ${f}s `);
      if (at < 0) continue;
      const hit: Hit = { org, start: at + 1, end: at + 1 + f.length, how };
      if (!best || hit.end - hit.start > best.end - best.start) best = hit;
    }
    if (best) hits.push(best);
  }
  return hits;
}

export function suggestOrganisations(printed: string, ref: ReferenceData, limit = 3): Suggestion[] {
  const words = contentWords(printed);
  const compact = printed.replace(/[^A-Za-z]/g, '').toUpperCase();
  return ref.organisations
    .map((org) => {
      let score = 0;
      for (const name of [org.name, ...org.aliases]) {
        if (compact.length >= 2 && initials(name) === compact) score = Math.max(score, 0.9);
        const other = contentWords(name);
        let shared = 0;
        for (const w of words) if (other.has(w)) shared++;
        if (words.size && other.size) score = Math.max(score, (2 * shared) / (words.size + other.size));
      }
      return { id: org.id, name: org.name, score: Math.round(score * 100) / 100 };
    })
    .filter((s) => s.score >= 0.3)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}

function fromMapping(printed: string, mapping: ImportMapping): OrganisationMatch | null {
  for (const [key, id] of Object.entries(mapping.organisations)) {
    if (fold(key) !== fold(printed)) continue;
    return id === null ? { kind: 'vague', printed } : { kind: 'matched', printed, id, how: 'mapping' };
  }
  return null;
}

const ROLE_WORDS = new Set(['chair', 'lead', 'leads', 'officer', 'manager', 'head', 'director', 'convener', 'coordinator', 'co', 'ordinator', 'team', 'all']);

/** Every organisation a lead cell names, or why a part of it names none. */
export function matchOrganisations(cell: string, ref: ReferenceData, mapping: ImportMapping, document: string | null = null): OrganisationMatch[] {
  const whole = fromMapping(cell, mapping);
  if (whole) return [whole];
  const results: OrganisationMatch[] = [];
  const folded = ` ${fold(cell)} `;
  const taken: [number, number][] = [];
  const hits = hitsIn(cell, ref, document).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (taken.some(([s, e]) => h.start < e && h.end > s)) continue;
    // The same words name several organisations ("CJA"): none is chosen; all are suggested.
    const rivals = hits.filter((o) => o !== h && o.start === h.start && o.end === h.end);
    taken.push([h.start, h.end]);
    const printed = folded.slice(h.start, h.end);
    const meant = rivals.length > 0 ? resolvedIn(printed, document, ref) : null;
    if (rivals.length > 0 && meant !== null) {
      const mapped = fromMapping(printed, mapping);
      results.push(mapped ?? { kind: 'matched', printed, id: meant, how: 'alias' });
      i += rivals.length;
    } else if (rivals.length > 0) {
      results.push({ kind: 'unmatched', printed, suggestions: [h, ...rivals].map((x) => ({ id: x.org.id, name: x.org.name, score: 1 })) });
      i += rivals.length;
    } else {
      const mapped = fromMapping(printed, mapping);
      results.push(mapped ?? { kind: 'matched', printed, id: h.org.id, how: h.how });
    }
  }
  // What is left once the names are taken out: another body the graph does not know yet?
  let rest = folded;
  for (const [s, e] of [...taken].sort((a, b) => b[0] - a[0])) rest = rest.slice(0, s) + ' | ' + rest.slice(e);
  for (const part of rest
    .split(/\s*(?:\||\band\b)\s*/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const words = part.split(' ').filter((w) => w.length > 1 && !ROLE_WORDS.has(w) && !MINOR_WORDS.has(w));
    if (words.length === 0) continue;
    const original =
      cell
        .split(SEPARATORS)
        .map((p) => p.trim())
        .find((p) => fold(p) === part) ?? part;
    results.push(fromMapping(original, mapping) ?? { kind: 'unmatched', printed: original, suggestions: suggestOrganisations(original, ref) });
  }
  const seen = new Set<string>();
  return results.filter((r) => r.kind !== 'matched' || (!seen.has(r.id) && seen.add(r.id)));
}
