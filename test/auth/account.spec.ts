import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSessions, SessionsEnded } from '../../model/account.js';
import { sessionIdOf } from '../../server/auth/tokens.js';
import { Browser, PASSWORDS, startAuthServer, type AuthServer } from './authServer.js';

/**
 * A person's own account over the real server and store: changing their password with the
 * current one (ASVS V6.2.2, V6.2.3), and seeing and ending where they are signed in, with the
 * password re-entered (V7.5.2).
 */

let server: AuthServer;
const NEW_PASSWORD = 'the harbour at dusk 2026';

const signedInAs = async (username: string, password: string) => {
  const b = new Browser(server.base);
  expect((await b.signIn(username, password)).status).toBe(200);
  return b;
};
const stillSignedIn = async (b: Browser) => (await b.call<{ signedIn: boolean }>('GET', '/api/auth/session')).body.signedIn;
const tokenOf = (b: Browser) => b.cookie!.split('=')[1]!;

beforeAll(async () => {
  server = await startAuthServer({ settings: { loginMaxFailures: 8 } });
  await server.auth.accounts.create({ username: 'jane', name: 'Jane Doe', role: 'editor', password: PASSWORDS.editor });
  await server.auth.accounts.create({ username: 'sam', role: 'viewer', password: PASSWORDS.viewer });
  await server.auth.accounts.create({ username: 'kim', role: 'viewer', password: PASSWORDS.viewer });
  await server.auth.accounts.create({ username: 'lee', role: 'viewer', password: PASSWORDS.viewer });
});
afterAll(() => server.close());

