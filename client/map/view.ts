import type { GapResponse, ThreadResponse } from '../../model/api.js';
import { inEdges, outEdges, servedClosure, type GraphIndex } from '../graph/index.js';
import type { AppState } from '../state/types.js';
import { neighbourhood } from './neighbourhood.js';

/**
 * What the map should show, derived from the state and what the panels have loaded:
 * which nodes are drawn, which stand out, and whether the rest is dimmed. The map
 * turns this into Cytoscape classes; nothing here touches the graph data.
 */

// ---------------------------------------------------------------- Public API

/** origin: where a thread starts; path: on the thread; hit: a gap or matrix cell result. */
export type Emphasis = 'origin' | 'path' | 'hit';

export type MapView = {
  /** Node ids drawn; an edge is drawn when both its ends are. */
  visible: ReadonlySet<string>;
  /** Nodes and edges that stand out. */
  emphasis: ReadonlyMap<string, Emphasis>;
  /** Whether everything without emphasis is faded. */
  dimOthers: boolean;
  selected: string | null;
  /** What the banner above the map says about the current emphasis. */
  caption: string | null;
  /** More than one plan among the drawn nodes: references carry their plan's short name ("LCJA 2008 · 2.2.1"). */
  planRefs?: boolean;
};

export type Overlays = {
  thread?: ThreadResponse | null;
  gap?: GapResponse | null;
  /** The actions of the chosen matrix cell, with the cell's row and column nodes. */
  cell?: { actions: readonly string[]; row: string; col: string; caption: string } | null;
};

export function deriveMapView(index: GraphIndex, filtered: ReadonlySet<string>, state: AppState, overlays: Overlays): MapView {
  const visible = new Set(filtered);
  const emphasis = new Map<string, Emphasis>();
  let dimOthers = false;
  let caption: string | null = null;

  if (overlays.cell && state.cell) {
    // A matrix cell replaces the filters: its actions, what they serve and the cell's two ends.
    visible.clear();
    const { actions, row, col } = overlays.cell;
    for (const id of [row, col, ...actions]) if (index.nodes.has(id)) visible.add(id);
    for (const a of actions) {
      for (const up of servedClosure(index, a)) visible.add(up);
      emphasis.set(a, 'hit');
      for (const e of [...inEdges(index, a, 'LEADS'), ...inEdges(index, a, 'PARTNERS_IN')]) if (e.source === row) emphasis.set(e.id, 'hit');
    }
    emphasis.set(row, 'hit');
    emphasis.set(col, 'hit');
    // Only the cell's own nodes are drawn, so nothing needs dimming; the thread between them does show.
    for (const id of visible) for (const e of outEdges(index, id, 'SERVES')) if (visible.has(e.target)) emphasis.set(e.id, 'hit');
    caption = overlays.cell.caption;
  }

  if (state.mode === 'thread' && state.selected && overlays.thread && overlays.thread.origin.id === state.selected) {
    const t = overlays.thread;
    for (const p of t.paths) {
      for (const n of p.nodes) {
        emphasis.set(n, 'path');
        visible.add(n);
      }
      for (const e of p.edges) emphasis.set(e, 'path');
    }
    // A thread reaches down to every action, and those actions' leads show the grouping.
    if (t.direction === 'down') {
      // The API names each path's lead; resolve a name to its organisation node.
      let byName: Map<string, string> | null = null;
      const resolve = (lead: string): string | null => {
        if (index.nodes.has(lead)) return lead;
        byName ??= new Map([...index.nodes.values()].filter((n) => n.kind === 'Organisation').map((n) => [n.label, n.id]));
        return byName.get(lead) ?? null;
      };
      for (const p of t.paths) {
        const lead = p.lead ? resolve(p.lead) : null;
        if (!lead) continue;
        visible.add(lead);
        emphasis.set(lead, 'path');
        const first = p.nodes.find((n) => index.nodes.get(n)?.kind === 'Action');
        for (const e of outEdges(index, lead, 'LEADS')) if (e.target === first) emphasis.set(e.id, 'path');
      }
    }
    emphasis.set(t.origin.id, 'origin');
    visible.add(t.origin.id);
    dimOthers = true;
    caption = t.description;
  } else if (state.gap && overlays.gap && overlays.gap.id === state.gap) {
    for (const id of overlays.gap.highlight) {
      if (!index.nodes.has(id)) continue;
      emphasis.set(id, 'hit');
      visible.add(id);
    }
    // A saved analysis or a console result can name relationships as well.
    for (const id of overlays.gap.highlightEdges ?? []) if (index.edges.has(id)) emphasis.set(id, 'hit');
    dimOthers = overlays.gap.highlight.length + (overlays.gap.highlightEdges?.length ?? 0) > 0;
    caption = `${overlays.gap.title}: ${overlays.gap.summary}`;
  }

  if (state.neighbourhood && state.mode !== 'thread' && index.nodes.has(state.neighbourhood.id)) {
    // The neighbourhood adds what the filters hid, and lights it up against the rest.
    const nb = neighbourhood(index, state.neighbourhood.id, state.neighbourhood.steps, state.neighbourhood.types);
    for (const id of nb.nodes) {
      visible.add(id);
      if (!emphasis.has(id)) emphasis.set(id, 'hit');
    }
    for (const id of nb.edges) if (!emphasis.has(id)) emphasis.set(id, 'hit');
    emphasis.set(state.neighbourhood.id, 'origin');
    dimOthers = true;
  }

  if (state.selected && index.nodes.has(state.selected)) visible.add(state.selected);

  // Edges between two emphasised nodes stand out with them (the thread's own edges already do).
  if (dimOthers) {
    for (const id of [...emphasis.keys()]) {
      if (!index.nodes.has(id)) continue;
      for (const e of outEdges(index, id)) {
        if (!emphasis.has(e.id) && emphasis.has(e.target) && emphasis.get(id) !== 'path' && state.mode !== 'thread') emphasis.set(e.id, 'hit');
      }
    }
  }

  return { visible, emphasis, dimOthers, selected: state.selected, caption, planRefs: plansAmong(index, visible) > 1 };
}

/** How many plans the given nodes belong to (stopping at two: that is all the labels ask). */
export function plansAmong(index: GraphIndex, ids: Iterable<string>): number {
  let first: string | null = null;
  for (const id of ids) {
    const plan = index.nodes.get(id)?.plan;
    if (!plan) continue;
    if (first === null) first = plan;
    else if (plan !== first) return 2;
  }
  return first === null ? 0 : 1;
}

/**
 * The classes one element carries under a view: `hidden`, `dim`, `em-origin`,
 * `em-path`, `em-hit`, `sel`. The map compares these strings with what it last
 * applied and touches only the elements whose classes changed.
 */
export function classesFor(view: MapView, id: string, ends?: { source: string; target: string }): string {
  const shown = ends ? view.visible.has(ends.source) && view.visible.has(ends.target) : view.visible.has(id);
  if (!shown) return 'hidden';
  const em = view.emphasis.get(id);
  const parts: string[] = [];
  if (em) parts.push(`em-${em}`);
  else if (view.dimOthers) parts.push('dim');
  if (!ends && view.selected === id) parts.push('sel');
  return parts.join(' ');
}
