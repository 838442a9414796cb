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
  const words = query.trim().split(/\s+/).filter((w) => w.length > 0).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [{ text, match: false }];
  const re = new RegExp(`(${words.join('|')})`, 'gi');
  return text
    .split(re)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: words.some((w) => new RegExp(`^${w}$`, 'i').test(part)) }));
}
