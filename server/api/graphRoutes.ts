import { Router } from 'express';
import { GraphParams, NodeIdParam, type GraphResponse } from '../../model/index.js';
import { subgraph } from '../graph/subgraph.js';
import { goldenThread } from '../thread/thread.js';
import { threadPatch } from '../thread/threadPatch.js';
import { cached } from '../graph/readCache.js';
import type { GraphStore } from '../store/port.js';
import { parseRequest } from './validateRequest.js';

/** GET /api/graph (a subgraph as Cytoscape elements) and GET /api/thread/:id (the golden thread). */
export function graphRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/graph', async (req, res) => {
    const params = parseRequest(GraphParams, req.query, 'query');
    const whole = !params.plan && !params.organisation && !params.outcome && !params.kind;
    // The whole graph is every explorer's first request: kept, already serialised, as a read
    // model that a change drops only when it touches what the graph shows (readCache.ts).
    if (whole) {
      res.type('json').send(await cached(store, 'graph:whole', async (reading) => JSON.stringify(graphBody(await subgraph(reading, params)))));
      return;
    }
    res.json(graphBody(await subgraph(store, params)));
  });
  router.get('/thread/:id', async (req, res) => {
    const { id } = parseRequest(NodeIdParam, { id: req.params.id }, 'path');
    res.json(await cached(store, `thread:${id}`, (reading) => goldenThread(reading, id), { patch: threadPatch(store) }));
  });
  return router;
}

function graphBody(elements: GraphResponse['elements']): GraphResponse {
  return { elements, counts: { nodes: elements.nodes.length, edges: elements.edges.length } };
}
