import { CSRF_HEADER, type SessionResponse } from '../../model/auth.js';
import type { Capability } from '../../model/roles.js';
import { ApiRequestError } from './api.js';

/**
 * The signed-in session as the explorer sees it, and the one way the explorer sends a
 * change: every POST, PATCH and DELETE carries the session's CSRF token. The session is
 * asked for once and kept; signing in replaces it.
 */

let current: Promise<SessionResponse> | null = null;
let known: SessionResponse | null = null;

export function session(refresh = false): Promise<SessionResponse> {
  if (refresh || !current) {
    current = fetch('/api/auth/session', { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<SessionResponse>) : anonymous()))
      .catch(() => anonymous());
    void current.then((s) => (known = s));
  }
  return current;
}

/** The session if it has been read already (for text that must be drawn at once). */
export const knownSession = (): SessionResponse | null => known;

export function can(s: SessionResponse | null, capability: Capability): boolean {
  return Boolean(s?.signedIn && s.user.capabilities.includes(capability));
}

function anonymous(): SessionResponse {
  return { signedIn: false, anonymousRead: true, user: null, csrfToken: null };
}

/** Signs in; resolves to the new session, or throws the server's reason. */
export async function signIn(username: string, password: string): Promise<SessionResponse> {
  const s = await send<SessionResponse>('POST', '/auth/login', { json: { username, password } });
  current = Promise.resolve(s);
  known = s;
  return s;
}

/** A change to the server under /api: JSON or raw bytes, with the CSRF token; errors carry the server's words. */
export async function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: { json?: unknown; bytes?: Blob } = {}): Promise<T> {
  const s = await session();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (s.signedIn) headers[CSRF_HEADER] = s.csrfToken;
  let payload: BodyInit | undefined;
  if (body.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body.bytes) {
    headers['content-type'] = 'application/octet-stream';
    payload = body.bytes;
  }
  const res = await fetch(`/api${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const err = (parsed as { error?: { code: string; message: string; issues?: { field: string; reason: string }[] } } | undefined)?.error;
    const detail = err?.issues?.length ? ` (${err.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')})` : '';
    throw new ApiRequestError(res.status, err?.code ?? 'http_error', (err?.message ?? `${res.status} ${res.statusText}`) + detail, path);
  }
  return parsed as T;
}
