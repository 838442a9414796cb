import { z } from 'zod';
import { MATRIX_AXES } from '../../model/api.js';
import { NodeId } from '../../model/ids.js';
import { NODE_KINDS, NodeKindSchema, type NodeKind } from '../../model/nodes.js';
import { STATUSES, type Status } from '../../model/vocabulary.js';
import { DEFAULT_KINDS } from '../graph/kinds.js';
import {
  DEFAULT_STATE,
  FRAMEWORKS,
  LABEL_SCALES,
  LAYOUT_IDS,
  MODES,
  PANELS,
  RENDERER_CHOICES,
  VIEWS,
  type AppState,
  type LabelScale,
} from './types.js';

/**
 * The URL codec: the state a pasted link must reopen (selection, filters, mode, view,
 * viewport) as short query parameters, and back. Decoding validates every parameter;
 * a bad one is dropped with a problem that names it, and the rest still applies.
 * Defaults are left out of the URL so that links stay short.
 */

// ---------------------------------------------------------------- Public API

export type DecodeResult = { state: AppState; problems: string[] };

export function encodeState(state: AppState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (state.view !== d.view) p.set('view', state.view);
  if (state.selected) p.set('sel', state.selected);
  if (state.mode !== d.mode && state.selected) p.set('mode', state.mode);
  if (state.panel !== d.panel) p.set('panel', state.panel);
  const f = state.filters;
  if (f.plan) p.set('plan', f.plan);
  if (f.organisation) p.set('org', f.organisation);
  if (f.framework) p.set('fw', f.framework);
  if (f.statuses.length > 0) p.set('status', [...f.statuses].sort(byList(STATUSES)).join(','));
  if (f.yearBand) p.set('year', f.yearBand);
  if (!sameKinds(f.kinds, DEFAULT_KINDS)) p.set('kinds', f.kinds.length === 0 ? 'none' : [...f.kinds].sort(byList(NODE_KINDS)).join(','));
  if (state.layout !== d.layout) p.set('layout', state.layout);
  if (state.renderer !== d.renderer) p.set('r', state.renderer);
  if (state.gap) p.set('gap', state.gap);
  if (state.asOf) p.set('asof', state.asOf);
  if (state.matrix.rows !== d.matrix.rows) p.set('mrows', state.matrix.rows);
  if (state.matrix.cols !== d.matrix.cols) p.set('mcols', state.matrix.cols);
  if (state.cell) p.set('cell', `${state.cell.row}~${state.cell.col}`);
  if (state.namedView) p.set('nv', state.namedView);
  if (state.labelScale !== d.labelScale) p.set('ls', String(state.labelScale));
  if (state.viewport) {
    p.set('z', String(round(state.viewport.zoom, 4)));
    p.set('x', String(round(state.viewport.x, 1)));
    p.set('y', String(round(state.viewport.y, 1)));
  }
  // Ids keep their colons readable: URLSearchParams escapes them, links look nicer without.
  return p.toString().replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%7E/g, '~');
}

