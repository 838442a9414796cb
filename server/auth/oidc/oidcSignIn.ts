import * as client from 'openid-client';
import { DisplayName } from '../../../model/auth.js';
import { HttpError } from '../../api/errors.js';
import type { UserRecord, UserRepository } from '../repositories.js';
import { identityIdOf, providerUsername, type IdentityRepository } from './identities.js';
import { PendingSignIns } from './pendingSignIns.js';
import { isLoopback, organisationForNewUser, type OidcProvider, type OidcSettings } from './providers.js';

/**
 * Sign-in through an organisation's OpenID provider: the authorization code flow with
 * PKCE (S256), state and nonce, by openid-client, which also checks the ID token's
 * signature, issuer, audience, expiry and nonce, and the iss of the authorization response.
 *
 * An account is found by the issuer and subject the provider vouches for, never by a
 * name or e-mail it sends: the username of a provider's person is oidc:<provider>:<hash>,
 * which no local account can have (local usernames have no colon, model/auth.ts), so
 * nobody signing in through a provider can become a local account or another
 * provider's person of the same name.
 */

/** No local account can be named this way: Username allows no colon. */

/** The provider has no password to check; no argon2 hash can equal this, and local sign-in never reaches an oidc: name. */
const NO_PASSWORD = '!oidc';

const signInFailed = (why: string) => new HttpError(401, 'oidc_sign_in_failed', `the identity provider's answer was refused: ${why}`);

export class OidcSignIn {
  private readonly configurations = new Map<string, Promise<client.Configuration>>();
  readonly pending: PendingSignIns;

  constructor(
    private readonly settings: OidcSettings,
    private readonly users: UserRepository,
    private readonly identities: IdentityRepository,
    private readonly organisationExists: (id: string) => Promise<boolean> = async () => true,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.pending = new PendingSignIns(() => this.now().getTime());
  }

  /** The providers people may sign in with, for the sign-in form: id and name only. */
  list(): { id: string; name: string }[] {
    return this.settings.providers.filter((p) => p.enabled).map((p) => ({ id: p.id, name: p.name }));
  }

  /** An enabled provider, or 404: a disabled provider is as if it were not configured. */
  provider(id: string): OidcProvider {
    const p = this.settings.providers.find((x) => x.id === id && x.enabled);
    if (!p) throw new HttpError(404, 'not_found', `no identity provider named ${id} is enabled on this server`);
    return p;
  }

  /** Where the provider sends the browser back: GT_PUBLIC_URL when set, else the address the request came to. */
  redirectUri(providerId: string, requestOrigin: string): string {
    return new URL(`/api/auth/oidc/${providerId}/callback`, this.settings.publicUrl ?? requestOrigin).href;
  }

  /** Starts a sign-in: the provider's authorization URL to send the browser to, and the key of what to check on its return. */
  async begin(providerId: string, redirectUri: string): Promise<{ url: string; key: string }> {
    const provider = this.provider(providerId);
    const config = await this.configuration(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: provider.scopes.join(' '),
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const key = this.pending.add({ providerId, state, nonce, codeVerifier, redirectUri });
    return { url: url.href, key };
  }

  /**
   * Finishes a sign-in from the URL the provider redirected to: the account signed in,
   * created on first sign-in. Refuses (400) a callback this browser did not start or whose
   * state is not the one sent, and (401) any answer openid-client does not accept.
   */
  async complete(providerId: string, key: string | undefined, callbackUrl: URL): Promise<{ user: UserRecord; sid: string | undefined }> {
    const provider = this.provider(providerId);
    const pending = this.pending.take(key);
    if (!pending || pending.providerId !== providerId) {
      throw new HttpError(400, 'oidc_state_invalid', 'this sign-in was not started in this browser, was already used or took more than 10 minutes: start it again');
    }
    if (callbackUrl.searchParams.get('state') !== pending.state) {
      throw new HttpError(400, 'oidc_state_invalid', 'the state the identity provider sent back is not the one this sign-in sent: start it again');
    }
    const error = callbackUrl.searchParams.get('error');
    if (error) throw signInFailed(`the provider said ${error.slice(0, 100)}`);
    const config = await this.configuration(provider);
    // The redirect URI sent at the start, whatever host this request came to, so the token request matches it.
    const current = new URL(pending.redirectUri);
    current.search = callbackUrl.search;
    let claims: client.IDToken | undefined;
    let accessToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      accessToken = tokens.access_token;
    } catch (err) {
      throw signInFailed(reasonOf(err));
    }
    const idToken = claims;
    if (!idToken?.sub) throw signInFailed('no subject in the ID token');
    const user = await this.accountFor(provider, idToken, () => this.profileOf(config, accessToken, idToken.sub));
    // The provider's session, which a back-channel logout names (backchannelLogout.ts).
    return { user, sid: typeof idToken.sid === 'string' && idToken.sid ? idToken.sid : undefined };
  }

