import { z } from 'zod';
import { PasswordChangeBody, SessionsEndBody } from '../../model/account.js';
import { errorResponse, ok } from './openApi.js';

/** The OpenAPI paths of a person's own account (server/api/accountRoutes.ts). */

const json = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
export function accountPaths() {
  // Inside the function: openApi.ts imports this module, so its helpers exist only once it has loaded.
  const notSignedIn = errorResponse('not signed in');
  const tooMany = errorResponse('too many wrong passwords: the sign-in limits count them');
  return {
    '/api/auth/password': {
      post: {
        summary:
          "Changes the signed-in account's password, given the current one; the new one follows the password rules (12 to 256 characters, not a common or breached password). Every session of the account ends, and this browser gets a new one (its cookie and CSRF token change): the answer is as POST /api/auth/login's",
        requestBody: json(PasswordChangeBody),
        responses: {
          200: ok('the new session, as GET /api/auth/session answers it'),
          400: errorResponse('a missing field, or a new password the rules refuse, named'),
          401: errorResponse('not signed in, or the current password is wrong (wrong_password)'),
          403: errorResponse('a missing x-csrf-token'),
          409: errorResponse('the account signs in through an identity provider (provider_account)'),
          429: tooMany,
        },
      },
    },
    '/api/auth/sessions': {
      get: {
        summary: "Where the signed-in account is signed in: each live session's handle, when it began, was last seen and ends, how it began (password or oidc:<provider>) and whether it is this one",
        responses: { 200: ok('sessions'), 401: notSignedIn },
      },
    },
    '/api/auth/sessions/end': {
      post: {
        summary: "Ends the signed-in account's sessions: 'others' (all but this one) or the handles named; a local account re-enters its password. Ending this session signs this browser out",
        requestBody: json(SessionsEndBody),
        responses: {
          200: ok('ended (how many), sessions (those left)'),
          400: errorResponse('no password, or malformed handles, named'),
          401: errorResponse('not signed in, or the password is wrong (wrong_password)'),
          403: errorResponse('a missing x-csrf-token'),
          404: errorResponse('a handle that is not one of your live sessions'),
          429: tooMany,
        },
      },
    },
  };
}
