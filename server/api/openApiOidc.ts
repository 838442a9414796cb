import { errorResponse, ok } from './openApi.js';

/** The OpenAPI paths of sign-in through an organisation's OpenID provider (server/api/oidcRoutes.ts). */

const providerId = { name: 'id', in: 'path', required: true, description: 'a provider id from GET /api/auth/oidc/providers', schema: { type: 'string' } } as const;

export function oidcPaths() {
  return {
    '/api/auth/oidc/providers': {
      get: {
        summary: 'The enabled OpenID providers (GT_OIDC_PROVIDERS) people may sign in with: id and display name, one button each on the sign-in form',
        responses: { 200: ok('providers: [{id, name}]') },
      },
    },
    '/api/auth/oidc/{id}/start': {
      get: {
        summary:
          "Starts a sign-in at the provider: sets the HTTP-only cookie gt_oidc (10 minutes, path /api/auth/oidc) naming the state, nonce and PKCE verifier kept on the server, and redirects (303) to the provider's authorization endpoint (authorization code flow, PKCE S256)",
        parameters: [providerId],
        responses: {
          303: { description: "redirect to the provider's sign-in" },
          400: errorResponse('a malformed provider id'),
          404: errorResponse('no such provider, or it is disabled'),
          502: errorResponse('the provider could not be reached or described itself wrongly'),
        },
      },
    },
    '/api/auth/oidc/{id}/callback': {
      get: {
        summary:
          "Where the provider sends the browser back: checks the gt_oidc cookie, state, PKCE, the ID token (signature, issuer, audience, expiry, nonce), finds the account by issuer and subject (created on first sign-in with the provider's organisation and role), sets the session cookie gt_session as POST /api/auth/login does and redirects (303) to the explorer",
        parameters: [providerId],
        responses: {
          303: { description: 'signed in: redirect to /' },
          400: errorResponse('no sign-in started in this browser, already used, expired, or a state that is not the one sent'),
          401: errorResponse("the provider's answer was refused (an error, a wrong issuer, nonce or signature)"),
          403: errorResponse("the provider's organisation is not in the graph"),
          404: errorResponse('no such provider, or it is disabled'),
        },
      },
    },
    '/api/auth/oidc/{id}/backchannel-logout': {
      post: {
        summary:
          "OpenID Connect Back-Channel Logout 1.0: the provider posts a logout token (application/x-www-form-urlencoded logout_token) when someone signs out there. Its signature is checked against the provider's published keys, with issuer, audience (the client id), iat, jti, the back-channel logout event and no nonce; then the Golden Thread sessions begun in that provider session (sid) or, without sid, every session of that person (sub) end. Register this URL as the client's backchannel_logout_uri",
        parameters: [providerId],
        requestBody: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', required: ['logout_token'], properties: { logout_token: { type: 'string' } } } } },
        },
        responses: {
          200: { description: 'the sessions it names have ended (or there were none)' },
          400: errorResponse(
            'no logout_token, or one refused: unsigned or signed by another key, wrong issuer or audience, too old, no back-channel logout event, a nonce, neither sid nor sub; nothing ended',
          ),
          404: errorResponse('no such provider, or it is disabled'),
          502: errorResponse('the provider could not be reached to learn its keys'),
        },
      },
    },
  };
}
