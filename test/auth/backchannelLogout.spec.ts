import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKCHANNEL_LOGOUT_EVENT } from '../../server/auth/oidc/backchannelLogout.js';
import type { NodeValue } from '../../server/store/port.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { closeServer, FetchBrowser, listenProvider, providerEntry, serveWithProviders, type TestProvider } from './oidcProvider.js';

/**
 * OpenID Connect Back-Channel Logout 1.0, end to end: a real provider (oidc-provider) with
 * its backchannelLogout feature on and this server's URL registered as the client's
 * backchannel_logout_uri. Signing out at the provider ends the Golden Thread session of
 * that provider session and no other. Tokens the provider did not sign, or signed for
 * another audience, without the logout event, with a nonce, too old, or naming nobody,
 * are refused with 400 and end nothing; the provider's signing key is the test's, so
 * those tokens differ from a good one in the one claim said.
 */

const CLIENT_ID = 'golden-thread';
const SECRET = 'council secret';

let idp: TestProvider;
let app: Server;
let base: string;
let store: LadybugStore;
let dir: string;
let providerKey: CryptoKey;
let strangerKey: CryptoKey;
const KID = 'test-provider-key';

beforeAll(async () => {
  idp = await listenProvider();
  dir = mkdtempSync(join(tmpdir(), 'gt-backchannel-'));
  store = new LadybugStore({ dataDir: dir, bufferPoolMb: 192 });
  await store.open();
  app = createServer();
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const a = app.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;

  const keys = await generateKeyPair('RS256', { extractable: true });
  providerKey = keys.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const signingKey: JWK = { ...(await exportJWK(keys.privateKey)), kid: KID, alg: 'RS256', use: 'sig' };
  idp.configure({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    redirectUris: [`${base}/api/auth/oidc/council/callback`],
    backchannelLogoutUri: `${base}/api/auth/oidc/council/backchannel-logout`,
    signingKeys: [signingKey],
  });
  serveWithProviders(app, store, [
    providerEntry({ id: 'council', name: 'Council', issuer: idp.issuer, clientId: CLIENT_ID, clientSecret: SECRET, organisationId: 'org:city-of-edinburgh-council', role: 'viewer' }),
  ]);
}, 120_000);

afterAll(async () => {
  await closeServer(app);
  await store?.close();
  await idp?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Signs `login` in through the provider in a browser of its own. */
async function signIn(login: string): Promise<FetchBrowser> {
  const browser = new FetchBrowser();
  const start = await browser.request(`${base}/api/auth/oidc/council/start`);
  const end = await browser.follow(start.headers.get('location')!, (u) => u.origin === base, login);
  const callback = await browser.request(end.url);
  expect(callback.status, await callback.clone().text()).toBe(303);
  expect(await signedIn(browser)).toBe(true);
  return browser;
}

const signedIn = async (browser: FetchBrowser) => ((await (await browser.request(`${base}/api/auth/session`)).json()) as { signedIn: boolean }).signedIn;

async function storedSessions() {
  return (await store.read('system/all-session')).map((r) => (r.n as NodeValue).properties as Record<string, unknown>);
}

const postLogout = (body: Record<string, string>, provider = 'council') =>
  fetch(`${base}/api/auth/oidc/${provider}/backchannel-logout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });

/** A logout token as the provider signs one, with `changes` to its claims (undefined removes a claim). */
async function logoutToken(changes: Record<string, unknown>, key = providerKey, kid = KID): Promise<string> {
  const claims: Record<string, unknown> = { iss: idp.issuer, aud: CLIENT_ID, iat: Math.floor(Date.now() / 1000), jti: crypto.randomUUID(), events: { [BACKCHANNEL_LOGOUT_EVENT]: {} }, ...changes };
  for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'logout+jwt' }).sign(key);
}

describe('signing out at the provider', () => {
  let alice: FetchBrowser;
  let bob: FetchBrowser;

  beforeAll(async () => {
    alice = await signIn('alice');
    bob = await signIn('bob');
  }, 60_000);

  it('keeps the provider and its session id with each session begun through it', async () => {
    const sessions = await storedSessions();
    expect(sessions).toHaveLength(2);
    for (const s of sessions) {
      expect(s.oidcProviderId).toBe('council');
      expect(s.oidcSid).toEqual(expect.any(String));
    }
    expect(new Set(sessions.map((s) => s.oidcSid)).size).toBe(2);
  });

  it("ends that provider session's Golden Thread session, and no one else's", async () => {
    await alice.signOutAt(idp.issuer);
    expect(await signedIn(alice)).toBe(false);
    expect(await signedIn(bob)).toBe(true);
    expect(await storedSessions()).toHaveLength(1);
  });

  describe.each([
    ['signed by a key the provider does not publish', () => logoutToken({ sid: 'x' }, strangerKey, 'another-key'), /no applicable key found/],
    ["signed by another key under the kid of the provider's", () => logoutToken({ sid: 'x' }, strangerKey), /signature verification failed/],
    [
      'unsigned (alg none)',
      async () => `${b64({ alg: 'none', typ: 'logout+jwt' })}.${b64({ iss: idp.issuer, aud: CLIENT_ID, iat: now(), jti: 'j', events: { [BACKCHANNEL_LOGOUT_EVENT]: {} }, sub: 'bob' })}.`,
      /"alg"/,
    ],
    ['for another audience', () => logoutToken({ sub: 'bob', aud: 'another-client' }), /"aud"/],
    ['from another issuer', () => logoutToken({ sub: 'bob', iss: 'https://elsewhere.example' }), /"iss"/],
    ['without the events claim', () => logoutToken({ sub: 'bob', events: undefined }), /events claim/],
    ['with another event', () => logoutToken({ sub: 'bob', events: { 'http://schemas.openid.net/event/something-else': {} } }), /events claim/],
    ['with a nonce', () => logoutToken({ sub: 'bob', nonce: 'n' }), /nonce/],
    ['issued an hour ago', () => logoutToken({ sub: 'bob', iat: now() - 3600 }), /"iat"/],
    ['without iat', () => logoutToken({ sub: 'bob', iat: undefined }), /"iat"/],
    ['without jti', () => logoutToken({ sub: 'bob', jti: undefined }), /"jti"/],
    ['naming neither sid nor sub', () => logoutToken({}), /neither a session \(sid\) nor a person \(sub\)/],
  ] as const)('a logout token %s', (_what, make, reason) => {
    it('is refused with 400 and ends nothing', async () => {
      const before = await storedSessions();
      const res = await postLogout({ logout_token: await make() });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { status: number; code: string; message: string } };
      expect(body.error.code).toBe('logout_token_invalid');
      expect(body.error.message).toMatch(reason);
      expect(await storedSessions()).toEqual(before);
      expect(await signedIn(bob)).toBe(true);
    });
  });

  it('refuses a request without logout_token (400 naming it), and one for an unknown provider (404)', async () => {
    const missing = await postLogout({});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { issues: { field: string }[] } }).error.issues[0]!.field).toBe('logout_token');
    expect((await postLogout({ logout_token: await logoutToken({ sub: 'bob' }) }, 'nowhere')).status).toBe(404);
    expect(await signedIn(bob)).toBe(true);
  });

  it('ends every session of the person a good token names by sub alone (the control for the refusals above)', async () => {
    const bobAgain = await signIn('bob');
    const res = await postLogout({ logout_token: await logoutToken({ sub: 'bob' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await signedIn(bob)).toBe(false);
    expect(await signedIn(bobAgain)).toBe(false);
    expect(await storedSessions()).toEqual([]);
  });
});

const now = () => Math.floor(Date.now() / 1000);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
