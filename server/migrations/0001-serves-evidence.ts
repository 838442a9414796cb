import type { Migration } from './migration.js';

/**
 * SERVES links can say why they exist: a rationale, an evidence note and an evidence URL
 * (model/relationships.ts). A LadybugDB table made before has no such columns; Neo4j
 * properties need no schema. `ADD IF NOT EXISTS` makes it a no-op on a fresh store.
 */
export const migration: Migration = {
  id: 1,
  name: 'serves-evidence',
  async up(store) {
    if (store.kind !== 'embedded') return;
    for (const column of ['rationale', 'evidence-note', 'evidence-url']) {
      await store.write((tx) => tx.run(`migrations/0001-serves-${column}`));
    }
  },
};
