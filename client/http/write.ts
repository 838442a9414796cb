import type { AccountSessions, SessionsEnded } from '../../model/account.js';
import type { SessionResponse } from '../../model/auth.js';
import type { MfaConfirmation, MfaEnrolment, MfaStatus } from '../../model/mfa.js';
import { CSRF_HEADER } from '../../model/auth.js';
import type { ChangeFeedResponse, ChangeRecord, ChangeRequestInput, ChangeResponse, DiffSummary, NodeHistoryResponse } from '../../model/changes.js';
import { apiUrl } from './api.js';

/**
 * The explorer's writes and the signed-in reads: sign-in (and its second factor), changes, history, the feed
 * and the approval queue. Every POST carries the CSRF token of the session (the server
 * refuses a write without it); a refusal comes back as a WriteError holding the
 * server's field issues and, for a 409, the current values of what changed meanwhile.
 */

export type FieldIssue = { field: string; reason: string };
export type CurrentValues = { id: string; kind: string; version: number; props: Record<string, unknown> };

export class WriteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[],
    readonly current: CurrentValues[],
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

let csrfToken: string | null = null;
/** Kept by the session module after every sign-in and session read. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  const res = await fetch(apiUrl(path, query), { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's error page: the status line says enough.
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; issues?: FieldIssue[]; current?: CurrentValues[] } } | null)?.error;
    throw new WriteError(res.status, e?.code ?? 'http_error', e?.message ?? `${res.status} ${res.statusText}`, e?.issues ?? [], e?.current ?? []);
  }
  return json as T;
}

const enc = encodeURIComponent;

/** A feed entry as GET /api/changes answers it: the diff may be left out when large, the summary never is. */
export type FeedEntry = Omit<ChangeRecord, 'diff'> & { summary: DiffSummary; diff: ChangeRecord['diff'] | null };
export type PendingEntry = {
  changeId: string;
  status: 'pending' | 'approved' | 'rejected';
  submittedAt: string;
  actor: { id: string; name: string; role: string; organisationId?: string };
  request: { reason?: string; operations?: unknown[] };
  diff: ChangeRecord['diff'];
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
};

export const writeApi = {
  session: () => call<SessionResponse>('GET', '/auth/session'),
  login: (username: string, password: string, factor: SecondFactorInput = {}) => call<SessionResponse>('POST', '/auth/login', { username, password, ...factor }),
  mfaStatus: () => call<MfaStatus>('GET', '/auth/mfa'),
  mfaBegin: () => call<MfaEnrolment>('POST', '/auth/mfa/totp', {}),
  mfaConfirm: (code: string) => call<MfaConfirmation>('POST', '/auth/mfa/totp/confirm', { code }),
  mfaDisable: (password: string) => call<MfaStatus>('POST', '/auth/mfa/disable', { password }),
  logout: () => call<SessionResponse>('POST', '/auth/logout', {}),
  changePassword: (currentPassword: string, newPassword: string) => call<SessionResponse>('POST', '/auth/password', { currentPassword, newPassword }),
  accountSessions: () => call<AccountSessions>('GET', '/auth/sessions'),
  endSessions: (sessions: 'others' | string[], password?: string) => call<SessionsEnded>('POST', '/auth/sessions/end', { sessions, ...(password ? { password } : {}) }),
  change: (request: ChangeRequestInput) => call<ChangeResponse>('POST', '/changes', request),
  history: (id: string) => call<NodeHistoryResponse>('GET', `/nodes/${enc(id)}/history`),
  feed: (query: { node?: string; before?: number; limit?: number } = {}) => call<Omit<ChangeFeedResponse, 'changes'> & { changes: FeedEntry[] }>('GET', '/changes', undefined, query),
  pending: () => call<{ changes: PendingEntry[] }>('GET', '/changes', undefined, { status: 'pending' }),
  changeById: (changeId: string) => call<ChangeRecord>('GET', `/changes/${enc(changeId)}`),
  revert: (changeId: string, reason?: string) => call<ChangeResponse>('POST', `/changes/${enc(changeId)}/revert`, reason ? { reason } : {}),
  decide: (changeId: string, decision: 'approve' | 'reject', note?: string) => call<ChangeResponse>('POST', `/changes/${enc(changeId)}/${decision}`, note ? { note } : {}),
};

export type WriteApi = typeof writeApi;

/** A sign-in's second factor (model/mfa.ts): the authenticator's code or a recovery code. */
export type SecondFactorInput = { code?: string; recoveryCode?: string };
