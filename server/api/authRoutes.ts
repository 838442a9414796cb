import { Router, type Request, type Response } from 'express';
import { LoginBody, type SessionResponse } from '../../model/auth.js';
import { MFA_CODE_INVALID, MFA_REQUIRED } from '../../model/mfa.js';
import type { Auth } from '../auth/auth.js';
import { loginLimits } from '../auth/loginLimits.js';
import { SESSION_COOKIE, sessionTokenOf } from '../auth/middleware.js';
import { sessionAnswer } from '../auth/sessionAnswer.js';
import { sessionCookieOptions } from '../auth/sessionCookie.js';
import type { SessionRecord, UserRecord } from '../auth/repositories.js';
import { HttpError } from './errors.js';
import { parseRequest } from './validateRequest.js';

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/session. */
export function authRoutes(auth: Auth): Router {
  const router = Router();
  const { settings } = auth;

  const cookieOptions = (req: Request) => sessionCookieOptions(settings, req);

  const signedIn = (user: UserRecord, session: SessionRecord, token: string): SessionResponse => sessionAnswer(settings, user, session, token);
  const anonymous = (): SessionResponse => ({ signedIn: false, anonymousRead: settings.anonymousRead, user: null, csrfToken: null });

  router.post('/auth/login', ...loginLimits(settings, auth.failureCounts), async (req, res: Response) => {
    // JSON only: a cross-site form cannot send it, so no page elsewhere can sign a browser in.
    if (!req.is('application/json')) throw new HttpError(415, 'unsupported_media_type', 'send the sign-in as application/json: {"username", "password"}');
    const body = parseRequest(LoginBody, req.body ?? {}, 'body');
    const user = await auth.accounts.authenticate(body.username, body.password);
    // One answer for an unknown username and a wrong password: it must not tell which accounts exist.
    if (!user) throw new HttpError(401, 'sign_in_failed', 'wrong username or password');
    // Only after the password: a wrong or missing code is a failed sign-in like a wrong password, and counts as one.
    const second = await auth.mfa.check(user.username, body);
    if (second === 'missing') throw new HttpError(401, MFA_REQUIRED, 'this account needs the 6-digit code from its authenticator app (or a recovery code): send it as code (or recoveryCode)');
    if (second === 'wrong') throw new HttpError(401, MFA_CODE_INVALID, 'wrong code, or one already used: wait for the next code and try again');
    const { token, session } = await auth.sessions.start(user.username, sessionTokenOf(req));
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: settings.sessionTtlMs });
    res.json(signedIn(user, session, token));
  });

  router.post('/auth/logout', async (req, res) => {
    if (req.authSession) await auth.sessions.end(req.authSession.token);
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.json(anonymous());
  });

  router.get('/auth/session', async (req, res) => {
    res.set('cache-control', 'no-store');
    const active = req.authSession;
    res.json(active ? signedIn(active.user, active.record, active.token) : anonymous());
  });

  return router;
}
