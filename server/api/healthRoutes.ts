import { Router } from 'express';
import { countGraph } from '../graph/graphReader.js';
import type { Readiness } from '../health/readiness.js';
import type { GraphStore } from '../store/port.js';

/**
 * GET /api/health: which store answers, its version, and how much graph it holds.
 * GET /api/health/live: the process answers (for a supervisor's restart decision).
 * GET /api/health/ready: the store is open and loaded and the server is not draining
 * (for a load balancer's routing decision); 503 otherwise.
 */
export function healthRoutes(store: GraphStore, readiness?: Readiness): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [version, counts] = await Promise.all([store.engineVersion(), countGraph(store)]);
    res.json({ status: 'ok', store: { kind: store.kind, version }, counts });
  });
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  router.get('/health/ready', async (_req, res) => {
    const state = readiness?.current ?? 'ready';
    if (state !== 'ready') {
      res
        .status(503)
        .json({ error: { status: 503, code: state === 'stopping' ? 'shutting_down' : 'starting', message: state === 'stopping' ? 'the server is shutting down' : 'the server is still starting' } });
      return;
    }
    try {
      // Ready means the store answers a real query, not only that it was opened once.
      await store.read('stats/count-nodes');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ error: { status: 503, code: 'store_unavailable', message: 'the graph store is not answering' } });
    }
  });
  return router;
}
