/** Built-in actors, whose changes are audited like anyone's: the seed loader and the migrations (model/roles.ts). */
export { MIGRATION_ACTOR, SEED_ACTOR } from '../../model/roles.js';
