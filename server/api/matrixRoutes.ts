import { Router } from 'express';
import { MatrixParams } from '../../model/index.js';
import { coverageMatrix } from '../matrix/coverageMatrix.js';
import type { GraphStore } from '../store/port.js';
import { parseRequest } from './validateRequest.js';

export function matrixRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/matrix', async (req, res) => {
    res.json(await coverageMatrix(store, parseRequest(MatrixParams, req.query, 'query')));
  });
  return router;
}
