import { randomToken } from '../tokens.js';

/**
 * Sign-ins under way: between the redirect to the provider and its redirect back, the
 * server keeps the state, nonce and PKCE verifier it sent, under a random key that only
 * the browser which started holds (an HTTP-only cookie). A callback without that cookie,
 * or with a state that is not the one sent, signs nobody in: a page elsewhere cannot
 * sign a browser into the attacker's account (login CSRF), and each key is used once.
 * Kept in memory: a sign-in interrupted by a restart is simply started again.
 */

export type PendingSignIn = { providerId: string; state: string; nonce: string; codeVerifier: string; redirectUri: string; expiresAt: number };

export const PENDING_TTL_MS = 10 * 60_000;
/** Enough for a whole partnership signing in at once; beyond it the oldest is dropped, so a flood of starts cannot grow memory. */
const MAX_PENDING = 10_000;

export class PendingSignIns {
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(private readonly now: () => number = Date.now) {}

  add(entry: Omit<PendingSignIn, 'expiresAt'>): string {
    this.sweep();
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    const key = randomToken();
    this.pending.set(key, { ...entry, expiresAt: this.now() + PENDING_TTL_MS });
    return key;
  }

  /** The entry for `key`, removed whatever happens next: a callback is tried once. */
  take(key: string | undefined): PendingSignIn | undefined {
    if (!key) return undefined;
    const entry = this.pending.get(key);
    this.pending.delete(key);
    return entry && entry.expiresAt > this.now() ? entry : undefined;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(key);
  }
}
