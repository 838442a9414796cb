import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/**
 * Password hashing with argon2id through @node-rs/argon2, which ships prebuilt
 * binaries for Linux, macOS (Intel and Apple silicon) and Windows, so no laptop needs
 * a compiler. The parameters are OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane):
 * about 0.1 s a hash, slow for an attacker with a stolen hash, quick enough for a sign-in.
 */

// `Algorithm` is a const enum, which isolated modules cannot read at run time: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True only when `password` matches; a malformed stored hash is a mismatch, never a crash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Checks a password against a hash of random bytes, so that a sign-in for an unknown
 * username costs the same time as one for a known username with a wrong password.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await dummy, password);
  return false;
}