export function decodeState(search: string): DecodeResult {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const problems: string[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const raw = p.get(name);
    if (raw === null) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(`${name}: ${parsed.error.issues[0]?.message ?? 'not understood'}`);
    return undefined;
  };
  const d = DEFAULT_STATE;

  const selected = read('sel', NodeId) ?? null;
  const mode = read('mode', z.enum(MODES, { message: `must be one of ${MODES.join(', ')}` })) ?? d.mode;
  const viewport = readViewport(p, problems);
  const cell = read('cell', CellParam) ?? null;

  const state: AppState = {
    selected,
    mode: selected ? mode : 'explore',
    view: read('view', z.enum(VIEWS, { message: `must be one of ${VIEWS.join(', ')}` })) ?? d.view,
    panel: read('panel', z.enum(PANELS, { message: `must be one of ${PANELS.join(', ')}` })) ?? d.panel,
    filters: {
      plan: read('plan', NodeId) ?? null,
      organisation: read('org', NodeId) ?? null,
      framework: read('fw', z.enum(FRAMEWORKS, { message: `must be one of ${FRAMEWORKS.join(', ')}` })) ?? null,
      statuses: read('status', StatusList) ?? [],
      yearBand: read('year', z.string().trim().min(1).max(40, 'must be at most 40 characters')) ?? null,
      kinds: read('kinds', KindList) ?? DEFAULT_KINDS,
    },
    layout: read('layout', z.enum(LAYOUT_IDS, { message: `must be one of ${LAYOUT_IDS.join(', ')}` })) ?? d.layout,
    renderer: read('r', z.enum(RENDERER_CHOICES, { message: `must be one of ${RENDERER_CHOICES.join(', ')}` })) ?? d.renderer,
    gap: read('gap', z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a gap analysis id such as actions-without-outcome')) ?? null,
    asOf: read('asof', z.iso.date({ message: 'must be a date written YYYY-MM-DD' })) ?? null,
    matrix: {
      rows: read('mrows', z.enum(MATRIX_AXES, { message: `must be one of ${MATRIX_AXES.join(', ')}` })) ?? d.matrix.rows,
      cols: read('mcols', z.enum(MATRIX_AXES, { message: `must be one of ${MATRIX_AXES.join(', ')}` })) ?? d.matrix.cols,
    },
    cell,
    viewport,
    namedView: read('nv', z.string().trim().min(1).max(80, 'must be at most 80 characters')) ?? null,
    labelScale: read('ls', LabelScaleParam) ?? d.labelScale,
  };
  return { state, problems };
}

// ---------------------------------------------------------------- Internal

const StatusList = z.string().transform((s, ctx) => {
  const out: Status[] = [];
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!(STATUSES as readonly string[]).includes(part)) {
      ctx.addIssue({ code: 'custom', message: `unknown status ${part}; statuses are ${STATUSES.join(', ')}` });
      return z.NEVER;
    }
    if (!out.includes(part as Status)) out.push(part as Status);
  }
  return out;
});

const KindList = z.string().transform((s, ctx) => {
  if (s === 'none') return [] as NodeKind[];
  const out: NodeKind[] = [];
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    const k = NodeKindSchema.safeParse(part);
    if (!k.success) {
      ctx.addIssue({ code: 'custom', message: `unknown kind ${part}; kinds are ${NODE_KINDS.join(', ')}` });
      return z.NEVER;
    }
    if (!out.includes(k.data)) out.push(k.data);
  }
  return out;
});

const CellParam = z.string().transform((s, ctx) => {
  const [row, col, ...rest] = s.split('~');
  if (rest.length > 0 || !row || !col || !NodeId.safeParse(row).success || !NodeId.safeParse(col).success) {
    ctx.addIssue({ code: 'custom', message: 'must be two node ids joined by ~ (row~column)' });
    return z.NEVER;
  }
  return { row, col };
});

const LabelScaleParam = z.coerce
  .number()
  .refine((n): n is LabelScale => (LABEL_SCALES as readonly number[]).includes(n), `must be one of ${LABEL_SCALES.join(', ')}`)
  .transform((n) => n as LabelScale);

const finite = (name: string) => z.coerce.number({ message: `${name} must be a number` }).refine(Number.isFinite, `${name} must be a number`);

function readViewport(p: URLSearchParams, problems: string[]): AppState['viewport'] {
  const raw = ['z', 'x', 'y'].map((k) => p.get(k));
  if (raw.every((v) => v === null)) return null;
  if (raw.some((v) => v === null)) {
    problems.push('z, x, y: the viewport needs all three of zoom (z) and pan (x, y)');
    return null;
  }
  const zoom = finite('z').refine((n) => n > 0 && n <= 100, 'z must be between 0 and 100').safeParse(raw[0]);
  const x = finite('x').safeParse(raw[1]);
  const y = finite('y').safeParse(raw[2]);
  if (!zoom.success || !x.success || !y.success) {
    const issue = [zoom, x, y].find((r) => !r.success);
    problems.push(`viewport: ${issue && !issue.success ? issue.error.issues[0]?.message : 'not understood'}`);
    return null;
  }
  return { zoom: zoom.data, x: x.data, y: y.data };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function byList<T extends string>(list: readonly T[]) {
  return (a: T, b: T) => list.indexOf(a) - list.indexOf(b);
}

function sameKinds(a: readonly NodeKind[], b: readonly NodeKind[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}
