import type { ChangeDiff, FieldValue } from '../../model/changes.js';
import type { GraphIndex } from '../graph/index.js';
import { nodeName } from '../thread/utils.js';
import { h } from '../ui/dom.js';

/**
 * A proposal's exact dry-run diff, as the facilitator reads it before deciding: every
 * node added, field changed (before and after) and link added or removed, named the way
 * the map names them.
 */

const show = (v: FieldValue) => (v === null ? '(none)' : Array.isArray(v) ? v.join(', ') : String(v));

export function diffLines(diff: ChangeDiff, index: GraphIndex | null): { sign: '+' | '−' | '~'; text: string }[] {
  const name = (id: string, fallback?: string) => {
    const n = index?.nodes.get(id);
    return n ? nodeName(n) : (fallback ?? id);
  };
  const out: { sign: '+' | '−' | '~'; text: string }[] = [];
  for (const n of diff.nodes.added) out.push({ sign: '+', text: `new ${n.kind}: ${show(n.props.title ?? n.props.name ?? n.id)}` });
  for (const n of diff.nodes.updated) for (const f of n.fields) out.push({ sign: '~', text: `${name(n.id)} · ${f.field}: “${show(f.before)}” → “${show(f.after)}”` });
  for (const n of diff.nodes.removed) out.push({ sign: '−', text: `remove ${n.kind}: ${name(n.id)}` });
  const added = new Map(diff.nodes.added.map((n) => [n.id, show(n.props.title ?? n.props.name ?? n.id)]));
  for (const r of diff.relationships.added) {
    const why = typeof r.props.rationale === 'string' ? ` — “${r.props.rationale}”` : '';
    out.push({ sign: '+', text: `${name(r.from, added.get(r.from))} ${r.type} ${name(r.to, added.get(r.to))}${why}` });
  }
  for (const r of diff.relationships.removed) out.push({ sign: '−', text: `${name(r.from)} ${r.type} ${name(r.to)}` });
  return out;
}

export function renderDiff(diff: ChangeDiff, index: GraphIndex | null): HTMLElement {
  const lines = diffLines(diff, index);
  if (lines.length === 0) return h('p', { class: 'meta' }, 'No change to the plan (a comment).');
  return h(
    'ul',
    { class: 'seminar-diff', 'aria-label': 'What accepting it changes' },
    lines.map((l) => h('li', { class: `diff-${l.sign === '+' ? 'add' : l.sign === '−' ? 'remove' : 'change'}` }, h('span', { class: 'diff-sign', 'aria-hidden': 'true' }, l.sign), ' ', l.text)),
  );
}
