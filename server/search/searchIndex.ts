import MiniSearch, { type Query, type SearchResult as MiniResult } from 'minisearch';
import { LABEL_PROPERTY, NodeId, type NodeKind, type NodeSummary, type SearchExcerpt, type SearchResult } from '../../model/index.js';
import { termOf, tokenize, tokensOf } from './terms.js';
import { ALL_TEXT_FIELD_NAMES, TEXT_FIELDS, fieldText } from './textFields.js';

/**
 * The search index: every text field of every node, held in memory by MiniSearch and
 * built from what the store port reads, so LadybugDB and Neo4j answer alike. Pure: it
 * is given documents and asked queries; loading and refreshing it is searchNodes.ts.
 *
 * Ranking, in tiers (a higher tier always comes first):
 *   1. reference: the query is a printed reference or names a node outright
 *      ("2.5.7", "NO9", "national outcome 11", "O2", "aim 3", an id);
 *   2. alias: the query is an organisation's alias, whole ("SPS", "NLC");
 *   3. prefix: a printed reference starts with the query ("2.5.1" → 2.5.11);
 *   4. words: every word of the query is in the node's text, as typed, as a prefix,
 *      stemmed ("disabilities" → "disability") or within one or two typos.
 * Within a tier: better text match, then shorter label. A milestone or progress update
 * found by its words brings its action with it, and the action is listed first.
 */

export type SearchDocument = {
  summary: NodeSummary;
  props: Record<string, unknown>;
  /** The action a milestone or progress update belongs to. */
  parent: string | null;
};

export type SearchOptions = { kind?: NodeKind | undefined; limit: number };

const TIER_BASE = { reference: 400, alias: 300, prefix: 200, words: 100 } as const;
type Tier = keyof typeof TIER_BASE;

/** The naming fields weigh double, references and aliases triple. */
const BOOST: Record<string, number> = { ref: 3, code: 3, aliases: 3 };
for (const f of Object.values(LABEL_PROPERTY)) BOOST[f] = 2;

const EXCERPT_CHARS = 220;
const ANSWERS_KEPT = 2000;
/** Word matches ranked past this are never shown: only so many are carried into the tiers. */
const MATCHES_KEPT = 400;
/** Nodes holding only some of the words are looked for when fewer than this many hold them all. */
const PARTIAL_BELOW = 5;

/** Ids that a typed reference names outright: "NO9", "national outcome 9", "O2", "aim 3", or an id itself. */
export function referenceIds(query: string): string[] {
  const q = query.trim();
  const ids: string[] = [];
  const no = /^(?:no|national\s+outcome)\s*(\d{1,2})$/i.exec(q);
  if (no) ids.push(`no:${Number(no[1])}`);
  const nsmo = /^([cos])\s*([1-9])$/i.exec(q);
  if (nsmo) ids.push(`nsmo:${nsmo[1]!.toUpperCase()}${nsmo[2]}`);
  const aim = /^(?:strategic\s+)?aim\s*([1-4])$/i.exec(q);
  if (aim) ids.push(`aim:${aim[1]}`);
  if (q.includes(':') && NodeId.safeParse(q).success) ids.push(q);
  return ids;
}

/** Stemming is the dearest step and the vocabulary is small: each distinct token is worked out once. */
const TERM_MEMO = new Map<string, string[] | null>();
const TERM_MEMO_MAX = 200_000;

/** Index terms of one token: its stem and, where different, the word itself (so a half-typed word still matches as a prefix). */
function indexTerms(token: string): string[] | null {
  const known = TERM_MEMO.get(token);
  if (known !== undefined) return known;
  const stem = termOf(token);
  const raw = token
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const terms = stem === null ? null : raw === stem ? [stem] : [stem, raw];
  if (TERM_MEMO.size >= TERM_MEMO_MAX) TERM_MEMO.clear();
  TERM_MEMO.set(token, terms);
  return terms;
}

/** A document's text in one indexed field, as MiniSearch reads it (its `extractField`). */
const fieldOf = (doc: SearchDocument, field: string): string => (field === 'id' ? doc.summary.id : (fieldText(doc.props[field]) ?? ''));

/** The index terms of a document, as MiniSearch indexes it (the same fields, tokens and terms), each once. */
function termsOf(doc: SearchDocument): Set<string> {
  const terms = new Set<string>();
  for (const field of ALL_TEXT_FIELD_NAMES) {
    for (const token of tokenize(fieldOf(doc, field))) for (const t of indexTerms(token) ?? []) terms.add(t);
  }
  return terms;
}

