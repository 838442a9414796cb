import { BREACHED_PASSWORD, type BreachedPasswords } from './breachedPasswords.js';
import { commonPasswordProblem } from './commonPasswords.js';

/**
 * Why a new password may not be used, or undefined when it may: one of the most common
 * passwords (commonPasswords.ts, V6.2.4), or, when GT_BREACHED_PASSWORDS_FILE names the
 * list, one exposed in a breach (breachedPasswords.ts, V6.2.12). The common list is asked
 * first: it is in memory, and its answer says more.
 */
export async function newPasswordProblem(password: string, breached?: BreachedPasswords): Promise<string | undefined> {
  return commonPasswordProblem(password) ?? ((await breached?.includes(password)) ? BREACHED_PASSWORD : undefined);
}
