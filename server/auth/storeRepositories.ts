import { RoleSchema } from '../../model/roles.js';
import { SessionRow, UserRow, systemQueryName } from '../../model/system.js';
import type { GraphStore, NodeValue, Row, Transaction } from '../store/port.js';
import type { FailureCountRepository, SessionRecord, SessionRepository, TotpRepository, UserRecord, UserRepository } from './repositories.js';
import { StoreFailureCounts } from './storeFailureCounts.js';
import { StoreTotpRepository, totpColumnsOf } from './storeTotpRepository.js';

/**
 * Accounts and sessions kept in the graph store, in the system tables User and
 * Session of model/system.ts (an account's authenticator app in storeTotpRepository.ts), through their generated get/upsert/delete/all queries.
 * Sessions are few (people times devices, expired ones swept at each sign-in), so
 * removing those of one account or those expired reads them all and deletes by id,
 * in one transaction. Every write is safe to run again (Neo4j may retry it).
 */

const Q = {
  getUser: systemQueryName('get', 'User'),
  allUsers: systemQueryName('all', 'User'),
  upsertUser: systemQueryName('upsert', 'User'),
  deleteUser: systemQueryName('delete', 'User'),
  getSession: systemQueryName('get', 'Session'),
  upsertSession: systemQueryName('upsert', 'Session'),
  deleteSession: systemQueryName('delete', 'Session'),
  allSessions: systemQueryName('all', 'Session'),
} as const;

/** Deletes, inside `tx`, the sessions `doomed` picks; answers how many. */
async function removeSessionsWhere(tx: Transaction, doomed: (s: SessionRecord) => boolean): Promise<number> {
  const ids = (await tx.run(Q.allSessions))
    .map((r) => sessionOf(propertiesOf(r) ?? {}))
    .filter(doomed)
    .map((s) => s.id);
  for (const id of ids) await tx.run(Q.deleteSession, { id });
  return ids.length;
}

const propertiesOf = (row: Row | undefined) => (row?.n as NodeValue | undefined)?.properties;

/** A row for system/upsert-session: every column present (the upsert sets each one), null when absent. */
function sessionRow(session: SessionRecord): Record<keyof SessionRow, unknown> {
  return { lastSeenAt: null, oidcProviderId: null, oidcSid: null, ...SessionRow.parse(session) };
}

/** A stored session; one from before migration 2 has no lastSeenAt and counts as seen when it began. */
function sessionOf(props: Record<string, unknown>): SessionRecord {
  const row = SessionRow.parse(Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null)));
  return { ...row, lastSeenAt: row.lastSeenAt ?? row.createdAt };
}

function userOf(props: Record<string, unknown>): UserRecord {
  const row = UserRow.parse(Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null)));
  return {
    username: row.id,
    name: row.name,
    // A role this version does not know reads as the least privileged one rather than failing every request.
    role: RoleSchema.catch('viewer').parse(row.role),
    organisationId: row.organisationId || null,
    passwordHash: row.passwordHash,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A row for system/upsert-user: validated by the table's schema, every column present (the
 * upsert sets each one). The authenticator columns are not the account's to change: they
 * are carried over from the row as `stored` (storeTotpRepository.ts).
 */
function userRow(u: UserRecord, stored?: Record<string, unknown>): Record<keyof UserRow, unknown> {
  const row = UserRow.parse({
    id: u.username,
    name: u.name,
    role: u.role,
    ...(u.organisationId ? { organisationId: u.organisationId } : {}),
    passwordHash: u.passwordHash,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  });
  return { ...row, organisationId: row.organisationId ?? null, ...totpColumnsOf(stored) };
}

export class StoreUserRepository implements UserRepository {
  constructor(private readonly store: GraphStore) {}

  async find(username: string): Promise<UserRecord | undefined> {
    const props = propertiesOf((await this.store.read(Q.getUser, { id: username }))[0]);
    return props ? userOf(props) : undefined;
  }

  async list(): Promise<UserRecord[]> {
    return (await this.store.read(Q.allUsers)).map((r) => userOf(propertiesOf(r)!));
  }

  create(user: UserRecord): Promise<boolean> {
    const row = userRow(user);
    return this.store.write(async (tx) => {
      if ((await tx.run(Q.getUser, { id: row.id })).length > 0) return false;
      await tx.run(Q.upsertUser, { rows: [row] });
      return true;
    });
  }

  update(user: UserRecord): Promise<boolean> {
    return this.store.write(async (tx) => {
      const stored = propertiesOf((await tx.run(Q.getUser, { id: user.username }))[0]);
      if (!stored) return false;
      await tx.run(Q.upsertUser, { rows: [userRow(user, stored)] });
      return true;
    });
  }

  remove(username: string): Promise<boolean> {
    return this.store.write(async (tx) => {
      if ((await tx.run(Q.getUser, { id: username })).length === 0) return false;
      await removeSessionsWhere(tx, (s) => s.username === username);
      await tx.run(Q.deleteUser, { id: username });
      return true;
    });
  }
}

export class StoreSessionRepository implements SessionRepository {
  constructor(private readonly store: GraphStore) {}

  async create(session: SessionRecord): Promise<void> {
    const row = sessionRow(session);
    await this.store.write((tx) => tx.run(Q.upsertSession, { rows: [row] }));
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const props = propertiesOf((await this.store.read(Q.getSession, { id }))[0]);
    return props ? sessionOf(props) : undefined;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.store.write(async (tx) => {
      const props = propertiesOf((await tx.run(Q.getSession, { id }))[0]);
      // Ended meanwhile (signed out, swept): a touch never brings a session back.
      if (props) await tx.run(Q.upsertSession, { rows: [sessionRow({ ...sessionOf(props), lastSeenAt: at })] });
    });
  }

  async remove(id: string): Promise<void> {
    await this.store.write((tx) => tx.run(Q.deleteSession, { id }));
  }

  async removeForUser(username: string): Promise<void> {
    await this.store.write((tx) => removeSessionsWhere(tx, (s) => s.username === username));
  }

  async listForUser(username: string): Promise<SessionRecord[]> {
    return (await this.store.read(Q.allSessions))
      .map((r) => sessionOf(propertiesOf(r) ?? {}))
      .filter((s) => s.username === username)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  removeForProviderSession(providerId: string, sid: string): Promise<number> {
    return this.store.write((tx) => removeSessionsWhere(tx, (s) => s.oidcProviderId === providerId && s.oidcSid === sid));
  }

  removeExpired(now: string): Promise<number> {
    return this.store.write((tx) => removeSessionsWhere(tx, (s) => s.expiresAt <= now));
  }
}

export function storeRepositories(store: GraphStore): { users: UserRepository; sessions: SessionRepository; totp: TotpRepository; failureCounts: FailureCountRepository } {
  return { users: new StoreUserRepository(store), sessions: new StoreSessionRepository(store), totp: new StoreTotpRepository(store), failureCounts: new StoreFailureCounts(store) };
}