type Hit = { doc: SearchDocument; tier: Tier; score: number; terms: Set<string>; fields: string[]; via?: Hit };

export class SearchIndex {
  private readonly docs = new Map<string, SearchDocument>();
  private readonly byRef = new Map<string, string[]>();
  private readonly byAlias = new Map<string, string[]>();
  private readonly mini: MiniSearch<SearchDocument>;
  /**
   * Every term in the index, with how many documents hold it: a query word found here is
   * no typo, and is not searched fuzzily. Counted, so that taking a document out knows at
   * once which of its terms no other document holds: asking the index instead (a search
   * per term) took most of an edit's time, since common words are held by thousands.
   */
  private readonly vocabulary = new Map<string, number>();

  constructor(documents: Iterable<SearchDocument>) {
    this.mini = new MiniSearch<SearchDocument>({
      idField: 'id',
      fields: ALL_TEXT_FIELD_NAMES,
      extractField: fieldOf,
      tokenize,
      processTerm: indexTerms,
    });
    const all: SearchDocument[] = [];
    for (const doc of documents) {
      this.docs.set(doc.summary.id, doc);
      all.push(doc);
      this.lookUp(doc);
      this.count(doc, 1);
    }
    this.mini.addAll(all);
  }

  get size(): number {
    return this.docs.size;
  }

  /** The document held for a node, if any (the change listener compares it with the graph's). */
  document(id: string): SearchDocument | undefined {
    return this.docs.get(id);
  }

  /** Every document held, for the change listener's check of plan context. */
  documents(): IterableIterator<SearchDocument> {
    return this.docs.values();
  }

  /**
   * Adds a node's document, or replaces the one held: after a change, only the changed
   * nodes are indexed again, never the whole graph. Removal is MiniSearch's eager
   * `remove` (not the lazy `discard`), so term statistics, and with them the ranking, are
   * those of an index built afresh from the same documents.
   */
  put(doc: SearchDocument): void {
    this.remove(doc.summary.id);
    this.docs.set(doc.summary.id, doc);
    this.lookUp(doc);
    this.count(doc, 1);
    this.mini.add(doc);
    this.answers.clear();
  }

