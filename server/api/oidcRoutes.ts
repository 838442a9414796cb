import { Router, type Request } from 'express';
import { parse } from 'cookie';
import { z } from 'zod';
import type { Auth } from '../auth/auth.js';
import { SESSION_COOKIE, sessionTokenOf } from '../auth/middleware.js';
import type { OidcSignIn } from '../auth/oidc/oidcSignIn.js';
import { PENDING_TTL_MS } from '../auth/oidc/pendingSignIns.js';
import { sessionCookieOptions } from '../auth/sessionCookie.js';
import { parseRequest } from './validateRequest.js';

/**
 * GET /api/auth/oidc/providers, GET /api/auth/oidc/:id/start, GET /api/auth/oidc/:id/callback:
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

export function oidcRoutes(auth: Auth, oidc: OidcSignIn): Router {
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
    const user = await oidc.complete(id, key, new URL(req.originalUrl, `${req.protocol}://${req.get('host')}`));
    const { token } = await auth.sessions.start(user.username, sessionTokenOf(req));
    res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(auth.settings, req), maxAge: auth.settings.sessionTtlMs });
    res.set('cache-control', 'no-store');
    res.redirect(303, '/');
  });

  return router;
}
