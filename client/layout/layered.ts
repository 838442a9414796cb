/**
 * The layered layout as a pure function: bands that read from the bottom (who acts,
 * what they do) to the top (the national outcomes), each band ordered so that a node
 * sits under what it serves. Bands too wide for the canvas wrap into staggered rows,
 * keeping left-to-right order, so that labels do not collide.
 *
 * Sugiyama-style in spirit (layer assignment by kind, barycentre ordering) without the
 * cost: linear in the size of the graph, so it runs on 10,000 elements in milliseconds.
 */

// ---------------------------------------------------------------- Public API

export type LayeredNode = {
  id: string;
  /** Band, counted from the bottom. */
  layer: number;
  /** Nodes of the same group stay together in bands that are ordered by group (the plan). */
  group?: string | null;
  /** Natural order key: reference numbers sort numerically ("2.10" after "2.9"). */
  order?: string;
};
export type LayeredEdge = { source: string; target: string };

export type LayeredOptions = {
  /** Horizontal room per node in each band, model units. */
  spacing: (layer: number) => number;
  /** Vertical distance between staggered rows within a band. */
  rowGap: number;
  /** Vertical distance between bands. */
  layerGap: number;
  /** Bands whose order is fixed by `order` (the national frameworks: NO 1 to NO 16). */
  fixedLayers: readonly number[];
  /** Bands ordered by group first. */
  groupedLayers: readonly number[];
  /** Width / height the layout aims for. */
  aspect: number;
  /** At most this many staggered rows in a fixed band. */
  maxFixedRows: number;
};

export type Position = { x: number; y: number };

export const DEFAULT_LAYERED_OPTIONS: LayeredOptions = {
  spacing: (layer) => [215, 80, 215, 260, 118, 135][layer] ?? 120,
  rowGap: 64,
  layerGap: 260,
  fixedLayers: [3, 4, 5],
  groupedLayers: [2],
  /** The map's share of a 1920x1080 screen beside the two side panels. */
  aspect: 1.05,
  maxFixedRows: 2,
};

export function layeredPositions(nodes: readonly LayeredNode[], edges: readonly LayeredEdge[], options: LayeredOptions = DEFAULT_LAYERED_OPTIONS): Map<string, Position> {
  const out = new Map<string, Position>();
  if (nodes.length === 0) return out;

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target) || e.source === e.target) continue;
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(e.target);
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(e.source);
  }

  const layers = [...new Set(nodes.map((n) => n.layer))].sort((a, b) => b - a); // top first
  const members = new Map<number, LayeredNode[]>(layers.map((l) => [l, []]));
  for (const n of nodes) members.get(n.layer)!.push(n);

  // Order, top band first: each band by the mean position of its neighbours in bands already ordered.
  const rank = new Map<string, number>(); // 0..1 across the band
  for (const l of layers) {
    const band = members.get(l)!;
    let ordered: LayeredNode[];
    if (options.fixedLayers.includes(l)) {
      ordered = [...band].sort(naturalOrder);
    } else {
      const bary = new Map<string, number>();
      for (const n of band) {
        const placed = (adj.get(n.id) ?? []).map((m) => rank.get(m)).filter((r): r is number => r !== undefined);
        if (placed.length > 0) bary.set(n.id, placed.reduce((a, b) => a + b, 0) / placed.length);
      }
      // Nodes tied only to their own band (milestones to actions) follow their neighbour.
      const grouped = options.groupedLayers.includes(l);
      const groups = grouped ? groupOrder(band, bary) : new Map<string, number>();
      const free = band.filter((n) => bary.has(n.id) || !(adj.get(n.id) ?? []).some((m) => byId.get(m)?.layer === l));
      const tied = band.filter((n) => !free.includes(n));
      ordered = [...free].sort((a, b) => {
        if (grouped) {
          const g = (groups.get(a.group ?? '') ?? 0) - (groups.get(b.group ?? '') ?? 0);
          if (g !== 0) return g;
        }
        const ba = bary.get(a.id);
        const bb = bary.get(b.id);
        if (ba !== undefined && bb !== undefined && ba !== bb) return ba - bb;
        if (ba === undefined && bb !== undefined) return 1;
        if (bb === undefined && ba !== undefined) return -1;
        return naturalOrder(a, b);
      });
      if (tied.length > 0) ordered = insertTied(ordered, tied, adj);
    }
    ordered.forEach((n, i) => rank.set(n.id, ordered.length === 1 ? 0.5 : i / (ordered.length - 1)));
    members.set(l, ordered);
  }

  // Width: the one whose shape comes nearest the aspect, keeping fixed bands to few rows.
  const width = chooseWidth(layers, members, options);

  let y = 0;
  for (const l of layers) {
    const band = members.get(l)!;
    const s = options.spacing(l);
    const rows = Math.max(1, Math.ceil((band.length * s) / width));
    const step = width / band.length;
    band.forEach((n, i) => {
      const row = rows === 1 ? 0 : i % rows;
      out.set(n.id, { x: round((i + 0.5) * step - width / 2), y: round(y + row * options.rowGap) });
    });
    y += (rows - 1) * options.rowGap + options.layerGap;
  }
  return out;
}

