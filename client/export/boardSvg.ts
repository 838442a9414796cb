import type { NodeKind } from '../../model/nodes.js';
import type { RelationshipType } from '../../model/relationships.js';
import { KIND_STYLES, LEGEND_ORDER } from '../graph/kinds.js';
import { RELATIONSHIP_LEGEND_ORDER, RELATIONSHIP_STYLES } from '../graph/relationships.js';

/**
 * A map as a sheet for a board paper: title, the caption of what is shown, the whole
 * drawing (not the screen's crop) scaled to the page, band names down the left, the
 * legend of the kinds and links drawn, the source documents and the date. Pure: it
 * turns a description of the drawing into SVG text, so every shape is drawn by this
 * module (no canvas-to-SVG translation, which broke the Priority shape) and it is
 * tested without a browser. PNG and PDF are made from this SVG (export/board.ts).
 */

// ---------------------------------------------------------------- Public API

export type SheetNode = {
  id: string;
  kind: NodeKind;
  x: number;
  y: number;
  /** The map's own short label (a reference, a code or the first words). */
  label: string;
  fill: string;
  border: string;
  /** 'origin' and 'path' draw in the thread's gold, 'hit' in black; 'dim' fades. */
  tone: 'normal' | 'dim' | 'origin' | 'path' | 'hit' | 'selected';
  /** Higher first when labels compete for room. */
  priority: number;
};
export type SheetEdge = { source: string; target: string; type: RelationshipType; tone: 'normal' | 'dim' | 'path' | 'hit' };
export type SheetBand = { name: string; y1: number; y2: number };
export type SheetPage = 'fit' | 'a4' | 'a3';
/** A progress status badge, as the map draws it on an action: a symbol in a shape and a colour, dashed when inferred. */
export type SheetBadge = { id: string; status: string; symbol: string; shape: 'circle' | 'square' | 'diamond' | 'triangle'; fill: string; ink: string; inferred: boolean; overdue: boolean };
/** The badges' key: the statuses drawn, in the map key's order, and the period they are as at. */
export type SheetBadgeKey = { title: string; entries: Omit<SheetBadge, 'id' | 'inferred' | 'overdue'>[]; overdueMark: string; anyInferred: boolean; anyOverdue: boolean };

export type Sheet = {
  title: string;
  caption: string;
  sources: string[];
  date: string;
  nodes: SheetNode[];
  edges: SheetEdge[];
  bands: SheetBand[];
  page: SheetPage;
  /** The legend's extra block for data styling (colour by status, plan...). */
  styleLegend?: { title: string; entries: { label: string; colour: string }[] } | null;
  /** The map's status badges on the nodes drawn, and their key; none when the map shows none. */
  badges?: SheetBadge[];
  badgeKey?: SheetBadgeKey | null;
};

/** Page sizes in CSS pixels at 96 per inch: A4 and A3 landscape, or a 1600-wide sheet for PNG and SVG. */
export const PAGE_SIZES: Record<Exclude<SheetPage, 'fit'>, { width: number; height: number; mm: [number, number] }> = {
  a4: { width: 1123, height: 794, mm: [297, 210] },
  a3: { width: 1587, height: 1123, mm: [420, 297] },
};

/** The smallest label printed on the sheet, in sheet pixels (9 pt at 96 dpi is 12 px). */
export const MIN_SHEET_FONT = 11;

