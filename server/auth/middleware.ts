import type { Request, RequestHandler } from 'express';
import { parse } from 'cookie';
import { CSRF_HEADER } from '../../model/auth.js';
import { roleCan, type Actor, type Capability, type Role } from '../../model/roles.js';
import { HttpError } from '../api/errors.js';
import type { SessionRecord, UserRecord } from './repositories.js';
import type { Sessions } from './sessions.js';
import { csrfTokenOf, sameSecret } from './tokens.js';

/**
 * Express middleware for identity and access: `identify` turns the session cookie into
 * `req.actor`; `csrfProtection` refuses a state-changing request from a signed-in
 * browser without its session's CSRF token; `requireRole` and `requireCapability`
 * guard routes, answering 401 to anonymous callers and 403 to the wrong role.
 */

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Who is asking: undefined when anonymous. */
      actor?: Actor;
      /** The session the cookie named, with the cookie's token (for sign-out and rotation) and its account. */
      authSession?: { token: string; record: SessionRecord; user: UserRecord };
    }
  }
}

export const SESSION_COOKIE = 'gt_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function actorOf(user: UserRecord): Actor {
  return { id: user.username, name: user.name, role: user.role, ...(user.organisationId ? { organisationId: user.organisationId } : {}) };
}

export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const token = parse(header)[SESSION_COOKIE];
  // Tokens are 43 base64url characters; anything else cannot be one of ours.
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/** Sets req.actor and req.authSession from a live session; an unknown, expired or malformed cookie means anonymous. */
export function identify(sessions: Sessions): RequestHandler {
  return async (req, _res, next) => {
    const token = sessionTokenOf(req);
    const active = token ? await sessions.resolve(token) : undefined;
    if (token && active) {
      req.actor = actorOf(active.user);
      req.authSession = { token, record: active.session, user: active.user };
    }
    next();
  };
}

/**
 * Synchroniser token bound to the session (derived from its cookie token): every POST, PUT, PATCH and DELETE
 * from a signed-in browser must carry the session's token in x-csrf-token. A request
 * without a session has no authority for a forged request to borrow (and sign-in
 * itself accepts only application/json, which no cross-site form can send).
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || !req.authSession) return next();
  const sent = req.get(CSRF_HEADER);
  if (!sent || !sameSecret(sent, csrfTokenOf(req.authSession.token))) {
    return next(new HttpError(403, 'csrf_token_invalid', `missing or wrong ${CSRF_HEADER} header: send the csrfToken from GET /api/auth/session with every change`));
  }
  next();
};

export const signInRequired = () => new HttpError(401, 'sign_in_required', 'sign in first: this needs a signed-in account');

/** Only these roles pass. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.actor) return next(signInRequired());
    if (!roles.includes(req.actor.role)) {
      return next(new HttpError(403, 'forbidden', `the role ${req.actor.role} may not do this; it needs one of: ${roles.join(', ')}`));
    }
    next();
  };
}

/** Only roles whose row in the capability table (model/roles.ts) has `capability` pass. */
export function requireCapability(capability: Capability): RequestHandler {
  return (req, _res, next) => {
    if (!req.actor) return next(signInRequired());
    if (!roleCan(req.actor.role, capability)) {
      return next(new HttpError(403, 'forbidden', `the role ${req.actor.role} may not do this; it needs the ${capability} capability`));
    }
    next();
  };
}

/** API paths open to anyone whatever GT_ANONYMOUS_READ says: signing in, liveness, the API description. */
const ALWAYS_OPEN = [/^\/auth(\/|$)/, /^\/health(\/|$)/, /^\/docs$/];

/** With anonymous reading off, every API route but ALWAYS_OPEN needs a signed-in account (any role reads). */
export function anonymousReadGate(anonymousRead: boolean): RequestHandler {
  return (req, _res, next) => {
    if (anonymousRead || req.actor || ALWAYS_OPEN.some((p) => p.test(req.path))) return next();
    next(new HttpError(401, 'sign_in_required', 'sign in first: this server does not allow reading without an account'));
  };
}
