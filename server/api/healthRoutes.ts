import { Router } from 'express';
import { countGraph } from '../graph/graphReader.js';
import type { GraphStore } from '../store/port.js';

/** GET /api/health: which store answers, its version, and how much graph it holds. */
export function healthRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [version, counts] = await Promise.all([store.engineVersion(), countGraph(store)]);
    res.json({ status: 'ok', store: { kind: store.kind, version }, counts });
  });
  return router;
}
