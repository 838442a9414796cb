import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classify } from '../../server/auth/securityLog.js';
import { createLogger } from '../../server/log.js';
import { Browser, PASSWORDS, startAuthServer, type AuthServer } from '../auth/authServer.js';

/**
 * ASVS V16.3: sign-ins (both outcomes), sign-outs, account changes and refusals each leave a
 * line in the log saying who, what, how it ended and from where, with the request id;
 * never a password. Real server, real store, the real pino logger writing to a sink.
 */

type Line = { level: number; msg: string; reqId?: string; ip?: string; security?: Record<string, unknown> };

const NEW_PASSWORD = 'a brand new password 5678';
let server: AuthServer;
const raw: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    raw.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
const events = () => raw.map((l) => JSON.parse(l) as Line).filter((l) => l.security);
/** The security lines of the request this answer came from. */
const linesOf = (reply: { headers: Headers }) => events().filter((l) => l.reqId === reply.headers.get('x-request-id'));
const WARN = 40;
const INFO = 30;

beforeAll(async () => {
  server = await startAuthServer({ settings: { loginMaxFailures: 3 }, logger: createLogger('info', sink) });
  await server.auth.accounts.create({ username: 'admin', role: 'administrator', password: PASSWORDS.admin });
  await server.auth.accounts.create({ username: 'jane', name: 'Jane Doe', role: 'editor', password: PASSWORDS.editor });
  await server.auth.accounts.create({ username: 'vic', role: 'viewer', password: PASSWORDS.viewer });
});
afterAll(() => server.close());
beforeEach(() => {
  raw.length = 0;
});

describe('the security log', () => {
  it('logs a failed sign-in as a warning naming the account, the factor and the reason, never the password', async () => {
    const reply = await new Browser(server.base).signIn('Jane', 'not her password at all');
    expect(reply.status).toBe(401);
    const [line, ...more] = linesOf(reply);
    expect(more).toEqual([]);
    expect(line!.level).toBe(WARN);
    expect(line!.msg).toBe('security: sign-in failure');
    expect(line!.security).toEqual({ event: 'sign-in', outcome: 'failure', username: 'jane', factor: 'password', code: 'sign_in_failed', method: 'POST', path: '/api/auth/login' });
    expect(line!.ip).toMatch(/127\.0\.0\.1$/);
    expect(raw.join('\n')).not.toContain('not her password');
  });

  it('logs a successful sign-in and the sign-out as information, for the signed-in account', async () => {
    const b = new Browser(server.base);
    const reply = await b.signIn('jane', PASSWORDS.editor);
    expect(reply.status).toBe(200);
    expect(linesOf(reply).map((l) => [l.level, l.security])).toEqual([[INFO, { event: 'sign-in', outcome: 'success', username: 'jane', factor: 'password', method: 'POST', path: '/api/auth/login' }]]);
    const out = await b.call('POST', '/api/auth/logout');
    expect(out.status).toBe(200);
    expect(linesOf(out).map((l) => l.security)).toEqual([{ event: 'sign-out', outcome: 'success', username: 'jane', method: 'POST', path: '/api/auth/logout' }]);
    expect(raw.join('\n')).not.toContain(PASSWORDS.editor);
  });

  it('logs the sign-in limit when it is reached', async () => {
    const b = new Browser(server.base);
    for (let i = 0; i < 3; i++) expect((await b.signIn('vic', `wrong password number ${i}`)).status).toBe(401);
    const limited = await b.signIn('vic', PASSWORDS.viewer);
    expect(limited.status).toBe(429);
    expect(linesOf(limited)[0]!.security).toMatchObject({ event: 'sign-in', outcome: 'limited', username: 'vic', code: 'rate_limited' });
    expect(events().filter((l) => l.security!.event === 'sign-in' && l.security!.outcome === 'failure')).toHaveLength(3);
  });

  it('logs an administrator’s account changes with the target and the fields set, never the values but the role', async () => {
    const admin = new Browser(server.base);
    await admin.signIn('admin', PASSWORDS.admin);
    const created = await admin.call('POST', '/api/users', { username: 'Newbie', role: 'viewer', password: NEW_PASSWORD });
    expect(created.status).toBe(201);
    expect(linesOf(created).map((l) => l.security)).toEqual([
      { event: 'account-created', outcome: 'success', username: 'admin', target: 'newbie', fields: ['username', 'role', 'password'], role: 'viewer', method: 'POST', path: '/api/users' },
    ]);
    const changed = await admin.call('PATCH', '/api/users/newbie', { role: 'editor' });
    expect(changed.status).toBe(200);
    expect(linesOf(changed)[0]!.security).toMatchObject({ event: 'account-changed', outcome: 'success', target: 'newbie', fields: ['role'], role: 'editor' });
    const removed = await admin.call('DELETE', '/api/users/newbie');
    expect(removed.status).toBe(204);
    expect(linesOf(removed)[0]!.security).toEqual({ event: 'account-removed', outcome: 'success', username: 'admin', target: 'newbie', method: 'DELETE', path: '/api/users/newbie' });
    expect(raw.join('\n')).not.toContain(NEW_PASSWORD);
  });

  it('logs refusals: the wrong role, no CSRF token, no session', async () => {
    const editor = new Browser(server.base);
    await editor.signIn('jane', PASSWORDS.editor);
    const wrongRole = await editor.call('POST', '/api/users', { username: 'sneaky', role: 'administrator', password: NEW_PASSWORD });
    expect(wrongRole.status).toBe(403);
    expect(linesOf(wrongRole)[0]).toMatchObject({ level: WARN, security: { event: 'account-created', outcome: 'refused', username: 'jane', target: 'sneaky', code: 'forbidden' } });

    editor.csrfToken = undefined;
    const noToken = await editor.call('POST', '/api/auth/logout');
    expect(noToken.status).toBe(403);
    expect(linesOf(noToken)[0]!.security).toMatchObject({ event: 'sign-out', outcome: 'refused', username: 'jane', code: 'csrf_token_invalid' });

    const anonymous = await new Browser(server.base).call('GET', '/api/users');
    expect(anonymous.status).toBe(401);
    expect(linesOf(anonymous).map((l) => l.security)).toEqual([{ event: 'access-denied', outcome: 'refused', code: 'sign_in_required', method: 'GET', path: '/api/users' }]);
  });

  it('leaves ordinary reads and a refused body out of the security lines but keeps a bad sign-in body', async () => {
    const b = new Browser(server.base);
    expect((await b.call('GET', '/api/health/live')).status).toBe(200);
    expect((await b.call('GET', '/api/auth/session')).status).toBe(200);
    expect(events()).toEqual([]);
    const bad = await b.call('POST', '/api/auth/login', { username: 'jane' });
    expect(bad.status).toBe(400);
    expect(linesOf(bad)[0]!.security).toMatchObject({ event: 'sign-in', outcome: 'invalid', username: 'jane', code: 'bad_request' });
  });
});

