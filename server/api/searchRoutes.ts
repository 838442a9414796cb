import { Router } from 'express';
import { SearchParams } from '../../model/index.js';
import { searchIndex, searchNodes } from '../search/searchNodes.js';
import type { GraphStore } from '../store/port.js';
import { parseRequest } from './validateRequest.js';

export function searchRoutes(store: GraphStore): Router {
  const router = Router();
  // Built ahead of the first search, so that nobody waits for it; a failure here is retried by that search.
  void searchIndex(store).catch(() => undefined);
  router.get('/search', async (req, res) => {
    const params = parseRequest(SearchParams, req.query, 'query');
    res.json({ query: params.q, results: await searchNodes(store, params) });
  });
  return router;
}
