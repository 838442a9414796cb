import { z } from 'zod';
import { ONE_SECOND_FACTOR, SecondFactorFields, oneSecondFactor } from './mfa.js';
import { RoleSchema, roleNeedsOrganisation, type Capability, type Role } from './roles.js';

/**
 * The sign-in and account API's contract: request bodies as zod schemas (the server
 * validates with them, the CLI and the explorer reuse them) and response bodies as types.
 */

/** Built-in actors that are not accounts: no one may sign in as them. */
export const RESERVED_USERNAMES = ['seed', 'migration', 'system', 'anonymous'] as const;

/** Lower-case letters, digits and . _ - @, 2 to 64 characters, starting with a letter or digit. Case is folded. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{1,63}$/, 'must be 2 to 64 letters, digits or . _ - @, starting with a letter or digit')
  .refine((u) => !(RESERVED_USERNAMES as readonly string[]).includes(u), { message: `is reserved (${RESERVED_USERNAMES.join(', ')})` });

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** A new password: long rather than complicated (any characters, spaces included). */
export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const DisplayName = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
export const OrganisationId = z.string().trim().min(1, 'must not be empty').max(200);

/** With multi-factor on (model/mfa.ts), the same request also carries a code or a recovery code. */
export const LoginBody = z
  .strictObject({
    username: z.string().max(200, 'must be at most 200 characters'),
    password: z.string().max(1024, 'must be at most 1024 characters'),
    ...SecondFactorFields,
  })
  .refine(oneSecondFactor, ONE_SECOND_FACTOR);
export type LoginBody = z.infer<typeof LoginBody>;

/** A partner-editor needs an organisation and no other role has one; also checked on the merged account by a PATCH. */
export function organisationProblem(role: Role, organisationId: string | null | undefined): string | undefined {
  if (roleNeedsOrganisation(role) && !organisationId) return `is required for the role ${role}`;
  if (!roleNeedsOrganisation(role) && organisationId) return `only a partner-editor belongs to one organisation, not a ${role}`;
  return undefined;
}

function organisationMatchesRole(u: { role: Role; organisationId?: string | null }, ctx: z.RefinementCtx): void {
  const problem = organisationProblem(u.role, u.organisationId);
  if (problem) ctx.addIssue({ code: 'custom', path: ['organisationId'], message: problem });
}

export const NewUserBody = z
  .strictObject({
    username: Username,
    name: DisplayName.optional(),
    role: RoleSchema,
    organisationId: OrganisationId.optional(),
    password: NewPassword,
  })
  .superRefine(organisationMatchesRole);
export type NewUserBody = z.infer<typeof NewUserBody>;

/** Names only what changes; `organisationId: null` removes the organisation. */
export const UserPatchBody = z
  .strictObject({
    name: DisplayName.optional(),
    role: RoleSchema.optional(),
    organisationId: OrganisationId.nullable().optional(),
    password: NewPassword.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'names nothing to change (name, role, organisationId, password)' });
export type UserPatchBody = z.infer<typeof UserPatchBody>;

/** An account as the API shows it: never the password hash. */
export type PublicUser = {
  id: string;
  username: string;
  name: string;
  role: Role;
  organisationId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SessionResponse =
  | { signedIn: false; anonymousRead: boolean; user: null; csrfToken: null }
  | {
      signedIn: true;
      anonymousRead: boolean;
      user: { id: string; username: string; name: string; role: Role; organisationId: string | null; capabilities: Capability[] };
      /** Send back in the x-csrf-token header with every POST, PUT, PATCH and DELETE. */
      csrfToken: string;
      expiresAt: string;
    };

export const CSRF_HEADER = 'x-csrf-token';
