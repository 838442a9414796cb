import { describe, expect, it } from 'vitest';
import { secondFactorOf, secondFactorRefusal } from '../../client/auth/secondFactor.js';
import { WriteError } from '../../client/http/write.js';

/** The sign-in form's code box: which field a typed value goes in, and which refusals show the box. */

describe('the second factor typed into the sign-in form', () => {
  it.each([
    ['123456', { code: '123456' }],
    [' 123 456 ', { code: '123456' }],
    ['abcd-efgh-ijkl-mnop', { recoveryCode: 'abcd-efgh-ijkl-mnop' }],
    ['1234567', { recoveryCode: '1234567' }],
    ['   ', {}],
  ])('%j is sent as %j', (typed, sent) => {
    expect(secondFactorOf(typed)).toEqual(sent);
  });

  it('asks for the code on mfa_required and mfa_code_invalid, and on nothing else', () => {
    const refusal = (status: number, code: string) => secondFactorRefusal(new WriteError(status, code, 'x', [], []));
    expect(refusal(401, 'mfa_required')).toMatch(/6-digit code/);
    expect(refusal(401, 'mfa_code_invalid')).toMatch(/Wrong code/);
    expect(refusal(401, 'sign_in_failed')).toBeUndefined();
    expect(refusal(429, 'rate_limited')).toBeUndefined();
    expect(secondFactorRefusal(new Error('offline'))).toBeUndefined();
  });
});
