import { NamedViewSchema, VIEW_FORMAT_VERSION, ViewsEnvelopeSchema, type NamedView } from '../../model/views.js';
import type { Position } from '../layout/layered.js';
import type { AppState } from '../state/types.js';

/**
 * Named views: an arrangement a planner made (positions, lock), with the filters and
 * styling it was made under, kept under a name so that it reopens exactly. This module
 * is pure: capture, apply, and (de)serialise with validation; storage is elsewhere.
 */

// ---------------------------------------------------------------- Public API

/** The schema lives in model/views.ts, shared with the server; re-exported for the explorer's modules. */
export { NamedViewSchema, VIEW_FORMAT_VERSION, type NamedView };

export function captureView(state: AppState, name: string, positions: ReadonlyMap<string, Position>, locked: boolean, now: Date = new Date()): NamedView {
  const table: NamedView['positions'] = {};
  for (const [id, p] of positions) table[id] = [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100];
  return {
    version: VIEW_FORMAT_VERSION,
    name: name.trim(),
    savedAt: now.toISOString(),
    layout: state.layout,
    filters: { ...state.filters, statuses: [...state.filters.statuses], kinds: [...state.filters.kinds] },
    styling: { labelScale: state.labelScale, renderer: state.renderer, styleBy: state.styleBy },
    locked,
    positions: table,
    camera: state.camera ? { ...state.camera } : null,
  };
}

/** The state a named view reopens: its filters, styling and camera; selection and mode stay as they are. */
export function applyNamedView(state: AppState, view: NamedView): AppState {
  return {
    ...state,
    namedView: view.name,
    layout: view.layout,
    filters: { ...view.filters, statuses: [...view.filters.statuses], kinds: [...view.filters.kinds] },
    labelScale: view.styling.labelScale,
    renderer: view.styling.renderer,
    styleBy: view.styling.styleBy,
    camera: view.camera ? { ...view.camera } : null,
    cell: null,
    gap: null,
    view: 'map',
  };
}

export function positionsOfView(view: NamedView): Map<string, Position> {
  return new Map(Object.entries(view.positions).map(([id, [x, y]]) => [id, { x, y }]));
}

export function serialiseViews(views: readonly NamedView[]): string {
  return JSON.stringify({ format: 'golden-thread-views', version: VIEW_FORMAT_VERSION, views });
}

export type ParsedViews = { views: NamedView[]; problems: string[] };

/** Reads stored views; a broken one is skipped with a problem naming it, the rest survive. */
export function parseViews(text: string | null): ParsedViews {
  if (!text) return { views: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { views: [], problems: ['the stored views are not valid JSON'] };
  }
  const envelope = ViewsEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { views: [], problems: ['the stored views are not in the golden-thread-views format'] };
  const views: NamedView[] = [];
  const problems: string[] = [];
  envelope.data.views.forEach((v, i) => {
    const parsed = NamedViewSchema.safeParse(v);
    if (parsed.success) views.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      const name = typeof (v as { name?: unknown })?.name === 'string' ? `“${(v as { name: string }).name}”` : `number ${i + 1}`;
      problems.push(`view ${name}: ${issue ? `${issue.path.join('.') || 'view'} ${issue.message}` : 'not understood'}`);
    }
  });
  return { views, problems };
}

/** Adds or replaces (by name, case-insensitively) and keeps the list in name order. */
export function upsertView(views: readonly NamedView[], view: NamedView): NamedView[] {
  const rest = views.filter((v) => v.name.toLowerCase() !== view.name.toLowerCase());
  return [...rest, view].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function removeView(views: readonly NamedView[], name: string): NamedView[] {
  return views.filter((v) => v.name !== name);
}
