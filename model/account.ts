import { z } from 'zod';
import { NewPassword } from './auth.js';

/**
 * A signed-in person's own account (server/api/accountRoutes.ts): changing their password
 * with the current one (ASVS V6.2.2, V6.2.3), and the sessions they are signed in with,
 * to see and to end (V7.5.2).
 */

const CurrentPassword = z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters');

export const PasswordChangeBody = z.strictObject({ currentPassword: CurrentPassword, newPassword: NewPassword });
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

/** A session as its owner sees it: a handle (never its id, which is the token's hash), its times, and how it began. */
export const SessionHandle = z.string().regex(/^[0-9a-f]{16}$/, 'must be a session handle from GET /api/auth/sessions');
export type AccountSession = {
  handle: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** 'password', or 'oidc:<provider>' for a sign-in through an identity provider. */
  via: string;
  /** The session this request came with. */
  current: boolean;
};
export type AccountSessions = { sessions: AccountSession[] };

/**
 * Ending sessions: 'others' (every one but this), or the handles named. A local account
 * proves it is its owner with its password (V7.5.2: credentials re-entered); one signed in
 * through an identity provider has no password here, and its session is the proof.
 */
export const SessionsEndBody = z.strictObject({
  sessions: z.union([z.literal('others'), z.array(SessionHandle).min(1, 'must name at least one session').max(100, 'must name at most 100 sessions')]),
  password: CurrentPassword.optional(),
});
export type SessionsEndBody = z.infer<typeof SessionsEndBody>;
export type SessionsEnded = AccountSessions & { ended: number };
