import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../api/errors.js';
import { LOGIN_WINDOW_MS, type AuthSettings } from './settings.js';

/**
 * Brakes on password guessing: failed sign-ins are counted per username (guessing one
 * account's password) and per client address (trying many accounts); a successful
 * sign-in does not count. Over either limit the answer is 429 until the window passes.
 * The counts are in memory: a restart forgets them, which costs an attacker a restart
 * they cannot cause.
 */

const minutes = Math.round(LOGIN_WINDOW_MS / 60_000);
export const TOO_MANY_SIGN_INS = `too many failed sign-in attempts; wait ${minutes} minutes and try again`;

function limiter(limit: number, keyGenerator?: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(keyGenerator ? { keyGenerator } : {}),
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', TOO_MANY_SIGN_INS)),
  });
}

export function loginLimits(settings: Pick<AuthSettings, 'loginMaxFailures' | 'loginMaxFailuresPerIp'>): RequestHandler[] {
  const usernameOf = (req: Parameters<RequestHandler>[0]) => {
    const u = (req.body as { username?: unknown } | undefined)?.username;
    return `user:${typeof u === 'string' ? u.trim().toLowerCase().slice(0, 200) : ''}`;
  };
  return [limiter(settings.loginMaxFailuresPerIp), limiter(settings.loginMaxFailures, usernameOf)];
}

/**
 * The same brake on a signed-in account's own proofs (its password or a code, to turn
 * multi-factor off or confirm it): a stolen session must not become a password oracle.
 */
export function accountProofLimits(settings: Pick<AuthSettings, 'loginMaxFailures' | 'loginMaxFailuresPerIp'>): RequestHandler[] {
  return [limiter(settings.loginMaxFailuresPerIp), limiter(settings.loginMaxFailures, (req) => `account:${req.authSession?.user.username ?? ''}`)];
}
