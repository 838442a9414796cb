import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: session and CSRF tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The store keeps a session under the SHA-256 of its cookie token, never the token
 * itself, so that a copy of the database (a backup) cannot be replayed as a live session.
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The session's CSRF token, derived from its cookie token under a hash of its own
 * domain: bound to the session, never stored (the store holds neither it nor the
 * cookie token), so nothing read out of the store can forge either.
 */
export function csrfTokenOf(token: string): string {
  return createHash('sha256').update('golden-thread csrf\0').update(token).digest('base64url');
}

/** Compares secrets in time that does not depend on where they first differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
