import { KIND_STYLES } from '../graph/kinds.js';
import type { ExportFormat } from '../app/toolbar.js';
import type { Frame } from '../app/context.js';
import type { MapHandle } from '../map/index.js';
import { bandExtents } from '../map/bands.js';
import { styleLegend } from '../map/dataStyle.js';
import { FRAMEWORK_NAMES, filtersActive } from '../state/types.js';
import { nodeName } from '../thread/utils.js';
import { datedName, download } from '../ui/download.js';
import { parsePeriod } from '../../model/reports.js';
import { shownStatuses } from '../progress/shownStatuses.js';
import { BADGE_ORDER, OVERDUE_MARK, STATUS_LOOKS } from '../progress/statusLook.js';
import { PAGE_SIZES, sheetSvg, type Sheet, type SheetBadge, type SheetBadgeKey, type SheetEdge, type SheetNode } from './boardSvg.js';

/**
 * Exports for a board paper, loaded the first time a planner exports: the sheet from
 * what the map draws now (filters, a thread, a highlight; the whole drawing, never the
 * screen's crop), as SVG, as PNG (the SVG drawn on a canvas at twice its size), or as
 * PDF through jsPDF and svg2pdf.js (maintained, client-side, vector output: no server
 * browser needed, and the text stays text).
 */

export async function exportMap(format: ExportFormat, map: MapHandle, frame: Frame): Promise<string> {
  const page = format === 'pdf-a4' ? 'a4' : format === 'pdf-a3' ? 'a3' : 'fit';
  const sheet = sheetOf(map, frame, page);
  const svgText = sheetSvg(sheet);
  const stem = frame.state.mode === 'thread' ? 'thread' : filtersActive(frame.state.filters) || frame.state.gap || frame.state.cell ? 'filtered-map' : 'map';
  if (format === 'svg') {
    const name = datedName(stem, 'svg');
    download(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }), name);
    return name;
  }
  if (format === 'png') {
    const name = datedName(stem, 'png');
    download(await svgToPng(svgText, 2), name);
    return name;
  }
  const name = datedName(`${stem}-${page}`, 'pdf');
  download(await svgToPdf(svgText, page === 'a3' ? 'a3' : 'a4'), name);
  return name;
}

