import { z } from 'zod';
import { MfaConfirmBody, MfaDisableBody } from '../../model/mfa.js';
import { errorResponse, ok } from './openApi.js';

/** The OpenAPI paths of multi-factor authentication (server/api/mfaRoutes.ts). */

const json = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
export function mfaPaths() {
  // Inside the function: openApi.ts imports this module, so its helpers exist only once it has loaded.
  const notSignedIn = errorResponse('not signed in');
  return {
    '/api/auth/mfa': {
      get: {
        summary: "The signed-in account's multi-factor authentication: enabled, pending (an authenticator app being set up) and recoveryCodesLeft",
        responses: { 200: ok('enabled, pending, recoveryCodesLeft'), 401: notSignedIn },
      },
    },
    '/api/auth/mfa/totp': {
      post: {
        summary:
          'Starts setting up an authenticator app (TOTP, RFC 6238: 6 digits, 30 seconds, SHA-1): a new secret kept pending on the server, its otpauth URI and a QR code (PNG data URL); starting again replaces a pending secret. Sign-in needs no code until POST /api/auth/mfa/totp/confirm',
        requestBody: json(z.strictObject({})),
        responses: {
          201: ok('secret (base32), otpauthUri, qrCode'),
          400: errorResponse('a body with fields'),
          401: notSignedIn,
          409: errorResponse('multi-factor is already on (turn it off first), or the account signs in through an identity provider'),
        },
      },
    },
    '/api/auth/mfa/totp/confirm': {
      post: {
        summary:
          'Turns multi-factor on with a current code of the pending secret, and answers ten recovery codes, shown this once (the server keeps only their hashes). From then on POST /api/auth/login needs code or recoveryCode',
        requestBody: json(MfaConfirmBody),
        responses: {
          200: ok('enabled: true, recoveryCodes'),
          400: errorResponse('a malformed code, or not the current one, named'),
          401: notSignedIn,
          409: errorResponse('nothing being set up, or already on'),
          429: errorResponse('too many failed attempts'),
        },
      },
    },
    '/api/auth/mfa/disable': {
      post: {
        summary: 'Turns multi-factor off (or drops a pending set-up) on proof of ownership: the password, a current code or a recovery code',
        requestBody: json(MfaDisableBody),
        responses: {
          200: ok('the new status'),
          400: errorResponse('no proof, or a malformed one, named'),
          401: errorResponse('not signed in, or a wrong password or code (mfa_proof_invalid)'),
          429: errorResponse('too many failed attempts'),
        },
      },
    },
    '/api/users/{username}/mfa': {
      delete: {
        summary: "Removes an account's authenticator app and recovery codes (someone who lost their phone signs in with the password again); administrators only",
        parameters: [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          204: { description: 'cleared (or there was nothing to clear)' },
          401: notSignedIn,
          403: errorResponse('needs the manageUsers capability, or a missing x-csrf-token'),
          404: errorResponse('no such account'),
        },
      },
    },
  };
}
