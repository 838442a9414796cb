import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: six digits,
 * a 30-second step, SHA-1, by otplib; and the recovery codes that stand in for the app
 * when it is lost. Pure helpers: what is stored and when lives in mfa.ts.
 */

/** The name authenticator apps show above the account. */
export const TOTP_ISSUER = 'Golden Thread';
export const RECOVERY_CODE_COUNT = 10;

/** 160 random bits (RFC 4226's recommended length), base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function otpauthUri(username: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The otpauth URI as a QR code PNG data URL: the page shows it as an image, so no markup from the server is inserted. */
export function qrCodeDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, scale: 5 });
}

/**
 * The time step of `code` when it is the code of this step or of the step either side
 * (a phone's clock a little off), and later than `afterStep`: a code accepted once is
 * never accepted again (ASVS V6.5.1), nor is any code of an earlier step.
 */
export async function acceptedStep(secret: string, code: string, afterStep: number | null): Promise<number | undefined> {
  const result = await verify({ secret, token: code, epochTolerance: 30, ...(afterStep !== null ? { afterTimeStep: afterStep } : {}) });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

// ---------------------------------------------------------------- recovery codes

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 80 random bits as 16 base32 letters in groups of four (abcd-efgh-ijkl-mnop): easy to copy onto paper. */
function newRecoveryCode(): string {
  const letters = [...randomBytes(16)].map((b) => BASE32[b & 31]).join('');
  return letters.match(/.{4}/g)!.join('-');
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** A recovery code as typed, without dashes, spaces or case: the form it is hashed in. */
export function normalRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * Recovery codes are stored as SHA-256, never as typed: 80 random bits need no slow
 * hash (nothing to guess from a dictionary), and a copy of the store cannot sign anyone in.
 */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(normalRecoveryCode(code)).digest('hex');
}
