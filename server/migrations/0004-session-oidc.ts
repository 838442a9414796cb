import type { Migration } from './migration.js';

/**
 * OpenID Connect back-channel logout (server/auth/oidc/backchannelLogout.ts): a session
 * begun through a provider keeps which provider and the provider's session id (`sid`),
 * so that the provider can end it. A LadybugDB Session table made before has no such
 * columns; Neo4j properties need no schema. Sessions already there keep working and
 * read as local ones: a provider's logout of a person (by `sub`) still ends them, one of
 * a provider session (by `sid` alone) cannot name them. `ADD IF NOT EXISTS` makes it a
 * no-op on a fresh store.
 */
export const OIDC_SESSION_COLUMN_QUERIES = ['provider-id', 'sid'].map((c) => `migrations/0004-session-oidc-${c}`);

export const migration: Migration = {
  id: 4,
  name: 'session-oidc',
  async up(store) {
    if (store.kind !== 'embedded') return;
    for (const query of OIDC_SESSION_COLUMN_QUERIES) await store.write((tx) => tx.run(query));
  },
};
