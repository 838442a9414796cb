import type { GraphIndex } from '../graph/index.js';
import { truncate } from '../graph/labels.js';
import { h } from '../ui/dom.js';
import type { PlanComparison, SnapshotComparison } from './compareApi.js';
import { fullName, kindLabel, referenceName, type Nameable } from './names.js';

/**
 * The comparison as tables. Two plans: actions continued (earlier, later, how they
 * were matched and the score), dropped and new (with the closest score, so a near
 * miss shows), national outcomes whose coverage moved, and leads that changed. Two
 * graphs: what was added, removed and changed, field by field, and the links.
 * Nodes are named by plan and reference, never by id.
 */

type Named = (id: string) => Nameable;

function namer(index: GraphIndex): Named {
  return (id) => {
    const n = index.nodes.get(id);
    return n ? { ...n, planShort: n.planShort ?? null } : { kind: 'Action', label: 'an item no longer in the graph', ref: null, planShort: null };
  };
}

const table = (id: string, caption: string, head: string[], rows: HTMLElement[], empty: string) =>
  rows.length
    ? h(
        'table',
        { class: 'compare-table', id },
        h('caption', {}, caption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            head.map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h('tbody', {}, rows),
      )
    : h('div', { class: 'compare-empty', id }, h('h3', {}, caption), h('p', { class: 'hint' }, empty));

const cell = (n: Nameable, max = 120) => h('td', {}, h('span', { class: 'compare-ref' }, referenceName(n) ?? kindLabel(n.kind)), ' ', truncate(n.label, max));

export function planTables(cmp: PlanComparison, index: GraphIndex): HTMLElement[] {
  const name = namer(index);
  const leads = (ids: string[]) => (ids.length ? ids.map((id) => name(id).label).join(', ') : 'none named');
  const a = name(cmp.a);
  const b = name(cmp.b);
  const continued = table(
    'compare-continued',
    `Continued (${cmp.continued.length})`,
    [a.planShort ?? 'Earlier', b.planShort ?? 'Later', 'Score'],
    cmp.continued.map((c) =>
      h(
        'tr',
        { class: c.leadChanged ? 'is-lead-changed' : '' },
        cell(name(c.from), 160),
        h(
          'td',
          {},
          h('span', { class: 'compare-ref' }, referenceName(name(c.to)) ?? ''),
          ' ',
          truncate(name(c.to).label, 160),
          h('span', { class: 'compare-lead' }, c.leadChanged ? [h('span', { class: 'compare-badge' }, 'Δ lead '), `${leads(c.leadsBefore)} → ${leads(c.leadsAfter)}`] : `Lead: ${leads(c.leadsAfter)}`),
        ),
        h('td', { class: 'compare-score' }, h('strong', {}, c.score.toFixed(2)), h('span', { class: 'compare-basis' }, c.basis === 'reference' ? 'same reference' : 'by wording')),
      ),
    ),
    'No action of the earlier plan continues in the later one.',
  );
  const single = (id: string, caption: string, list: { id: string; bestScore: number }[], empty: string) =>
    table(
      id,
      caption,
      ['Action', 'Closest match'],
      list.map((d) => h('tr', {}, cell(name(d.id)), h('td', { class: 'compare-score' }, d.bestScore.toFixed(2)))),
      empty,
    );
  const dropped = single('compare-dropped', `Dropped from ${a.planShort ?? 'the earlier plan'} (${cmp.dropped.length})`, cmp.dropped, 'Every action continues.');
  const added = single('compare-new', `New in ${b.planShort ?? 'the later plan'} (${cmp.added.length})`, cmp.added, 'No new actions.');
  const moved = cmp.coverage.filter((c) => c.change !== 'same');
  const coverage = table(
    'compare-coverage',
    `National outcomes whose coverage changed (${moved.length} of ${cmp.coverage.length})`,
    ['National Outcome', a.planShort ?? 'Before', b.planShort ?? 'After', 'Change'],
    cmp.coverage.map((c) =>
      h(
        'tr',
        { class: `is-${c.change}` },
        h('td', {}, h('span', { class: 'compare-ref' }, `NO ${c.number}`), ' ', truncate(name(c.outcome).label, 80)),
        h('td', { class: 'num' }, String(c.before)),
        h('td', { class: 'num' }, String(c.after)),
        h('td', {}, c.change === 'gained' ? '▲ gained' : c.change === 'lost' ? '▼ lost' : 'same'),
      ),
    ),
    'Neither plan links an action to a national outcome.',
  );
  const changedLeads = cmp.continued.filter((c) => c.leadChanged);
  const leadTable = table(
    'compare-leads',
    `Leads that changed (${changedLeads.length})`,
    ['Action', 'Lead before', 'Lead after'],
    changedLeads.map((c) => h('tr', {}, cell(name(c.to)), h('td', {}, leads(c.leadsBefore)), h('td', {}, leads(c.leadsAfter)))),
    'Every continued action keeps its lead.',
  );
  return [continued, dropped, added, coverage, leadTable];
}

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : truncate(typeof v === 'string' ? v : JSON.stringify(v), 80));

export function snapshotTables(diff: SnapshotComparison, index: GraphIndex): HTMLElement[] {
  const current = namer(index);
  // A removed node is named from the comparison; the rest from the graph, falling back on the comparison.
  const known = new Map<string, Nameable>([...diff.nodes.added, ...diff.nodes.removed, ...diff.nodes.changed].map((n) => [n.id, n]));
  const name = (id: string): Nameable => (index.nodes.has(id) ? current(id) : (known.get(id) ?? current(id)));
  const nodeRows = (list: { id: string }[]) => list.map((n) => h('tr', {}, h('td', {}, kindLabel(name(n.id).kind)), h('td', {}, fullName(name(n.id)))));
  const link = (r: { type: string; from: string; to: string }) => `${fullName(name(r.from), 50)} → ${fullName(name(r.to), 50)} (${r.type.toLowerCase().replace(/_/g, ' ')})`;
  return [
    table('compare-added', `Added (${diff.nodes.added.length})`, ['Kind', 'Item'], nodeRows(diff.nodes.added), 'Nothing was added.'),
    table('compare-removed', `Removed (${diff.nodes.removed.length})`, ['Kind', 'Item'], nodeRows(diff.nodes.removed), 'Nothing was removed.'),
    table(
      'compare-changed',
      `Changed (${diff.nodes.changed.length})`,
      ['Item', 'Field', 'Before', 'After'],
      diff.nodes.changed.flatMap((n) =>
        n.fields.map((f, i) =>
          h('tr', {}, i === 0 ? h('td', { rowspan: String(n.fields.length) }, fullName(name(n.id))) : null, h('td', {}, f.field), h('td', {}, shown(f.before)), h('td', {}, shown(f.after))),
        ),
      ),
      'Nothing was changed.',
    ),
    table(
      'compare-links',
      `Links added, removed or changed (${diff.relationships.added.length + diff.relationships.removed.length + diff.relationships.changed.length})`,
      ['', 'Link'],
      [
        ...diff.relationships.added.map((r) => h('tr', {}, h('td', {}, '+ added'), h('td', {}, link(r)))),
        ...diff.relationships.removed.map((r) => h('tr', {}, h('td', {}, '− removed'), h('td', {}, link(r)))),
        ...diff.relationships.changed.map((r) => h('tr', {}, h('td', {}, 'Δ changed'), h('td', {}, `${link(r)}: ${r.fields.map((f) => f.field).join(', ')}`))),
      ],
      'No link was added, removed or changed.',
    ),
  ];
}
