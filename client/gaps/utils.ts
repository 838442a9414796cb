import type { GapCell } from '../../model/api.js';

/** Pure helpers for the gaps panel: which node a row is about, and how its cells read. */

/** A row as the panel reads it: every analysis gives an `id`, but the panel does not rely on it alone. */
type Row = Record<string, GapCell>;

/** The node a gap row is about: its `id`, or the first value naming a node the map holds. */
export function rowNodeId(row: Row, known?: (id: string) => boolean): string | null {
  if (typeof row.id === 'string' && row.id !== '') return row.id;
  if (!known) return null;
  for (const v of Object.values(row)) if (typeof v === 'string' && known(v)) return v;
  return null;
}

export function formatCell(value: Row[string] | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Gap ids that take a date: the overdue analyses. */
export function takesDate(parameters: readonly { name: string; type: string }[]): boolean {
  return parameters.some((p) => p.type === 'date');
}

export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