/** One collator for every comparison: `localeCompare` with options builds one per call, which was most of the layout's time. */
const NATURAL = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Compares references the way people count them: 2.9 before 2.10, O2 before O10. */
export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

// ---------------------------------------------------------------- Internal

function naturalOrder(a: LayeredNode, b: LayeredNode): number {
  return naturalCompare(a.group ?? '', b.group ?? '') || naturalCompare(a.order ?? a.id, b.order ?? b.id) || naturalCompare(a.id, b.id);
}

/** Groups in the order of their members' mean barycentre, so the plan blocks line up under what they serve. */
function groupOrder(band: readonly LayeredNode[], bary: ReadonlyMap<string, number>): Map<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const n of band) {
    const g = n.group ?? '';
    const b = bary.get(n.id);
    const s = sums.get(g) ?? { sum: 0, n: 0 };
    if (b !== undefined) {
      s.sum += b;
      s.n += 1;
    }
    sums.set(g, s);
  }
  const keys = [...sums.entries()].sort(([ga, a], [gb, b]) => (a.n ? a.sum / a.n : 2) - (b.n ? b.sum / b.n : 2) || naturalCompare(ga, gb));
  return new Map(keys.map(([g], i) => [g, i]));
}

function insertTied(ordered: LayeredNode[], tied: LayeredNode[], adj: ReadonlyMap<string, string[]>): LayeredNode[] {
  const after = new Map<string, LayeredNode[]>();
  const orphans: LayeredNode[] = [];
  const placed = new Set(ordered.map((n) => n.id));
  for (const t of [...tied].sort(naturalOrder)) {
    const anchor = (adj.get(t.id) ?? []).find((m) => placed.has(m));
    if (anchor) (after.get(anchor) ?? after.set(anchor, []).get(anchor)!).push(t);
    else orphans.push(t);
  }
  const result: LayeredNode[] = [];
  for (const n of ordered) {
    result.push(n);
    for (const t of after.get(n.id) ?? []) result.push(t);
  }
  return [...result, ...orphans];
}

function chooseWidth(layers: readonly number[], members: ReadonlyMap<number, LayeredNode[]>, o: LayeredOptions): number {
  const need = (l: number) => members.get(l)!.length * o.spacing(l);
  const minWidth = Math.max(600, ...layers.filter((l) => o.fixedLayers.includes(l)).map((l) => need(l) / o.maxFixedRows));
  const maxWidth = Math.max(minWidth, ...layers.map(need));
  let best = minWidth;
  let bestScore = Infinity;
  for (let w = minWidth; w <= maxWidth * 1.0001; w *= 1.08) {
    let h = 0;
    for (const l of layers) h += (Math.max(1, Math.ceil(need(l) / w)) - 1) * o.rowGap + o.layerGap;
    const score = Math.abs(Math.log(w / Math.max(h, 1) / o.aspect));
    if (score < bestScore) {
      bestScore = score;
      best = w;
    }
    if (w === maxWidth) break;
  }
  return best;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
