import type { RequestHandler } from 'express';
import { rateLimit, type Options, type Store } from 'express-rate-limit';
import { HttpError } from '../api/errors.js';
import type { FailureCountRepository } from './repositories.js';
import { LOGIN_WINDOW_MS, type AuthSettings } from './settings.js';

/**
 * Brakes on password guessing: failed sign-ins are counted per username (guessing one
 * account's password) and per client address (trying many accounts); a successful
 * sign-in does not count. Over either limit the answer is 429 until the window passes.
 * The counts are kept in the graph store (storeFailureCounts.ts), so a restart does not
 * forget them; without a repository (some test servers) they are in memory.
 */

const minutes = Math.round(LOGIN_WINDOW_MS / 60_000);
export const TOO_MANY_SIGN_INS = `too many failed sign-in attempts; wait ${minutes} minutes and try again`;

type Counts = FailureCountRepository | undefined;

/** express-rate-limit's store over a FailureCountRepository; `prefix` keeps each limit's counts apart. */
class RepositoryStore implements Store {
  readonly localKeys = false;
  private windowMs = LOGIN_WINDOW_MS;

  constructor(
    private readonly counts: FailureCountRepository,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string) {
    const { hits, resetAt } = await this.counts.increment(this.prefix + key, this.windowMs, new Date());
    return { totalHits: hits, resetTime: resetAt };
  }

  decrement(key: string): Promise<void> {
    return this.counts.decrement(this.prefix + key);
  }

  resetKey(key: string): Promise<void> {
    return this.counts.reset(this.prefix + key);
  }
}

function limiter(counts: Counts, prefix: string, limit: number, keyGenerator?: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit,
    ...(counts ? { store: new RepositoryStore(counts, prefix) } : {}),
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(keyGenerator ? { keyGenerator } : {}),
    handler: (_req, _res, next) => next(new HttpError(429, 'rate_limited', TOO_MANY_SIGN_INS)),
  });
}

export function loginLimits(settings: Pick<AuthSettings, 'loginMaxFailures' | 'loginMaxFailuresPerIp'>, counts?: Counts): RequestHandler[] {
  const usernameOf = (req: Parameters<RequestHandler>[0]) => {
    const u = (req.body as { username?: unknown } | undefined)?.username;
    return `user:${typeof u === 'string' ? u.trim().toLowerCase().slice(0, 200) : ''}`;
  };
  return [limiter(counts, 'login-ip:', settings.loginMaxFailuresPerIp), limiter(counts, 'login-', settings.loginMaxFailures, usernameOf)];
}

/**
 * The same brake on a signed-in account's own proofs (its password or a code, to turn
 * multi-factor off or confirm it): a stolen session must not become a password oracle.
 */
export function accountProofLimits(settings: Pick<AuthSettings, 'loginMaxFailures' | 'loginMaxFailuresPerIp'>, counts?: Counts): RequestHandler[] {
  return [limiter(counts, 'proof-ip:', settings.loginMaxFailuresPerIp), limiter(counts, 'proof-', settings.loginMaxFailures, (req) => `account:${req.authSession?.user.username ?? ''}`)];
}
