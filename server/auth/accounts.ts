import { organisationProblem, Username, type NewUserBody, type PublicUser, type UserPatchBody } from '../../model/auth.js';
import { roleNeedsOrganisation, type Role } from '../../model/roles.js';
import { HttpError } from '../api/errors.js';
import type { BreachedPasswords } from './breachedPasswords.js';
import { newPasswordProblem } from './passwordPolicy.js';
import { hashPassword, verifyAgainstNobody, verifyPassword } from './passwords.js';
import type { SessionRepository, UserRecord, UserRepository } from './repositories.js';

/**
 * Accounts: sign-in checks and the administrator's user management. Every rule about
 * accounts (who may hold an organisation, never leaving the server without an
 * administrator, signing out everywhere when a password changes) lives here, so the
 * HTTP routes and the CLI apply the same ones.
 */

export function publicUser(u: UserRecord): PublicUser {
  return { id: u.username, username: u.username, name: u.name, role: u.role, organisationId: u.organisationId, createdAt: u.createdAt, updatedAt: u.updatedAt };
}

export class Accounts {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    /** Checks that a partner-editor's organisation is in the graph; without it any id is taken. */
    private readonly organisationExists: (id: string) => Promise<boolean> = async () => true,
    /** The breached-password list (GT_BREACHED_PASSWORDS_FILE), when there is one. */
    private readonly breached?: BreachedPasswords,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The account whose password this is, or undefined. An unknown or malformed username
   * still costs one argon2 verification, so timing does not tell which usernames exist.
   */
  async authenticate(username: string, password: string): Promise<UserRecord | undefined> {
    const name = Username.safeParse(username);
    const user = name.success ? await this.users.find(name.data) : undefined;
    if (!user) return verifyAgainstNobody(password).then(() => undefined);
    return (await verifyPassword(user.passwordHash, password)) ? user : undefined;
  }

  find(username: string): Promise<UserRecord | undefined> {
    return this.users.find(username);
  }

  async list(): Promise<PublicUser[]> {
    return (await this.users.list()).map(publicUser);
  }

  async create(body: NewUserBody): Promise<PublicUser> {
    await refuseWeakPassword(body.password, this.breached);
    await this.checkOrganisation(body.organisationId ?? null);
    const at = this.now().toISOString();
    const user: UserRecord = {
      username: body.username,
      name: body.name ?? body.username,
      role: body.role,
      organisationId: body.organisationId ?? null,
      passwordHash: await hashPassword(body.password),
      createdAt: at,
      updatedAt: at,
    };
    if (!(await this.users.create(user))) {
      throw new HttpError(409, 'username_taken', `there is already an account named ${body.username}`, [{ field: 'username', reason: 'is taken' }]);
    }
    return publicUser(user);
  }

  async update(username: string, patch: UserPatchBody): Promise<PublicUser> {
    const current = await this.users.find(username);
    if (!current) throw new HttpError(404, 'not_found', `no account named ${username}`);
    if (patch.password) await refuseWeakPassword(patch.password, this.breached);
    const role: Role = patch.role ?? current.role;
    // Moving to a role without an organisation drops it; otherwise the organisation stays unless named.
    const organisationId = patch.organisationId !== undefined ? patch.organisationId : roleNeedsOrganisation(role) ? current.organisationId : null;
    const problem = organisationProblem(role, organisationId);
    if (problem) throw new HttpError(400, 'bad_request', `organisationId: ${problem}`, [{ field: 'organisationId', reason: problem }]);
    if (patch.organisationId) await this.checkOrganisation(organisationId);
    if (current.role === 'administrator' && role !== 'administrator') await this.refuseLastAdministrator(username, 'take the administrator role from');
    const next: UserRecord = {
      ...current,
      name: patch.name ?? current.name,
      role,
      organisationId,
      passwordHash: patch.password ? await hashPassword(patch.password) : current.passwordHash,
      updatedAt: this.now().toISOString(),
    };
    if (!(await this.users.update(next))) throw new HttpError(404, 'not_found', `no account named ${username}`);
    // A new password ends every session of the account (someone else may have known the old one).
    if (patch.password) await this.sessions.removeForUser(username);
    return publicUser(next);
  }

  async remove(username: string): Promise<void> {
    const current = await this.users.find(username);
    if (!current) throw new HttpError(404, 'not_found', `no account named ${username}`);
    if (current.role === 'administrator') await this.refuseLastAdministrator(username, 'remove');
    await this.users.remove(username);
  }

  /**
   * The first administrator, from GT_ADMIN_USER and GT_ADMIN_PASSWORD: created when no
   * account of that name exists, left alone (password included) when it does.
   */
  async ensureAdministrator(username: string, password: string): Promise<'created' | 'exists'> {
    const name = Username.parse(username);
    if (await this.users.find(name)) return 'exists';
    try {
      await this.create({ username: name, role: 'administrator', password });
      return 'created';
    } catch (err) {
      if (err instanceof HttpError && err.code === 'username_taken') return 'exists';
      throw err;
    }
  }

  private async checkOrganisation(id: string | null): Promise<void> {
    if (id && !(await this.organisationExists(id))) {
      const reason = `is not the id of an organisation in the graph (${id})`;
      throw new HttpError(400, 'bad_request', `organisationId: ${reason}`, [{ field: 'organisationId', reason }]);
    }
  }

  private async refuseLastAdministrator(username: string, verb: string): Promise<void> {
    const others = (await this.users.list()).filter((u) => u.role === 'administrator' && u.username !== username);
    if (others.length === 0) {
      throw new HttpError(409, 'last_administrator', `cannot ${verb} ${username}: it is the only administrator; make another administrator first`);
    }
  }
}

/** A 400 naming the password field when the new password is a common or breached one (passwordPolicy.ts). */
async function refuseWeakPassword(password: string, breached: BreachedPasswords | undefined): Promise<void> {
  const problem = await newPasswordProblem(password, breached);
  if (problem) throw new HttpError(400, 'bad_request', `password: ${problem}`, [{ field: 'password', reason: problem }]);
}