  /** Takes a node out of the index (deleted); nothing when it is not held. */
  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.mini.remove(doc);
    this.docs.delete(id);
    const without = (map: Map<string, string[]>, key: string) => {
      const ids = (map.get(key) ?? []).filter((x) => x !== id);
      if (ids.length) map.set(key, ids);
      else map.delete(key);
    };
    const ref = doc.summary.ref?.toLowerCase();
    if (ref) without(this.byRef, ref);
    for (const a of aliasesOf(doc)) without(this.byAlias, a);
    // A term only this document held is no longer known: a query word matching it may be a typo again.
    this.count(doc, -1);
    this.answers.clear();
  }

  /** Counts a document's terms in (+1) or out (-1) of the vocabulary, each term once per document. */
  private count(doc: SearchDocument, by: 1 | -1): void {
    for (const term of termsOf(doc)) {
      const held = (this.vocabulary.get(term) ?? 0) + by;
      if (held > 0) this.vocabulary.set(term, held);
      else this.vocabulary.delete(term);
    }
  }

  private lookUp(doc: SearchDocument): void {
    const ref = doc.summary.ref?.toLowerCase();
    if (ref) this.byRef.set(ref, [...(this.byRef.get(ref) ?? []), doc.summary.id]);
    for (const key of aliasesOf(doc)) this.byAlias.set(key, [...(this.byAlias.get(key) ?? []), doc.summary.id]);
  }

  /**
   * Answers to queries already asked of this index. A room of planners asks the same
   * few things again and again; every change put into the index forgets them.
   */
  private readonly answers = new Map<string, SearchResult[]>();

  search(query: string, options: SearchOptions): SearchResult[] {
    const key = `${options.kind ?? ''}\u0000${options.limit}\u0000${query.trim().toLowerCase().replace(/\s+/g, ' ')}`;
    const known = this.answers.get(key);
    if (known) return known;
    const answer = this.answer(query, options);
    if (this.answers.size >= ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, answer);
    return answer;
  }

  private answer(query: string, options: SearchOptions): SearchResult[] {
    const q = query.trim().toLowerCase();
    const hits = new Map<string, Hit>();
    const offer = (hit: Hit) => {
      const before = hits.get(hit.doc.summary.id);
      if (!before || TIER_BASE[before.tier] + before.score < TIER_BASE[hit.tier] + hit.score) hits.set(hit.doc.summary.id, hit);
    };
    const docOf = (id: string) => this.docs.get(id);

    // Tiers 1 to 3: references and aliases, looked up whole.
    for (const id of new Set([...referenceIds(query), ...(this.byRef.get(q) ?? [])])) {
      const doc = docOf(id);
      if (doc) offer({ doc, tier: 'reference', score: brevity(doc), terms: new Set(), fields: [] });
    }
    for (const id of this.byAlias.get(q) ?? []) {
      const doc = docOf(id);
      if (doc) offer({ doc, tier: 'alias', score: brevity(doc), terms: new Set(), fields: ['aliases'] });
    }
    if (q !== '' && !/\s/.test(q)) {
      for (const [ref, ids] of this.byRef) {
        if (ref.length > q.length && ref.startsWith(q)) {
          for (const id of ids) offer({ doc: docOf(id)!, tier: 'prefix', score: 1 - ref.length / 100, terms: new Set(), fields: [] });
        }
      }
    }

    // Tier 4: words. Nodes holding every word come first (scores 0.5 to 1); then, below
    // them, nodes holding only some (up to 0.5, by the share of the words they hold).
    for (const { result: r, score } of this.wordHits(query, options.limit)) {
      const doc = docOf(String(r.id))!;
      offer({ doc, tier: 'words', score, terms: new Set(r.terms), fields: [...new Set(Object.values(r.match).flat())] });
    }

    // A milestone or progress update brings the action it belongs to.
    for (const hit of [...hits.values()]) {
      const parent = hit.doc.parent ? docOf(hit.doc.parent) : undefined;
      if (!parent || hit.tier !== 'words') continue;
      const own = hits.get(parent.summary.id);
      if (!own) hits.set(parent.summary.id, { doc: parent, tier: 'words', score: hit.score, terms: new Set(), fields: [], via: hit });
      else if (own.tier === 'words' && own.score < hit.score) {
        // The action ranks as well as the best of its items, and says which item that is.
        own.score = hit.score;
        own.via = hit;
      }
    }

    const ranked = [...hits.values()].filter((h) => !options.kind || h.doc.summary.kind === options.kind);
    return groupUnderActions(ranked)
      .slice(0, options.limit)
      .map((h) => this.toResult(h));
  }

  /**
   * Word matches, cheapest first: the words as typed, stemmed, and the last one as a
   * prefix (it may be half typed); only when that finds too little, typos are forgiven;
   * only when every word together still finds too little, nodes holding some of them.
   */
  private wordHits(query: string, wanted: number): { result: MiniResult; score: number }[] {
    const tokens = tokenize(query)
      .map(indexTerms)
      .filter((t): t is string[] => t !== null);
    if (tokens.length === 0) return [];
    const clauses = (fuzzy: boolean): Query[] =>
      tokens.map((terms, i) => ({
        combineWith: 'OR',
        queries: terms,
        // Terms are already processed; a typo is forgiven in words of five letters or more.
        processTerm: (t: string) => t,
        tokenize: (t: string) => [t],
        prefix: prefix && i === tokens.length - 1 ? (t: string) => t.length >= 2 : false,
        // Only a word the index does not hold can be a typo.
        fuzzy: fuzzy && !terms.some((t) => this.vocabulary.has(t)) ? (t: string) => (t.length >= 5 && !/\d/.test(t) ? 0.2 : false) : false,
      }));
    let prefix = true;
    const run = (combineWith: 'AND' | 'OR', fuzzy: boolean) => this.mini.search({ combineWith, queries: clauses(fuzzy) }, { boost: BOOST }).slice(0, MATCHES_KEPT);
    let all = run('AND', false);
    if (all.length < wanted && tokens.some((terms) => !terms.some((t) => this.vocabulary.has(t)))) all = run('AND', true);
    const top = all[0]?.score ?? 1;
    const out = all.map((result) => ({ result, score: 0.5 + (0.5 * result.score) / top }));
    // Partial matches only when whole ones are few: they are the dearest run (common words have long postings).
    if (tokens.length > 1 && all.length < Math.min(wanted, PARTIAL_BELOW)) {
      const seen = new Set(all.map((r) => r.id as string));
      // Partial matches: every word as typed or stemmed, none as a prefix (a short last word would match half the index).
      prefix = false;
      const some = run('OR', true).filter((r) => !seen.has(r.id as string));
      const someTop = some[0]?.score ?? 1;
      for (const result of some) {
        const held = tokens.filter((terms) => terms.some((t) => result.queryTerms.includes(t))).length / tokens.length;
        out.push({ result, score: 0.49 * held * (result.score / someTop) });
      }
    }
    return out;
  }

  private toResult(hit: Hit): SearchResult {
    const { summary, parent } = hit.doc;
    const parentDoc = parent ? this.docs.get(parent) : undefined;
    const match = hit.tier;
    return {
      ...summary,
      match,
      score: Math.round((TIER_BASE[hit.tier] + hit.score * 99) * 100) / 100,
      excerpt: excerptOf(hit.doc, hit.terms, hit.fields),
      labelRanges: rangesIn(summary.label, hit.terms),
      parent: parentDoc ? parentDoc.summary : null,
      via: hit.via ? { ...hit.via.doc.summary, excerpt: excerptOf(hit.via.doc, hit.via.terms, hit.via.fields) } : null,
    };
  }
}

