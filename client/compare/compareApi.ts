import type { SnapshotRow } from '../../model/system.js';
import type { PlanComparison } from '../../server/compare/comparePlans.js';
import type { GraphDiff } from '../../server/compare/diffGraphs.js';
import { apiUrl, ApiRequestError } from '../http/api.js';
import { send } from '../http/authSession.js';

/**
 * The comparison endpoints as the Compare panel calls them: two plans
 * (GET /api/compare), the snapshots (GET /api/snapshots), two snapshots or a
 * snapshot and now (GET /api/snapshots/compare), and freezing one (POST /api/snapshots).
 */

export type { PlanComparison, GraphDiff, SnapshotRow };
export type SnapshotComparison = GraphDiff & { from: { id: string; label: string }; to: { id: string; label: string } };

async function getJson<T>(path: string, query: Record<string, string> = {}): Promise<T> {
  const url = apiUrl(path, query);
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiRequestError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `${res.status} ${res.statusText}`, url);
  }
  return (await res.json()) as T;
}

export const comparePlansApi = (a: string, b: string) => getJson<PlanComparison>('/compare', { a, b });
export const listSnapshots = () => getJson<{ snapshots: SnapshotRow[] }>('/snapshots').then((r) => r.snapshots);
export const compareSnapshots = (from: string, to: string) => getJson<SnapshotComparison>('/snapshots/compare', { from, to });
export const takeSnapshot = (name: string) => send<SnapshotRow>('POST', '/snapshots', { json: { name } });
