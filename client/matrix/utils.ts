import type { MatrixCount, MatrixResponse } from '../../model/api.js';
import type { MatrixAxis } from '../state/types.js';

/**
 * The coverage matrix as data: cell lookup, totals, and the heatmap colour of a count.
 * A sequential single-hue blue scale (ColorBrewer Blues) reads the same for the common
 * colour-vision deficiencies; text on it switches to white where dark enough for AA.
 */

export const AXIS_NAMES: Record<MatrixAxis, string> = {
  organisation: 'Organisations',
  nationalOutcome: 'National Outcomes',
  strategicAim: 'National strategic aims',
  frameworkOutcome: 'NSMO framework outcomes',
  plan: 'Plans',
};

const BLUES = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#2171b5', '#08519c', '#08306b'] as const;

export type Heat = { background: string; text: string; level: number };

export function heat(count: number, max: number): Heat | null {
  if (count <= 0 || max <= 0) return null;
  const level = max === 1 ? BLUES.length - 2 : Math.min(BLUES.length - 1, Math.floor(((count - 1) / (max - 1)) * (BLUES.length - 1)));
  return { background: BLUES[level]!, text: level >= 4 ? '#ffffff' : '#0b1a2b', level };
}

export type MatrixCell = MatrixResponse['cells'][number];

export function cellIndex(matrix: MatrixResponse): Map<string, MatrixCell> {
  return new Map(matrix.cells.map((c) => [cellKey(c.row, c.col), c]));
}

export function cellKey(row: string, col: string): string {
  return `${row}\u0000${col}`;
}

export function totals(matrix: MatrixResponse): { rows: Map<string, number>; cols: Map<string, number>; max: number; empty: number } {
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  let max = 0;
  for (const c of matrix.cells) {
    rows.set(c.row, (rows.get(c.row) ?? 0) + c.count);
    cols.set(c.col, (cols.get(c.col) ?? 0) + c.count);
    max = Math.max(max, c.count);
  }
  const filled = new Set(matrix.cells.filter((c) => c.count > 0).map((c) => cellKey(c.row, c.col)));
  return { rows, cols, max, empty: matrix.rows.length * matrix.cols.length - filled.size };
}

export const COUNT_NAMES: Record<MatrixCount, string> = {
  'leads-else-partners': 'Leads, or partners where no lead is named',
  leads: 'Leads only',
  'leads-and-partners': 'Leads and partners',
};

const COUNT_VERBS: Record<MatrixCount, string> = {
  'leads-else-partners': 'leads (or, where no lead is named, is a partner in)',
  leads: 'leads',
  'leads-and-partners': 'leads or is a partner in',
};

/**
 * Why a cell is empty, in words: nobody serves the column at all (an outcome nobody
 * serves), or others do and this row does not, or the actions that do name nobody.
 */
export function emptyCellReason(matrix: MatrixResponse, rowLabel: string, col: string, colName: string, rowsAreOrganisations: boolean, planFiltered: boolean): string {
  const column = matrix.columns.find((c) => c.col === col);
  const serving = column?.actions ?? 0;
  if (serving === 0) return `No action ${planFiltered ? 'in this plan' : 'in any plan'} serves ${colName}.`;
  const actions = `${serving} ${serving === 1 ? 'action' : 'actions'}`;
  const others = `${actions} ${serving === 1 ? 'does' : 'do'}`;
  if (!rowsAreOrganisations) return `${rowLabel} has no action serving ${colName} (${others}).`;
  const unattributed = column?.unattributed ?? 0;
  const nobody =
    unattributed > 0 ? `; ${unattributed === serving ? (serving === 1 ? 'it names' : 'they name') : `${unattributed} of them name`} no ${matrix.count === 'leads' ? 'lead' : 'lead or partner'}` : '';
  return `${rowLabel} ${COUNT_VERBS[matrix.count]} no action serving ${colName} (${others}${nobody}).`;
}
