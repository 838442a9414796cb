import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOO_MANY_SIGN_INS } from '../../server/auth/loginLimits.js';
import { Browser, PASSWORDS, startAuthServer, type AuthServer } from './authServer.js';

/**
 * Multi-factor authentication for local accounts (ASVS V6.3.3, V6.5.x) over real HTTP on
 * a real embedded store: set up an authenticator app, confirm it with a code computed
 * from the secret as the app would, then sign in with and without codes, replay one,
 * use a recovery code twice, and turn it off three ways.
 */

const STEP = 30;
/** The code an authenticator app shows `steps` periods from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * STEP });
/** A six-digit code that is not the code of any step near now. */
async function wrongCode(secret: string): Promise<string> {
  const near = new Set(await Promise.all([-2, -1, 0, 1, 2].map((s) => codeAt(secret, s))));
  for (let n = 0; ; n++) {
    const code = String((123_456 + n * 7_919) % 1_000_000).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

const refused = (code: string) => ({ error: { status: 401, code, message: expect.any(String) } });

/** Signs `username` in and sets up an authenticator app; answers the secret and the recovery codes. */
async function enrol(server: AuthServer, username: string, password: string): Promise<{ browser: Browser; secret: string; recoveryCodes: string[] }> {
  const browser = new Browser(server.base);
  expect((await browser.signIn(username, password)).status).toBe(200);
  const started = await browser.call('POST', '/api/auth/mfa/totp', {});
  expect(started.status).toBe(201);
  const confirmed = await browser.call('POST', '/api/auth/mfa/totp/confirm', { code: await codeAt(started.body.secret) });
  expect(confirmed.status).toBe(200);
  return { browser, secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}

describe('setting up an authenticator app', () => {
  let server: AuthServer;
  let jane: Browser;
  let secret: string;

  beforeAll(async () => {
    server = await startAuthServer();
    await server.auth.accounts.create({ username: 'jane', role: 'editor', password: PASSWORDS.editor });
    jane = new Browser(server.base);
    await jane.signIn('jane', PASSWORDS.editor);
  });
  afterAll(() => server?.close());

  it('is for signed-in accounts only', async () => {
    const anonymous = new Browser(server.base);
    expect((await anonymous.call('GET', '/api/auth/mfa')).status).toBe(401);
    expect((await anonymous.call('POST', '/api/auth/mfa/totp', {})).status).toBe(401);
  });

  it('starts off', async () => {
    expect((await jane.call('GET', '/api/auth/mfa')).body).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
  });

  it('answers a new secret, its otpauth URI and a QR code, and keeps the secret pending', async () => {
    const started = await jane.call('POST', '/api/auth/mfa/totp', {});
    expect(started.status).toBe(201);
    expect(started.headers.get('cache-control')).toBe('no-store');
    secret = started.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(started.body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Golden Thread:jane');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Golden Thread');
    expect(started.body.qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect((await jane.call('GET', '/api/auth/mfa')).body).toEqual({ enabled: false, pending: true, recoveryCodesLeft: 0 });
    // Pending is not on: signing in still needs no code.
    expect((await new Browser(server.base).signIn('jane', PASSWORDS.editor)).status).toBe(200);
  });

  it('refuses a malformed code (400 naming code) and a wrong one, and stays pending', async () => {
    const malformed = await jane.call('POST', '/api/auth/mfa/totp/confirm', { code: '12ab56' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues).toEqual([{ field: 'code', reason: 'must be the 6 digits your authenticator app shows' }]);
    const wrong = await jane.call('POST', '/api/auth/mfa/totp/confirm', { code: await wrongCode(secret) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0].field).toBe('code');
    expect((await jane.call('GET', '/api/auth/mfa')).body.pending).toBe(true);
  });

  it('turns on with a current code and answers ten recovery codes, stored only as hashes', async () => {
    const confirmed = await jane.call('POST', '/api/auth/mfa/totp/confirm', { code: await codeAt(secret) });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect((await jane.call('GET', '/api/auth/mfa')).body).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    const rows = JSON.stringify(await server.store.read('system/all-user'));
    for (const c of codes) {
      expect(rows).not.toContain(c);
      expect(rows).not.toContain(c.replace(/-/g, ''));
    }
  });

  it('refuses to set up a second app while one is on', async () => {
    expect((await jane.call('POST', '/api/auth/mfa/totp', {})).body.error.code).toBe('mfa_already_enabled');
  });
});

describe('signing in with a second factor', () => {
  let server: AuthServer;
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    // Many refusals on purpose; the counts outlive the restart below, so the limit is set out of reach.
    server = await startAuthServer({ settings: { loginMaxFailures: 100 } });
    await server.auth.accounts.create({ username: 'jane', role: 'editor', password: PASSWORDS.editor });
    await server.auth.accounts.create({ username: 'admin', role: 'administrator', password: PASSWORDS.admin });
    ({ secret, recoveryCodes } = await enrol(server, 'jane', PASSWORDS.editor));
  });
  afterAll(() => server?.close());

  it('refuses the password alone with 401 mfa_required, and signs nobody in', async () => {
    const b = new Browser(server.base);
    const reply = await b.signIn('jane', PASSWORDS.editor);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual(refused('mfa_required'));
    expect(b.cookie).toBeUndefined();
  });

  it('refuses a wrong code with 401 mfa_code_invalid', async () => {
    const b = new Browser(server.base);
    const reply = await b.call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, code: await wrongCode(secret) });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual(refused('mfa_code_invalid'));
    expect(b.cookie).toBeUndefined();
  });

  it('refuses a right code with a wrong password as a wrong password', async () => {
    const reply = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: 'not the password', code: await codeAt(secret, 1) });
    expect(reply.body).toEqual({ error: { status: 401, code: 'sign_in_failed', message: 'wrong username or password' } });
  });

  it('refuses a malformed code with 400 naming the field', async () => {
    const reply = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, code: '1234567' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['code']);
  });

  it('signs in with the next code, then refuses the same code again, and any code of an earlier step', async () => {
    const code = await codeAt(secret, 1);
    const b = new Browser(server.base);
    const first = await b.call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, code });
    expect(first.status).toBe(200);
    expect(b.cookie).toMatch(/^gt_session=/);
    const replay = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, code });
    expect(replay.body).toEqual(refused('mfa_code_invalid'));
    const earlier = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, code: await codeAt(secret, 0) });
    expect(earlier.body).toEqual(refused('mfa_code_invalid'));
  });

  it('of two sign-ins with the same fresh code at once, lets one in', async () => {
    const { secret: second } = await enrolFresh('sam');
    const code = await codeAt(second, 1);
    const replies = await Promise.all([0, 1, 2].map(() => new Browser(server.base).call('POST', '/api/auth/login', { username: 'sam', password: PASSWORDS.viewer, code })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('signs in with a recovery code once, typed in any case and without dashes, and counts it spent', async () => {
    const typed = recoveryCodes[3]!.replace(/-/g, '').toUpperCase();
    const first = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, recoveryCode: typed });
    expect(first.status).toBe(200);
    const again = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, recoveryCode: recoveryCodes[3] });
    expect(again.body).toEqual(refused('mfa_code_invalid'));
    const b = new Browser(server.base);
    await b.call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, recoveryCode: recoveryCodes[4] });
    expect((await b.call('GET', '/api/auth/mfa')).body).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 8 });
  });

  it('refuses a code and a recovery code together (400)', async () => {
    const reply = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, code: '123456', recoveryCode: recoveryCodes[5] });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues[0].field).toBe('recoveryCode');
  });

  it('keeps multi-factor on when an administrator changes the account', async () => {
    const admin = new Browser(server.base);
    await admin.signIn('admin', PASSWORDS.admin);
    expect((await admin.call('PATCH', '/api/users/jane', { name: 'Jane Renamed' })).status).toBe(200);
    expect((await new Browser(server.base).signIn('jane', PASSWORDS.editor)).body).toEqual(refused('mfa_required'));
  });

  it('lasts across a restart: the secret and the spent steps are in the store', async () => {
    server = await server.restart();
    const reply = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, code: await codeAt(secret, 0) });
    expect(reply.body).toEqual(refused('mfa_code_invalid'));
    expect((await new Browser(server.base).signIn('jane', PASSWORDS.editor)).body).toEqual(refused('mfa_required'));
  });

  async function enrolFresh(username: string) {
    await server.auth.accounts.create({ username, role: 'viewer', password: PASSWORDS.viewer });
    return enrol(server, username, PASSWORDS.viewer);
  }
});