describe('what each authentication route is, in the log', () => {
  it.each([
    ['POST', '/auth/login', { username: 'Jane', password: 'x', code: '123456' }, { event: 'sign-in', factor: 'password+totp', username: 'jane' }],
    ['POST', '/auth/login', { username: 'jane', password: 'x', recoveryCode: 'abcd-efgh' }, { event: 'sign-in', factor: 'password+recovery-code', username: 'jane' }],
    ['GET', '/auth/oidc/nhs-lothian/callback', {}, { event: 'sign-in', factor: 'oidc:nhs-lothian' }],
    ['POST', '/auth/password', { currentPassword: 'x', newPassword: 'y' }, { event: 'password-change' }],
    ['POST', '/auth/sessions/end', { sessions: 'others', password: 'x' }, { event: 'sessions-end', fields: ['others'] }],
    ['POST', '/auth/sessions/end', { sessions: ['0123456789abcdef'] }, { event: 'sessions-end' }],
    ['POST', '/auth/oidc/nhs-lothian/backchannel-logout', {}, { event: 'provider-sign-out', factor: 'oidc:nhs-lothian' }],
    ['POST', '/auth/mfa/totp', {}, { event: 'second-factor-totp' }],
    ['POST', '/auth/mfa/totp/confirm', { code: '123456' }, { event: 'second-factor-totp-confirm' }],
    ['POST', '/auth/mfa/disable', { password: 'x' }, { event: 'second-factor-disable' }],
    ['DELETE', '/users/Jane/mfa', {}, { event: 'account-second-factor-cleared', target: 'jane', fields: [] }],
    ['PATCH', '/users/jane%20doe', { password: 'x' }, { event: 'account-changed', target: 'jane doe', fields: ['password'] }],
  ])('%s %s', (method, path, body, expected) => {
    const got = classify(method, path, body);
    expect({ ...got, fields: got?.fields ?? [] }).toEqual({ fields: [], ...expected });
  });

  it('is nothing for reads and for the routes outside sign-in and accounts', () => {
    for (const [method, path] of [
      ['GET', '/auth/mfa'],
      ['GET', '/auth/sessions'],
      ['GET', '/auth/oidc/x/start'],
      ['GET', '/users'],
      ['POST', '/changes'],
      ['GET', '/auth/oidc/x/backchannel-logout'],
    ] as const)
      expect(classify(method, path, {}), `${method} ${path}`).toBeNull();
  });

  it('keeps control characters a client sent out of a name', () => {
    expect(classify('POST', '/auth/login', { username: 'eve\n{"forged":true}' })?.username).toBe('eve?{"forged":true}');
  });
});
