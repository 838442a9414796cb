import { naturalCompare, type Position } from '../layout/layered.js';
import type { DiffPicture, NodeMark, PictureNode } from './diffPicture.js';

/**
 * Where the diff view puts its nodes: bands from the national outcomes at the top to
 * the organisations at the bottom, as on the map, each band a grid wide enough for a
 * label with its plan's short name ("= LCJA 2008 · 2.5.7"), so no two labels collide.
 * When two plans are compared, each plan's actions have their own band, the earlier
 * above the later, and a continued pair stands in the same column of the two bands, so
 * its "continued as" link runs straight down, the earlier plan's dropped actions
 * above its continued ones. Marked nodes come first in a band.
 * Pure: positions only.
 */

const COLUMN = 250;
const ROW = 150;
const BAND_GAP = 70;
const MARK_ORDER: Record<NodeMark, number> = { continued: 0, changed: 1, removed: 2, added: 3, gained: 4, lost: 5 };

/** `narrow`: a phone's map, taller than wide: three columns, read by scrolling down. */
export type LayoutHints = { planBands?: { earlier: string; later: string; pairs: readonly [string, string][] }; narrow?: boolean };

export function diffLayout(picture: DiffPicture, hints: LayoutHints = {}): Map<string, Position> {
  const out = new Map<string, Position>();
  const nodes = picture.nodes;
  if (nodes.length === 0) return out;
  const cols = hints.narrow ? 3 : Math.max(3, Math.min(8, Math.ceil(Math.sqrt(nodes.length * 1.6))));
  const pb = hints.planBands;

  // A band per layer, or per plan for the actions of two compared plans.
  const bandOf = (n: PictureNode): string => {
    if (pb && n.data.kind === 'Action' && (n.data.plan === pb.earlier || n.data.plan === pb.later)) return `${n.data.layer}:${n.data.plan === pb.earlier ? 'b' : 'a'}`;
    return `${n.data.layer}:c`;
  };
  const bands = new Map<string, PictureNode[]>();
  for (const n of nodes) (bands.get(bandOf(n)) ?? bands.set(bandOf(n), []).get(bandOf(n))!).push(n);
  const order = [...bands.keys()].sort((x, y) => {
    const [lx, sx] = x.split(':') as [string, string];
    const [ly, sy] = y.split(':') as [string, string];
    return Number(ly) - Number(lx) || (sx < sy ? 1 : sx > sy ? -1 : 0);
  });

  // A continued pair takes the same slot in both plan bands.
  const slot = new Map<string, number>();
  pb?.pairs.forEach(([from, to], i) => {
    slot.set(from, i);
    slot.set(to, i);
  });
  const byMark = (a: PictureNode, b: PictureNode) =>
    (a.mark === null ? 9 : MARK_ORDER[a.mark]) - (b.mark === null ? 9 : MARK_ORDER[b.mark]) ||
    naturalCompare(a.data.planShort ?? '', b.data.planShort ?? '') ||
    naturalCompare(a.data.ref ?? a.data.label, b.data.ref ?? b.data.label);

  const placed = new Map<string, (PictureNode | null)[]>();
  for (const key of order) {
    const band = bands.get(key)!;
    const paired = band.filter((n) => slot.has(n.data.id)).sort((a, b) => slot.get(a.data.id)! - slot.get(b.data.id)!);
    const rest = band.filter((n) => !slot.has(n.data.id)).sort(byMark);
    const places: (PictureNode | null)[] = [];
    if (pb && key.endsWith(':b') && paired.length > 0) {
      // The earlier plan: what was dropped above, the continued row last, right above the later plan's.
      const restRows = Math.ceil(rest.length / cols);
      rest.forEach((n, i) => (places[i] = n));
      for (const n of paired) places[restRows * cols + slot.get(n.data.id)!] = n;
    } else {
      for (const n of paired) places[slot.get(n.data.id)!] = n;
      let i = paired.length > 0 && pb ? pb.pairs.length : 0;
      for (const n of rest) places[i++] = n;
    }
    placed.set(key, places);
  }
  // The two plans' bands share one width, so a pair's column is the same in both.
  const planWidth = Math.max(0, ...[...placed].filter(([k]) => !k.endsWith(':c')).map(([, p]) => Math.min(cols, p.length)));

  let y = 0;
  for (const key of order) {
    const places = placed.get(key)!;
    const width = (key.endsWith(':c') ? Math.min(cols, places.length) : planWidth) * COLUMN;
    for (let j = 0; j < places.length; j++) {
      const n = places[j];
      if (n) out.set(n.data.id, { x: (j % cols) * COLUMN - width / 2 + COLUMN / 2, y: y + Math.floor(j / cols) * ROW });
    }
    y += Math.ceil(places.length / cols) * ROW + BAND_GAP;
  }
  return out;
}
