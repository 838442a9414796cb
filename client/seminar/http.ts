import type { SessionResponse } from '../../model/auth.js';
import type { JoinAnswer, ProposalAnswer, SeminarState, StartSeminarAnswer, StartSeminarBody, ProposeMessage } from '../../model/seminars.js';
import { ApiRequestError } from '../http/api.js';

/**
 * The seminar's HTTP side, as the explorer uses it: sign-in for the facilitator (a
 * session cookie and its CSRF token), start, join (a participant token, sent back as
 * `Authorization: Bearer`), the large state snapshot, and the summary's download links.
 * Live traffic goes over the socket (connection.ts).
 */

async function call<T>(method: 'GET' | 'POST', path: string, o: { body?: unknown; token?: string; csrf?: string | null } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.csrf) headers['x-csrf-token'] = o.csrf;
  const url = `/api${path}`;
  const res = await fetch(url, { method, headers, cache: 'no-store', ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}) });
  if (!res.ok) {
    let code = 'http_error';
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { error?: { code: string; message: string; issues?: { field: string; reason: string }[] } };
      if (body.error) {
        code = body.error.code;
        message = body.error.message + (body.error.issues?.length ? ` (${body.error.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')})` : '');
      }
    } catch {
      // Not JSON: the status line says enough.
    }
    throw new ApiRequestError(res.status, code, message, url);
  }
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export const seminarHttp = {
  session: () => call<SessionResponse>('GET', '/auth/session'),
  signIn: (username: string, password: string) => call<SessionResponse>('POST', '/auth/login', { body: { username, password } }),
  start: (body: StartSeminarBody, csrf: string | null) => call<StartSeminarAnswer>('POST', '/seminars', { body, csrf }),
  join: (code: string, displayName: string) => call<JoinAnswer>('POST', `/seminars/${enc(code)}/join`, { body: { displayName } }),
  state: (seminarId: string, token: string) => call<SeminarState>('GET', `/seminars/${enc(seminarId)}/state`, { token }),
  /** Over HTTP as the issue's scripts do; the explorer itself proposes over the socket. */
  propose: (seminarId: string, token: string, body: ProposeMessage) => call<ProposalAnswer>('POST', `/seminars/${enc(seminarId)}/proposals`, { body, token }),
};

/** The summary's download link in a format (the server answers the file itself). */
export const summaryUrl = (seminarId: string, format: 'md' | 'csv' | 'docx') => `/api/seminars/${enc(seminarId)}/summary?format=${format}`;
