import type { GapResponse, MatrixResponse, NodeSummary } from '../../model/api.js';

/**
 * CSV for the gap lists and the matrix, as RFC 4180 (CRLF, quotes doubled), with a
 * byte-order mark so that spreadsheet programs read the curly quotes of the plans
 * correctly. Cells that a spreadsheet would run as a formula are prefixed with an
 * apostrophe.
 */

export type CsvValue = string | number | boolean | null | undefined | readonly string[];

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function gapCsv(gap: GapResponse): string {
  const keys = gap.columns.map((c) => c.key);
  const hasId = gap.rows.some((r) => typeof r.id === 'string') && !keys.includes('id');
  const header = [...(hasId ? ['Id'] : []), ...gap.columns.map((c) => c.title)];
  const rows = gap.rows.map((r) => [...(hasId ? [r.id as CsvValue] : []), ...keys.map((k) => r[k] as CsvValue)]);
  return toCsv(header, rows);
}

export function summaryName(n: NodeSummary): string {
  return n.ref && !n.label.startsWith(n.ref) ? `${n.ref} ${n.label}` : n.label;
}

export function matrixCsv(matrix: MatrixResponse, corner = ''): string {
  const counts = new Map(matrix.cells.map((c) => [`${c.row}\u0000${c.col}`, c.count]));
  const header = [corner, ...matrix.cols.map(summaryName), 'Total'];
  const rows = matrix.rows.map((r) => {
    const values = matrix.cols.map((c) => counts.get(`${r.id}\u0000${c.id}`) ?? 0);
    return [summaryName(r), ...values, values.reduce((a, b) => a + b, 0)];
  });
  return toCsv(header, rows);
}