  /** What a logout token from this provider must match (backchannelLogout.ts): its discovered issuer and keys, and our client id. */
  async logoutTokenExpectations(providerId: string): Promise<{ issuer: string; jwksUri: string; clientId: string }> {
    const provider = this.provider(providerId);
    const metadata = (await this.configuration(provider)).serverMetadata();
    if (!metadata.jwks_uri) throw new HttpError(502, 'oidc_provider_unreachable', `the identity provider ${provider.id} publishes no keys (jwks_uri), so its logout tokens cannot be checked`);
    return { issuer: metadata.issuer, jwksUri: metadata.jwks_uri, clientId: provider.clientId };
  }

  /**
   * The person's name from the UserInfo endpoint, for a provider that keeps profile claims
   * out of its ID tokens (as the specification's default does); openid-client checks the
   * answer is about the same subject. Only a display name depends on it, so a failure is not one of the sign-in.
   */
  private async profileOf(config: client.Configuration, accessToken: string, sub: string): Promise<Record<string, unknown>> {
    try {
      return await client.fetchUserInfo(config, accessToken, sub);
    } catch {
      return {};
    }
  }

  /** The account of the person the ID token names, created the first time they sign in. */
  private async accountFor(provider: OidcProvider, claims: client.IDToken, profile: () => Promise<Record<string, unknown>>): Promise<UserRecord> {
    const at = this.now().toISOString();
    const known = await this.identities.find(claims.iss, claims.sub);
    const identityId = identityIdOf(claims.iss, claims.sub);
    const username = known?.username ?? providerUsername(provider.id, identityId);
    let user = await this.users.find(username);
    if (!user) {
      const organisationId = organisationForNewUser(provider);
      if (organisationId && !(await this.organisationExists(organisationId))) {
        throw new HttpError(403, 'organisation_unknown', `the identity provider ${provider.id} is mapped to ${organisationId}, which is not an organisation in the graph: ask an administrator`);
      }
      const named = nameIn(claims) ? claims : { ...(await profile()), ...claims };
      const candidate: UserRecord = {
        username,
        name: nameIn(named) ?? nameIn({ name: claims.sub }) ?? 'Signed in through a provider',
        role: provider.role,
        organisationId,
        passwordHash: NO_PASSWORD,
        createdAt: at,
        updatedAt: at,
      };
      // Two first sign-ins at once: the second finds the account the first created.
      user = (await this.users.create(candidate)) ? candidate : await this.users.find(username);
      if (!user) throw signInFailed('the account could not be created');
    }
    await this.identities.save({
      id: identityId,
      issuer: claims.iss,
      subject: claims.sub,
      providerId: known?.providerId ?? provider.id,
      username,
      createdAt: known?.createdAt ?? at,
      lastSignInAt: at,
    });
    return user;
  }

  /** The provider's metadata, discovered once; a failed discovery is forgotten, so the next sign-in tries again. */
  private configuration(provider: OidcProvider): Promise<client.Configuration> {
    let config = this.configurations.get(provider.id);
    if (!config) {
      const auth = provider.tokenAuthMethod === 'client_secret_post' ? client.ClientSecretPost(provider.clientSecret) : client.ClientSecretBasic(provider.clientSecret);
      const issuer = new URL(provider.issuer);
      config = client.discovery(issuer, provider.clientId, undefined, auth, {
        // Plain http only for a provider on this machine (providers.ts refuses it elsewhere).
        ...(issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      });
      this.configurations.set(provider.id, config);
      config.catch(() => this.configurations.delete(provider.id));
    }
    return config.catch((err: unknown) => {
      throw new HttpError(
        502,
        'oidc_provider_unreachable',
        `the identity provider ${provider.id} could not be reached or described itself wrongly: ${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}`,
      );
    });
  }
}

/** The first of name, preferred_username and email that makes a display name. */
function nameIn(claims: Record<string, unknown>): string | undefined {
  for (const c of [claims.name, claims.preferred_username, claims.email]) {
    const name = DisplayName.safeParse(typeof c === 'string' ? c.slice(0, 120) : undefined);
    if (name.success) return name.data;
  }
  return undefined;
}

/** The most precise message in openid-client's chain of causes, with the claim or parameter it found wrong when it says which (nonce, iss, aud ...). */
function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  let message = err.message;
  let which: string | undefined;
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) message = e.message;
    const { claim, parameter, attribute } = e as { claim?: unknown; parameter?: unknown; attribute?: unknown };
    which ??= [claim, parameter, attribute].find((x): x is string => typeof x === 'string');
  }
  return `${message.slice(0, 200)}${which ? ` (${which})` : ''}`;
}
