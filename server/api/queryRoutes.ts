import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { AdHocQueryBody, type AdHocQueryResponse } from '../../model/index.js';
import type { ConsoleMode } from '../config.js';
import { QueryParams } from '../query/queryParams.js';
import { StoreError, type GraphStore } from '../store/port.js';
import { consoleGate } from './consoleGate.js';
import { HttpError } from './errors.js';
import { parseRequest } from './validateRequest.js';

export type QueryLimits = {
  queryTimeoutMs: number;
  queryMaxRows: number;
  queryMaxBytes?: number;
  queryPerMinute?: number;
  console?: ConsoleMode;
  host?: string;
};

const BoundedParams = z.object({ params: QueryParams });

/**
 * POST /api/query: read-only Cypher for analysts. Whether a query may run is decided
 * by the store from the engine's own plan for it (see GraphStore.readOnlyQuery); this
 * route bounds the parameters, gates who may call, and says in its own words why a
 * query did not run.
 */
export function queryRoutes(store: GraphStore, limits: QueryLimits): Router {
  const router = Router();
  const perMinute = limits.queryPerMinute ?? 60;
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', `too many queries: at most ${perMinute} a minute; wait a little and try again`)),
  });
  router.post('/query', consoleGate(limits.console ?? 'auto', limits.host ?? '127.0.0.1'), limiter, async (req, res) => {
    const body = parseRequest(AdHocQueryBody, req.body ?? {}, 'body');
    const { params } = parseRequest(BoundedParams, { params: body.params }, 'body');
    const started = performance.now();
    const result = await store
      .readOnlyQuery(body.cypher, params, { timeoutMs: limits.queryTimeoutMs, maxRows: limits.queryMaxRows, maxBytes: limits.queryMaxBytes ?? 2_000_000, explainOnly: body.check === true })
      .catch((err: unknown) => {
        throw err instanceof StoreError ? consoleError(err, limits.queryTimeoutMs) : err;
      });
    const response: AdHocQueryResponse = { ...result, elapsedMs: Math.round(performance.now() - started) };
    res.json(response);
  });
  return router;
}

/** The store's error kinds as HTTP answers; every message here is the server's own. */
export function consoleError(err: StoreError, timeoutMs: number): HttpError | StoreError {
  switch (err.code) {
    case 'refused':
      return new HttpError(403, 'query_refused', err.message);
    case 'read-only':
      return new HttpError(403, 'query_refused', 'the engine refused a write: /api/query runs read-only queries');
    case 'query':
      return new HttpError(400, 'bad_query', err.message);
    case 'busy':
      return new HttpError(503, 'busy', err.message);
    case 'timeout':
      return new HttpError(503, 'query_timeout', `the query ran over its time cap of ${timeoutMs} ms; narrow it with labels, a LIMIT or shorter paths`);
    case 'too-large':
      return new HttpError(503, 'query_too_large', 'the query needs more memory than the console allows; narrow it with labels, a LIMIT or shorter paths');
    case 'crashed':
      return new HttpError(503, 'query_crashed', 'the query stopped the worker that ran it; the console has started a new one');
    default:
      return err;
  }
}
