import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OrganisationId } from '../../../model/auth.js';
import { RoleSchema, roleNeedsOrganisation } from '../../../model/roles.js';

/**
 * The partnership's OpenID providers (a council, a health board, a police division each
 * run their own), from GT_OIDC_PROVIDERS (a JSON array) or GT_OIDC_PROVIDERS_FILE (a JSON
 * file holding the same array, so client secrets need not sit in the environment).
 * Each provider maps to one organisation; people it signs in for the first time get
 * `role` (a partner editor of that organisation unless said otherwise).
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, except on loopback (a provider run on this machine, as the tests do). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}

export const OidcProviderSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits or -, such as city-council'),
    name: z.string().trim().min(1, 'must not be empty').max(80).describe('shown on the sign-in button: "Sign in with <name>"'),
    issuer: z.url({ message: 'must be the issuer URL, such as https://login.council.example' }).refine((u) => {
      const url = new URL(u);
      return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
    }, 'must be https (http only on 127.0.0.1 or localhost)'),
    clientId: z.string().min(1, 'must not be empty'),
    clientSecret: z.string().min(1, 'must not be empty'),
    /** How the client secret goes to the token endpoint: in the Authorization header (the OAuth default) or in the body. */
    tokenAuthMethod: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
    organisationId: OrganisationId.describe('the Organisation node this provider speaks for'),
    role: RoleSchema.default('partner-editor').describe('the role of people it signs in for the first time'),
    enabled: z.boolean().default(true),
    scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/)).default(['openid', 'profile', 'email']),
  })
  .refine((p) => p.scopes.includes('openid'), { path: ['scopes'], message: 'must include openid' });
export type OidcProvider = z.infer<typeof OidcProviderSchema>;

export const OidcProvidersSchema = z.array(OidcProviderSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((p, i) => {
    if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `is used twice (${p.id})` });
    seen.add(p.id);
  });
});

/** The organisation a provider's new users get: the provider's, when their role belongs to one. */
export function organisationForNewUser(p: OidcProvider): string | null {
  return roleNeedsOrganisation(p.role) ? p.organisationId : null;
}

export type OidcSettings = {
  providers: OidcProvider[];
  /** The address people reach the server at (GT_PUBLIC_URL); the redirect URI is built on it. Without it, on the request's own host. */
  publicUrl?: string;
};

/** Reads the providers' list from the environment's JSON text or from the file it names; throws with the path of the first problem. */
export function parseOidcProviders(json: string | undefined, file: string | undefined): OidcProvider[] {
  const text = json ?? (file ? readFileSync(file, 'utf8') : undefined);
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('is not JSON: it must be an array of {id, name, issuer, clientId, clientSecret, organisationId, role?, enabled?}');
  }
  const parsed = OidcProvidersSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}
