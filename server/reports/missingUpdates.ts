import type { Period } from '../../model/index.js';
import type { GraphStore } from '../store/port.js';
import { isFinished } from './reportData.js';
import { NO_UPDATE, actionStates } from './rollup.js';
import { byNumbers } from '../graph/byNumbers.js';

/**
 * What needs updating: per lead organisation, the unfinished actions of a plan (or of
 * every plan, for the partnership) with no update dated within the period. This is the list a coordinator sends round before the
 * quarterly report; actions with no named lead are listed under "no lead printed" so
 * they are chased too.
 */

export type MissingUpdate = { lead: string; plan: string; actionId: string; ref: string; title: string; lastStatus: string; lastUpdate: string | null };

/** How many updates each lead owes, for the partnership's list: the lead a coordinator writes to, and in which plans. */
export type LeadCount = { lead: string; missing: number; plans: string[] };

export const NO_LEAD = 'no lead printed';

export async function missingUpdates(store: GraphStore, planId: string, period: Period): Promise<MissingUpdate[]> {
  const actions = await store.read('reports/plan-actions', { plan: planId });
  return missingUpdatesOf(store, actions.map((a) => String(a.id)), period);
}

/** The partnership's list: every plan's actions, one read of each kind whatever the number of plans. */
export async function partnershipMissingUpdates(store: GraphStore, period: Period): Promise<MissingUpdate[]> {
  const actions = await store.read('reports/partnership-actions');
  return missingUpdatesOf(store, actions.map((a) => String(a.id)), period);
}

export async function missingUpdatesOf(store: GraphStore, ids: string[], period: Period): Promise<MissingUpdate[]> {
  if (!ids.length) return [];
  const [states, leads] = await Promise.all([actionStates(store, ids, period), store.read('thread/leads', { ids })]);
  const leadNames = new Map<string, string[]>();
  for (const l of leads) leadNames.set(String(l.action), [...(leadNames.get(String(l.action)) ?? []), String(l.name)]);
  const out: MissingUpdate[] = [];
  for (const s of states.values()) {
    if (s.updatedThisPeriod || isFinished(s.status === NO_UPDATE ? null : s.status)) continue;
    const names = leadNames.get(s.id) ?? (s.lead ? [s.lead] : [NO_LEAD]);
    for (const lead of names) {
      out.push({ lead, plan: s.plan, actionId: s.id, ref: s.ref, title: s.title, lastStatus: s.status, lastUpdate: s.latest?.date?.date ?? null });
    }
  }
  return out.sort((a, b) => a.lead.localeCompare(b.lead) || a.plan.localeCompare(b.plan) || byNumbers(a.ref, b.ref) || a.actionId.localeCompare(b.actionId));
}

/** Rows counted per lead, most owed first (then by name), each with the plans its actions are in. */
export function countByLead(rows: readonly MissingUpdate[]): LeadCount[] {
  const byLead = new Map<string, { missing: number; plans: Set<string> }>();
  for (const r of rows) {
    const c = byLead.get(r.lead) ?? { missing: 0, plans: new Set<string>() };
    c.missing += 1;
    c.plans.add(r.plan);
    byLead.set(r.lead, c);
  }
  return [...byLead].map(([lead, c]) => ({ lead, missing: c.missing, plans: [...c.plans].sort() })).sort((a, b) => b.missing - a.missing || a.lead.localeCompare(b.lead));
}

/** A cell a spreadsheet will not run as a formula: leading =, +, -, @, tab or CR is quoted away. */
export function safeCsvCell(value: string | null): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The Plan column names each row's own plan, so one file serves a plan or the whole partnership. */
export function missingUpdatesCsv(rows: MissingUpdate[], period: Period): string {
  const header = ['Lead', 'Action', 'Title', 'Last status', 'Last update', 'Plan', 'Period'];
  const lines = rows.map((r) => [r.lead, r.ref, r.title, r.lastStatus, r.lastUpdate, r.plan, period.code].map(safeCsvCell).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
