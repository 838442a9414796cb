import type { NodeKind } from '../../model/nodes.js';

/**
 * Labels as the map prints them. A projector shows a few words legibly, not a
 * paragraph: the map prints the short form, the selected and highlighted nodes the
 * long one, the detail panel everything.
 */

export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  // Cut at the last whole word, unless that throws away too much.
  const space = clean.charAt(max - 1) === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** The reference as people say it: "NO 9", "O2", "Aim 1", "2.5.7". */
export function spokenRef(kind: NodeKind, ref: string | null): string | null {
  if (ref === null || ref === '') return null;
  switch (kind) {
    case 'NationalOutcome':
      return `NO ${ref.replace(/^NO\s*/i, '')}`;
    case 'StrategicAim':
      return `Aim ${ref.replace(/^Aim\s*/i, '')}`;
    default:
      return ref;
  }
}

export function shortLabel(kind: NodeKind, label: string, ref: string | null): string {
  const r = spokenRef(kind, ref);
  switch (kind) {
    case 'NationalOutcome':
    case 'FrameworkOutcome':
    case 'StrategicAim':
      return r ?? truncate(label, 18);
    case 'Action':
      return r ?? truncate(label, 22);
    case 'LocalOutcome':
    case 'Priority':
      return r ? `${r} ${truncate(label, 18)}` : truncate(label, 24);
    case 'Organisation':
      return truncate(label, 24);
    default:
      return truncate(label, 20);
  }
}

/**
 * The reference with its plan's short name, "LCJA 2008 · 2.2.1", for when more than one
 * plan is on screen and "2.2.1" alone could be either plan's. Null when there is no
 * reference or no plan to name.
 */
export function refWithPlan(ref: string | null, planShort: string | null | undefined): string | null {
  if (!ref) return null;
  return planShort ? `${planShort} · ${ref}` : ref;
}

/** The map's short label with the plan's short name before the reference, or null when it would read the same. */
export function shortLabelWithPlan(kind: NodeKind, label: string, ref: string | null, planShort: string | null | undefined): string | null {
  if (!planShort || ref === null || ref === '' || kind === 'Plan' || kind === 'Organisation') return null;
  return `${planShort} · ${shortLabel(kind, label, ref)}`;
}

export function longLabel(kind: NodeKind, label: string, ref: string | null): string {
  const r = spokenRef(kind, ref);
  const text = truncate(label, 110);
  return r && kind !== 'Organisation' ? `${r} · ${text}` : text;
}

/** "Action 2.5.7", "National Outcome 9", "Organisation Scottish Prison Service". */
export function nameOf(kindName: string, kind: NodeKind, label: string, ref: string | null): string {
  if (ref !== null && ref !== '') {
    if (kind === 'FrameworkOutcome') return `outcome ${ref}`;
    if (kind === 'NationalOutcome') return `National Outcome ${ref.replace(/^NO\s*/i, '')}`;
    if (kind === 'StrategicAim') return `national strategic aim ${ref.replace(/^Aim\s*/i, '')}`;
    return `${kindName} ${ref}`;
  }
  return `${kindName} “${truncate(label, 60)}”`;
}
