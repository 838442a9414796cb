import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../log.js';

/**
 * Security events in the log (OWASP ASVS 5.0 V16.3): every sign-in, its outcome and the
 * factors tried; sign-out; second-factor and account changes and who made them; every
 * request refused for want of a session, a role or a CSRF token; every rate limit hit.
 *
 * One middleware reads each answered request rather than a call in every route, so a route
 * added later cannot forget to log: what a request was is decided from its method and path,
 * and how it ended from its status and the error code the error handler recorded
 * (`res.locals.errorCode`, server/api/errors.ts). A line carries the request id, the client
 * address and names (an account, a provider), never a password, a code or a token.
 */

export type SecurityEvent = {
  event: string;
  outcome: 'success' | 'failure' | 'refused' | 'limited' | 'invalid' | 'error';
  /** The account acted for: the one signing in, or the signed-in caller. */
  username?: string;
  /** Another account acted on (an administrator's change). */
  target?: string;
  /** What was presented: password, totp, recovery-code, oidc:<provider>. */
  factor?: string;
  /** The error code answered, when the request was refused. */
  code?: string;
  /** Which fields an account change set (their values stay out of the log, the role aside). */
  fields?: string[];
  role?: string;
  method: string;
  path: string;
};

type Classified = Pick<SecurityEvent, 'event' | 'target' | 'factor' | 'fields' | 'role'> & { username?: string };

/** A name for the log: a string a client sent, cut short and without control characters. */
function named(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  return value.slice(0, 200).replace(/[\u0000-\u001f\u007f]/g, '?');
}

const bodyOf = (req: Request): Record<string, unknown> => (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {});

/** What a request was, when it is one of the authentication or account operations; null otherwise. */
export function classify(method: string, path: string, body: Record<string, unknown>): Classified | null {
  if (method === 'POST' && path === '/auth/login') {
    const factor = body.code !== undefined ? 'password+totp' : body.recoveryCode !== undefined ? 'password+recovery-code' : 'password';
    return { event: 'sign-in', factor, ...(named(body.username) ? { username: named(body.username)!.toLowerCase() } : {}) };
  }
  if (method === 'POST' && path === '/auth/logout') return { event: 'sign-out' };
  if (method === 'POST' && path === '/auth/password') return { event: 'password-change' };
  if (method === 'POST' && path === '/auth/sessions/end') return { event: 'sessions-end', ...(body.sessions === 'others' ? { fields: ['others'] } : {}) };
  const oidc = /^\/auth\/oidc\/([^/]+)\/(callback|backchannel-logout)$/.exec(path);
  if (oidc && ((method === 'GET' && oidc[2] === 'callback') || (method === 'POST' && oidc[2] === 'backchannel-logout'))) {
    return { event: oidc[2] === 'callback' ? 'sign-in' : 'provider-sign-out', factor: `oidc:${named(oidc[1])}` };
  }
  const mfa = /^\/auth\/mfa(\/.*)?$/.exec(path);
  if (mfa && method !== 'GET') return { event: `second-factor${(mfa[1] ?? '').replaceAll('/', '-')}` };
  const user = /^\/users(?:\/([^/]+))?(\/mfa)?$/.exec(path);
  if (user && method !== 'GET') {
    const target = user[1] ? named(decodeURIComponent(user[1]))?.toLowerCase() : named(body.username)?.toLowerCase();
    const event = user[2] ? 'account-second-factor-cleared' : method === 'POST' ? 'account-created' : method === 'DELETE' ? 'account-removed' : 'account-changed';
    const fields = method === 'DELETE' ? undefined : Object.keys(body);
    return { event, ...(target ? { target } : {}), ...(fields?.length ? { fields } : {}), ...(typeof body.role === 'string' ? { role: named(body.role)! } : {}) };
  }
  return null;
}

/** A 401 is a failed sign-in for a sign-in, and a refusal (no session) for anything else. */
function outcomeOf(status: number, event: string): SecurityEvent['outcome'] {
  if (status < 400) return 'success';
  if (status === 429) return 'limited';
  if (status === 401) return event === 'sign-in' ? 'failure' : 'refused';
  if (status === 403) return 'refused';
  if (status < 500) return 'invalid';
  return 'error';
}

/** The event a finished request was, if any: an authentication or account operation, or any refusal (401, 403, 429). */
export function securityEventOf(method: string, path: string, body: Record<string, unknown>, status: number, code: string | undefined, actor: string | undefined): SecurityEvent | null {
  const known = classify(method, path, body);
  if (!known && status !== 401 && status !== 403 && status !== 429) return null;
  const base = known ?? { event: status === 429 ? 'rate-limited' : 'access-denied' };
  const outcome = outcomeOf(status, base.event);
  const username = base.username ?? actor;
  return { ...base, outcome, ...(username ? { username } : {}), ...(outcome !== 'success' && code ? { code } : {}), method, path: `/api${path}` };
}

/** Logs each request's security event once it is answered (mounted on /api, after the body parser). */
export function securityLog(logger: Logger): RequestHandler {
  return (req, res: Response, next) => {
    // The path as asked, relative to /api: routers rewrite req.path as they descend.
    const { method, path } = req;
    res.on('finish', () => {
      const event = securityEventOf(method, path, bodyOf(req), res.statusCode, (res.locals as { errorCode?: string }).errorCode, req.actor?.id);
      if (!event) return;
      const log = (req as { log?: Logger }).log ?? logger;
      const line = { security: event, reqId: (req as { id?: unknown }).id, ip: req.ip };
      if (event.outcome === 'success') log.info(line, `security: ${event.event}`);
      else log.warn(line, `security: ${event.event} ${event.outcome}`);
    });
    next();
  };
}
