import type { AdHocQueryResponse, ApiError, HealthResponse } from '../../model/api.js';
import type { AnalysisParameter, SavedAnalysis, SavedAnalysisResponse } from '../../model/analyses.js';

/**
 * The console's calls: the session (who is signed in, what they may do, the CSRF token
 * every write needs), the query console's check and run, saving an analysis.
 */

export type Session = { signedIn: boolean; capabilities: string[]; csrfToken: string | null; username: string | null };
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { field: string; reason: string }[] = [],
  ) {
    super(message);
  }
}

let session: Session | null = null;

export async function currentSession(refresh = false): Promise<Session> {
  if (session && !refresh) return session;
  const res = await fetch('/api/auth/session', { headers: { accept: 'application/json' } });
  const body = res.ok ? ((await res.json()) as { signedIn?: boolean; user?: { username?: string; capabilities?: string[] } | null; csrfToken?: string | null }) : {};
  session = { signedIn: !!body.signedIn, capabilities: body.user?.capabilities ?? [], csrfToken: body.csrfToken ?? null, username: body.user?.username ?? null };
  return session;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const s = await currentSession();
  const res = await fetch(`/api${path}`, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(s.csrfToken ? { 'x-csrf-token': s.csrfToken } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json().catch(() => ({}))) as T & Partial<ApiError>;
  if (!res.ok) throw new ConsoleError(res.status, json.error?.code ?? 'http_error', json.error?.message ?? `${res.status} ${res.statusText}`, json.error?.issues ?? []);
  return json;
}

/** The $names a query uses, in order of first use. */
export function parameterNames(cypher: string): string[] {
  return [...new Set([...cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
}

export const checkQuery = (cypher: string, params: Record<string, string>) => call<AdHocQueryResponse>('POST', '/query', { cypher, params, check: true });
export const runQuery = (cypher: string, params: Record<string, string>) => call<AdHocQueryResponse>('POST', '/query', { cypher, params });
export const saveAnalysis = (body: { title: string; explanation: string; cypher: string; parameters: AnalysisParameter[] }) => call<SavedAnalysisResponse>('POST', '/analyses', body);
export const listAnalyses = () => call<{ analyses: SavedAnalysis[] }>('GET', '/analyses');
export const storeKind = () => call<HealthResponse>('GET', '/health').then((h) => h.store.kind);

/** "syntax error at line 2, column 7" -> { line: 2, column: 7 } */
export function errorPosition(message: string): { line: number; column: number } | null {
  const m = /at line (\d+), column (\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}
