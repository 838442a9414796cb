/** Sign-in settings, read from the environment by server/config.ts (GT_ANONYMOUS_READ, GT_SESSION_HOURS, ...). */
export type AuthSettings = {
  /** Whether reading needs no account (the laptop demo); off for a server on a network. */
  anonymousRead: boolean;
  /** Absolute lifetime of a session from sign-in. */
  sessionTtlMs: number;
  /** A session with no request for this long ends (ASVS V7.3.1), whatever its lifetime left. */
  sessionIdleMs: number;
  /** `auto`: the Secure flag when the request came over https (req.secure). */
  cookieSecure: 'auto' | 'always' | 'never';
  /** Failed sign-ins allowed per username in LOGIN_WINDOW_MS before 429. */
  loginMaxFailures: number;
  /** Failed sign-ins allowed per client address in LOGIN_WINDOW_MS before 429. */
  loginMaxFailuresPerIp: number;
  /** Have I Been Pwned's Pwned Passwords file (SHA-1, sorted), against which new passwords are checked (breachedPasswords.ts). */
  breachedPasswordsFile?: string;
};

export const LOGIN_WINDOW_MS = 15 * 60_000;

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  anonymousRead: true,
  sessionTtlMs: 12 * 3_600_000,
  sessionIdleMs: 120 * 60_000,
  cookieSecure: 'auto',
  loginMaxFailures: 10,
  loginMaxFailuresPerIp: 100,
};
