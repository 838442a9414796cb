import type { Role } from '../../model/roles.js';

/**
 * What the sign-in code needs from storage, as two small interfaces. The product's
 * implementation keeps both in the graph store as system tables (storeRepositories.ts).
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
};

export interface SessionRepository {
  create(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | undefined>;
  remove(id: string): Promise<void>;
  /** Records a request seen at `at` on a live session. */
  touch(id: string, at: string): Promise<void>;
  /** Signs an account out everywhere (its password or role changed). */
  removeForUser(username: string): Promise<void>;
  /** Drops sessions whose expiry is before `now`; answers how many. */
  removeExpired(now: string): Promise<number>;
}
