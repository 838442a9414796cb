/**
 * The organisations' identity providers this server signs people in with
 * (GET /api/auth/oidc/providers): one "Sign in with ..." link each on the sign-in form.
 * A link, not a fetch: signing in there is a page visit to the provider and back.
 */

export type OidcProviderEntry = { id: string; name: string };

export async function fetchOidcProviders(): Promise<OidcProviderEntry[]> {
  try {
    const res = await fetch('/api/auth/oidc/providers', { headers: { accept: 'application/json' } });
    if (!res.ok) return [];
    const body = (await res.json()) as { providers?: OidcProviderEntry[] };
    return Array.isArray(body.providers) ? body.providers.filter((p) => typeof p.id === 'string' && typeof p.name === 'string') : [];
  } catch {
    // No list (an older server, the network): the form still offers the local sign-in.
    return [];
  }
}

export function startUrlOf(provider: OidcProviderEntry): string {
  return `/api/auth/oidc/${encodeURIComponent(provider.id)}/start`;
}
