import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemQueryName } from '../../model/system.js';
import { loadConfig } from '../../server/config.js';
import type { Auth } from '../../server/auth/auth.js';
import type { OidcProvider } from '../../server/auth/oidc/providers.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import type { NodeValue } from '../../server/store/port.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { closeServer, FetchBrowser, listenProvider, providerEntry, serveWithProviders, type TestProvider } from './oidcProvider.js';

/**
 * Sign-in through organisations' OpenID providers, end to end over real HTTP: two real
 * providers (oidc-provider) in this process, each mapped to an organisation of the
 * Lothian and Borders plan, a third one disabled, and a fourth whose discovery document
 * names another issuer. The browser is fetch with manual redirects and a cookie jar.
 */

const COUNCIL = 'org:city-of-edinburgh-council';
const NHS = 'org:nhs-lothian';
/** The Lothian and Borders plan and the files that define the programmes it uses. */
const LOTHIAN_SEED = [
  'seed/frameworks.yaml',
  'seed/lanarkshire-cja-chief-officer-update-2007.yaml',
  'seed/glasgow-cjsw-strategic-plan-2013-15.yaml',
  'seed/lothian-borders-cja-area-plan-2011-14.yaml',
];
const LOCAL_PASSWORD = 'local alice password';

let idpA: TestProvider;
let idpB: TestProvider;
let impostor: Server;
let impostorIssuer: string;
let app: Server;
let base: string;
let store: LadybugStore;
let auth: Auth;
let dir: string;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
};

beforeAll(async () => {
  idpA = await listenProvider();
  idpB = await listenProvider();
  // Serves the council provider's discovery document, which names the council's issuer, not this address.
  impostor = createServer(async (req, res) => {
    const upstream = await fetch(`${idpA.issuer}${req.url}`);
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(await upstream.text());
  });
  impostorIssuer = await listen(impostor);

  dir = mkdtempSync(join(tmpdir(), 'gt-oidc-'));
  store = new LadybugStore({ dataDir: dir, bufferPoolMb: 192 });
  await store.open();
  const failed = (await loadSeed(store, LOTHIAN_SEED)).filter((r) => !r.loaded);
  expect(failed.map((r) => r.problems)).toEqual([]);

  app = createServer();
  base = await listen(app);
  const callbacks = ['city-council', 'nhs-lothian'].map((id) => `${base}/api/auth/oidc/${id}/callback`);
  idpA.configure({ clientId: 'golden-thread', clientSecret: 'council secret', redirectUris: callbacks });
  idpB.configure({ clientId: 'golden-thread', clientSecret: 'nhs secret', redirectUris: callbacks });
  const providers: OidcProvider[] = [
    provider({ id: 'city-council', name: 'City of Edinburgh Council', issuer: idpA.issuer, clientSecret: 'council secret', organisationId: COUNCIL }),
    provider({ id: 'nhs-lothian', name: 'NHS Lothian', issuer: idpB.issuer, clientSecret: 'nhs secret', organisationId: NHS, tokenAuthMethod: 'client_secret_post' }),
    provider({ id: 'police', name: 'Lothian and Borders Police', issuer: idpB.issuer, clientSecret: 'nhs secret', organisationId: 'org:lothian-and-borders-police', enabled: false }),
    provider({ id: 'impostor', name: 'Impostor', issuer: impostorIssuer, clientSecret: 'council secret', organisationId: COUNCIL, role: 'viewer' }),
  ];
  auth = serveWithProviders(app, store, providers);
  await auth.accounts.create({ username: 'alice', role: 'viewer', password: LOCAL_PASSWORD, name: 'Local Alice' });
}, 120_000);

