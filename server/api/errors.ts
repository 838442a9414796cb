import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ConflictError, ForbiddenError, NotFoundError, type CurrentValues } from '../changes/errors.js';
import { ValidationError } from '../graph/validationError.js';
import { StoreError } from '../store/port.js';

/**
 * Every error leaves the server as JSON of one shape:
 * `{ error: { status, code, message, issues? } }`. No stack trace ever leaves it.
 */

export type ApiErrorBody = {
  error: { status: number; code: string; message: string; issues?: { field: string; reason: string }[]; current?: CurrentValues[] };
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { field: string; reason: string }[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', what);

export function errorBody(err: unknown): ApiErrorBody {
  if (err instanceof HttpError) {
    return { error: { status: err.status, code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
  }
  if (err instanceof ValidationError) {
    return { error: { status: 400, code: 'bad_request', message: err.message, issues: err.issues } };
  }
  // The change pipeline's refusals: nothing was written.
  if (err instanceof ConflictError) return { error: { status: 409, code: 'conflict', message: err.message, issues: err.issues, current: err.current } };
  if (err instanceof NotFoundError) return { error: { status: 404, code: 'not_found', message: err.message, issues: err.issues } };
  if (err instanceof ForbiddenError) return { error: { status: 403, code: 'forbidden', message: err.message, issues: err.issues } };
  if (err instanceof StoreError) {
    if (err.code === 'timeout') return { error: { status: 503, code: 'query_timeout', message: err.message } };
    if (err.code === 'too-large') return { error: { status: 503, code: 'query_too_large', message: err.message } };
    if (err.code === 'read-only') return { error: { status: 403, code: 'write_refused', message: err.message } };
    // The store's own message can hold paths and the engine's words: it goes to the log (jsonErrors), not here.
    if (err.code === 'unavailable') return { error: { status: 503, code: 'store_unavailable', message: 'the graph store is not available right now' } };
    if (err.code === 'busy') return { error: { status: 503, code: 'busy', message: err.message } };
    if (err.code === 'refused') return { error: { status: 403, code: 'query_refused', message: err.message } };
    return { error: { status: 500, code: 'store_error', message: 'the graph store could not answer this request' } };
  }
  const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    const type = (err as { type?: string }).type;
    const message = type === 'entity.too.large' ? 'the request body is too large' : type === 'entity.parse.failed' ? 'the request body is not valid JSON' : (err as Error).message;
    // The body parser's refusals name the body as the field, like every other 400 (found by test/fuzz/httpEdge.spec.ts).
    // It refuses valid JSON that is not an object or array too (0, null, "text"), so the reason says what is wanted.
    const reason = type === 'entity.too.large' ? 'is too large' : type === 'entity.parse.failed' ? 'must be a JSON object (or array), well formed' : undefined;
    return { error: { status, code: 'bad_request', message, ...(reason ? { issues: [{ field: 'body', reason }] } : {}) } };
  }
  return { error: { status: 500, code: 'internal_error', message: 'something went wrong on the server' } };
}

export const jsonErrors: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const body = errorBody(err);
  // With a request logger the line carries the request id; without one (tests, tools) the console serves.
  const log = (req as { log?: { error(o: object, m: string): void; warn(o: object, m: string): void } }).log;
  // Unexpected failures keep their stack for the operator; expected ones (a query over its cap) need one line.
  if (body.error.status === 500) {
    if (log) log.error({ err }, 'request failed');
    else console.error(err);
  } else if (body.error.status > 500) {
    const message = err instanceof Error ? err.message : body.error.message;
    if (log) log.warn({ code: body.error.code }, message);
    else console.warn(`${body.error.code}: ${message}`);
  }
  // For the security log (server/auth/securityLog.ts): why a request was refused.
  res.locals.errorCode = body.error.code;
  res.status(body.error.status).json(body);
};

export const unknownRoute: RequestHandler = (req, _res, next) => {
  // req.path is relative to the router's mount point; name the path the client asked for.
  next(new HttpError(404, 'not_found', `no API route ${req.method} ${req.baseUrl}${req.path}`));
};
