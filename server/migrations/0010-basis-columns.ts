import type { Migration } from './migration.js';

/**
 * Issue 10: every relationship says on what basis it exists (linkBasis, which only
 * SERVES had), statuses and derived due dates say theirs (statusBasis, dueDateBasis),
 * and a milestone carries its own status and lead (so LEADS may reach a Milestone).
 * A LadybugDB table made before has none of these columns; Neo4j properties and
 * relationship types need no schema. The new relationship tables (CITES, REPORTS_ON,
 * REQUESTS, SUPPORTS) are created by the schema itself when the store opens.
 * `ADD IF NOT EXISTS` makes every statement a no-op on a fresh store.
 */
export const BASIS_COLUMN_QUERIES = [
  ...['contains', 'leads', 'partners-in', 'publishes', 'member-of', 'has-milestone', 'has-progress', 'measures', 'continues', 'grants', 'funds'].map((type) => `migrations/0010-${type}-link-basis`),
  'migrations/0010-action-status-basis',
  'migrations/0010-action-due-date-basis',
  'migrations/0010-progress-update-status-basis',
  ...['due-date-basis', 'lead-as-printed', 'lead-vague', 'status', 'status-as-printed', 'status-basis'].map((column) => `migrations/0010-milestone-${column}`),
  'migrations/0010-leads-to-milestone',
] as const;

export const migration: Migration = {
  id: 10,
  name: 'basis-columns',
  async up(store) {
    if (store.kind !== 'embedded') return;
    for (const query of BASIS_COLUMN_QUERIES) await store.write((tx) => tx.run(query));
  },
};
