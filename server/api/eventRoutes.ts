import { Router } from 'express';
import { summariseDiff, type CommittedEvent } from '../../model/changes.js';
import { changePipelineFor } from '../changes/pipeline.js';
import type { GraphStore } from '../store/port.js';

/**
 * GET /api/events: server-sent events fed by the change pipeline's bus. Every commit
 * reaches every open explorer as one `committed` event (change id, who, why, a diff
 * summary with the node ids), so it can refresh what it shows within a second.
 */

/** A comment line now and then keeps proxies and idle timeouts from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;
/** Beyond this the event carries only the summary, and explorers read the change (a seed or an import). */
const LIVE_DIFF_MAX_CHARS = 32_000;

export function eventRoutes(store: GraphStore): Router {
  const router = Router();
  const bus = changePipelineFor(store).bus;
  router.get('/events', (req, res) => {
    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    const unsubscribe = bus.on('committed', (change) => {
      const event: CommittedEvent = {
        changeId: change.changeId,
        at: change.at,
        actor: change.actor.name,
        reason: change.reason,
        origin: change.origin,
        summary: summariseDiff(change.diff),
      };
      // An edit's diff travels with it (issue-9-ui): the explorers patch their map from it at once.
      if (JSON.stringify(change.diff).length <= LIVE_DIFF_MAX_CHARS) event.diff = change.diff;
      res.write(`id: ${change.changeId}\nevent: committed\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
  return router;
}
