import { z } from 'zod';

/**
 * The multi-factor contract (server/auth/mfa.ts): a code from an authenticator app or a
 * recovery code, as the sign-in, confirmation and disabling bodies take them, and the answers.
 */

export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows');

/** 16 letters and digits, in groups of four as shown (dashes and spaces optional, any case). */
export const RecoveryCode = z
  .string()
  .max(64, 'must be at most 64 characters')
  .refine((c) => /^[a-z2-7]{16}$/.test(c.toLowerCase().replace(/[\s-]/g, '')), { message: 'must be one of your recovery codes, such as abcd-efgh-ijkl-mnop' });

/** The second factor a sign-in or a disabling may carry: one of the two, never both. */
export const SecondFactorFields = { code: TotpCode.optional(), recoveryCode: RecoveryCode.optional() };

export const oneSecondFactor = (b: { code?: string | undefined; recoveryCode?: string | undefined }) => !(b.code && b.recoveryCode);
export const ONE_SECOND_FACTOR = { message: 'send a code or a recovery code, not both', path: ['recoveryCode'] };

export const MfaConfirmBody = z.strictObject({ code: TotpCode });
export type MfaConfirmBody = z.infer<typeof MfaConfirmBody>;

/** Turning multi-factor off proves it is the account's owner: the password, a current code or a recovery code. */
export const MfaDisableBody = z
  .strictObject({ password: z.string().max(1024, 'must be at most 1024 characters').optional(), ...SecondFactorFields })
  .refine(oneSecondFactor, ONE_SECOND_FACTOR)
  .refine((b) => Boolean(b.password || b.code || b.recoveryCode), { message: 'send your password, a code from your authenticator app or a recovery code', path: ['password'] });
export type MfaDisableBody = z.infer<typeof MfaDisableBody>;

export type MfaStatus = { enabled: boolean; pending: boolean; recoveryCodesLeft: number };
export type MfaEnrolment = { secret: string; otpauthUri: string; qrCode: string };
export type MfaConfirmation = { enabled: true; recoveryCodes: string[] };

/** The sign-in answer's error codes for the second factor (401, like a wrong password). */
export const MFA_REQUIRED = 'mfa_required';
export const MFA_CODE_INVALID = 'mfa_code_invalid';
