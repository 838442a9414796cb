import { NodeId, type SearchParams, type SearchResult } from '../../model/index.js';
import type { GraphStore, NodeValue } from '../store/port.js';
import { planIndex, summaryOf } from '../graph/summaries.js';

/**
 * Search over names, titles, wordings, printed references and aliases, ranked the
 * way a planner expects: an exact reference first ("2.5.7", "NO9", "O2", "Aim 1"),
 * then prefixes, then aliases, then words anywhere.
 */

const CANDIDATES = 200;

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

type Scored = { node: NodeValue; match: SearchResult['match']; score: number };

function rank(node: NodeValue, q: string, exactIds: Set<string>): Scored {
  const p = node.properties;
  const id = String(p.id);
  const ref = typeof p.ref === 'string' ? p.ref.toLowerCase() : typeof p.code === 'string' ? p.code.toLowerCase() : '';
  const label = String(p.title ?? p.name ?? p.wording ?? p.measure ?? p.text ?? p.narrative ?? '').toLowerCase();
  const aliases = Array.isArray(p.aliases) ? p.aliases.map((a) => String(a).toLowerCase()) : [];
  // Shorter labels first among equals: "SPS" should find the Scottish Prison Service before a long action text.
  const brevity = 1 / (1 + label.length / 100);
  if (exactIds.has(id) || (ref !== '' && ref === q)) return { node, match: 'reference', score: 100 + brevity };
  if (aliases.includes(q)) return { node, match: 'alias', score: 90 + brevity };
  if (ref !== '' && ref.startsWith(q)) return { node, match: 'prefix', score: 80 - ref.length / 100 };
  if (label.startsWith(q)) return { node, match: 'prefix', score: 70 + brevity };
  if (aliases.some((a) => a.includes(q))) return { node, match: 'alias', score: 60 + brevity };
  return { node, match: 'words', score: 40 + brevity };
}

export async function searchNodes(store: GraphStore, params: SearchParams): Promise<SearchResult[]> {
  const q = params.q.toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const exactIds = referenceIds(params.q);
  const [byReference, byWords, byAlias, exact, plans] = await Promise.all([
    store.read('search/find-actions-by-reference', { q: params.q.trim(), cap: CANDIDATES }),
    store.read('search/find-nodes', { words, cap: CANDIDATES }),
    store.read('search/find-organisations-by-alias', { q, cap: CANDIDATES }),
    exactIds.length ? store.read('graph/nodes-by-id', { ids: exactIds }) : Promise.resolve([]),
    planIndex(store),
  ]);
  const seen = new Map<string, Scored>();
  const exactSet = new Set(exactIds);
  for (const row of [...exact, ...byReference, ...byAlias, ...byWords]) {
    const node = row.n as NodeValue;
    if (params.kind && node.label !== params.kind) continue;
    const scored = rank(node, q, exactSet);
    const id = String(node.properties.id);
    const before = seen.get(id);
    if (!before || before.score < scored.score) seen.set(id, scored);
  }
  return [...seen.values()]
    .sort((a, b) => b.score - a.score || String(a.node.properties.id).localeCompare(String(b.node.properties.id)))
    .slice(0, params.limit)
    .map(({ node, match, score }) => ({ ...summaryOf(node, plans), match, score: Math.round(score * 100) / 100 }));
}
