import type { Role } from '../../model/roles.js';

/**
 * What the sign-in code needs from storage, as small interfaces. The product's
 * implementation keeps them in the graph store as system tables (storeRepositories.ts).
 */

/** An account as stored. `username` is its id: folded to lower case, unique, never renamed. */
export type UserRecord = {
  username: string;
  name: string;
  role: Role;
  organisationId: string | null;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
};

export interface UserRepository {
  find(username: string): Promise<UserRecord | undefined>;
  /** Every account, ordered by username. */
  list(): Promise<UserRecord[]>;
  /** Adds an account; false (and nothing written) when the username is taken. */
  create(user: UserRecord): Promise<boolean>;
  /** Replaces an existing account's fields; false when there is no such account. */
  update(user: UserRecord): Promise<boolean>;
  /** Removes an account and every session of it, in one transaction; false when there was none. */
  remove(username: string): Promise<boolean>;
}

/** A signed-in session. `id` is the SHA-256 of the cookie token; times are ISO 8601. */
export type SessionRecord = {
  id: string;
  username: string;
  createdAt: string;
  expiresAt: string;
  /** The last request seen (to within Sessions' touch interval), for the inactivity timeout. */
  lastSeenAt: string;
  /** Begun through this OpenID provider, which may end it by back-channel logout. */
  oidcProviderId?: string;
  /** The provider's session id (its ID token's sid), when it sent one. */
  oidcSid?: string;
};

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  remove(id: string): Promise<void>;
  /** Records a request seen at `at` on a live session. */
  touch(id: string, at: string): Promise<void>;
  /** Signs an account out everywhere (its password or role changed). */
  removeForUser(username: string): Promise<void>;
  /** Every session of an account, live or not yet swept, oldest first. */
  listForUser(username: string): Promise<SessionRecord[]>;
  /** Ends the sessions begun in one session at an OpenID provider (back-channel logout); answers how many. */
  removeForProviderSession(providerId: string, sid: string): Promise<number>;
  /** Drops sessions whose expiry is before `now`; answers how many. */
  removeExpired(now: string): Promise<number>;
}

/**
 * An account's authenticator app (mfa.ts): a secret pending until confirmed with a code
 * (`enabledAt` set), the last time step accepted, and the hashes of unused recovery codes.
 */
export type TotpState = { secret: string; enabledAt: string | null; lastStep: number | null; recoveryCodeHashes: string[] };

export interface TotpRepository {
  /** The account's state; undefined when it has none (or there is no such account). */
  find(username: string): Promise<TotpState | undefined>;
  /**
   * Replaces the state with what `change` makes of the current one, read and written in
   * one transaction, so two requests with the same code cannot both be the first. `change`
   * answers `null` to remove the state, `undefined` to leave it. True when something was written.
   */
  update(username: string, change: (current: TotpState | undefined) => TotpState | null | undefined): Promise<boolean>;
}

/** Failed attempts under one limit and key (loginLimits.ts), counted in a fixed window. */
export type FailureCount = { hits: number; resetAt: Date };

export interface FailureCountRepository {
  /** Counts one more attempt under `key`, starting a window of `windowMs` from `now` when none is running; answers the count. */
  increment(key: string, windowMs: number, now: Date): Promise<FailureCount>;
  /** Takes back one attempt (it succeeded); never below zero. */
  decrement(key: string): Promise<void>;
  /** Forgets the key's count. */
  reset(key: string): Promise<void>;
}
