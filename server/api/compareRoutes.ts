import { Router } from 'express';
import { z } from 'zod';
import { NodeId } from '../../model/ids.js';
import { comparePlans } from '../compare/comparePlans.js';
import type { GraphStore } from '../store/port.js';
import { notFound } from './errors.js';
import { parseRequest } from './validateRequest.js';

/** GET /api/compare?a=plan:X&b=plan:Y: two plans' actions continued (with the score), dropped and new, and outcome coverage. */

export const CompareParams = z.object({ a: NodeId, b: NodeId }).strict();

export function compareRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/compare', async (req, res) => {
    const { a, b } = parseRequest(CompareParams, req.query, 'query');
    const result = await comparePlans(store, a, b);
    if (result.continued.length + result.dropped.length === 0 && result.added.length === 0) throw notFound(`neither ${a} nor ${b} is a plan with actions`);
    res.json(result);
  });
  return router;
}
