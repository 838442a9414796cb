import type { ChangeDiff, CommittedEvent } from '../../model/changes.js';
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

export type GraphUpdater = {
  /** Applies the change's diff to the map's graph at once; false when it cannot be applied exactly. */
  patch(diff: ChangeDiff): boolean;
  /** Reads the whole graph again (after a patch, only to confirm it: redrawn only if it differs). */
  reload(): void;
};

export function refreshAfterCommit(ctx: Ctx, event: CommittedEvent | null, graph: GraphUpdater): void {
  // For the live-update figures the browser test prints: when the event arrived.
  performance.mark('gt:live-event');
  // The map first, and alone: the diff is one small read; the rest follows once it is drawn.
  const rest = () => {
    const ids = event?.summary.nodeIds ?? [];
    if (!event || ids.length >= SUMMARY_ID_CAP) ctx.resources.node.refresh();
    else for (const id of ids) ctx.resources.node.refresh(id);
    ctx.resources.thread.refresh();
    ctx.resources.gap.refresh();
    ctx.resources.gapCatalogue.refresh();
    ctx.resources.matrix.refresh();
    graph.reload();
    ctx.requestRender();
  };
  if (!event) return rest();
  if (event.diff) {
    if (graph.patch(event.diff)) performance.mark('gt:live-patched');
    return rest();
  }
  ctx.writes.changeById(event.changeId).then((change) => {
    performance.mark('gt:live-diff');
    if (graph.patch(change.diff)) performance.mark('gt:live-patched');
    rest();
  }, rest);
}
