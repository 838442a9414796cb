import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { HttpError } from '../../api/errors.js';
import type { Sessions } from '../sessions.js';
import type { IdentityRepository } from './identities.js';
import type { OidcSignIn } from './oidcSignIn.js';

/**
 * OpenID Connect Back-Channel Logout 1.0: when someone signs out at their organisation's
 * provider, the provider posts a logout token here, server to server, and the Golden
 * Thread sessions begun in that provider session (its `sid`) or, without one, every
 * session of that person (its `sub`) end at once, instead of lasting to GT_SESSION_HOURS.
 *
 * The token is a JWT the provider signs: its signature is checked against the keys the
 * provider publishes (its discovered jwks_uri, by jose, never an unsigned token), with
 * its issuer, our client id as audience, a recent `iat`, a `jti`, the back-channel
 * logout event and no `nonce` (which would make it an ID token passed off as one).
 * openid-client v6 has no helper for this, so jose (its own JWT library) does it.
 */

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** A logout token older than this is not taken: it was sent when the person signed out. */
const MAX_TOKEN_AGE = '5 minutes';

const refused = (why: string) => new HttpError(400, 'logout_token_invalid', `the logout token was refused: ${why}`);

export class BackchannelLogout {
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  constructor(
    private readonly oidc: OidcSignIn,
    private readonly identities: IdentityRepository,
    private readonly sessions: Sessions,
  ) {}

  /** Verifies the provider's logout token and ends the sessions it names; refuses (400) any token that fails a check, ending nothing. */
  async logOut(providerId: string, logoutToken: string): Promise<void> {
    const expected = await this.oidc.logoutTokenExpectations(providerId);
    const claims = await this.verify(providerId, logoutToken, expected);
    if (claims.sid) {
      await this.sessions.endForProviderSession(providerId, claims.sid);
      return;
    }
    // sub alone: the person, wherever they are signed in (an identity never signed in has nothing to end).
    const identity = await this.identities.find(expected.issuer, claims.sub!);
    if (identity) await this.sessions.endForUser(identity.username);
  }

  private async verify(providerId: string, token: string, expected: { issuer: string; jwksUri: string; clientId: string }): Promise<JWTPayload & { sid?: string }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet(providerId, expected.jwksUri), {
        issuer: expected.issuer,
        audience: expected.clientId,
        requiredClaims: ['iat', 'jti'],
        maxTokenAge: MAX_TOKEN_AGE,
      }));
    } catch (err) {
      throw refused(err instanceof Error ? err.message.slice(0, 200) : 'it could not be verified');
    }
    const events = payload.events;
    if (typeof events !== 'object' || events === null || Array.isArray(events) || typeof (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT] !== 'object') {
      throw refused(`its events claim does not name ${BACKCHANNEL_LOGOUT_EVENT}`);
    }
    if ('nonce' in payload) throw refused('it carries a nonce, as an ID token does; a logout token never does');
    const sid = typeof payload.sid === 'string' && payload.sid ? payload.sid : undefined;
    const sub = typeof payload.sub === 'string' && payload.sub ? payload.sub : undefined;
    if (!sid && !sub) throw refused('it names neither a session (sid) nor a person (sub)');
    return { ...payload, ...(sid ? { sid } : {}) };
  }

  /** The provider's published keys, fetched when first needed and again when a token names a key not among them. */
  private keySet(providerId: string, jwksUri: string): ReturnType<typeof createRemoteJWKSet> {
    let keys = this.keySets.get(providerId);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 10_000 });
      this.keySets.set(providerId, keys);
    }
    return keys;
  }
}
