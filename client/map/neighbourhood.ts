import type { RelationshipType } from '../../model/relationships.js';
import { inEdges, outEdges, type GraphIndex } from '../graph/index.js';
import type { Direction } from './keyboard.js';

/**
 * Pure graph walks for the map: a node's neighbourhood N steps out (optionally along
 * some relationship types only), and the next node along a golden thread for an arrow key.
 */

/** Node ids within `steps` links of `id` (itself included), following links either way. */
export function neighbourhood(index: GraphIndex, id: string, steps: number, types: readonly RelationshipType[] = []): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>([id]);
  const edges = new Set<string>();
  if (!index.nodes.has(id)) return { nodes, edges };
  const allowed = types.length > 0 ? new Set(types) : null;
  let frontier = [id];
  for (let step = 0; step < steps && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const e of [...outEdges(index, n), ...inEdges(index, n)]) {
        if (allowed && !allowed.has(e.type)) continue;
        edges.add(e.id);
        const other = e.source === n ? e.target : e.source;
        if (!nodes.has(other)) {
          nodes.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return { nodes, edges };
}

/**
 * The nodes an arrow key may move to from `current` while a thread is lit: up and down
 * go to the node before or after it on any of the thread's paths; left and right to
 * any other node of the thread (the map's geometry then picks the nearest that way).
 * Off the thread, the way back on is its origin.
 */
export function threadStepCandidates(paths: readonly { nodes: readonly string[] }[], origin: string, current: string | null, direction: Direction): string[] {
  const onThread = current !== null && paths.some((p) => p.nodes.includes(current));
  if (!onThread) return [origin];
  const out = new Set<string>();
  if (direction === 'left' || direction === 'right') {
    for (const p of paths) for (const n of p.nodes) if (n !== current) out.add(n);
  } else {
    for (const p of paths) {
      const i = p.nodes.indexOf(current);
      if (i < 0) continue;
      if (i > 0) out.add(p.nodes[i - 1]!);
      if (i < p.nodes.length - 1) out.add(p.nodes[i + 1]!);
    }
  }
  return [...out];
}
