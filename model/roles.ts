import { z } from 'zod';

/**
 * Who may do what. The list is the single place the roles are named; what each role
 * may do is data (ROLE_CAPABILITIES): the server asks `roleCan(role, capability)` on
 * every write (server/auth) and the explorer asks the same table to hide what a role
 * cannot do, so a permission is changed here and nowhere else.
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

// ---------------------------------------------------------------- capabilities

export const CAPABILITIES = [
  /** Read the graph, the analyses and the history. */
  'read',
  /** Run read-only Cypher in the analysts' console. */
  'runConsole',
  /** Save named analyses and views for others to reuse. */
  'saveAnalysis',
  /** Change the actions (and their progress) that one's own organisation leads or partners in; the change waits for approval. */
  'editOwnOrganisation',
  /** Change anything in the graph, committed at once. */
  'edit',
  /** Approve or refuse the changes partner editors submit. */
  'approve',
  /** Run partnership seminars: open a room, accept proposals, close votes. */
  'runSeminar',
  /** Create, change and remove accounts and their roles. */
  'manageUsers',
] as const;
export const CapabilitySchema = z.enum(CAPABILITIES);
export type Capability = (typeof CAPABILITIES)[number];

/** The capability table. Every role reads; the rest is granted role by role. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  viewer: ['read'],
  analyst: ['read', 'runConsole', 'saveAnalysis'],
  'partner-editor': ['read', 'editOwnOrganisation'],
  editor: ['read', 'runConsole', 'saveAnalysis', 'edit', 'approve'],
  facilitator: ['read', 'saveAnalysis', 'runSeminar'],
  administrator: ['read', 'runConsole', 'saveAnalysis', 'edit', 'approve', 'runSeminar', 'manageUsers'],
};

export function roleCan(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

/** Roles whose account belongs to one organisation, and may act only for it. */
export const ORGANISATION_ROLES: readonly Role[] = ['partner-editor'];

export function roleNeedsOrganisation(role: Role): boolean {
  return ORGANISATION_ROLES.includes(role);
}
