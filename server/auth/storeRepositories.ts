import { RoleSchema } from '../../model/roles.js';
import type { GraphStore, Row } from '../store/port.js';
import type { SessionRecord, SessionRepository, UserRecord, UserRepository } from './repositories.js';

/**
 * Accounts and sessions kept in the graph store, in the system tables User and
 * Session (model/system.ts), through the named queries in cypher/system/. Both
 * engines run the same texts; every write is one transaction, safe to run again.
 */

const text = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));

function userOf(row: Row): UserRecord {
  return {
    username: text(row.username),
    name: text(row.name),
    // A role the model no longer knows reads as the least privileged one rather than failing every request.
    role: RoleSchema.catch('viewer').parse(row.role),
    organisationId: typeof row.organisationId === 'string' && row.organisationId !== '' ? row.organisationId : null,
    passwordHash: text(row.passwordHash),
    createdAt: text(row.createdAt),
    updatedAt: text(row.updatedAt),
  };
}

function sessionOf(row: Row): SessionRecord {
  return { id: text(row.id), username: text(row.username), csrfToken: text(row.csrfToken), createdAt: text(row.createdAt), expiresAt: text(row.expiresAt) };
}

function userParams(u: UserRecord) {
  return { ...u, organisationId: u.organisationId ?? '' };
}

export class StoreUserRepository implements UserRepository {
  constructor(private readonly store: GraphStore) {}

  async find(username: string): Promise<UserRecord | undefined> {
    const [row] = await this.store.read('system/users/find', { username });
    return row ? userOf(row) : undefined;
  }

  async list(): Promise<UserRecord[]> {
    return (await this.store.read('system/users/list')).map(userOf);
  }

  create(user: UserRecord): Promise<boolean> {
    return this.store.write(async (tx) => {
      if ((await tx.run('system/users/find', { username: user.username })).length > 0) return false;
      await tx.run('system/users/create', userParams(user));
      return true;
    });
  }

  async update(user: UserRecord): Promise<boolean> {
    const rows = await this.store.write((tx) => tx.run('system/users/update', userParams(user)));
    return rows.length > 0;
  }

  remove(username: string): Promise<boolean> {
    return this.store.write(async (tx) => {
      if ((await tx.run('system/users/find', { username })).length === 0) return false;
      await tx.run('system/sessions/remove-for-user', { username });
      await tx.run('system/users/remove', { username });
      return true;
    });
  }
}

export class StoreSessionRepository implements SessionRepository {
  constructor(private readonly store: GraphStore) {}

  async create(session: SessionRecord): Promise<void> {
    await this.store.write((tx) => tx.run('system/sessions/create', session));
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const [row] = await this.store.read('system/sessions/find', { id });
    return row ? sessionOf(row) : undefined;
  }

  async remove(id: string): Promise<void> {
    await this.store.write((tx) => tx.run('system/sessions/remove', { id }));
  }

  async removeForUser(username: string): Promise<void> {
    await this.store.write((tx) => tx.run('system/sessions/remove-for-user', { username }));
  }

  removeExpired(now: string): Promise<number> {
    return this.store.write(async (tx) => {
      const [row] = await tx.run('system/sessions/count-expired', { now });
      const expired = Number(row?.expired ?? 0);
      if (expired > 0) await tx.run('system/sessions/remove-expired', { now });
      return expired;
    });
  }
}

export function storeRepositories(store: GraphStore): { users: UserRepository; sessions: SessionRepository } {
  return { users: new StoreUserRepository(store), sessions: new StoreSessionRepository(store) };
}
