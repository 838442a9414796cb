import { Router } from 'express';
import { GraphParams, NodeIdParam, type GraphResponse } from '../../model/index.js';
import { subgraph } from '../graph/subgraph.js';
import { goldenThread } from '../thread/thread.js';
import { cached } from '../graph/readCache.js';
import type { GraphStore } from '../store/port.js';
import { parseRequest } from './validateRequest.js';

/** GET /api/graph (a subgraph as Cytoscape elements) and GET /api/thread/:id (the golden thread). */
export function graphRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/graph', async (req, res) => {
    const params = parseRequest(GraphParams, req.query, 'query');
    const elements = await subgraph(store, params);
    const body: GraphResponse = { elements, counts: { nodes: elements.nodes.length, edges: elements.edges.length } };
    res.json(body);
  });
  router.get('/thread/:id', async (req, res) => {
    const { id } = parseRequest(NodeIdParam, { id: req.params.id }, 'path');
    res.json(await cached(store, `thread:${id}`, (reading) => goldenThread(reading, id)));
  });
  return router;
}
