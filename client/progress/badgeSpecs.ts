import type { Badge } from '../map/statusBadges.js';
import { BADGE_ORDER, OVERDUE_MARK, STATUS_LOOKS, type BadgeStatus } from './statusLook.js';

/**
 * What the map's badges say, from the server's answers: a status badge per action (its
 * status as at the end of the period, dashed when the status was read from the narrative
 * rather than printed, with the overdue mark when it was overdue then), and on each
 * outcome a roll-up card of the actions beneath it. Pure, so it is tested without a map.
 */

export type ActionStatusAt = {
  id: string;
  status: BadgeStatus;
  statusAsPrinted: string | null;
  basis: 'printed' | 'inferred' | null;
  updated: string | null;
  overdue: boolean;
  updatedThisPeriod: boolean;
};

export type RollupRowData = {
  target: { id: string; kind: string; label: string };
  actions: number;
  byStatus: Record<BadgeStatus, number>;
  overdue: number;
  noUpdateThisPeriod: number;
};

export function describeStatus(a: ActionStatusAt): string {
  if (a.status === 'no update') return 'No progress update by the end of the period';
  const printed =
    a.basis === 'printed' ? (a.statusAsPrinted && a.statusAsPrinted.toLowerCase() !== a.status ? `printed “${a.statusAsPrinted}”` : 'as printed') : 'read from the narrative (not printed)';
  return `Status: ${a.status}, ${printed}${a.updated ? `, update of ${a.updated}` : ''}${a.overdue ? '; overdue' : ''}`;
}

export function actionBadges(actions: readonly ActionStatusAt[]): Badge[] {
  return actions.map((a) => {
    const look = STATUS_LOOKS[a.status] ?? STATUS_LOOKS.unknown;
    return {
      id: a.id,
      text: look.symbol,
      className: `badge-status badge-shape-${look.shape}${a.basis === 'inferred' ? ' badge-inferred' : ''}`,
      style: `--fill:${look.fill};--ink:${look.ink}`,
      title: describeStatus(a),
      place: 'corner',
      ...(a.overdue ? { mark: OVERDUE_MARK } : {}),
      data: { status: a.status, basis: a.basis ?? 'none', overdue: String(a.overdue) },
    };
  });
}

/** "9: ▶5 ↻2 ?1 ·1 ◷3": the statuses present with their counts, then overdue and not updated this period. */
export function rollupText(row: RollupRowData): string {
  const parts = BADGE_ORDER.filter((s) => s !== 'no update' && (row.byStatus[s] ?? 0) > 0).map((s) => `${STATUS_LOOKS[s].symbol}${row.byStatus[s]}`);
  if ((row.byStatus['no update'] ?? 0) > 0) parts.push(`${STATUS_LOOKS['no update'].symbol}${row.byStatus['no update']}`);
  return `${row.actions}: ${parts.join(' ')}${row.overdue ? ` ${OVERDUE_MARK}${row.overdue}` : ''}`;
}

export function rollupBadges(rows: readonly RollupRowData[]): Badge[] {
  return rows.map((r) => {
    const statuses = BADGE_ORDER.filter((s) => (r.byStatus[s] ?? 0) > 0).map((s) => `${r.byStatus[s]} ${s}`);
    return {
      id: r.target.id,
      text: rollupText(r),
      className: 'badge-rollup',
      title: `${r.actions} ${r.actions === 1 ? 'action' : 'actions'} beneath: ${statuses.join(', ')}; ${r.overdue} overdue; ${r.noUpdateThisPeriod} with no update this period`,
      place: 'beside',
      data: { actions: String(r.actions), overdue: String(r.overdue), 'no-update': String(r.noUpdateThisPeriod) },
    };
  });
}
