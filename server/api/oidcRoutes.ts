import express, { Router, type Request } from 'express';
import { parse } from 'cookie';
import { z } from 'zod';
import type { Auth } from '../auth/auth.js';
import { SESSION_COOKIE, sessionTokenOf } from '../auth/middleware.js';
import type { BackchannelLogout } from '../auth/oidc/backchannelLogout.js';
import type { OidcSignIn } from '../auth/oidc/oidcSignIn.js';
import { PENDING_TTL_MS } from '../auth/oidc/pendingSignIns.js';
import { sessionCookieOptions } from '../auth/sessionCookie.js';
import { parseRequest } from './validateRequest.js';

/**
 * GET /api/auth/oidc/providers, GET /api/auth/oidc/:id/start, GET /api/auth/oidc/:id/callback,
 * POST /api/auth/oidc/:id/backchannel-logout:
 * sign-in through an organisation's OpenID provider (server/auth/oidc/oidcSignIn.ts). The
 * callback ends in the same session cookie as POST /api/auth/login, then sends the browser
 * back to the explorer.
 */

export const PENDING_COOKIE = 'gt_oidc';
const PENDING_PATH = '/api/auth/oidc';

const ProviderPath = z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be the id of an identity provider, such as city-council') });
/** What a provider may send back: a code and state, or an error (RFC 6749 4.1.2); anything longer is not an answer. */
const CallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

/** A back-channel logout request (OpenID Connect Back-Channel Logout 1.0, 2.5): the logout token, form-encoded. */
const LogoutRequest = z.object({ logout_token: z.string().min(1, 'must be the logout token').max(16_384, 'must be at most 16384 characters') });

export function oidcRoutes(auth: Auth, oidc: OidcSignIn, logout: BackchannelLogout): Router {
  const router = Router();
  const pendingCookie = (req: Request) => ({ ...sessionCookieOptions(auth.settings, req), path: PENDING_PATH });

  router.get('/auth/oidc/providers', (_req, res) => {
    res.set('cache-control', 'no-store');
    res.json({ providers: oidc.list() });
  });

  router.get('/auth/oidc/:id/start', async (req, res) => {
    const { id } = parseRequest(ProviderPath, req.params, 'path');
    const { url, key } = await oidc.begin(id, oidc.redirectUri(id, `${req.protocol}://${req.get('host')}`));
    res.cookie(PENDING_COOKIE, key, { ...pendingCookie(req), maxAge: PENDING_TTL_MS });
    res.set('cache-control', 'no-store');
    res.redirect(303, url);
  });

  router.get('/auth/oidc/:id/callback', async (req, res) => {
    const { id } = parseRequest(ProviderPath, req.params, 'path');
    parseRequest(CallbackQuery, req.query, 'query');
    const key = req.headers.cookie ? parse(req.headers.cookie)[PENDING_COOKIE] : undefined;
    // The pending sign-in is spent whatever the outcome: clear its cookie first.
    res.clearCookie(PENDING_COOKIE, pendingCookie(req));
    const { user, sid } = await oidc.complete(id, key, new URL(req.originalUrl, `${req.protocol}://${req.get('host')}`));
    const { token } = await auth.sessions.start(user.username, sessionTokenOf(req), { providerId: id, sid });
    res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(auth.settings, req), maxAge: auth.settings.sessionTtlMs });
    res.set('cache-control', 'no-store');
    res.redirect(303, '/');
  });

  // Server to server: the provider posts here when the person signs out there (server/auth/oidc/backchannelLogout.ts).
  router.post('/auth/oidc/:id/backchannel-logout', express.urlencoded({ extended: false, limit: '32kb' }), async (req, res) => {
    const { id } = parseRequest(ProviderPath, req.params, 'path');
    oidc.provider(id);
    const { logout_token } = parseRequest(LogoutRequest, req.body ?? {}, 'body');
    await logout.logOut(id, logout_token);
    res.set('cache-control', 'no-store');
    res.status(200).end();
  });

  return router;
}
