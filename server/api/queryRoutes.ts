import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AdHocQueryBody, type AdHocQueryResponse } from '../../model/index.js';
import { refuseWrites } from '../query/readOnlyCypher.js';
import { StoreError, type GraphStore } from '../store/port.js';
import { HttpError } from './errors.js';
import { parseRequest } from './validateRequest.js';

export type QueryLimits = { queryTimeoutMs: number; queryMaxRows: number };

/** POST /api/query: read-only Cypher for analysts, refused before it runs if it could write. */
export function queryRoutes(store: GraphStore, limits: QueryLimits): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: 60,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', 'too many queries: at most 60 a minute; wait a little and try again')),
  });
  router.post('/query', limiter, async (req, res) => {
    const body = parseRequest(AdHocQueryBody, req.body ?? {}, 'body');
    const refusal = refuseWrites(body.cypher);
    if (refusal) throw new HttpError(403, 'write_refused', refusal.reason);
    const started = performance.now();
    const result = await store
      .readOnlyQuery(body.cypher, body.params, { timeoutMs: limits.queryTimeoutMs, maxRows: limits.queryMaxRows })
      .catch((err: unknown) => {
        // The engine's own message is what an analyst needs to mend a query; it holds no server detail.
        if (err instanceof StoreError && err.code === 'query') throw new HttpError(400, 'bad_query', err.message.replace(/^query ad hoc failed: /, ''));
        if (err instanceof StoreError && err.code === 'timeout') {
          throw new HttpError(503, 'query_timeout', `the query ran over its time cap of ${limits.queryTimeoutMs} ms; narrow it with labels, a LIMIT or shorter paths`);
        }
        if (err instanceof StoreError && err.code === 'too-large') {
          throw new HttpError(503, 'query_too_large', 'the query needs more memory than the store allows; narrow it with labels, a LIMIT or shorter paths');
        }
        if (err instanceof StoreError && err.code === 'read-only') throw new HttpError(403, 'write_refused', 'the engine refused a write: /api/query runs read-only Cypher');
        throw err;
      });
    const response: AdHocQueryResponse = { ...result, elapsedMs: Math.round(performance.now() - started) };
    res.json(response);
  });
  return router;
}