afterAll(async () => {
  await closeServer(app);
  await store?.close();
  await idpA?.close();
  await idpB?.close();
  await closeServer(impostor);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const provider = providerEntry;

const atApp = (u: URL) => u.origin === base;

async function sessionOf(browser: FetchBrowser) {
  return await (await browser.request(`${base}/api/auth/session`)).json();
}

/** Starts at `providerId`, passes the provider's pages as `login`, and stops before the app's callback: its URL. */
async function toCallback(browser: FetchBrowser, providerId: string, login: string, tamper: (authorizationUrl: URL) => void = () => {}): Promise<URL> {
  const start = await browser.request(`${base}/api/auth/oidc/${providerId}/start`);
  expect(start.status).toBe(303);
  const authorization = new URL(start.headers.get('location')!);
  tamper(authorization);
  const end = await browser.follow(authorization.href, atApp, login);
  return new URL(end.url);
}

async function signIn(providerId: string, login: string) {
  const browser = new FetchBrowser();
  const callback = await browser.request((await toCallback(browser, providerId, login)).href);
  expect(callback.status, await callback.clone().text()).toBe(303);
  expect(callback.headers.get('location')).toBe('/');
  return { browser, session: await sessionOf(browser) };
}

async function identities() {
  return (await store.read(systemQueryName('all', 'OidcIdentity'))).map((r) => (r.n as NodeValue).properties as Record<string, string>);
}

describe('the providers list', () => {
  it('names every enabled provider, and not the disabled one', async () => {
    const res = await fetch(`${base}/api/auth/oidc/providers`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      providers: [
        { id: 'city-council', name: 'City of Edinburgh Council' },
        { id: 'nhs-lothian', name: 'NHS Lothian' },
        { id: 'impostor', name: 'Impostor' },
      ],
    });
  });
});

describe('signing in through a provider', () => {
  it('sends the browser to the provider with PKCE S256, a state and a nonce, and a cookie bound to this sign-in', async () => {
    const browser = new FetchBrowser();
    const start = await browser.request(`${base}/api/auth/oidc/city-council/start`);
    expect(start.status).toBe(303);
    const to = new URL(start.headers.get('location')!);
    expect(to.origin).toBe(idpA.issuer);
    expect(to.searchParams.get('client_id')).toBe('golden-thread');
    expect(to.searchParams.get('response_type')).toBe('code');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(to.searchParams.get('redirect_uri')).toBe(`${base}/api/auth/oidc/city-council/callback`);
    const setCookie = start.headers.getSetCookie().find((c) => c.startsWith('gt_oidc='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it("gives a session with the council's organisation to a person the council provider signs in", async () => {
    const { browser, session } = await signIn('city-council', 'alice');
    expect(session.signedIn).toBe(true);
    expect(session.user).toMatchObject({ role: 'partner-editor', organisationId: COUNCIL, name: `alice at ${idpA.issuer}` });
    expect(session.user.username).toMatch(/^oidc:city-council:[0-9a-f]{24}$/);
    expect(session.user.capabilities).toContain('editOwnOrganisation');
    expect(session.csrfToken).toMatch(/\S/);
    // The session cookie is the one local sign-in sets, and the pending sign-in's cookie is gone.
    expect(browser.cookie(base, 'gt_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browser.cookie(base, 'gt_oidc')).toBeUndefined();
  });

  it("gives the NHS board's person of the same name another account, with the NHS board's organisation", async () => {
    const council = (await signIn('city-council', 'alice')).session.user;
    const nhs = (await signIn('nhs-lothian', 'alice')).session.user;
    expect(nhs).toMatchObject({ role: 'partner-editor', organisationId: NHS, name: `alice at ${idpB.issuer}` });
    expect(nhs.username).toMatch(/^oidc:nhs-lothian:/);
    expect(nhs.username).not.toBe(council.username);
  });

  it('signs the same person in to the same account every time, stored by issuer and subject', async () => {
    const first = (await signIn('city-council', 'bob')).session.user.username;
    const second = (await signIn('city-council', 'bob')).session.user.username;
    expect(second).toBe(first);
    const bobs = (await identities()).filter((i) => i.subject === 'bob');
    expect(bobs).toHaveLength(1);
    expect(bobs[0]).toMatchObject({ issuer: idpA.issuer, subject: 'bob', providerId: 'city-council', username: first });
  });

  it('leaves the local account of the same name alone: its role, organisation and password sign-in are unchanged', async () => {
    await signIn('city-council', 'alice');
    await signIn('nhs-lothian', 'alice');
    const local = await auth.accounts.find('alice');
    expect(local).toMatchObject({ username: 'alice', name: 'Local Alice', role: 'viewer', organisationId: null });
    const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'alice', password: LOCAL_PASSWORD }) });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ username: 'alice', role: 'viewer', organisationId: null });
    // A provider's username cannot be used to sign in locally at all.
    const providerUser = (await identities()).find((i) => i.subject === 'alice')!.username;
    const tried = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: providerUser, password: '!oidc' }) });
    expect(tried.status).toBe(401);
  });
});

describe("an administrator managing a provider's account", () => {
  it('changes its role through PATCH /api/users/{username}; the next sign-in keeps it', async () => {
    const { session } = await signIn('city-council', 'henry');
    await auth.accounts.create({ username: 'root', role: 'administrator', password: 'administrator password' });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: 'administrator password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const patched = await fetch(`${base}/api/users/${encodeURIComponent(session.user.username)}`, {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor' }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ username: session.user.username, role: 'editor', organisationId: null });
    expect((await signIn('city-council', 'henry')).session.user).toMatchObject({ username: session.user.username, role: 'editor' });
  });
});