export function sheetSvg(sheet: Sheet): string {
  const legendW = 250;
  const gutter = sheet.bands.length > 0 ? 150 : 20;
  const headerH = 84;
  const footerH = 22 + 16 * Math.min(6, sheet.sources.length + 1);
  const margin = 24;
  const box = boundsOf(sheet.nodes);
  const fixed = sheet.page === 'fit' ? null : PAGE_SIZES[sheet.page];
  const width = fixed?.width ?? 1600;
  const drawW = width - 2 * margin - gutter - legendW;
  const scaleForWidth = drawW / Math.max(1, box.w);
  const height = fixed?.height ?? Math.round(Math.min(2400, Math.max(700, headerH + footerH + 2 * margin + box.h * scaleForWidth)));
  const drawH = height - headerH - footerH - 2 * margin;
  const scale = Math.min(scaleForWidth, drawH / Math.max(1, box.h));
  const ox = margin + gutter + (drawW - box.w * scale) / 2 - box.x1 * scale;
  const oy = headerH + margin + (drawH - box.h * scale) / 2 - box.y1 * scale;
  const X = (x: number) => round(ox + x * scale);
  const Y = (y: number) => round(oy + y * scale);
  const byId = new Map(sheet.nodes.map((n) => [n.id, n]));

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`);
  out.push(`<title>${esc(sheet.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);

  // Header: title, what is shown, date.
  out.push(`<text x="${margin}" y="36" font-size="26" font-weight="700" fill="#0b0c0c">${esc(sheet.title)}</text>`);
  wrap(sheet.caption, Math.floor((width - 2 * margin - 160) / 7.4))
    .slice(0, 2)
    .forEach((line, i) => out.push(`<text x="${margin}" y="${60 + i * 18}" font-size="15" fill="#3b4148">${esc(line)}</text>`));
  out.push(`<text x="${width - margin}" y="36" font-size="15" text-anchor="end" fill="#3b4148">${esc(sheet.date)}</text>`);
  out.push(`<line x1="${margin}" y1="${headerH}" x2="${width - margin}" y2="${headerH}" stroke="#d39e00" stroke-width="3"/>`);

  // Bands: a tinted stripe per band across the drawing, its name in the gutter.
  const bandTop = headerH + margin;
  sheet.bands.forEach((b, i) => {
    const y1 = Y(b.y1) - 34;
    const y2 = Y(b.y2) + 34;
    if (i % 2 === 0) out.push(`<rect x="${margin}" y="${y1}" width="${width - 2 * margin - legendW}" height="${Math.max(8, y2 - y1)}" fill="#f6f4ef"/>`);
    const mid = Math.max(bandTop + 10, (y1 + y2) / 2);
    wrap(b.name.toUpperCase(), 18).forEach((line, j, all) =>
      out.push(`<text x="${margin + 6}" y="${round(mid + (j - (all.length - 1) / 2) * 15 + 5)}" font-size="12" font-weight="700" letter-spacing="0.5" fill="#3b4148">${esc(line)}</text>`),
    );
  });

  // Edges first, under the nodes; the thread's on top of the rest.
  const edgeOrder = [...sheet.edges].sort((a, b) => toneRank(a.tone) - toneRank(b.tone));
  for (const e of edgeOrder) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const r = RELATIONSHIP_STYLES[e.type];
    const colour = e.tone === 'path' ? THREAD : e.tone === 'hit' ? '#000000' : r.colour;
    const w = e.tone === 'path' ? 4 : e.tone === 'hit' ? 2.5 : Math.max(0.8, r.width * 0.8);
    const opacity = e.tone === 'dim' ? 0.08 : e.tone === 'normal' ? r.opacity : 1;
    const dash = e.tone === 'path' || r.line === 'solid' ? '' : ` stroke-dasharray="${r.line === 'dotted' ? '1.5 3' : '5 3'}"`;
    const [x1, y1, x2, y2] = [X(s.x), Y(s.y), X(t.x), Y(t.y)];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const rt = (KIND_STYLES[t.kind].size * scale) / 2 + 1;
    const ex = x2 - ((x2 - x1) / len) * rt;
    const ey = y2 - ((y2 - y1) / len) * rt;
    out.push(`<line x1="${x1}" y1="${y1}" x2="${round(ex)}" y2="${round(ey)}" stroke="${colour}" stroke-width="${w}" stroke-opacity="${opacity}" stroke-linecap="round"${dash}/>`);
    if (r.arrow === 'triangle' && e.tone !== 'dim') {
      const a = Math.max(5, w * 2.4);
      const ux = (x2 - x1) / len;
      const uy = (y2 - y1) / len;
      const p = [
        [ex, ey],
        [ex - ux * a - uy * a * 0.55, ey - uy * a + ux * a * 0.55],
        [ex - ux * a + uy * a * 0.55, ey - uy * a - ux * a * 0.55],
      ];
      out.push(`<polygon points="${p.map(([px, py]) => `${round(px!)},${round(py!)}`).join(' ')}" fill="${colour}" fill-opacity="${opacity}"/>`);
    }
  }

  // Nodes.
  const nodeOrder = [...sheet.nodes].sort((a, b) => toneRank(a.tone) - toneRank(b.tone));
  for (const n of nodeOrder) {
    const k = KIND_STYLES[n.kind];
    const size = Math.max(6, k.size * scale);
    const emphasised = n.tone === 'origin' || n.tone === 'path' || n.tone === 'hit' || n.tone === 'selected';
    const stroke = n.tone === 'origin' || n.tone === 'path' ? THREAD : n.tone === 'hit' || n.tone === 'selected' ? '#000000' : n.border;
    const sw = emphasised ? (n.tone === 'origin' ? 4 : 3) : 1.2;
    const opacity = n.tone === 'dim' ? 0.18 : 1;
    out.push(`<path d="${shapePath(k.shape, X(n.x), Y(n.y), size, size)}" fill="${n.fill}" stroke="${stroke}" stroke-width="${sw}" stroke-linejoin="round" opacity="${opacity}"/>`);
  }

  // Status badges on the top-right corner of their action, as on the map: shape, colour and symbol, so they read in black and white.
  for (const b of sheet.badges ?? []) {
    const n = byId.get(b.id);
    if (!n) continue;
    const r = Math.max(6, (KIND_STYLES[n.kind].size * scale) / 2);
    out.push(badgeSvg(b, X(n.x) + r * 0.7, Y(n.y) - r * 0.7, BADGE_R, n.tone === 'dim' ? 0.25 : 1));
  }

  // Labels by level of detail: the most important first, each where it overlaps no label or node already placed.
  const placed: Box[] = sheet.nodes
    .filter((n) => n.tone !== 'dim')
    .map((n) => {
      const r = (KIND_STYLES[n.kind].size * scale) / 2;
      return { x1: X(n.x) - r, y1: Y(n.y) - r, x2: X(n.x) + r, y2: Y(n.y) + r, id: n.id };
    });
  const candidates = [...sheet.nodes].filter((n) => n.tone !== 'dim').sort((a, b) => b.priority - a.priority);
  for (const n of candidates) {
    const k = KIND_STYLES[n.kind];
    const size = k.size * scale;
    if (k.inside) {
      // Framework codes (NO 9, O2) are printed inside their shape, as on the map, when they fit.
      const code = n.label;
      const font = Math.min(size * 0.42, 16);
      if (font >= 7) out.push(`<text x="${X(n.x)}" y="${round(Y(n.y) + font * 0.35)}" font-size="${round(font)}" font-weight="700" text-anchor="middle" fill="${k.inside}">${esc(code)}</text>`);
      continue;
    }
    const font = Math.max(MIN_SHEET_FONT, Math.min(18, k.fontSize * scale * 1.1));
    const text = n.label.length > 46 ? `${n.label.slice(0, 44).trimEnd()}…` : n.label;
    const tw = text.length * font * 0.52;
    const cx = X(n.x);
    const top = Y(n.y) + size / 2 + 3;
    const label = { x1: cx - tw / 2, y1: top, x2: cx + tw / 2, y2: top + font * 1.15, id: n.id };
    if (label.x1 < margin + gutter - 10 || label.x2 > width - margin - legendW + 10) continue;
    if (placed.some((b) => b.id !== n.id && overlaps(b, label))) continue;
    placed.push(label);
    out.push(
      `<text x="${cx}" y="${round(top + font * 0.9)}" font-size="${round(font)}" font-weight="${k.layer >= 3 ? 700 : 600}" text-anchor="middle" fill="#111111" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(text)}</text>`,
    );
  }

  // Legend: the kinds and links drawn, then the styling rule's colours.
  const lx = width - margin - legendW + 16;
  let ly = headerH + margin + 4;
  out.push(`<rect x="${lx - 12}" y="${ly - 4}" width="${legendW - 4}" height="${height - ly - footerH - 8}" fill="#f4f2ee" rx="6"/>`);
  out.push(`<text x="${lx}" y="${(ly += 18)}" font-size="15" font-weight="700" fill="#0b0c0c">Key</text>`);
  const kinds = LEGEND_ORDER.filter((k) => sheet.nodes.some((n) => n.kind === k));
  for (const kind of kinds) {
    const k = KIND_STYLES[kind];
    ly += 22;
    out.push(`<path d="${shapePath(k.shape, lx + 9, ly - 5, 16, 16)}" fill="${k.colour}" stroke="${k.border}" stroke-width="1.2"/>`);
    out.push(`<text x="${lx + 26}" y="${ly}" font-size="13" fill="#0b0c0c">${esc(k.plural)}</text>`);
  }
  const types = RELATIONSHIP_LEGEND_ORDER.filter((t) => sheet.edges.some((e) => e.type === t));
  ly += 10;
  for (const type of types) {
    const r = RELATIONSHIP_STYLES[type];
    ly += 19;
    const dash = r.line === 'solid' ? '' : ` stroke-dasharray="${r.line === 'dotted' ? '1.5 3' : '5 3'}"`;
    out.push(`<line x1="${lx}" y1="${ly - 5}" x2="${lx + 20}" y2="${ly - 5}" stroke="${r.colour}" stroke-width="${Math.max(1.2, r.width)}"${dash}/>`);
    out.push(`<text x="${lx + 26}" y="${ly}" font-size="12" fill="#0b0c0c">${esc(r.verb)}</text>`);
  }
  if (sheet.nodes.some((n) => n.tone === 'origin' || n.tone === 'path')) {
    ly += 22;
    out.push(`<line x1="${lx}" y1="${ly - 5}" x2="${lx + 20}" y2="${ly - 5}" stroke="${THREAD}" stroke-width="4"/>`);
    out.push(`<text x="${lx + 26}" y="${ly}" font-size="12" font-weight="700" fill="#0b0c0c">the golden thread</text>`);
  }
  if (sheet.styleLegend && sheet.styleLegend.entries.length > 0) {
    ly += 26;
    out.push(`<text x="${lx}" y="${ly}" font-size="13" font-weight="700" fill="#0b0c0c">${esc(sheet.styleLegend.title)}</text>`);
    for (const e of sheet.styleLegend.entries.slice(0, 10)) {
      ly += 18;
      out.push(`<rect x="${lx + 2}" y="${ly - 11}" width="13" height="13" fill="${e.colour}" stroke="#333333" stroke-width="0.8"/>`);
      out.push(`<text x="${lx + 26}" y="${ly}" font-size="12" fill="#0b0c0c">${esc(e.label.length > 30 ? `${e.label.slice(0, 29)}…` : e.label)}</text>`);
    }
  }

  if (sheet.badgeKey && sheet.badgeKey.entries.length > 0) {
    ly += 26;
    out.push(`<text x="${lx}" y="${ly}" font-size="13" font-weight="700" fill="#0b0c0c">${esc(sheet.badgeKey.title)}</text>`);
    for (const e of sheet.badgeKey.entries) {
      ly += 19;
      out.push(badgeSvg({ ...e, id: '', inferred: false, overdue: false }, lx + 9, ly - 5, 8, 1, 'key'));
      out.push(`<text x="${lx + 26}" y="${ly}" font-size="12" fill="#0b0c0c">${esc(e.status)}</text>`);
    }
    if (sheet.badgeKey.anyOverdue) {
      ly += 18;
      out.push(`<text x="${lx + 9}" y="${ly}" font-size="12" text-anchor="middle" fill="#0b0c0c">${esc(sheet.badgeKey.overdueMark)}</text>`);
      out.push(`<text x="${lx + 26}" y="${ly}" font-size="12" fill="#0b0c0c">overdue at the end of the period</text>`);
    }
    if (sheet.badgeKey.anyInferred) {
      ly += 18;
      out.push(`<circle cx="${lx + 9}" cy="${ly - 4}" r="7" fill="#ffffff" stroke="#000000" stroke-width="1.3" stroke-dasharray="2 1.5"/>`);
      out.push(`<text x="${lx + 26}" y="${ly}" font-size="12" fill="#0b0c0c">dashed: read from the narrative</text>`);
    }
  }

  // Footer: the source documents and where the sheet came from.
  let fy = height - footerH + 6;
  out.push(`<line x1="${margin}" y1="${fy - 4}" x2="${width - margin}" y2="${fy - 4}" stroke="#c6c1b7" stroke-width="1"/>`);
  const sources = sheet.sources.length > 5 ? [...sheet.sources.slice(0, 4), `and ${sheet.sources.length - 4} more`] : sheet.sources;
  out.push(`<text x="${margin}" y="${(fy += 13)}" font-size="12" font-weight="700" fill="#3b4148">Sources</text>`);
  for (const s of sources) {
    out.push(`<text x="${margin + 60}" y="${fy}" font-size="12" fill="#3b4148">${esc(s)}</text>`);
    fy += 16;
  }
  out.push(`<text x="${width - margin}" y="${height - 8}" font-size="11" text-anchor="end" fill="#5b6168">Golden Thread · exported ${esc(sheet.date)}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

// ---------------------------------------------------------------- Internal

const THREAD = '#9a6700';
/** A badge's radius on the sheet: fixed, like the map's 20-pixel badges, so it stays legible whatever the drawing's scale. */
const BADGE_R = 8;

/** One badge centred on (cx, cy): its shape (dashed edge when inferred), its symbol, and the overdue mark beside it. */
function badgeSvg(b: SheetBadge, cx: number, cy: number, r: number, opacity: number, role: 'badge' | 'key' = 'badge'): string {
  const dash = b.inferred ? ' stroke-dasharray="2 1.5"' : '';
  const outline = `fill="${b.fill}" stroke="#000000" stroke-width="1.3"${dash}`;
  const shape =
    b.shape === 'square'
      ? `<rect x="${round(cx - r)}" y="${round(cy - r)}" width="${2 * r}" height="${2 * r}" rx="1.5" ${outline}/>`
      : b.shape === 'diamond'
        ? `<path d="${shapePath('diamond', cx, cy, 2.3 * r, 2.3 * r)}" ${outline}/>`
        : b.shape === 'triangle'
          ? `<path d="${shapePath('triangle', cx, cy + 1, 2.3 * r, 2.1 * r)}" ${outline}/>`
          : `<circle cx="${round(cx)}" cy="${round(cy)}" r="${r}" ${outline}/>`;
  const symbol = `<text x="${round(cx)}" y="${round(cy + r * 0.45)}" font-size="${round(r * 1.25)}" font-weight="700" text-anchor="middle" fill="${b.ink}">${esc(b.symbol)}</text>`;
  const mark = b.overdue
    ? `<text x="${round(cx + r + 1)}" y="${round(cy + r * 0.45)}" font-size="${round(r * 1.3)}" fill="#000000" stroke="#ffffff" stroke-width="2.5" paint-order="stroke">◷</text>`
    : '';
  const data = role === 'badge' ? ` data-node="${esc(b.id)}" data-overdue="${b.overdue}" data-basis="${b.inferred ? 'inferred' : 'printed'}"` : '';
  return `<g class="status-${role}" data-status="${esc(b.status)}"${data}${opacity < 1 ? ` opacity="${opacity}"` : ''}>${shape}${symbol}${mark}</g>`;
}
const FONT = "'Source Sans 3', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

type Box = { x1: number; y1: number; x2: number; y2: number; id: string };

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

function toneRank(t: string): number {
  return t === 'dim' ? 0 : t === 'normal' ? 1 : t === 'hit' ? 2 : t === 'path' ? 3 : 4;
}

function boundsOf(nodes: readonly SheetNode[]): { x1: number; y1: number; w: number; h: number } {
  if (nodes.length === 0) return { x1: 0, y1: 0, w: 1, h: 1 };
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    const r = KIND_STYLES[n.kind].size / 2;
    x1 = Math.min(x1, n.x - r - 40);
    x2 = Math.max(x2, n.x + r + 40);
    y1 = Math.min(y1, n.y - r - 10);
    y2 = Math.max(y2, n.y + r + 30);
  }
  return { x1, y1, w: x2 - x1, h: y2 - y1 };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The node shapes the map uses, as SVG paths centred on (x, y). */
export function shapePath(shape: string, x: number, y: number, w: number, h: number): string {
  const rx = w / 2;
  const ry = h / 2;
  const poly = (pts: [number, number][]) => `M ${pts.map(([px, py]) => `${round(x + px * rx)} ${round(y + py * ry)}`).join(' L ')} Z`;
  const regular = (n: number, rot: number) => poly(Array.from({ length: n }, (_, i) => [Math.cos(rot + (i * 2 * Math.PI) / n), Math.sin(rot + (i * 2 * Math.PI) / n)] as [number, number]));
  switch (shape) {
    case 'ellipse':
      return `M ${round(x - rx)} ${round(y)} A ${round(rx)} ${round(ry)} 0 1 0 ${round(x + rx)} ${round(y)} A ${round(rx)} ${round(ry)} 0 1 0 ${round(x - rx)} ${round(y)} Z`;
    case 'hexagon':
      return regular(6, 0);
    case 'pentagon':
      return regular(5, -Math.PI / 2);
    case 'triangle':
      return poly([
        [0, -1],
        [1, 1],
        [-1, 1],
      ]);
    case 'diamond':
      return poly([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case 'star':
      return poly(
        Array.from({ length: 10 }, (_, i) => {
          const a = -Math.PI / 2 + (i * Math.PI) / 5;
          const r = i % 2 === 0 ? 1 : 0.42;
          return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
        }),
      );
    case 'vee':
      return poly([
        [-1, -1],
        [0, -0.33],
        [1, -1],
        [0, 1],
      ]);
    case 'round-tag':
      return `${poly([
        [-1, -1],
        [0.4, -1],
        [1, 0],
        [0.4, 1],
        [-1, 1],
      ])}`;
    case 'barrel':
      return `M ${round(x - rx * 0.8)} ${round(y - ry)} L ${round(x + rx * 0.8)} ${round(y - ry)} Q ${round(x + rx * 1.1)} ${round(y)} ${round(x + rx * 0.8)} ${round(y + ry)} L ${round(x - rx * 0.8)} ${round(y + ry)} Q ${round(x - rx * 1.1)} ${round(y)} ${round(x - rx * 0.8)} ${round(y - ry)} Z`;
    case 'concave-hexagon':
      return poly([
        [-1, -0.9],
        [1, -0.9],
        [0.7, 0],
        [1, 0.9],
        [-1, 0.9],
        [-0.7, 0],
      ]);
    case 'rectangle':
      return poly([
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, 1],
      ]);
    case 'round-rectangle':
    default: {
      const c = Math.min(rx, ry) * 0.3;
      return `M ${round(x - rx + c)} ${round(y - ry)} L ${round(x + rx - c)} ${round(y - ry)} Q ${round(x + rx)} ${round(y - ry)} ${round(x + rx)} ${round(y - ry + c)} L ${round(x + rx)} ${round(y + ry - c)} Q ${round(x + rx)} ${round(y + ry)} ${round(x + rx - c)} ${round(y + ry)} L ${round(x - rx + c)} ${round(y + ry)} Q ${round(x - rx)} ${round(y + ry)} ${round(x - rx)} ${round(y + ry - c)} L ${round(x - rx)} ${round(y - ry + c)} Q ${round(x - rx)} ${round(y - ry)} ${round(x - rx + c)} ${round(y - ry)} Z`;
    }
  }
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
