import { BASES, basesOfClass, type MatrixCell, type MatrixParams, type MatrixResponse, type NodeKind } from '../../model/index.js';
import { HttpError } from '../api/errors.js';
import { byNumbers } from '../graph/byNumbers.js';
import { cached } from '../graph/readCache.js';
import { nodeSummaries, summaryFromElementData } from '../graph/summaries.js';
import type { GraphStore, Row } from '../store/port.js';

/**
 * The coverage matrix: rows are organisations (by the actions they lead or partner in,
 * as the chosen `count` credits them) or plans (by the actions they contain); columns are national
 * outcomes, strategic aims or framework outcomes. Every column is listed, so an outcome
 * nobody serves shows as an empty column, and each column says how many actions serve
 * it at all, so an empty cell can say why it is empty.
 */

const COLUMN_KINDS: Partial<Record<MatrixParams['cols'], NodeKind>> = {
  nationalOutcome: 'NationalOutcome',
  strategicAim: 'StrategicAim',
  frameworkOutcome: 'FrameworkOutcome',
};

type Credit = { row: string; col: string; action: string; role: 'lead' | 'partner' | 'plan' };

/**
 * Which (row, column, action) credits count: who is credited (`count`: leads, partners
 * where no lead is named, or both) over the links whose basis is in `bases`. An action
 * whose lead link is not counted (basis printed, lead inferred) has no lead here, so under
 * leads-else-partners its partners are credited.
 */
async function credits(store: GraphStore, params: MatrixParams, plan: string, bases: string[], served: Row[]): Promise<Credit[]> {
  if (params.rows === 'plan') return served.map((r) => ({ row: String(r.row), col: String(r.col), action: String(r.action), role: 'plan' }));
  const count = params.count;
  const [leads, partners, withLead] = await Promise.all([
    store.read('matrix/organisation-by-target', { plan, bases }),
    count === 'leads' ? Promise.resolve([]) : store.read('matrix/organisation-partners-by-target', { plan, bases }),
    count === 'leads-else-partners' ? store.read('matrix/actions-with-lead', { plan, bases }) : Promise.resolve([]),
  ]);
  const led = new Set(withLead.map((r) => String(r.id)));
  const out: Credit[] = leads.map((r) => ({ row: String(r.row), col: String(r.col), action: String(r.action), role: 'lead' }));
  for (const r of partners) {
    if (count === 'leads-else-partners' && led.has(String(r.action))) continue;
    out.push({ row: String(r.row), col: String(r.col), action: String(r.action), role: 'partner' });
  }
  return out;
}

export async function coverageMatrix(store: GraphStore, params: MatrixParams): Promise<MatrixResponse> {
  const rowAxis = params.rows;
  if (rowAxis !== 'organisation' && rowAxis !== 'plan') {
    throw new HttpError(400, 'bad_request', 'rows must be organisation or plan', [{ field: 'rows', reason: 'must be organisation or plan' }]);
  }
  const colKind = COLUMN_KINDS[params.cols];
  if (!colKind) {
    throw new HttpError(400, 'bad_request', 'cols must be nationalOutcome, strategicAim or frameworkOutcome', [{ field: 'cols', reason: 'must be nationalOutcome, strategicAim or frameworkOutcome' }]);
  }
  const plan = params.plan ?? '';
  // Only links whose basis the caller counts (every link, or printed ones only), in every query alike.
  const bases = params.basis === 'printed' ? basesOfClass('printed') : [...BASES];
  // Every action serving a column, whoever runs it: the plan rows, and each column's total.
  const [served, axisRows] = await Promise.all([store.read('matrix/plan-by-target', { plan, bases }), cached(store, 'matrix-axis', (reading) => reading.read('matrix/axis-nodes'))]);
  const [credited, data] = await Promise.all([
    credits(store, params, plan, bases, served),
    cached(store, 'matrix-axis-summaries', (reading) =>
      nodeSummaries(
        reading,
        axisRows.map((r) => String(r.id)),
      ),
    ),
  ]);
  const summaries = new Map([...data].map(([id, d]) => [id, summaryFromElementData(d)]));
  const cols = [...summaries.values()].filter((s) => s.kind === colKind).sort((a, b) => byNumbers(a.ref ?? '', b.ref ?? ''));
  const colIds = new Set(cols.map((c) => c.id));

  const grouped = new Map<string, { row: string; col: string; roles: Map<string, Credit['role']> }>();
  const creditedPerCol = new Map<string, Set<string>>();
  for (const c of credited) {
    if (!colIds.has(c.col)) continue;
    const key = `${c.row}\u0000${c.col}`;
    const cell = grouped.get(key) ?? { row: c.row, col: c.col, roles: new Map() };
    // An organisation that both leads and partners in an action counts once, as its lead.
    if (cell.roles.get(c.action) !== 'lead') cell.roles.set(c.action, c.role);
    grouped.set(key, cell);
    creditedPerCol.set(c.col, (creditedPerCol.get(c.col) ?? new Set()).add(c.action));
  }
  const cells: MatrixCell[] = [...grouped.values()].map((c) => {
    const actions = [...c.roles.keys()].sort(byNumbers);
    const roles = [...c.roles.values()];
    return { row: c.row, col: c.col, count: actions.length, actions, leads: roles.filter((r) => r === 'lead').length, partners: roles.filter((r) => r === 'partner').length };
  });

  const servingPerCol = new Map<string, Set<string>>();
  for (const r of served) if (colIds.has(String(r.col))) servingPerCol.set(String(r.col), (servingPerCol.get(String(r.col)) ?? new Set()).add(String(r.action)));
  const columns = cols.map((c) => {
    const serving = servingPerCol.get(c.id) ?? new Set<string>();
    const creditedHere = creditedPerCol.get(c.id) ?? new Set<string>();
    return { col: c.id, actions: serving.size, unattributed: [...serving].filter((a) => !creditedHere.has(a)).length };
  });

  const rowIds = new Set(cells.map((c) => c.row));
  if (rowAxis === 'plan') for (const s of summaries.values()) if (s.kind === 'Plan' && (!params.plan || s.id === params.plan)) rowIds.add(s.id);
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c.row, (totals.get(c.row) ?? 0) + c.count);
  const rows = [...rowIds]
    .map((id) => summaries.get(id)!)
    .filter(Boolean)
    .sort((a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0) || a.label.localeCompare(b.label));
  return { count: params.count, rows, cols, cells, columns };
}