describe('failed second factors count toward the sign-in limits', () => {
  let server: AuthServer;
  let secret: string;

  beforeAll(async () => {
    server = await startAuthServer({ settings: { loginMaxFailures: 3 } });
    await server.auth.accounts.create({ username: 'jane', role: 'editor', password: PASSWORDS.editor });
    ({ secret } = await enrol(server, 'jane', PASSWORDS.editor));
  });
  afterAll(() => server?.close());

  it('answers 429 after three missing or wrong codes, even to the right one', async () => {
    const attempt = async (code?: string) => new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, ...(code ? { code } : {}) });
    expect((await attempt()).status).toBe(401);
    expect((await attempt(await wrongCode(secret))).status).toBe(401);
    expect((await attempt(await wrongCode(secret))).status).toBe(401);
    const blocked = await attempt(await codeAt(secret, 1));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toBe(TOO_MANY_SIGN_INS);
  });
});

describe('turning multi-factor off', () => {
  let server: AuthServer;
  let admin: Browser;

  beforeAll(async () => {
    server = await startAuthServer();
    await server.auth.accounts.create({ username: 'admin', role: 'administrator', password: PASSWORDS.admin });
    for (const u of ['jane', 'mia', 'kim', 'lee']) await server.auth.accounts.create({ username: u, role: 'editor', password: PASSWORDS.editor });
    admin = new Browser(server.base);
    await admin.signIn('admin', PASSWORDS.admin);
  });
  afterAll(() => server?.close());

  const signsInWithPasswordAlone = async (username: string) => (await new Browser(server.base).signIn(username, PASSWORDS.editor)).status === 200;

  it('needs the password or a code: a wrong password is 401 and changes nothing; no proof at all is 400', async () => {
    const { browser } = await enrol(server, 'jane', PASSWORDS.editor);
    const wrong = await browser.call('POST', '/api/auth/mfa/disable', { password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('mfa_proof_invalid');
    const none = await browser.call('POST', '/api/auth/mfa/disable', {});
    expect(none.status).toBe(400);
    expect(none.body.error.issues[0].field).toBe('password');
    expect(await signsInWithPasswordAlone('jane')).toBe(false);
  });

  it('turns off with the password', async () => {
    const { browser } = await enrol(server, 'mia', PASSWORDS.editor);
    const off = await browser.call('POST', '/api/auth/mfa/disable', { password: PASSWORDS.editor });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    expect(await signsInWithPasswordAlone('mia')).toBe(true);
  });

  it('turns off with a current code, and refuses a code already used', async () => {
    const { browser, secret } = await enrol(server, 'kim', PASSWORDS.editor);
    // The code that confirmed the app is spent.
    expect((await browser.call('POST', '/api/auth/mfa/disable', { code: await codeAt(secret, 0) })).status).toBe(401);
    expect((await browser.call('POST', '/api/auth/mfa/disable', { code: await codeAt(secret, 1) })).status).toBe(200);
    expect(await signsInWithPasswordAlone('kim')).toBe(true);
  });

  it('is cleared by an administrator (DELETE /api/users/:username/mfa), and by nobody else', async () => {
    const { browser } = await enrol(server, 'lee', PASSWORDS.editor);
    expect((await browser.call('DELETE', '/api/users/lee/mfa')).status).toBe(403);
    expect((await admin.call('DELETE', '/api/users/nobody-here/mfa')).status).toBe(404);
    expect((await admin.call('DELETE', '/api/users/LEE/mfa')).status).toBe(204);
    expect(await signsInWithPasswordAlone('lee')).toBe(true);
  });
});
