import type { Migration } from './migration.js';

/**
 * Hardening (ASVS V7.3.1): a session ends after a while without a request, so it keeps
 * the time of its last one. A LadybugDB Session table made before has no such column;
 * Neo4j properties need no schema. The sessions already there keep working: with no
 * last request recorded they count as seen when they began (storeRepositories.ts), so
 * the first request after the upgrade either touches them or, if they have been idle
 * longer than the timeout since sign-in, ends them. `ADD IF NOT EXISTS` makes it a no-op
 * on a fresh store.
 */
export const LAST_SEEN_COLUMN_QUERY = 'migrations/0002-session-last-seen';

export const migration: Migration = {
  id: 2,
  name: 'session-last-seen',
  async up(store) {
    if (store.kind !== 'embedded') return;
    await store.write((tx) => tx.run(LAST_SEEN_COLUMN_QUERY));
  },
};
