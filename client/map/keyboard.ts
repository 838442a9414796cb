/**
 * Keyboard navigation on the map, as pure geometry: from the selected node, an arrow
 * key moves to the linked neighbour that lies most nearly in that direction. The map
 * draws y downwards, so "up" is towards smaller y (towards the national outcomes).
 */

export const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export type Point = { id: string; x: number; y: number };

const VECTORS: Record<Direction, [number, number]> = {
  up: [0, -1],
  down: [0, 1],
  left: [-1, 0],
  right: [1, 0],
};

export function directionOfKey(key: string): Direction | null {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    default:
      return null;
  }
}

/**
 * The neighbour to move to: within 70 degrees of the direction, preferring the
 * straightest and then the nearest. With none in that cone, null (the selection stays).
 */
export function neighbourInDirection(from: Point, neighbours: readonly Point[], direction: Direction): string | null {
  const [dx, dy] = VECTORS[direction];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const n of neighbours) {
    if (n.id === from.id) continue;
    const vx = n.x - from.x;
    const vy = n.y - from.y;
    const dist = Math.hypot(vx, vy);
    if (dist === 0) continue;
    const cos = (vx * dx + vy * dy) / dist;
    if (cos < Math.cos((70 * Math.PI) / 180)) continue;
    // Angle matters more than distance: a neighbour straight above beats a nearer one off to the side.
    const score = dist * (2 - cos) ** 3;
    if (score < bestScore || (score === bestScore && best !== null && n.id < best)) {
      bestScore = score;
      best = n.id;
    }
  }
  return best;
}

/** Where keyboard navigation starts when nothing is selected: the node nearest the centre of the view. */
export function nearestTo(point: { x: number; y: number }, candidates: readonly Point[]): string | null {
  let best: string | null = null;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = Math.hypot(c.x - point.x, c.y - point.y);
    if (d < bestDist) {
      bestDist = d;
      best = c.id;
    }
  }
  return best;
}
