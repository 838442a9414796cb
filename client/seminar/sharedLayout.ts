import type { SeminarView } from '../../model/seminars.js';
import type { Ctx, Loaded } from '../app/context.js';
import { LAYOUTS } from '../layout/index.js';
import type { Position } from '../layout/layered.js';
import { explorerFilters } from './filters.js';
import { setLayout } from '../state/actions.js';

/**
 * One map for the room: the seminar's map is laid out once, from the view the
 * facilitator started it from (its filters and layout), and held as a locked
 * arrangement, so a node stands in the same place on every device and stays there when
 * the room filters, lights a thread or accepts a new link. The layouts are pure and
 * deterministic, so every device computes the same positions from the same graph.
 */

export function seminarPositions(d: Loaded, view: SeminarView): Map<string, Position> {
  const filters = explorerFilters(view.filters);
  const visible = d.filterer.apply(filters).visible;
  const nodes = d.elements.nodes.filter((n) => visible.has(n.data.id)).map((n) => n.data);
  const edges = d.elements.edges.filter((e) => visible.has(e.data.source) && visible.has(e.data.target)).map((e) => e.data);
  return LAYOUTS[view.layout].run({ nodes, edges });
}

export function freezeSeminarLayout(ctx: Ctx, data: Loaded | null, view: SeminarView): void {
  if (!data) return;
  // The room's layout on every device, so the band names (a layered map's) match what is drawn.
  ctx.dispatch((s) => setLayout(s, view.layout), 'replace');
  ctx.setArrangement({ positions: seminarPositions(data, view), locked: true, sharedAs: 'the seminar’s map' });
}