/** The sheet's description, read from the map's elements and classes and the frame's state. */
export function sheetOf(map: MapHandle, f: Frame, page: Sheet['page']): Sheet {
  const cy = map.cy;
  const { state, data, view } = f;
  const nodes: SheetNode[] = [];
  cy.nodes()
    .not('.hidden')
    .forEach((n) => {
      const d = data.index.nodes.get(n.id());
      if (!d) return;
      const p = n.position();
      const cls = n.classes();
      const tone: SheetNode['tone'] = cls.includes('em-origin')
        ? 'origin'
        : cls.includes('em-path')
          ? 'path'
          : cls.includes('em-hit')
            ? 'hit'
            : cls.includes('sel')
              ? 'selected'
              : cls.includes('dim')
                ? 'dim'
                : 'normal';
      const k = KIND_STYLES[d.kind];
      nodes.push({
        id: d.id,
        kind: d.kind,
        x: p.x,
        y: p.y,
        label: String(n.data('short') ?? nodeName(d)),
        fill: String(n.style('background-color') ? rgbToHex(String(n.style('background-color'))) : k.colour),
        border: k.border,
        tone,
        priority: (tone === 'origin' ? 100 : tone === 'selected' ? 90 : tone === 'path' || tone === 'hit' ? 50 : 0) + k.layer * 5 + (d.ref ? 1 : 0),
      });
    });
  const edges: SheetEdge[] = [];
  cy.edges()
    .not('.hidden')
    .forEach((e) => {
      const cls = e.classes();
      edges.push({
        source: e.data('source') as string,
        target: e.data('target') as string,
        type: e.data('type') as SheetEdge['type'],
        tone: cls.includes('em-path') ? 'path' : cls.includes('em-hit') ? 'hit' : cls.includes('dim') ? 'dim' : 'normal',
      });
    });
  const positions = new Map(nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
  const layered = state.layout === 'layered';
  const bands = layered
    ? bandExtents(positions, (id) => (data.index.nodes.get(id) ? KIND_STYLES[data.index.nodes.get(id)!.kind].layer : undefined), view.visible).map((b) => ({ name: b.name, y1: b.y1, y2: b.y2 }))
    : [];
  const planIds = new Set(nodes.map((n) => data.index.nodes.get(n.id)?.plan).filter((p): p is string => !!p));
  const sources = [...planIds].map((id) => data.index.nodes.get(id)?.label ?? id).sort();
  return {
    title: titleOf(f),
    caption: captionOf(f, nodes.length, edges.length),
    sources: sources.length > 0 ? sources : ['The national frameworks (NSMO, Scotland Performs, the CJAs’ strategic aims)'],
    date: new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    nodes,
    edges,
    bands,
    page,
    styleLegend: styleLegend(state.styleBy, data),
    ...badgesOf(nodes),
  };
}

/** The badges the map shows now (the chosen period's statuses) on the actions drawn, and their key. */
function badgesOf(nodes: readonly SheetNode[]): { badges: SheetBadge[]; badgeKey: SheetBadgeKey | null } {
  const shown = shownStatuses();
  if (!shown) return { badges: [], badgeKey: null };
  const badges: SheetBadge[] = [];
  for (const n of nodes) {
    const a = shown.byId.get(n.id);
    if (!a) continue;
    const look = STATUS_LOOKS[a.status] ?? STATUS_LOOKS.unknown;
    badges.push({ id: n.id, status: a.status, symbol: look.symbol, shape: look.shape, fill: look.fill, ink: look.ink, inferred: a.basis === 'inferred', overdue: a.overdue });
  }
  if (badges.length === 0) return { badges, badgeKey: null };
  const present = new Set(badges.map((b) => b.status));
  const p = parsePeriod(shown.period);
  return {
    badges,
    badgeKey: {
      title: `Progress at ${'error' in p ? shown.period : p.end}`,
      entries: BADGE_ORDER.filter((s) => present.has(s)).map((s) => ({
        status: s,
        symbol: STATUS_LOOKS[s].symbol,
        shape: STATUS_LOOKS[s].shape,
        fill: STATUS_LOOKS[s].fill,
        ink: STATUS_LOOKS[s].ink,
      })),
      overdueMark: OVERDUE_MARK,
      anyInferred: badges.some((b) => b.inferred),
      anyOverdue: badges.some((b) => b.overdue),
    },
  };
}

function titleOf(f: Frame): string {
  const { state, data } = f;
  const sel = state.selected ? data.index.nodes.get(state.selected) : null;
  if (state.mode === 'thread' && sel) return `The golden thread of ${nodeName(sel)}`;
  if (state.neighbourhood) {
    const n = data.index.nodes.get(state.neighbourhood.id);
    return `The neighbourhood of ${n ? nodeName(n) : state.neighbourhood.id}`;
  }
  if (state.gap && f.gap.status === 'ready') return f.gap.value.title;
  if (filtersActive(state.filters)) return 'Golden Thread: the filtered map';
  return 'Golden Thread: community justice plans to National Outcomes';
}

/** The filters and emphasis in words, so the sheet says what it shows. */
export function captionOf(f: Frame, nodeCount: number, edgeCount: number): string {
  const { state, data } = f;
  const name = (id: string | null) => (id ? (data.index.nodes.get(id)?.label ?? id) : null);
  const parts: string[] = [];
  if (state.filters.plan) parts.push(`plan: ${name(state.filters.plan)}`);
  if (state.filters.organisation) parts.push(`organisation: ${name(state.filters.organisation)}`);
  if (state.filters.framework) parts.push(`framework: ${FRAMEWORK_NAMES[state.filters.framework]}`);
  if (state.filters.statuses.length > 0) parts.push(`status: ${state.filters.statuses.join(', ')}`);
  if (state.filters.yearBand) parts.push(`years: ${state.filters.yearBand}`);
  const filters = parts.length > 0 ? `Filtered by ${parts.join('; ')}.` : 'Every plan, no filter.';
  const shown = `${nodeCount} nodes and ${edgeCount} links.`;
  const emphasis = f.view.caption ? ` ${f.view.caption}` : '';
  return `${filters} ${shown}${emphasis}`;
}

function rgbToHex(css: string): string {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) return css;
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
}

async function svgToPng(svgText: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.naturalWidth * scale);
    canvas.height = Math.round(img.naturalHeight * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('this browser cannot draw on a canvas');
    g.scale(scale, scale);
    g.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function svgToPdf(svgText: string, size: 'a4' | 'a3'): Promise<Blob> {
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const el = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
  const page = PAGE_SIZES[size];
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: size });
  doc.setProperties({ title: el.querySelector('title')?.textContent ?? 'Golden Thread map', creator: 'Golden Thread' });
  // svg2pdf lays out in the document's units: the sheet's pixels map onto the page's millimetres.
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;';
  host.append(el);
  document.body.append(host);
  try {
    await svg2pdf(el, doc, { x: 0, y: 0, width: page.mm[0], height: page.mm[1] });
  } finally {
    host.remove();
  }
  return doc.output('blob');
}