describe('changing one’s own password', () => {
  it('needs the current password; the new one follows the rules, named as newPassword; nothing changes on a refusal', async () => {
    const b = await signedInAs('sam', PASSWORDS.viewer);
    const wrong = await b.call('POST', '/api/auth/password', { currentPassword: 'not the password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('wrong_password');
    const common = await b.call('POST', '/api/auth/password', { currentPassword: PASSWORDS.viewer, newPassword: 'password1234' });
    expect(common.status).toBe(400);
    expect(common.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['newPassword']);
    const same = await b.call('POST', '/api/auth/password', { currentPassword: PASSWORDS.viewer, newPassword: PASSWORDS.viewer });
    expect(same.status).toBe(400);
    expect(same.body.error.issues).toEqual([{ field: 'newPassword', reason: 'must differ from the current password' }]);
    const short = await b.call('POST', '/api/auth/password', { currentPassword: PASSWORDS.viewer, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.issues[0].field).toBe('newPassword');
    // The old password still signs in, and this browser is still signed in.
    expect(await stillSignedIn(b)).toBe(true);
    await signedInAs('sam', PASSWORDS.viewer);
  });

  it('ends every other session, keeps this browser signed in with a new session, and the old password stops working', async () => {
    const here = await signedInAs('jane', PASSWORDS.editor);
    const elsewhere = await signedInAs('jane', PASSWORDS.editor);
    const before = tokenOf(here);
    const changed = await here.call('POST', '/api/auth/password', { currentPassword: PASSWORDS.editor, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ signedIn: true, user: { username: 'jane', role: 'editor' } });
    expect(tokenOf(here)).not.toBe(before);
    here.csrfToken = changed.body.csrfToken;
    expect(await stillSignedIn(here)).toBe(true);
    expect(await stillSignedIn(elsewhere)).toBe(false);
    expect((await new Browser(server.base).signIn('jane', PASSWORDS.editor)).status).toBe(401);
    await signedInAs('jane', NEW_PASSWORD);
    // The new session works for changes too: its CSRF token is the answer's.
    expect((await here.call('POST', '/api/auth/sessions/end', { sessions: 'others', password: NEW_PASSWORD })).status).toBe(200);
  });

  it('is for signed-in people only', async () => {
    const anonymous = await new Browser(server.base).call('POST', '/api/auth/password', { currentPassword: 'x', newPassword: NEW_PASSWORD });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('sign_in_required');
  });
});

describe('where one is signed in', () => {
  it('lists each live session with a handle, its times and how it began, marking this one, never its id', async () => {
    const one = await signedInAs('kim', PASSWORDS.viewer);
    const two = await signedInAs('kim', PASSWORDS.viewer);
    await signedInAs('sam', PASSWORDS.viewer);
    const reply = await one.call<AccountSessions>('GET', '/api/auth/sessions');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const { sessions } = reply.body;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    for (const s of sessions) {
      expect(s.handle).toMatch(/^[0-9a-f]{16}$/);
      expect(s.via).toBe('password');
      expect(Date.parse(s.expiresAt)).toBeGreaterThan(Date.parse(s.createdAt));
    }
    const text = JSON.stringify(reply.body);
    for (const b of [one, two]) {
      expect(text).not.toContain(sessionIdOf(tokenOf(b)).slice(0, 16));
      expect(text).not.toContain(tokenOf(b));
    }
    // Each browser sees itself as the current one.
    const fromTwo = (await two.call<AccountSessions>('GET', '/api/auth/sessions')).body.sessions;
    expect(fromTwo.find((s) => s.current)!.handle).not.toBe(sessions.find((s) => s.current)!.handle);
  });

  it('ends the others with the password re-entered; not without it, not with a wrong one', async () => {
    const here = await signedInAs('kim', PASSWORDS.viewer);
    const others = [await signedInAs('kim', PASSWORDS.viewer), await signedInAs('kim', PASSWORDS.viewer)];
    const sam = await signedInAs('sam', PASSWORDS.viewer);
    const bare = await here.call('POST', '/api/auth/sessions/end', { sessions: 'others' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.issues).toEqual([{ field: 'password', reason: 're-enter your password to do this' }]);
    const wrong = await here.call('POST', '/api/auth/sessions/end', { sessions: 'others', password: 'not the password' });
    expect(wrong.status).toBe(401);
    for (const b of others) expect(await stillSignedIn(b)).toBe(true);
    const ended = await here.call<SessionsEnded>('POST', '/api/auth/sessions/end', { sessions: 'others', password: PASSWORDS.viewer });
    expect(ended.status).toBe(200);
    // The two above, and the one left from the test before.
    expect(ended.body.ended).toBeGreaterThanOrEqual(2);
    expect(ended.body.sessions).toEqual([expect.objectContaining({ current: true })]);
    for (const b of others) expect(await stillSignedIn(b)).toBe(false);
    expect(await stillSignedIn(here)).toBe(true);
    // Another account's sessions are not touched.
    expect(await stillSignedIn(sam)).toBe(true);
  });

  it('ends one session by its handle; a handle of someone else’s session is not found; ending this one signs this browser out', async () => {
    const here = await signedInAs('kim', PASSWORDS.viewer);
    const phone = await signedInAs('kim', PASSWORDS.viewer);
    const phoneHandle = (await phone.call<AccountSessions>('GET', '/api/auth/sessions')).body.sessions.find((s) => s.current)!.handle;
    const ended = await here.call<SessionsEnded>('POST', '/api/auth/sessions/end', { sessions: [phoneHandle], password: PASSWORDS.viewer });
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBe(1);
    expect(ended.body.sessions.map((s) => s.handle)).not.toContain(phoneHandle);
    expect(await stillSignedIn(phone)).toBe(false);

    const sam = await signedInAs('sam', PASSWORDS.viewer);
    const samHandle = (await sam.call<AccountSessions>('GET', '/api/auth/sessions')).body.sessions.find((s) => s.current)!.handle;
    const notYours = await here.call('POST', '/api/auth/sessions/end', { sessions: [samHandle], password: PASSWORDS.viewer });
    expect(notYours.status).toBe(404);
    expect(await stillSignedIn(sam)).toBe(true);
    const malformed = await here.call('POST', '/api/auth/sessions/end', { sessions: ['not-a-handle'], password: PASSWORDS.viewer });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues[0].field).toBe('sessions.0');

    const mine = (await here.call<AccountSessions>('GET', '/api/auth/sessions')).body.sessions.find((s) => s.current)!.handle;
    const self = await here.call<SessionsEnded>('POST', '/api/auth/sessions/end', { sessions: [mine], password: PASSWORDS.viewer });
    expect(self.status).toBe(200);
    expect(self.body).toEqual({ ended: 1, sessions: [] });
    expect(self.headers.getSetCookie().join(';')).toMatch(/gt_session=;/);
    expect(await stillSignedIn(here)).toBe(false);
  });

  it('counts wrong passwords toward the sign-in limit, so a stolen session cannot guess the password', async () => {
    // Every refused proof counts (the limit is 8 here), per account: lee's, not the address's.
    const b = await signedInAs('lee', PASSWORDS.viewer);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await b.call('POST', '/api/auth/sessions/end', { sessions: 'others', password: `guess number ${i}` })).status);
    expect(statuses).toEqual([...Array(8).fill(401), 429]);
    // Now even the right password waits out the window.
    expect((await b.call('POST', '/api/auth/sessions/end', { sessions: 'others', password: PASSWORDS.viewer })).status).toBe(429);
  });
});
