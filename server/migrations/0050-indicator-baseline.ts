import type { Migration } from './migration.js';

/**
 * Issue 14: indicators against targets show a baseline (measure, baseline, target, actual,
 * next target). No source document prints one, so the column starts empty everywhere and a
 * planner fills it through the change pipeline; a report says "not printed" where it is
 * empty. A LadybugDB Indicator table made before has no such column; Neo4j properties need
 * no schema. `ADD IF NOT EXISTS` makes it a no-op on a fresh store, and it touches no row.
 */
export const BASELINE_COLUMN_QUERY = 'migrations/0050-indicator-baseline';

export const migration: Migration = {
  id: 50,
  name: 'indicator-baseline',
  async up(store) {
    if (store.kind !== 'embedded') return;
    await store.write((tx) => tx.run(BASELINE_COLUMN_QUERY));
  },
};
