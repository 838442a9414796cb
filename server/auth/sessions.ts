import type { UserRecord, SessionRecord, SessionRepository, UserRepository } from './repositories.js';
import { randomToken, sessionIdOf } from './tokens.js';

/**
 * Sessions: a random token in an HTTP-only cookie, kept in the store under its hash
 * with an absolute expiry; the CSRF token is derived from the cookie token (tokens.ts). Signing in always starts a
 * new session (and ends the one the browser presented), so a token planted in a
 * browser before sign-in is worthless after it.
 *
 * A session also ends after `idleMs` without a request (ASVS V7.3.1): a laptop left
 * signed in at a seminar venue does not stay an editor's for the rest of the day. The
 * last request is written to the store at most once per touch interval (a tenth of
 * the idle time, at most five minutes), not on every request: each write on the
 * embedded store is checkpointed, and a seminar room signs many people in at once. So
 * a session may end up to one interval earlier than `idleMs` after its last request.
 */

const MAX_TOUCH_INTERVAL_MS = 5 * 60_000;

export type ActiveSession = { session: SessionRecord; user: UserRecord };

export class Sessions {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly ttlMs: number,
    private readonly idleMs: number = Number.POSITIVE_INFINITY,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get touchIntervalMs(): number {
    return Math.min(MAX_TOUCH_INTERVAL_MS, this.idleMs / 10);
  }

  /**
   * Starts a session for `username`; answers the cookie token (the store keeps only its hash).
   * One begun through an OpenID provider records it and the provider's session id, for back-channel logout.
   */
  async start(username: string, previousToken?: string, providerSession?: { providerId: string; sid?: string | undefined }): Promise<{ token: string; session: SessionRecord }> {
    if (previousToken) await this.sessions.remove(sessionIdOf(previousToken));
    const now = this.now();
    // Signing in is rare enough to pay for sweeping expired sessions out of the store.
    await this.sessions.removeExpired(now.toISOString());
    const token = randomToken();
    const session: SessionRecord = {
      id: sessionIdOf(token),
      username,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.ttlMs).toISOString(),
      lastSeenAt: now.toISOString(),
      ...(providerSession ? { oidcProviderId: providerSession.providerId, ...(providerSession.sid ? { oidcSid: providerSession.sid } : {}) } : {}),
    };
    await this.sessions.create(session);
    return { token, session };
  }

  /** The live session and its account for a cookie token; one past its lifetime or idle too long is deleted on sight. */
  async resolve(token: string): Promise<ActiveSession | undefined> {
    const found = await this.sessions.find(sessionIdOf(token));
    if (!found) return undefined;
    const now = this.now();
    const idleFor = now.getTime() - Date.parse(found.lastSeenAt);
    if (found.expiresAt <= now.toISOString() || idleFor >= this.idleMs) {
      await this.sessions.remove(found.id);
      return undefined;
    }
    let session = found;
    if (idleFor >= this.touchIntervalMs) {
      session = { ...found, lastSeenAt: now.toISOString() };
      await this.sessions.touch(session.id, session.lastSeenAt);
    }
    const user = await this.users.find(session.username);
    return user ? { session, user } : undefined;
  }

  async end(token: string): Promise<void> {
    await this.sessions.remove(sessionIdOf(token));
  }

  /** An account's live sessions, oldest first (ended and idle ones are left out, and swept on sight later). */
  async listLive(username: string): Promise<SessionRecord[]> {
    const now = this.now();
    return (await this.sessions.listForUser(username)).filter((s) => s.expiresAt > now.toISOString() && now.getTime() - Date.parse(s.lastSeenAt) < this.idleMs);
  }

  /** Ends these sessions (by id, from `listLive`); answers how many. */
  async endAll(ids: readonly string[]): Promise<number> {
    for (const id of ids) await this.sessions.remove(id);
    return ids.length;
  }

  /** Ends every session of an account (its provider signed the person out). */
  async endForUser(username: string): Promise<void> {
    await this.sessions.removeForUser(username);
  }

  /** Ends the sessions begun in one session at an OpenID provider (back-channel logout). */
  async endForProviderSession(providerId: string, sid: string): Promise<void> {
    await this.sessions.removeForProviderSession(providerId, sid);
  }
}
