import { Accounts } from './accounts.js';
import { BreachedPasswords } from './breachedPasswords.js';
import { Mfa } from './mfa.js';
import type { FailureCountRepository, SessionRepository, TotpRepository, UserRepository } from './repositories.js';
import { Sessions } from './sessions.js';
import type { AuthSettings } from './settings.js';

/** Everything sign-in needs, built once per server from its repositories and settings. */
export type Auth = {
  accounts: Accounts;
  sessions: Sessions;
  mfa: Mfa;
  settings: AuthSettings;
  /** Where failed sign-ins are counted (loginLimits.ts); in memory when absent. */
  failureCounts?: FailureCountRepository;
};

export function createAuth(
  repositories: { users: UserRepository; sessions: SessionRepository; totp: TotpRepository; failureCounts?: FailureCountRepository },
  settings: AuthSettings,
  organisationExists?: (id: string) => Promise<boolean>,
): Auth {
  return {
    accounts: new Accounts(repositories.users, repositories.sessions, organisationExists, settings.breachedPasswordsFile ? new BreachedPasswords(settings.breachedPasswordsFile) : undefined),
    sessions: new Sessions(repositories.sessions, repositories.users, settings.sessionTtlMs, settings.sessionIdleMs),
    mfa: new Mfa(repositories.totp),
    settings,
    ...(repositories.failureCounts ? { failureCounts: repositories.failureCounts } : {}),
  };
}