function aliasesOf(doc: SearchDocument): string[] {
  return (Array.isArray(doc.props.aliases) ? doc.props.aliases : []).map((a) => String(a).trim().toLowerCase());
}

/** Shorter labels first among equals: "SPS" finds the Scottish Prison Service before a long action text. */
function brevity(doc: SearchDocument): number {
  return 1 / (1 + doc.summary.label.length / 100);
}

/**
 * Sorts hits by tier and score, then moves each milestone and progress update to just
 * after its action when the action is listed, so the action always comes first.
 */
function groupUnderActions(hits: Hit[]): Hit[] {
  const value = (h: Hit) => TIER_BASE[h.tier] + h.score;
  const sorted = hits.sort((a, b) => value(b) - value(a) || a.doc.summary.label.length - b.doc.summary.label.length || a.doc.summary.id.localeCompare(b.doc.summary.id));
  const listed = new Set(sorted.map((h) => h.doc.summary.id));
  const children = new Map<string, Hit[]>();
  for (const h of sorted) {
    const p = h.doc.parent;
    if (p && listed.has(p)) children.set(p, [...(children.get(p) ?? []), h]);
  }
  const out: Hit[] = [];
  for (const h of sorted) {
    const p = h.doc.parent;
    if (p && listed.has(p)) continue;
    out.push(h, ...(children.get(h.doc.summary.id) ?? []));
  }
  return out;
}

/** [start, end) offsets of the words of `text` whose index terms matched. */
export function rangesIn(text: string, matched: Set<string>): [number, number][] {
  if (matched.size === 0) return [];
  const out: [number, number][] = [];
  for (const t of tokensOf(text)) {
    const terms = indexTerms(t.text);
    if (terms?.some((x) => matched.has(x))) out.push([t.start, t.end]);
  }
  return out;
}

/** The field that matched best (most matched words; the naming field among equals), cut to a window around the first match. */
function excerptOf(doc: SearchDocument, matched: Set<string>, fields: string[]): SearchExcerpt | null {
  const kindFields = TEXT_FIELDS[doc.summary.kind];
  let best: { field: string; label: string; text: string; ranges: [number, number][] } | null = null;
  for (const f of kindFields) {
    if (fields.length && !fields.includes(f.field)) continue;
    const text = fieldText(doc.props[f.field]);
    if (!text) continue;
    const ranges = rangesIn(text, matched);
    const distinct = new Set(ranges.map(([s, e]) => indexTerms(text.slice(s, e))![0])).size;
    const bestDistinct = best ? new Set(best.ranges.map(([s, e]) => indexTerms(best!.text.slice(s, e))![0])).size : -1;
    if (distinct > bestDistinct) best = { field: f.field, label: f.label, text, ranges };
  }
  if (!best || best.ranges.length === 0) return null;
  return cut(best.field, best.label, best.text, best.ranges);
}

function cut(field: string, fieldLabel: string, text: string, ranges: [number, number][]): SearchExcerpt {
  if (text.length <= EXCERPT_CHARS) return { field, fieldLabel, text, highlights: ranges };
  const first = ranges[0]![0];
  let start = Math.max(0, first - 60);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 && first - space < 90 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + EXCERPT_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const body = text.slice(start, end);
  const shift = prefix.length - start;
  return {
    field,
    fieldLabel,
    text: `${prefix}${body}${end < text.length ? '…' : ''}`,
    highlights: ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}
