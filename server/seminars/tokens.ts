import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET } from '../../model/seminars.js';

/**
 * Seminar secrets. A participant's (or the facilitator's) token is a bearer secret for
 * one seminar: only its SHA-256 is stored. Join codes are short and public (on the
 * projector): they let you join, never act as someone.
 */

export const newSeminarToken = (): string => `gts_${randomBytes(32).toString('base64url')}`;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** `Authorization: Bearer gts_...`, or undefined when the header holds no seminar token. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(gts_[A-Za-z0-9_-]{43})$/.exec(header.trim()) : null;
  return m?.[1];
}
