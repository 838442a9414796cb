/**
 * Level of detail for the map's labels: at any zoom every label is drawn at least
 * `minScreenPx` high on screen, and the labels that would collide with a label or a
 * node already placed are left out, most important first (the selection and a lit
 * thread, then the national frameworks, then local outcomes, then actions). Zooming
 * in makes room, so more labels appear. Pure, so it is tested without a browser.
 */

export type LabelBox = { id: string; x1: number; y1: number; x2: number; y2: number; priority: number };
export type Box = { id: string; x1: number; y1: number; x2: number; y2: number };

/** The smallest label on screen, in CSS pixels; the projector theme raises it. */
export const MIN_LABEL_PX = 12;

/** The font size in model units that keeps a kind's label at least `minScreenPx` on screen at `zoom`. */
export function labelFontFor(baseFont: number, zoom: number, minScreenPx: number): number {
  return Math.max(baseFont, minScreenPx / Math.max(zoom, 1e-3));
}

/** The labels to show: greedy by priority, skipping any that overlaps a shown label or another node. */
export function chooseLabels(labels: readonly LabelBox[], nodes: readonly Box[], cell = 80): Set<string> {
  const grid = new Map<string, Box[]>();
  const keys = (b: Box) => {
    const out: string[] = [];
    for (let gx = Math.floor(b.x1 / cell); gx <= Math.floor(b.x2 / cell); gx++) for (let gy = Math.floor(b.y1 / cell); gy <= Math.floor(b.y2 / cell); gy++) out.push(`${gx},${gy}`);
    return out;
  };
  const add = (b: Box) => {
    for (const k of keys(b)) {
      const list = grid.get(k);
      if (list) list.push(b);
      else grid.set(k, [b]);
    }
  };
  const hits = (b: Box) => keys(b).some((k) => grid.get(k)?.some((o) => o.id !== b.id && o.x1 < b.x2 && b.x1 < o.x2 && o.y1 < b.y2 && b.y1 < o.y2));
  for (const n of nodes) add(n);
  const shown = new Set<string>();
  for (const l of [...labels].sort((a, b) => b.priority - a.priority)) {
    if (hits(l)) continue;
    shown.add(l.id);
    add(l);
  }
  return shown;
}
