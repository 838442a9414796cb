import type { SessionResponse } from '../../model/auth.js';
import { roleCan, type Capability } from '../../model/roles.js';
import { setCsrfToken, writeApi, type SecondFactorInput } from '../http/write.js';

/**
 * Who is signed in, as the server says (GET /api/auth/session), kept for the whole
 * explorer: the header shows it, panels ask `can(capability)` to hide what the role
 * may not do (the same table the server checks, model/roles.ts), and the CSRF token
 * goes with every write.
 */

export type SignedInUser = Extract<SessionResponse, { signedIn: true }>['user'];

export type Session = {
  user(): SignedInUser | null;
  can(capability: Capability): boolean;
  refresh(): Promise<void>;
  /** With multi-factor on, the same sign-in again with the code (or a recovery code) the first answer asked for. */
  signIn(username: string, password: string, factor?: SecondFactorInput): Promise<void>;
  signOut(): Promise<void>;
  subscribe(listener: () => void): () => void;
};

export function createSession(api = writeApi): Session {
  let current: SessionResponse = { signedIn: false, anonymousRead: true, user: null, csrfToken: null };
  const listeners = new Set<() => void>();
  const set = (s: SessionResponse) => {
    current = s;
    setCsrfToken(s.csrfToken);
    for (const l of [...listeners]) l();
  };
  return {
    user: () => current.user,
    // The role's own table, never the server's list copied: one source for both.
    can: (capability) => !!current.user && roleCan(current.user.role, capability),
    async refresh() {
      set(await api.session());
    },
    async signIn(username, password, factor) {
      set(await api.login(username, password, factor));
    },
    async signOut() {
      set(await api.logout());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Whether this user may change the graph at all (committed, or queued for approval). */
export function canWrite(session: Session): boolean {
  return session.can('edit') || session.can('editOwnOrganisation');
}
