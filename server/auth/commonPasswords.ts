import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * New passwords are checked against the most common ones (ASVS V6.2.4): the 49,233
 * passwords of zxcvbn-ts's common list (`@zxcvbn-ts/language-common`, drawn from
 * leaked password sets), whatever their case. Only 308 of them are 12 characters or
 * more, the length the product asks for, so a common word padded to that length with
 * digits or punctuation ("dragon123456", "password!!!!") counts as that word: it is
 * the usual way round a length rule, and the first guesses an attacker tries.
 * No breach service is asked: a partnership's server may have no internet access, and a
 * password should not leave it even as a hash prefix; breachedPasswords.ts checks a local
 * copy of the breached passwords instead (V6.2.12) when one is configured.
 */

let common: Set<string> | undefined;
const commonPasswords = (): Set<string> => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** The password with leading and trailing digits, punctuation and spaces taken off, in lower case. */
const core = (password: string) => password.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** Why a new password may not be used, or undefined when it may. */
export function commonPasswordProblem(password: string): string | undefined {
  const list = commonPasswords();
  if (list.has(password.toLowerCase())) return 'is one of the most commonly used passwords; choose another';
  const word = core(password);
  if (word.length > 0 && word !== password.toLowerCase() && list.has(word)) return `is a commonly used password ("${word}") padded with digits or punctuation; choose another`;
  return undefined;
}
