import type { Migration } from './migration.js';

/**
 * Multi-factor authentication (ASVS V6.3.3, server/auth/mfa.ts): an account keeps its
 * authenticator's secret, when it was confirmed, the last time step accepted and the
 * hashes of its recovery codes. A LadybugDB User table made before has none of these
 * columns; Neo4j properties need no schema. Existing accounts keep every value and
 * read as having no second factor until their owner sets one up. `ADD IF NOT EXISTS`
 * makes it a no-op on a fresh store.
 */
export const TOTP_COLUMN_QUERIES = ['totp-secret', 'totp-enabled-at', 'totp-last-step', 'recovery-code-hashes'].map((c) => `migrations/0003-user-${c}`);

export const migration: Migration = {
  id: 3,
  name: 'user-totp',
  async up(store) {
    if (store.kind !== 'embedded') return;
    for (const query of TOTP_COLUMN_QUERIES) await store.write((tx) => tx.run(query));
  },
};
