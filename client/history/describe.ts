import type { DiffFieldChange, NodeHistoryEntry } from '../../model/changes.js';
import { propTitle } from '../detail/utils.js';

/**
 * Changes in a planner's words: "lead changed from MAPPA steering group to South
 * Lanarkshire Council", "timescale changed from “August 2008” to “March 2009”",
 * "by Jane Doe on 3 March 2026, because …". Pure: names come from a lookup.
 */

export type Names = (id: string) => string;

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} at ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? 'nothing' : Array.isArray(v) ? `“${v.join('; ')}”` : `“${String(v)}”`);

export function describeField(c: DiffFieldChange): string {
  if (c.before === null || c.before === undefined) return `${propTitle(c.field).toLowerCase()} set to ${shown(c.after)}`;
  if (c.after === null || c.after === undefined) return `${propTitle(c.field).toLowerCase()} cleared (was ${shown(c.before)})`;
  return `${propTitle(c.field).toLowerCase()} changed from ${shown(c.before)} to ${shown(c.after)}`;
}

const VERBS: Record<string, string> = { LEADS: 'lead', PARTNERS_IN: 'partner', SERVES: 'serves', CONTAINS: 'in plan', HAS_PROGRESS: 'progress update', HAS_MILESTONE: 'milestone' };

/** What the relationships of one change did to this node, a lead swap read as one change of lead. */
export function describeLinks(entry: Pick<NodeHistoryEntry, 'relationships'>, nodeId: string, name: Names): string[] {
  const other = (r: { from: string; to: string }) => name(r.from === nodeId ? r.to : r.from);
  const out: string[] = [];
  const byType = new Map<string, { added: string[]; removed: string[] }>();
  for (const r of entry.relationships) {
    const t = byType.get(r.type) ?? { added: [], removed: [] };
    (r.change === 'added' ? t.added : t.removed).push(other(r));
    byType.set(r.type, t);
  }
  for (const [type, { added, removed }] of byType) {
    const verb = VERBS[type] ?? type.replace(/_/g, ' ').toLowerCase();
    if (type === 'LEADS' && added.length > 0 && removed.length > 0) out.push(`lead changed from ${removed.join(' and ')} to ${added.join(' and ')}`);
    else {
      if (added.length > 0) out.push(`${verb} ${added.join(', ')} added`);
      if (removed.length > 0) out.push(`${verb} ${removed.join(', ')} removed`);
    }
  }
  return out;
}

/** One sentence for one entry of a node's history. */
export function describeEntry(entry: NodeHistoryEntry, nodeId: string, name: Names): string {
  const what = [entry.action === 'created' ? 'created' : entry.action === 'removed' ? 'deleted' : null, ...entry.fields.map(describeField), ...describeLinks(entry, nodeId, name)].filter(Boolean);
  const body = what.length > 0 ? what.join('; ') : entry.action;
  const by = entry.origin.kind === 'seed' ? 'loaded from the curated seed' : `by ${entry.author}`;
  const undo = entry.origin.kind === 'revert' ? ' (an undo)' : '';
  return `${body.charAt(0).toUpperCase()}${body.slice(1)} ${by}${undo} on ${formatWhen(entry.at)}${entry.reason ? `, because ${entry.reason}` : ''}`;
}

/** A node as a change names it: "LCJA 2008 · 2.5.7 Ensure the effective implementation of NASSO." (cut short). */
export function changeName(n: { label: string; ref: string | null; planShort?: string | null; kind: string }): string {
  const label = n.label.length > 70 ? `${n.label.slice(0, 69)}…` : n.label;
  if (!n.ref || n.kind === 'Organisation') return label;
  return `${n.planShort ? `${n.planShort} · ` : ''}${n.ref} ${label}`;
}
