import { z } from 'zod';
import { MATRIX_AXES } from '../../model/api.js';
import { NodeId } from '../../model/ids.js';
import { PeriodCode } from '../../model/reports.js';
import { NODE_KINDS, NodeKindSchema, type NodeKind } from '../../model/nodes.js';
import { STATUSES, type Status } from '../../model/vocabulary.js';
import { RelationshipTypeSchema, type RelationshipType } from '../../model/relationships.js';
import { DEFAULT_KINDS } from '../graph/kinds.js';
import { DEFAULT_STATE, FRAMEWORKS, LABEL_SCALES, LAYOUT_IDS, MODES, PANELS, MAX_NEIGHBOURHOOD_STEPS, RENDERER_CHOICES, STYLE_RULES, VIEWS, type AppState, type LabelScale } from './types.js';

/**
 * The URL codec: the state a pasted link must reopen (selection, filters, mode, view,
 * camera) as short query parameters, and back. Decoding validates every parameter;
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
  if (state.neighbourhood) {
    const n = state.neighbourhood;
    p.set('nb', [n.id, String(n.steps), ...(n.types.length ? [[...n.types].sort().join('.')] : [])].join('~'));
  }
  if (state.styleBy !== d.styleBy) p.set('style', state.styleBy);
  if (state.period) p.set('period', state.period);
  if (state.rollup) p.set('rollup', '1');
  if (state.camera) {
    const c = state.camera;
    p.set('cam', [c.x, c.y, c.w, c.h].map((n) => String(round(n, 1))).join(','));
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
  const camera = readCamera(p, problems);
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
    camera,
    namedView: read('nv', z.string().trim().min(1).max(80, 'must be at most 80 characters')) ?? null,
    labelScale: read('ls', LabelScaleParam) ?? d.labelScale,
    neighbourhood: read('nb', NeighbourhoodParam) ?? null,
    styleBy: read('style', z.enum(STYLE_RULES, { message: `must be one of ${STYLE_RULES.join(', ')}` })) ?? d.styleBy,
    period: read('period', PeriodCode) ?? null,
    rollup: read('rollup', z.enum(['1'], { message: 'must be 1 (the roll-up on the outcomes) or left out' })) === '1',
  };
  return { state, problems };
}

// ---------------------------------------------------------------- Internal

const StatusList = z.string().transform((s, ctx) => {
  const out: Status[] = [];
  for (const part of s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
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
  for (const part of s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
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

/** `nb=id~steps` or `nb=id~steps~TYPE.TYPE`. */
const NeighbourhoodParam = z.string().transform((s, ctx) => {
  const [id, stepsText, typesText, ...rest] = s.split('~');
  const steps = Number(stepsText);
  if (rest.length > 0 || !id || !NodeId.safeParse(id).success || !Number.isInteger(steps) || steps < 1 || steps > MAX_NEIGHBOURHOOD_STEPS) {
    ctx.addIssue({ code: 'custom', message: `must be a node id and a number of steps from 1 to ${MAX_NEIGHBOURHOOD_STEPS} joined by ~, then optionally relationship types joined by .` });
    return z.NEVER;
  }
  const types: RelationshipType[] = [];
  for (const t of typesText ? typesText.split('.') : []) {
    const parsed = RelationshipTypeSchema.safeParse(t);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `unknown relationship type ${t}` });
      return z.NEVER;
    }
    types.push(parsed.data);
  }
  return { id, steps, types };
});

const LabelScaleParam = z.coerce.number().refine((n): n is LabelScale => (LABEL_SCALES as readonly number[]).includes(n), `must be one of ${LABEL_SCALES.join(', ')}`);

/** `cam=x,y,w,h`: the centre and size of the area shown, in graph coordinates. */
function readCamera(p: URLSearchParams, problems: string[]): AppState['camera'] {
  if (['z', 'x', 'y'].some((k) => p.has(k))) {
    // Links from before the camera moved to graph coordinates: their pixels fit only the screen they came from.
    problems.push('z, x, y: this link keeps the camera in screen pixels (an older link), so the map is fitted instead');
  }
  const raw = p.get('cam');
  if (raw === null) return null;
  const parts = raw.split(',');
  const nums = parts.map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
  if (parts.length !== 4 || nums.some((n) => !Number.isFinite(n))) {
    problems.push('cam: must be four numbers x,y,w,h (the centre and size of the area shown)');
    return null;
  }
  const [x, y, w, h] = nums as [number, number, number, number];
  if (w <= 0 || h <= 0 || w > 1e7 || h > 1e7) {
    problems.push('cam: the width and height of the area shown must be positive');
    return null;
  }
  return { x, y, w, h };
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
