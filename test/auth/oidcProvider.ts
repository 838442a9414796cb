import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import Provider from 'oidc-provider';
import { createApp } from '../../server/app.js';
import { createAuth, type Auth } from '../../server/auth/auth.js';
import { organisationExists } from '../../server/auth/organisations.js';
import type { OidcProvider } from '../../server/auth/oidc/providers.js';
import { DEFAULT_AUTH_SETTINGS } from '../../server/auth/settings.js';
import { storeRepositories } from '../../server/auth/storeRepositories.js';
import type { GraphStore } from '../../server/store/port.js';

/**
 * A real OpenID provider (the certified `oidc-provider` package, v8 for Node 20) in
 * this process on an ephemeral port, with its development sign-in pages: any login
 * name becomes the subject, any password passes. `listen()` first, so the issuer URL
 * is known; `configure()` once the relying party's redirect URIs are known.
 */

export type TestProvider = {
  issuer: string;
  /**
   * `backchannelLogoutUri` turns on the provider's back-channel logout to it (with the
   * sid of its session); `signingKeys` replaces its generated signing keys, so that a test
   * can sign tokens as the provider would.
   */
  configure(client: { clientId: string; clientSecret: string; redirectUris: string[]; backchannelLogoutUri?: string; signingKeys?: JWK[] }): void;
  close(): Promise<void>;
};

export async function listenProvider(): Promise<TestProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => {
    if (!handler) {
      res.statusCode = 503;
      res.end('not configured yet');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    issuer,
    configure({ clientId, clientSecret, redirectUris, backchannelLogoutUri, signingKeys }) {
      const logout = backchannelLogoutUri ? { backchannel_logout_uri: backchannelLogoutUri, backchannel_logout_session_required: true } : {};
      const provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'], ...logout }],
        ...(signingKeys ? { jwks: { keys: signingKeys } } : {}),
        cookies: { keys: ['test cookie key of this provider'] },
        claims: { openid: ['sub'], profile: ['name'] },
        // The login name typed on the provider's page is the subject; the name claim says where it came from.
        findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, name: `${sub} at ${issuer}` }) }),
        pkce: { required: () => true, methods: ['S256'] },
        features: { devInteractions: { enabled: true }, ...(backchannelLogoutUri ? { backchannelLogout: { enabled: true } } : {}) },
      });
      // Its development-only warnings say what these tests already know.
      provider.on('server_error', (_ctx, err) => console.error('test provider error', err));
      const callback = provider.callback();
      handler = (req, res) => void callback(req, res);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A configured provider entry as GT_OIDC_PROVIDERS would give it, with the usual defaults. */
export function providerEntry(p: Partial<OidcProvider> & Pick<OidcProvider, 'id' | 'name' | 'issuer' | 'clientSecret' | 'organisationId'>): OidcProvider {
  return { clientId: 'golden-thread', tokenAuthMethod: 'client_secret_basic', role: 'partner-editor', enabled: true, scopes: ['openid', 'profile'], ...p };
}

/** Serves the product on `server` (already listening) over `store`, with `providers`; answers its sign-in, whose limits no test reaches. */
export function serveWithProviders(server: Server, store: GraphStore, providers: OidcProvider[]): Auth {
  const settings = { ...DEFAULT_AUTH_SETTINGS, loginMaxFailures: 1000, loginMaxFailuresPerIp: 10_000 };
  const auth = createAuth(storeRepositories(store), settings, organisationExists(store));
  server.on('request', createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50, auth: settings, oidc: { providers } }, { auth }));
  return auth;
}

/** Closes a server and every connection still open to it; nothing when there is none. */
export async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * A browser over plain fetch: follows redirects by hand, keeps cookies per origin (path
 * and expiry ignored: every cookie goes to every path of its origin, which is more than
 * a browser sends, never less), and fills the provider's sign-in and consent forms.
 */
export class FetchBrowser {
  readonly jar = new Map<string, Map<string, string>>();
  /** Every URL the browser was sent to, in order. */
  readonly visited: string[] = [];

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  async request(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const cookies = [...(this.jar.get(origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    this.visited.push(url);
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookies ? { cookie: cookies } : {}), ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(init.body ? { body: init.body.toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const jar = this.jar.get(origin) ?? new Map<string, string>();
      this.jar.set(origin, jar);
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0$/i.test(a));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /** Signs out at the provider as its end-session page does ("Yes, sign me out"); resolves once the provider has told its clients. */
  async signOutAt(issuer: string): Promise<void> {
    const page = await this.request(`${issuer}/session/end`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(await page.text())?.[1];
    if (!xsrf) throw new Error(`no sign-out form at ${issuer}/session/end (status ${page.status})`);
    const confirmed = await this.request(`${issuer}/session/end/confirm`, { method: 'POST', body: new URLSearchParams({ xsrf, logout: 'yes' }) });
    if (confirmed.status >= 400) throw new Error(`the provider refused the sign-out: ${confirmed.status} ${await confirmed.text()}`);
  }

  /** Follows redirects from `url` until a page that is not one, or until `stopAt` says a URL is where to stop (it is not fetched). */
  async follow(url: string, stopAt: (u: URL) => boolean = () => false, login = 'alice'): Promise<{ url: string; res?: Response }> {
    let next = url;
    for (let hop = 0; hop < 20; hop++) {
      if (stopAt(new URL(next))) return { url: next };
      const res = await this.request(next);
      if (res.status >= 300 && res.status < 400) {
        next = new URL(res.headers.get('location')!, next).href;
        continue;
      }
      // The provider's development pages: a login form, then a consent form, both posting back to the interaction.
      const html = res.status === 200 && /\/interaction\//.test(next) ? await res.text() : '';
      const prompt = /name="prompt" value="(login|consent)"/.exec(html)?.[1];
      if (!prompt) return { url: next, res };
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt });
      const posted = await this.request(next, { method: 'POST', body });
      if (posted.status < 300 || posted.status >= 400) return { url: next, res: posted };
      next = new URL(posted.headers.get('location')!, next).href;
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }
}
