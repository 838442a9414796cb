import { MFA_CODE_INVALID, MFA_REQUIRED } from '../../model/mfa.js';
import { WriteError, type SecondFactorInput } from '../http/write.js';

/**
 * The sign-in form's one box for a second factor: six digits are the authenticator's
 * code, anything else is taken for a recovery code (the server checks either).
 */
export function secondFactorOf(typed: string): SecondFactorInput {
  const digits = typed.replace(/\s/g, '');
  if (!digits) return {};
  return /^\d{6}$/.test(digits) ? { code: digits } : { recoveryCode: typed.trim() };
}

/** What a refused sign-in asks of the form: the code box, shown with why; or undefined when it is not about the second factor. */
export function secondFactorRefusal(err: unknown): string | undefined {
  if (!(err instanceof WriteError) || err.status !== 401) return undefined;
  if (err.code === MFA_REQUIRED) return 'Enter the 6-digit code from your authenticator app, or a recovery code.';
  if (err.code === MFA_CODE_INVALID) return 'Wrong code, or one already used: wait for the next code and try again.';
  return undefined;
}
