import type { NodeSummary } from '../../model/api.js';
import type { GraphIndex } from '../graph/index.js';
import { spokenRef } from '../graph/labels.js';

/**
 * Search over the loaded graph, used when the server's search cannot answer. It
 * matches printed references and words of labels; aliases need the server.
 */

export type LocalResult = NodeSummary & { score: number };

export function localSearch(index: GraphIndex, query: string, limit = 12): LocalResult[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const words = q.split(/\s+/).filter(Boolean);
  const results: LocalResult[] = [];
  for (const n of index.nodes.values()) {
    const ref = (n.ref ?? '').toLowerCase();
    const spoken = (spokenRef(n.kind, n.ref) ?? '').toLowerCase();
    const label = n.label.toLowerCase();
    let score = 0;
    if (ref !== '' && (ref === q || spoken === q)) score = 100;
    else if (ref !== '' && (ref.startsWith(q) || spoken.startsWith(q))) score = 80 - Math.min(20, ref.length - q.length);
    else if (words.every((w) => label.includes(w))) score = 40 + (label.startsWith(words[0]!) ? 10 : 0) - Math.min(20, label.length / 20);
    if (score > 0) results.push({ id: n.id, kind: n.kind, label: n.label, ref: n.ref, plan: n.plan, score });
  }
  return results.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label, 'en-GB')).slice(0, limit);
}

/** Splits a label around the query's words so that the list can mark them. */
export function markMatches(text: string, query: string): { text: string; match: boolean }[] {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [{ text, match: false }];
  const re = new RegExp(`(${words.join('|')})`, 'gi');
  return text
    .split(re)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: words.some((w) => new RegExp(`^${w}$`, 'i').test(part)) }));
}

export type Part = { text: string; match: boolean };

/**
 * Splits a text into plain and matched parts by the server's [start, end) offsets, cut to
 * `max` characters (at a word where it can) with the ranges clipped to what is kept.
 * The parts become text nodes and <mark> elements: no markup from the data is parsed.
 */
export function highlightParts(text: string, ranges: readonly (readonly [number, number])[], max = Infinity): Part[] {
  let end = text.length;
  let ellipsis = '';
  if (text.length > max) {
    const space = text.lastIndexOf(' ', max - 1);
    end = space > max * 0.6 ? space : max - 1;
    ellipsis = '…';
  }
  const clipped = [...ranges]
    .map(([s, e]) => [Math.max(0, s), Math.min(end, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const parts: Part[] = [];
  let at = 0;
  for (const [s, e] of clipped) {
    if (s < at) continue;
    if (s > at) parts.push({ text: text.slice(at, s), match: false });
    parts.push({ text: text.slice(s, e), match: true });
    at = e;
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  if (ellipsis) parts.push({ text: ellipsis, match: false });
  return parts;
}

/** "LCJA 2008 · 2.5.7": one spelling for the map and the lists, kept in graph/labels.ts. */
export { refWithPlan } from '../graph/labels.js';
