import type { NodeKind } from '../../model/nodes.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { spokenRef, truncate } from '../graph/labels.js';

/**
 * How the Compare panel names a node, never by its id: the printed reference with its
 * plan's short name ("LCJA 2008 · 2.5.7"), since two plans are on screen at once and
 * references repeat across plans; then the words, shortened for a table cell.
 */

export type Nameable = { kind: string; label: string; ref: string | null; planShort?: string | null };

const kindName = (kind: string) => (KIND_STYLES as Record<string, { name: string } | undefined>)[kind]?.name ?? kind;

/** "LCJA 2008 · 2.5.7", "NO 9", or the plan's short name alone when the node prints no reference. */
export function referenceName(n: Nameable): string | null {
  const ref = spokenRef(n.kind as NodeKind, n.ref);
  if (n.kind === 'Plan') return n.planShort ?? null;
  if (ref && n.planShort) return `${n.planShort} · ${ref}`;
  return ref ?? n.planShort ?? null;
}

/** "LCJA 2008 · 2.5.7 Ensure NASSO fully integrated…"; an organisation or an outcome by its name. */
export function fullName(n: Nameable, max = 90): string {
  const ref = referenceName(n);
  if (n.kind === 'Organisation') return truncate(n.label, max);
  if (n.kind === 'Plan') return `${truncate(n.label, max)}${ref ? ` (${ref})` : ''}`;
  // A milestone or progress update prints no reference of its own: its plan, then its kind.
  if (ref && !n.ref && n.planShort) return `${n.planShort} · ${kindName(n.kind).toLowerCase()} “${truncate(n.label, max)}”`;
  return ref ? `${ref} ${truncate(n.label, max)}` : `${kindName(n.kind)} “${truncate(n.label, max)}”`;
}

/** "Action", "National Outcome": the kind as a planner reads it. */
export const kindLabel = kindName;
