import { createHash } from 'node:crypto';
import { OidcIdentityRow, systemQueryName } from '../../../model/system.js';
import type { GraphStore, NodeValue } from '../../store/port.js';

/**
 * Identities at OpenID providers, in the system table OidcIdentity (model/system.ts):
 * issuer and subject, the account they sign in as, and when. Kept apart from User so
 * that a local account never has an issuer and an identity never has a password.
 */

/** The account a person of an identity provider signs in as: `oidc:<provider>:<hash>`, a name no local account can have. */
export const providerUsername = (providerId: string, identityId: string) => `oidc:${providerId}:${identityId.slice(0, 24)}`;

/** Whether an account signs in through an identity provider (it has no password here). */
export const isProviderAccount = (user: { username: string }) => user.username.startsWith('oidc:');

const Q = {
  get: systemQueryName('get', 'OidcIdentity'),
  upsert: systemQueryName('upsert', 'OidcIdentity'),
} as const;

/** The id of one person at one provider: issuer and subject together, so two providers' "alice" are two people. */
export function identityIdOf(issuer: string, subject: string): string {
  return createHash('sha256').update(`${issuer}\n${subject}`).digest('hex');
}

export interface IdentityRepository {
  find(issuer: string, subject: string): Promise<OidcIdentityRow | undefined>;
  /** Creates or replaces the identity (the same one again, with a new lastSignInAt, is safe to write twice). */
  save(identity: OidcIdentityRow): Promise<void>;
}

export class StoreIdentityRepository implements IdentityRepository {
  constructor(private readonly store: GraphStore) {}

  async find(issuer: string, subject: string): Promise<OidcIdentityRow | undefined> {
    const props = ((await this.store.read(Q.get, { id: identityIdOf(issuer, subject) }))[0]?.n as NodeValue | undefined)?.properties;
    return props ? OidcIdentityRow.parse(props) : undefined;
  }

  async save(identity: OidcIdentityRow): Promise<void> {
    const row = OidcIdentityRow.parse(identity);
    await this.store.write((tx) => tx.run(Q.upsert, { rows: [row] }));
  }
}
