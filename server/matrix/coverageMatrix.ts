import type { MatrixParams, MatrixResponse, NodeKind } from '../../model/index.js';
import { HttpError } from '../api/errors.js';
import { cached } from '../graph/readCache.js';
import { nodeSummaries, summaryFromElementData } from '../graph/summaries.js';
import type { GraphStore } from '../store/port.js';

/**
 * The coverage matrix: rows are organisations (by the actions they lead) or plans (by
 * the actions they contain); columns are national outcomes, strategic aims or framework
 * outcomes. Every column is listed, so an outcome nobody serves shows as an empty column.
 */

const ROW_QUERIES = { organisation: 'matrix/organisation-by-target', plan: 'matrix/plan-by-target' } as const;
const COLUMN_KINDS: Partial<Record<MatrixParams['cols'], NodeKind>> = {
  nationalOutcome: 'NationalOutcome',
  strategicAim: 'StrategicAim',
  frameworkOutcome: 'FrameworkOutcome',
};

export async function coverageMatrix(store: GraphStore, params: MatrixParams): Promise<MatrixResponse> {
  const rowAxis = params.rows;
  if (rowAxis !== 'organisation' && rowAxis !== 'plan') {
    throw new HttpError(400, 'bad_request', 'rows must be organisation or plan', [{ field: 'rows', reason: 'must be organisation or plan' }]);
  }
  const colKind = COLUMN_KINDS[params.cols];
  if (!colKind) {
    throw new HttpError(400, 'bad_request', 'cols must be nationalOutcome, strategicAim or frameworkOutcome', [
      { field: 'cols', reason: 'must be nationalOutcome, strategicAim or frameworkOutcome' },
    ]);
  }
  const [cellRows, axisRows] = await Promise.all([
    store.read(ROW_QUERIES[rowAxis], { plan: params.plan ?? '' }),
    cached(store, 'matrix-axis', (reading) => reading.read('matrix/axis-nodes')),
  ]);
  const data = await cached(store, 'matrix-axis-summaries', (reading) => nodeSummaries(reading, axisRows.map((r) => String(r.id))));
  const summaries = new Map([...data].map(([id, d]) => [id, summaryFromElementData(d)]));
  const cols = [...summaries.values()]
    .filter((s) => s.kind === colKind)
    .sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? '', 'en', { numeric: true }));
  const colIds = new Set(cols.map((c) => c.id));
  const grouped = new Map<string, { row: string; col: string; actions: Set<string> }>();
  for (const r of cellRows) {
    if (!colIds.has(String(r.col))) continue;
    const key = `${r.row}\u0000${r.col}`;
    const cell = grouped.get(key) ?? { row: String(r.row), col: String(r.col), actions: new Set<string>() };
    cell.actions.add(String(r.action));
    grouped.set(key, cell);
  }
  const cells = [...grouped.values()].map((c) => {
    const actions = [...c.actions].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    return { row: c.row, col: c.col, count: actions.length, actions };
  });
  const rowIds = new Set(cells.map((c) => c.row));
  if (rowAxis === 'plan') for (const s of summaries.values()) if (s.kind === 'Plan' && (!params.plan || s.id === params.plan)) rowIds.add(s.id);
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c.row, (totals.get(c.row) ?? 0) + c.count);
  const rows = [...rowIds]
    .map((id) => summaries.get(id)!)
    .filter(Boolean)
    .sort((a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0) || a.label.localeCompare(b.label));
  return { rows, cols, cells };
}
