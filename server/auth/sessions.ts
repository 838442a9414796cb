import type { UserRecord, SessionRecord, SessionRepository, UserRepository } from './repositories.js';
import { randomToken, sessionIdOf } from './tokens.js';

/**
 * Sessions: a random token in an HTTP-only cookie, kept in the store under its hash
 * with an absolute expiry; the CSRF token is derived from the cookie token (tokens.ts). Signing in always starts a
 * new session (and ends the one the browser presented), so a token planted in a
 * browser before sign-in is worthless after it.
 */

export type ActiveSession = { session: SessionRecord; user: UserRecord };

export class Sessions {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly ttlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts a session for `username`; answers the cookie token (the store keeps only its hash). */
  async start(username: string, previousToken?: string): Promise<{ token: string; session: SessionRecord }> {
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
    };
    await this.sessions.create(session);
    return { token, session };
  }

  /** The live session and its account for a cookie token; an expired session is deleted on sight. */
  async resolve(token: string): Promise<ActiveSession | undefined> {
    const session = await this.sessions.find(sessionIdOf(token));
    if (!session) return undefined;
    if (session.expiresAt <= this.now().toISOString()) {
      await this.sessions.remove(session.id);
      return undefined;
    }
    const user = await this.users.find(session.username);
    return user ? { session, user } : undefined;
  }

  async end(token: string): Promise<void> {
    await this.sessions.remove(sessionIdOf(token));
  }
}
