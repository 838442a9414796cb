import type { SessionResponse } from '../../model/auth.js';
import { ROLE_CAPABILITIES } from '../../model/roles.js';
import type { SessionRecord, UserRecord } from './repositories.js';
import type { AuthSettings } from './settings.js';
import { csrfTokenOf } from './tokens.js';

/** The answer to a sign-in (and GET /api/auth/session, and a password change): who, their role's capabilities, the CSRF token. */
export function sessionAnswer(settings: Pick<AuthSettings, 'anonymousRead'>, user: UserRecord, session: SessionRecord, token: string): SessionResponse {
  return {
    signedIn: true,
    anonymousRead: settings.anonymousRead,
    user: {
      id: user.username,
      username: user.username,
      name: user.name,
      role: user.role,
      organisationId: user.organisationId,
      capabilities: [...ROLE_CAPABILITIES[user.role]],
    },
    csrfToken: csrfTokenOf(token),
    expiresAt: session.expiresAt,
  };
}
