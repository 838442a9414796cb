import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { PasswordChangeBody, SessionsEndBody, type AccountSession, type AccountSessions, type SessionsEnded } from '../../model/account.js';
import type { Auth } from '../auth/auth.js';
import { accountProofLimits } from '../auth/loginLimits.js';
import { SESSION_COOKIE, signInRequired } from '../auth/middleware.js';
import type { SessionRecord, UserRecord } from '../auth/repositories.js';
import { sessionAnswer } from '../auth/sessionAnswer.js';
import { sessionCookieOptions } from '../auth/sessionCookie.js';
import { isProviderAccount } from '../auth/oidc/identities.js';
import { HttpError } from './errors.js';
import { parseRequest } from './validateRequest.js';

/**
 * The signed-in person's own account: POST /api/auth/password changes the password with the
 * current one (ASVS V6.2.2, V6.2.3); GET /api/auth/sessions lists where they are signed in
 * and POST /api/auth/sessions/end ends some or all of the others, with the password
 * re-entered (V7.5.2). Wrong passwords here count toward the sign-in limits: a stolen
 * session must not become a way to guess the password.
 */

/** A session's public name: its id is the cookie token's hash, which is not for showing, so a hash of that. */
export const handleOf = (sessionId: string) => createHash('sha256').update(`session-handle:${sessionId}`).digest('hex').slice(0, 16);

function accountOf(req: Request): { user: UserRecord; session: SessionRecord; token: string } {
  if (!req.authSession) throw signInRequired();
  return { user: req.authSession.user, session: req.authSession.record, token: req.authSession.token };
}

export function accountRoutes(auth: Auth): Router {
  const router = Router();
  const limits = accountProofLimits(auth.settings, auth.failureCounts);

  /** Refuses a local account's wrong password; an account of an identity provider has none here. */
  const proveOwner = async (user: UserRecord, password: string | undefined, field: string) => {
    if (isProviderAccount(user)) return;
    if (!password) throw new HttpError(400, 'bad_request', `${field}: re-enter your password to do this`, [{ field, reason: 're-enter your password to do this' }]);
    if (!(await auth.accounts.authenticate(user.username, password))) throw new HttpError(401, 'wrong_password', 'the password is wrong');
  };

  const shown = (live: SessionRecord[], currentId: string): AccountSession[] =>
    live.map((s) => ({
      handle: handleOf(s.id),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      via: s.oidcProviderId ? `oidc:${s.oidcProviderId}` : 'password',
      current: s.id === currentId,
    }));

  router.post('/auth/password', ...limits, async (req, res) => {
    const { user } = accountOf(req);
    if (isProviderAccount(user)) throw new HttpError(409, 'provider_account', 'this account signs in through its organisation’s identity provider: change the password there');
    const body = parseRequest(PasswordChangeBody, req.body ?? {}, 'body');
    await proveOwner(user, body.currentPassword, 'currentPassword');
    if (body.newPassword === body.currentPassword)
      throw new HttpError(400, 'bad_request', 'newPassword: must differ from the current password', [{ field: 'newPassword', reason: 'must differ from the current password' }]);
    try {
      // Every session of the account ends with the old password (someone else may have known it), this one too.
      await auth.accounts.update(user.username, { password: body.newPassword });
    } catch (err) {
      // The password rules name the field `password`, as account creation sends it; here it is `newPassword`.
      if (err instanceof HttpError && err.status === 400) {
        throw new HttpError(
          400,
          err.code,
          err.message.replace(/^password\b/, 'newPassword'),
          err.issues?.map((i) => ({ ...i, field: i.field === 'password' ? 'newPassword' : i.field })),
        );
      }
      throw err;
    }
    // This browser goes on signed in, with a new session.
    const { token, session } = await auth.sessions.start(user.username);
    res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(auth.settings, req), maxAge: auth.settings.sessionTtlMs });
    res.json(sessionAnswer(auth.settings, user, session, token));
  });

  router.get('/auth/sessions', async (req, res) => {
    const { user, session } = accountOf(req);
    res.set('cache-control', 'no-store');
    res.json({ sessions: shown(await auth.sessions.listLive(user.username), session.id) } satisfies AccountSessions);
  });

  router.post('/auth/sessions/end', ...limits, async (req, res) => {
    const { user, session } = accountOf(req);
    const body = parseRequest(SessionsEndBody, req.body ?? {}, 'body');
    await proveOwner(user, body.password, 'password');
    const live = await auth.sessions.listLive(user.username);
    const byHandle = new Map(live.map((s) => [handleOf(s.id), s.id]));
    let ids: Set<string>;
    if (body.sessions === 'others') ids = new Set(live.filter((s) => s.id !== session.id).map((s) => s.id));
    else {
      const unknown = body.sessions.filter((h) => !byHandle.has(h));
      if (unknown.length) throw new HttpError(404, 'not_found', `no live session of yours with the handle ${unknown.join(', ')}`);
      ids = new Set(body.sessions.map((h) => byHandle.get(h)!));
    }
    // The ids come from this account's own live list, so nothing here can end someone else's session.
    const ended = await auth.sessions.endAll([...ids]);
    // Ending this browser's own session signs it out here too.
    if (ids.has(session.id)) res.clearCookie(SESSION_COOKIE, sessionCookieOptions(auth.settings, req));
    const sessions = ids.has(session.id)
      ? []
      : shown(
          live.filter((s) => !ids.has(s.id)),
          session.id,
        );
    res.json({ ended, sessions } satisfies SessionsEnded);
  });

  return router;
}
