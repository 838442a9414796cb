import type { Actor } from '../../model/roles.js';

/** Built-in actors: processes whose changes are audited like anyone's. */

/** The loader of the curated seed data. */
export const SEED_ACTOR: Actor = { id: 'seed', name: 'seed', role: 'administrator' };
/** Data changes made by a numbered migration. */
export const MIGRATION_ACTOR: Actor = { id: 'migration', name: 'migration', role: 'administrator' };
