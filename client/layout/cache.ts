import type { Position } from './layered.js';

/**
 * Layouts are computed once per set of elements and kept as positions, so that a map
 * reopens with a `preset` layout instead of recomputing. Keys hash the layout id and
 * the ids of what is drawn; the store is memory plus, for maps of moderate size,
 * localStorage.
 */

// ---------------------------------------------------------------- Public API

export type PositionTable = Record<string, [number, number]>;

/** FNV-1a, 32 bits, as eight hex digits: stable across sessions and browsers. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function layoutKey(layoutId: string, nodeIds: Iterable<string>, edgeIds: Iterable<string>, version = 1): string {
  const n = [...nodeIds].sort();
  const e = [...edgeIds].sort();
  return `${layoutId}:v${version}:${n.length}:${e.length}:${fnv1a(n.join('\n'))}${fnv1a(e.join('\n'))}`;
}

export function toTable(positions: ReadonlyMap<string, Position>): PositionTable {
  const t: PositionTable = {};
  for (const [id, p] of positions) t[id] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
  return t;
}

export function fromTable(table: PositionTable): Map<string, Position> {
  return new Map(Object.entries(table).map(([id, [x, y]]) => [id, { x, y }]));
}

export type PositionCache = {
  get(key: string): Map<string, Position> | null;
  set(key: string, positions: ReadonlyMap<string, Position>): void;
};

/** Keeps at most `persistLimit` nodes' worth in localStorage; larger layouts stay in memory. */
export function createPositionCache(storage: Storage | null, persistLimit = 3000, maxEntries = 12): PositionCache {
  const memory = new Map<string, Map<string, Position>>();
  const prefix = 'golden-thread:layout:';
  return {
    get(key) {
      const hit = memory.get(key);
      if (hit) return hit;
      if (!storage) return null;
      try {
        const raw = storage.getItem(prefix + key);
        if (!raw) return null;
        const table = JSON.parse(raw) as PositionTable;
        const positions = fromTable(table);
        memory.set(key, positions);
        return positions;
      } catch (err) {
        console.warn('golden-thread: ignoring an unreadable cached layout', err);
        return null;
      }
    },
    set(key, positions) {
      memory.set(key, new Map(positions));
      if (memory.size > maxEntries) memory.delete(memory.keys().next().value!);
      if (!storage || positions.size > persistLimit) return;
      try {
        // One cached layout per layout id in storage, so the cache cannot grow without bound.
        const layoutId = key.split(':')[0];
        for (let i = storage.length - 1; i >= 0; i--) {
          const k = storage.key(i);
          if (k?.startsWith(`${prefix}${layoutId}:`) && k !== prefix + key) storage.removeItem(k);
        }
        storage.setItem(prefix + key, JSON.stringify(toTable(positions)));
      } catch (err) {
        console.warn('golden-thread: could not keep the layout in localStorage', err);
      }
    },
  };
}
