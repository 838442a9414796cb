import { Router, type Request } from 'express';
import { z } from 'zod';
import { MfaConfirmBody, MfaDisableBody } from '../../model/mfa.js';
import type { Auth } from '../auth/auth.js';
import { accountProofLimits } from '../auth/loginLimits.js';
import { requireCapability, signInRequired } from '../auth/middleware.js';
import type { UserRecord } from '../auth/repositories.js';
import { HttpError } from './errors.js';
import { parseRequest } from './validateRequest.js';

/**
 * The signed-in account's own multi-factor authentication (server/auth/mfa.ts):
 * GET /api/auth/mfa, POST /api/auth/mfa/totp (start setting up an authenticator app),
 * POST /api/auth/mfa/totp/confirm, POST /api/auth/mfa/disable; and the administrator's
 * DELETE /api/users/:username/mfa for someone who lost their phone.
 */

const NoBody = z.strictObject({});
const UsernameParam = z.strictObject({ username: z.string().min(1).max(200) });

/** The signed-in account; anonymous callers get 401. */
function accountOf(req: Request): UserRecord {
  if (!req.authSession) throw signInRequired();
  return req.authSession.user;
}

export function mfaRoutes(auth: Auth): Router {
  const router = Router();
  const limits = accountProofLimits(auth.settings, auth.failureCounts);

  router.get('/auth/mfa', async (req, res) => {
    res.set('cache-control', 'no-store');
    res.json(await auth.mfa.status(accountOf(req).username));
  });

  router.post('/auth/mfa/totp', async (req, res) => {
    const user = accountOf(req);
    parseRequest(NoBody, req.body ?? {}, 'body');
    // The secret is in this answer: no cache may keep it.
    res.set('cache-control', 'no-store');
    res.status(201).json(await auth.mfa.beginEnrolment(user));
  });

  router.post('/auth/mfa/totp/confirm', ...limits, async (req, res) => {
    const user = accountOf(req);
    const { code } = parseRequest(MfaConfirmBody, req.body ?? {}, 'body');
    res.set('cache-control', 'no-store');
    res.json(await auth.mfa.confirm(user.username, code));
  });

  router.post('/auth/mfa/disable', ...limits, async (req, res) => {
    const user = accountOf(req);
    const proof = parseRequest(MfaDisableBody, req.body ?? {}, 'body');
    res.json(await auth.mfa.disable(user, proof));
  });

  router.delete('/users/:username/mfa', requireCapability('manageUsers'), async (req, res) => {
    const { username } = parseRequest(UsernameParam, req.params, 'path');
    const name = username.toLowerCase();
    if (!(await auth.accounts.find(name))) throw new HttpError(404, 'not_found', `no account named ${name}`);
    await auth.mfa.clear(name);
    res.status(204).end();
  });

  return router;
}
