import type { Period } from '../../model/index.js';
import type { GraphStore } from '../store/port.js';
import { isFinished } from './reportData.js';
import { NO_UPDATE, actionStates } from './rollup.js';

/**
 * What needs updating: per lead organisation, the plan's unfinished actions with no
 * update dated within the period. This is the list a coordinator sends round before the
 * quarterly report; actions with no named lead are listed under "no lead printed" so
 * they are chased too.
 */

export type MissingUpdate = { lead: string; actionId: string; ref: string; title: string; lastStatus: string; lastUpdate: string | null };

export const NO_LEAD = 'no lead printed';

export async function missingUpdates(store: GraphStore, planId: string, period: Period): Promise<MissingUpdate[]> {
  const actions = await store.read('reports/plan-actions', { plan: planId });
  const ids = actions.map((a) => String(a.id));
  const [states, leads] = await Promise.all([actionStates(store, ids, period), store.read('thread/leads', { ids })]);
  const leadNames = new Map<string, string[]>();
  for (const l of leads) leadNames.set(String(l.action), [...(leadNames.get(String(l.action)) ?? []), String(l.name)]);
  const out: MissingUpdate[] = [];
  for (const s of states.values()) {
    if (s.updatedThisPeriod || isFinished(s.status === NO_UPDATE ? null : s.status)) continue;
    const names = leadNames.get(s.id) ?? (s.lead ? [s.lead] : [NO_LEAD]);
    for (const lead of names) {
      out.push({ lead, actionId: s.id, ref: s.ref, title: s.title, lastStatus: s.status, lastUpdate: s.latest?.date?.date ?? null });
    }
  }
  return out.sort((a, b) => a.lead.localeCompare(b.lead) || a.ref.localeCompare(b.ref, 'en', { numeric: true }) || a.actionId.localeCompare(b.actionId));
}

/** A cell a spreadsheet will not run as a formula: leading =, +, -, @, tab or CR is quoted away. */
export function safeCsvCell(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function missingUpdatesCsv(rows: MissingUpdate[], plan: string, period: Period): string {
  const header = ['Lead', 'Action', 'Title', 'Last status', 'Last update', 'Plan', 'Period'];
  const lines = rows.map((r) => [r.lead, r.ref, r.title, r.lastStatus, r.lastUpdate, plan, period.code].map(safeCsvCell).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
