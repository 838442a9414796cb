import type { AppState } from '../state/types.js';
import type { Ctx } from './context.js';

/**
 * What the state needs from the server, asked for after each change and never from
 * inside a render: the selection's details, a lit thread, the chosen gap analysis, the
 * matrix when it is shown or one of its cells is. Each resource fetches a key once and
 * re-renders when it settles. Nothing is fetched for a panel nobody opened: the gap
 * catalogue and counts load with the gaps panel (client/gaps), not at start-up.
 */
export function loadWhatStateNeeds(s: AppState, ctx: Ctx): void {
  if (s.selected) ctx.resources.node.get(s.selected);
  if (s.mode === 'thread' && s.selected) ctx.resources.thread.get(s.selected);
  if (s.gap) ctx.resources.gap.get(ctx.gapKey(s));
  if (s.cell || s.view === 'matrix') ctx.resources.matrix.get(ctx.matrixKey(s));
}
