import type { ChangeDiff } from '../../model/changes.js';
import { LABEL_PROPERTY } from '../../model/nodes.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { describeField, describeLinks, type Names } from './describe.js';

/**
 * A whole change in lines a planner reads in the feed: per node, what changed in it
 * ("2.5.7: lead changed from X to Y"), then nodes created and deleted. Pure.
 */

export function describeChange(diff: ChangeDiff, name: Names): string[] {
  const lines: string[] = [];
  for (const n of diff.nodes.added) lines.push(`${KIND_STYLES[n.kind].name} “${String(n.props[LABEL_PROPERTY[n.kind]] ?? n.id)}” created`);
  for (const u of diff.nodes.updated) lines.push(`${name(u.id)}: ${u.fields.map(describeField).join('; ')}`);
  for (const n of diff.nodes.removed) lines.push(`${KIND_STYLES[n.kind].name} “${String(n.props[LABEL_PROPERTY[n.kind]] ?? n.id)}” deleted`);
  // Links read from the end they point at (the action), where a lead change is one line.
  const removedIds = new Set([...diff.nodes.removed, ...diff.nodes.added].map((n) => n.id));
  const byTarget = new Map<string, { type: ChangeDiff['relationships']['added'][number]['type']; from: string; to: string; change: 'added' | 'removed' }[]>();
  for (const [list, change] of [
    [diff.relationships.added, 'added'],
    [diff.relationships.removed, 'removed'],
  ] as const) {
    for (const r of list) {
      if (removedIds.has(r.to) || removedIds.has(r.from)) continue;
      const l = byTarget.get(r.to) ?? [];
      l.push({ type: r.type, from: r.from, to: r.to, change });
      byTarget.set(r.to, l);
    }
  }
  for (const [to, relationships] of byTarget) for (const line of describeLinks({ relationships }, to, name)) lines.push(`${name(to)}: ${line}`);
  return lines;
}