describe('refused callbacks sign nobody in', () => {
  async function expectNoSession(browser: FetchBrowser, res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(browser.cookie(base, 'gt_session')).toBeUndefined();
    expect((await sessionOf(browser)).signedIn).toBe(false);
  }

  it('refuses a state that is not the one sent (400), and the sign-in cannot then be finished with the right one', async () => {
    const browser = new FetchBrowser();
    const callback = await toCallback(browser, 'city-council', 'carol');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-value-000000000');
    await expectNoSession(browser, await browser.request(forged.href), 400, 'oidc_state_invalid');
    await expectNoSession(browser, await browser.request(callback.href), 400, 'oidc_state_invalid');
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF): 400', async () => {
    const callback = await toCallback(new FetchBrowser(), 'city-council', 'mallory');
    const victim = new FetchBrowser();
    await expectNoSession(victim, await victim.request(callback.href), 400, 'oidc_state_invalid');
  });

  it('refuses a callback replayed after it signed someone in', async () => {
    const browser = new FetchBrowser();
    const callback = await toCallback(browser, 'city-council', 'dave');
    expect((await browser.request(callback.href)).status).toBe(303);
    const other = new FetchBrowser();
    other.jar.set(base, new Map(browser.jar.get(base)));
    other.jar.get(base)!.delete('gt_session');
    const replay = await other.request(callback.href);
    expect(replay.status).toBe(400);
  });

  it("refuses a code from another provider (the council's answer at the NHS board's callback): wrong issuer, 401", async () => {
    const browser = new FetchBrowser();
    const callback = await toCallback(browser, 'nhs-lothian', 'eve', (u) => {
      u.host = new URL(idpA.issuer).host;
    });
    expect(callback.pathname).toBe('/api/auth/oidc/nhs-lothian/callback');
    expect(callback.searchParams.get('iss')).toBe(idpA.issuer);
    await expectNoSession(browser, await browser.request(callback.href), 401, 'oidc_sign_in_failed');
  });

  it('refuses an ID token whose nonce is not the one sent: 401', async () => {
    const browser = new FetchBrowser();
    const callback = await toCallback(browser, 'city-council', 'frank', (u) => u.searchParams.set('nonce', 'a-nonce-this-server-never-sent'));
    expect(callback.searchParams.get('code')).toBeTruthy();
    const res = await browser.request(callback.href);
    expect(res.status).toBe(401);
    expect((await res.clone().json()).error.message).toMatch(/\(nonce\)/);
    await expectNoSession(browser, res, 401, 'oidc_sign_in_failed');
  });

  it('refuses a provider whose discovery document names another issuer, before the browser leaves', async () => {
    const browser = new FetchBrowser();
    const res = await browser.request(`${base}/api/auth/oidc/impostor/start`);
    expect(res.status).toBe(502);
    expect(res.headers.get('location')).toBeNull();
    expect(browser.cookie(base, 'gt_oidc')).toBeUndefined();
  });

  it('refuses a provider that says the person did not sign in (error=access_denied): 401', async () => {
    const browser = new FetchBrowser();
    const callback = await toCallback(browser, 'city-council', 'grace');
    const denied = new URL(callback.pathname, base);
    denied.searchParams.set('error', 'access_denied');
    denied.searchParams.set('state', callback.searchParams.get('state')!);
    await expectNoSession(browser, await browser.request(denied.href), 401, 'oidc_sign_in_failed');
  });

  it('refuses a disabled provider at the start and at the callback: 404', async () => {
    const browser = new FetchBrowser();
    await expectNoSession(browser, await browser.request(`${base}/api/auth/oidc/police/start`), 404, 'not_found');
    await expectNoSession(browser, await browser.request(`${base}/api/auth/oidc/police/callback?code=x&state=y`), 404, 'not_found');
  });

  it('names the field of a malformed provider id or callback: 400', async () => {
    const browser = new FetchBrowser();
    const bad = await browser.request(`${base}/api/auth/oidc/NOT_AN_ID/start`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].field).toBe('id');
    const long = await browser.request(`${base}/api/auth/oidc/city-council/callback?state=${'x'.repeat(600)}`);
    expect(long.status).toBe(400);
    expect((await long.json()).error.issues[0].field).toBe('state');
  });

  it('wrote no identity for anyone refused', async () => {
    const subjects = new Set((await identities()).map((i) => i.subject));
    for (const refused of ['carol', 'mallory', 'eve', 'frank', 'grace']) expect(subjects.has(refused)).toBe(false);
  });
});

describe('GT_OIDC_PROVIDERS', () => {
  const one = { id: 'city-council', name: 'City of Edinburgh Council', issuer: 'https://login.edinburgh.example', clientId: 'gt', clientSecret: 'very secret value', organisationId: COUNCIL };

  it('reads the providers with their defaults: a partner editor of the organisation, enabled, the openid scope', () => {
    expect(loadConfig({ GT_OIDC_PROVIDERS: JSON.stringify([one]) }).oidc).toEqual({
      providers: [{ ...one, role: 'partner-editor', enabled: true, tokenAuthMethod: 'client_secret_basic', scopes: ['openid', 'profile', 'email'] }],
    });
  });

  it.each([
    ['an http issuer off this machine', [{ ...one, issuer: 'http://login.edinburgh.example' }], /at 0\.issuer: must be https/],
    ['two providers with one id', [one, one], /at 1\.id: is used twice/],
    ['a provider without a client secret', [{ ...one, clientSecret: undefined }], /at 0\.clientSecret/],
    ['a role that is not one', [{ ...one, role: 'king' }], /at 0\.role/],
  ])('refuses %s, naming the setting and never echoing it', (_what, value, message) => {
    expect(() => loadConfig({ GT_OIDC_PROVIDERS: JSON.stringify(value) })).toThrow(message);
    expect(() => loadConfig({ GT_OIDC_PROVIDERS: JSON.stringify(value) })).toThrow(/^setting GT_OIDC_PROVIDERS=\(hidden\) /);
  });
});
