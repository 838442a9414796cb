import type { GapResponse } from '../../model/api.js';
import { toCsv, type CsvValue } from '../export/csv.js';

/**
 * A gap list as CSV: exactly the columns the panel shows, in its order, under its
 * titles. Node ids are never written: the server's columns already name each node
 * (references carry their plan's short name where a list spans plans).
 */
export function gapTableCsv(gap: GapResponse): string {
  return toCsv(
    gap.columns.map((c) => c.title),
    gap.rows.map((r) => gap.columns.map((c) => r[c.key] as CsvValue)),
  );
}
