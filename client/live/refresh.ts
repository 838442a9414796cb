import type { CommittedEvent } from '../../model/changes.js';
import type { Ctx } from '../app/context.js';

/**
 * What a committed change makes stale, brought up to date in place: the details of
 * every node it touched (all held details when the summary's id list was cut short,
 * or after a reconnect when events may have been missed), the lit thread, the gap
 * lists and counts, the matrix, and the graph the map is drawn from. Old values stay
 * on screen until the new ones arrive, so nothing flashes "loading".
 */

/** summariseDiff lists at most this many ids; a list this long may have been cut. */
const SUMMARY_ID_CAP = 50;

export function refreshAfterCommit(ctx: Ctx, event: CommittedEvent | null, reloadGraph: () => unknown): void {
  const ids = event?.summary.nodeIds ?? [];
  if (!event || ids.length >= SUMMARY_ID_CAP) ctx.resources.node.refresh();
  else for (const id of ids) ctx.resources.node.refresh(id);
  ctx.resources.thread.refresh();
  ctx.resources.gap.refresh();
  ctx.resources.gapCatalogue.refresh();
  ctx.resources.matrix.refresh();
  reloadGraph();
  ctx.requestRender();
}
