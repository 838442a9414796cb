import { z } from 'zod';

/**
 * Who may do what. The list is the single place the roles are named; the server
 * checks them on every write (server/auth), the explorer hides what a role cannot do.
 */
export const ROLES = ['viewer', 'analyst', 'partner-editor', 'editor', 'facilitator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** The person (or process: `seed`, `migration`) behind a change, as the audit log records them. */
export const Actor = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    role: RoleSchema,
    /** A partner editor's organisation (an Organisation node id): the actions they may change. */
    organisationId: z.string().min(1).optional(),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

/** The loader of the curated seed data; its changes are audited like anyone's. */
export const SEED_ACTOR: Actor = { id: 'seed', name: 'seed', role: 'administrator' };
/** Data changes made by a numbered migration. */
export const MIGRATION_ACTOR: Actor = { id: 'migration', name: 'migration', role: 'administrator' };
