import type {
  ApiError,
  GapCatalogueResponse,
  GapParams,
  GapResponse,
  GraphParams,
  GraphResponse,
  HealthResponse,
  MatrixParams,
  MatrixResponse,
  NodeDetailResponse,
  SearchParams,
  SearchResponse,
  ThreadResponse,
} from '../../model/api.js';

/**
 * The explorer's only door to the server: one typed function per endpoint of the
 * contract in model/api.ts. Errors come back as ApiRequestError carrying the
 * server's message, so the UI can say what went wrong in the server's words.
 */

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export function apiUrl(path: string, query: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const qs = p.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  const url = apiUrl(path, query);
  const res = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (!res.ok) {
    let code = 'http_error';
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as Partial<ApiError>;
      if (body.error) {
        code = body.error.code;
        message = body.error.message + (body.error.issues?.length ? ` (${body.error.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')})` : '');
      }
    } catch {
      // The body was not JSON (a proxy's error page): the status line says enough.
    }
    throw new ApiRequestError(res.status, code, message, url);
  }
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  health: (signal?: AbortSignal) => get<HealthResponse>('/health', {}, signal),
  search: (params: Partial<SearchParams> & { q: string }, signal?: AbortSignal) => get<SearchResponse>('/search', params, signal),
  node: (id: string, signal?: AbortSignal) => get<NodeDetailResponse>(`/nodes/${enc(id)}`, {}, signal),
  graph: (params: Partial<Omit<GraphParams, 'kind'>> & { kind?: readonly string[] } = {}, signal?: AbortSignal) => get<GraphResponse>('/graph', params, signal),
  thread: (id: string, signal?: AbortSignal) => get<ThreadResponse>(`/thread/${enc(id)}`, {}, signal),
  gapCatalogue: (signal?: AbortSignal) => get<GapCatalogueResponse>('/gaps', {}, signal),
  gap: (id: string, params: GapParams = {}, signal?: AbortSignal) => get<GapResponse>(`/gaps/${enc(id)}`, params, signal),
  matrix: (params: Partial<MatrixParams> = {}, signal?: AbortSignal) => get<MatrixResponse>('/matrix', params, signal),
};

export type Api = typeof api;
