import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sessionIdOf } from '../../server/auth/tokens.js';
import { TOO_MANY_SIGN_INS } from '../../server/auth/loginLimits.js';
import { Browser, PASSWORDS, startAuthServer, type AuthServer } from './authServer.js';

/**
 * Sign-in, sessions and CSRF over real HTTP against a real embedded store: what a
 * browser sees, cookie by cookie.
 */

const WRONG = { error: { status: 401, code: 'sign_in_failed', message: 'wrong username or password' } };

describe('signing in, the session and signing out', () => {
  let server: AuthServer;

  beforeAll(async () => {
    server = await startAuthServer();
    await server.auth.accounts.create({ username: 'jane', name: 'Jane Doe', role: 'editor', password: PASSWORDS.editor });
  });
  afterAll(() => server?.close());

  it('starts anonymous: no user, no CSRF token', async () => {
    const b = new Browser(server.base);
    const session = await b.call('GET', '/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ signedIn: false, anonymousRead: true, user: null, csrfToken: null });
    expect(session.headers.get('cache-control')).toBe('no-store');
  });

  it('signs in, answers the user with role, capabilities and CSRF token, and the cookie carries the session', async () => {
    const b = new Browser(server.base);
    const login = await b.signIn('Jane', PASSWORDS.editor);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      signedIn: true,
      user: { id: 'jane', username: 'jane', name: 'Jane Doe', role: 'editor', organisationId: null, capabilities: ['read', 'runConsole', 'saveAnalysis', 'edit', 'approve'] },
    });
    expect(login.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.cookie).toMatch(/^gt_session=[A-Za-z0-9_-]{43}$/);
    const session = await b.call('GET', '/api/auth/session');
    expect(session.body).toEqual(login.body);
  });

  it('keeps the session in the store under the hash of the token, and neither the token nor the CSRF token', async () => {
    const b = new Browser(server.base);
    await b.signIn('jane', PASSWORDS.editor);
    const token = b.cookie!.split('=')[1]!;
    const rows = await server.store.read('system/all-session');
    const ids = rows.map((r: any) => r.n.properties.id as string);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(b.csrfToken);
    expect(ids).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('sets the cookie HTTP-only, SameSite=Lax, for the whole site, for the session lifetime, not Secure over plain http', async () => {
    const res = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'jane', password: PASSWORDS.editor }),
    });
    const [cookie] = res.headers.getSetCookie();
    const attributes = cookie!
      .split('; ')
      .slice(1)
      .map((a) => a.split('=')[0]!.toLowerCase());
    expect(attributes.sort()).toEqual(['expires', 'httponly', 'max-age', 'path', 'samesite']);
    expect(cookie).toContain('; HttpOnly');
    expect(cookie).toContain('; SameSite=Lax');
    expect(cookie).toContain('; Path=/');
    expect(cookie).toContain(`; Max-Age=${12 * 3600}`);
  });

  it('marks the cookie Secure when GT_COOKIE_SECURE=always (behind a TLS proxy)', async () => {
    const tls = await startAuthServer({ settings: { cookieSecure: 'always' } });
    try {
      await tls.auth.accounts.create({ username: 'jane', role: 'editor', password: PASSWORDS.editor });
      const login = await new Browser(tls.base).signIn('jane', PASSWORDS.editor);
      expect(login.headers.getSetCookie()[0]).toMatch(/; Secure(;|$)/);
    } finally {
      await tls.close();
    }
  });

  it('starts a new session at every sign-in and ends the one the browser had (no fixation)', async () => {
    const b = new Browser(server.base);
    await b.signIn('jane', PASSWORDS.editor);
    const first = b.cookie!;
    const second = await b.signIn('jane', PASSWORDS.editor);
    expect(second.status).toBe(200);
    expect(b.cookie).not.toBe(first);
    const stale = new Browser(server.base);
    stale.cookie = first;
    expect((await stale.call('GET', '/api/auth/session')).body.signedIn).toBe(false);
  });

  it('signs out: the session is deleted, the cookie cleared, and the old cookie is worthless', async () => {
    const b = new Browser(server.base);
    await b.signIn('jane', PASSWORDS.editor);
    const cookie = b.cookie!;
    const before = (await server.store.read('system/all-session')).length;
    const out = await b.call('POST', '/api/auth/logout');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedIn: false, anonymousRead: true, user: null, csrfToken: null });
    expect(out.headers.getSetCookie()[0]).toMatch(/^gt_session=; .*Expires=Thu, 01 Jan 1970/);
    expect(b.cookie).toBeUndefined();
    expect((await server.store.read('system/all-session')).length).toBe(before - 1);
    const replay = new Browser(server.base);
    replay.cookie = cookie;
    expect((await replay.call('GET', '/api/auth/session')).body.signedIn).toBe(false);
  });

  it('treats a malformed or unknown cookie as anonymous', async () => {
    for (const cookie of ['gt_session=nonsense', `gt_session=${'A'.repeat(43)}`, 'gt_session=%E0%A4%A']) {
      const b = new Browser(server.base);
      b.cookie = cookie;
      const reply = await b.call('GET', '/api/auth/session');
      expect(reply.status).toBe(200);
      expect(reply.body.signedIn).toBe(false);
    }
  });

  it('answers a wrong password, an unknown username and a malformed one identically', async () => {
    const b = new Browser(server.base);
    const wrongPassword = await b.call('POST', '/api/auth/login', { username: 'jane', password: 'not her password at all' });
    const unknownUser = await b.call('POST', '/api/auth/login', { username: 'nobody', password: 'not her password at all' });
    const malformed = await b.call('POST', '/api/auth/login', { username: 'No Such Name!', password: 'x' });
    for (const reply of [wrongPassword, unknownUser, malformed]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual(WRONG);
      expect(reply.headers.getSetCookie()).toEqual([]);
    }
  });

  it('refuses a sign-in that is not JSON (a cross-site form cannot sign a browser in) and a body with unknown fields', async () => {
    const form = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=jane&password=${encodeURIComponent(PASSWORDS.editor)}`,
    });
    expect(form.status).toBe(415);
    expect((await form.json()).error.code).toBe('unsupported_media_type');
    const extra = await new Browser(server.base).call('POST', '/api/auth/login', { username: 'jane', password: PASSWORDS.editor, role: 'administrator' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.issues).toEqual([{ field: 'role', reason: 'unknown body parameter(s): role' }]);
  });
});

describe('CSRF: a signed-in browser changes nothing without its session token', () => {
  let server: AuthServer;
  let admin: Browser;

  beforeAll(async () => {
    server = await startAuthServer();
    await server.auth.accounts.create({ username: 'admin', role: 'administrator', password: PASSWORDS.admin });
    admin = new Browser(server.base);
    await admin.signIn('admin', PASSWORDS.admin);
  });
  afterAll(() => server?.close());

  const csrfRefused = {
    error: { status: 403, code: 'csrf_token_invalid', message: 'missing or wrong x-csrf-token header: send the csrfToken from GET /api/auth/session with every change' },
  };
  const newUser = { username: 'forged', role: 'administrator', password: 'forged password 1234' };

  it.each([
    ['missing', undefined],
    ['wrong', 'A'.repeat(43)],
    ['empty', ''],
    ['of another session', 'other'],
  ])('refuses a token that is %s, and writes nothing', async (_what, token) => {
    let header = token;
    if (token === 'other') {
      const other = new Browser(server.base);
      header = (await other.signIn('admin', PASSWORDS.admin)).body.csrfToken;
    }
    for (const [method, path, body] of [
      ['POST', '/api/users', newUser],
      ['PATCH', '/api/users/admin', { name: 'Forged' }],
      ['DELETE', '/api/users/admin', undefined],
      ['POST', '/api/auth/logout', undefined],
    ] as const) {
      const forged = new Browser(server.base);
      forged.cookie = admin.cookie;
      const reply = await forged.call(method, path, body, header === undefined ? {} : { 'x-csrf-token': header });
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body).toEqual(csrfRefused);
    }
    expect((await admin.call('GET', '/api/users')).body.users.map((u: { username: string }) => u.username)).toEqual(['admin']);
    expect((await admin.call('GET', '/api/auth/session')).body.signedIn).toBe(true);
  });

  it('lets the same requests through with the right token', async () => {
    const created = await admin.call('POST', '/api/users', { ...newUser, username: 'legit' });
    expect(created.status).toBe(201);
    expect((await admin.call('DELETE', '/api/users/legit')).status).toBe(204);
  });

  it('does not ask for a token on reads', async () => {
    const b = new Browser(server.base);
    b.cookie = admin.cookie;
    expect((await b.call('GET', '/api/users')).status).toBe(200);
  });
});

describe('rate limits on signing in', () => {
  let server: AuthServer;

  beforeAll(async () => {
    server = await startAuthServer({ settings: { loginMaxFailures: 3, loginMaxFailuresPerIp: 8 } });
    await server.auth.accounts.create({ username: 'jane', role: 'editor', password: PASSWORDS.editor });
    await server.auth.accounts.create({ username: 'kim', role: 'viewer', password: PASSWORDS.viewer });
  });
  afterAll(() => server?.close());

  const tooMany = { error: { status: 429, code: 'rate_limited', message: TOO_MANY_SIGN_INS } };

  it('does not count successful sign-ins', async () => {
    for (let i = 0; i < 5; i++) expect((await new Browser(server.base).signIn('kim', PASSWORDS.viewer)).status).toBe(200);
  });

  it('answers 429 after the allowed failures for one username, even to the right password, naming the wait', async () => {
    const b = new Browser(server.base);
    for (let i = 0; i < 3; i++) expect((await b.call('POST', '/api/auth/login', { username: 'jane', password: `guess number ${i}` })).status).toBe(401);
    const blocked = await b.call('POST', '/api/auth/login', { username: 'JANE', password: PASSWORDS.editor });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual(tooMany);
    expect(TOO_MANY_SIGN_INS).toBe('too many failed sign-in attempts; wait 15 minutes and try again');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked by jane's failures.
    expect((await b.signIn('kim', PASSWORDS.viewer)).status).toBe(200);
  });

  it('answers 429 to an address that fails across many usernames', async () => {
    const spray = await startAuthServer({ settings: { loginMaxFailures: 100, loginMaxFailuresPerIp: 4 } });
    try {
      await spray.auth.accounts.create({ username: 'kim', role: 'viewer', password: PASSWORDS.viewer });
      for (let i = 0; i < 4; i++) {
        expect((await new Browser(spray.base).call('POST', '/api/auth/login', { username: `spray${i}`, password: 'password123456' })).status).toBe(401);
      }
      const blocked = await new Browser(spray.base).call('POST', '/api/auth/login', { username: 'kim', password: PASSWORDS.viewer });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual(tooMany);
    } finally {
      await spray.close();
    }
  });
});

describe('sessions survive a restart on the same data folder', () => {
  it('keeps the signed-in browser signed in, with the same CSRF token, and sign-out still works after', async () => {
    let server = await startAuthServer();
    try {
      await server.auth.accounts.create({ username: 'jane', role: 'editor', password: PASSWORDS.editor });
      const b = new Browser(server.base);
      const login = await b.signIn('jane', PASSWORDS.editor);
      server = await server.restart();
      b.base = server.base;
      const after = await b.call('GET', '/api/auth/session');
      expect(after.body.signedIn).toBe(true);
      expect(after.body.user.username).toBe('jane');
      expect(after.body.csrfToken).toBe(login.body.csrfToken);
      expect((await b.call('POST', '/api/auth/logout')).status).toBe(200);
      server = await server.restart();
      const gone = new Browser(server.base);
      gone.cookie = `gt_session=${login.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]}`;
      expect((await gone.call('GET', '/api/auth/session')).body.signedIn).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('forgets a session once it has expired, and deletes it from the store', async () => {
    const server = await startAuthServer({ settings: { sessionTtlMs: 1500 } });
    try {
      await server.auth.accounts.create({ username: 'jane', role: 'editor', password: PASSWORDS.editor });
      const b = new Browser(server.base);
      const left = new Browser(server.base);
      await b.signIn('jane', PASSWORDS.editor);
      await left.signIn('jane', PASSWORDS.editor);
      expect((await b.call('GET', '/api/auth/session')).body.signedIn).toBe(true);
      await new Promise((r) => setTimeout(r, 1600));
      // Seen after expiry: refused and deleted at once.
      expect((await b.call('GET', '/api/auth/session')).body.signedIn).toBe(false);
      expect(await server.store.read('system/all-session')).toHaveLength(1);
      // Never seen again (a closed laptop): swept out by the next sign-in.
      const next = new Browser(server.base);
      await next.signIn('jane', PASSWORDS.editor);
      const remaining = (await server.store.read('system/all-session')).map((r: any) => r.n.properties.id);
      expect(remaining).toHaveLength(1);
      expect(remaining).toEqual([sessionIdOf(next.cookie!.split('=')[1]!)]);
      expect((await left.call('GET', '/api/auth/session')).body.signedIn).toBe(false);
    } finally {
      await server.close();
    }
  });
});
