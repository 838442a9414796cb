import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commonPasswordProblem } from '../../server/auth/commonPasswords.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { Browser, PASSWORDS, startAuthServer, type AuthServer } from './authServer.js';

/**
 * ASVS V6.2.4: a new password is refused when it is one of the common passwords of
 * zxcvbn-ts's list, or a common one padded to length with digits or punctuation; the
 * refusal is a 400 naming the password field, and writes nothing. Passwords long and
 * unusual enough (the test suite's own among them) pass.
 */

describe('commonPasswordProblem', () => {
  it.each([
    // In the list as they stand, 12 characters or more (keyboard runs and digit runs).
    ['qwerty123456', 'is one of the most commonly used passwords; choose another'],
    ['1qaz2wsx3edc', 'is one of the most commonly used passwords; choose another'],
    ['QWERTY123456', 'is one of the most commonly used passwords; choose another'],
    // A common word padded to the length rule, at either end.
    ['dragon123456', 'is a commonly used password ("dragon") padded with digits or punctuation; choose another'],
    ['Password!!!!', 'is a commonly used password ("password") padded with digits or punctuation; choose another'],
    ['2024 sunshine 2024', 'is a commonly used password ("sunshine") padded with digits or punctuation; choose another'],
  ])('refuses %s', (password, reason) => {
    expect(commonPasswordProblem(password)).toBe(reason);
  });

  it.each(['correct horse battery', 'editor-password-123', 'a long enough password', 'sunshine in Lanarkshire', 'dragon-fly 123456 river'])('accepts %s', (password) => {
    expect(commonPasswordProblem(password)).toBeUndefined();
  });
});

describe('new passwords over HTTP', () => {
  let server: AuthServer;
  let admin: Browser;
  beforeAll(async () => {
    server = await startAuthServer();
    await server.auth.accounts.create({ username: 'admin', role: 'administrator', password: PASSWORDS.admin });
    admin = new Browser(server.base);
    expect((await admin.signIn('admin', PASSWORDS.admin)).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('refuses an account with a common password, naming the field, and creates nothing', async () => {
    const reply = await admin.call('POST', '/api/users', { username: 'jane', role: 'viewer', password: 'qwerty123456' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error: {
        status: 400,
        code: 'bad_request',
        message: 'password: is one of the most commonly used passwords; choose another',
        issues: [{ field: 'password', reason: 'is one of the most commonly used passwords; choose another' }],
      },
    });
    expect(await server.auth.accounts.find('jane')).toBeUndefined();
  });

  it('refuses a common new password for an existing account and keeps the old one', async () => {
    expect((await admin.call('POST', '/api/users', { username: 'joe', role: 'viewer', password: 'joe has a long password' })).status).toBe(201);
    const reply = await admin.call('PATCH', '/api/users/joe', { password: 'monkey123456' });
    expect(reply.status).toBe(400);
    expect((reply.body as { error: { issues: unknown } }).error.issues).toEqual([
      { field: 'password', reason: 'is a commonly used password ("monkey") padded with digits or punctuation; choose another' },
    ]);
    expect((await new Browser(server.base).signIn('joe', 'joe has a long password')).status).toBe(200);
    expect((await new Browser(server.base).signIn('joe', 'monkey123456')).status).toBe(401);
  });
});

describe('GT_ADMIN_PASSWORD', () => {
  it('stops the start when it is a common password, naming the setting and never the password', () => {
    let error: unknown;
    try {
      loadConfig({ GT_ADMIN_USER: 'admin', GT_ADMIN_PASSWORD: 'dragon!!!!!!' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('setting GT_ADMIN_PASSWORD=(hidden) is a commonly used password padded with digits or punctuation; choose another');
  });

  it('is taken when it is long and uncommon', () => {
    expect(() => loadConfig({ GT_ADMIN_USER: 'admin', GT_ADMIN_PASSWORD: 'the admin of lanarkshire' })).not.toThrow();
  });
});
