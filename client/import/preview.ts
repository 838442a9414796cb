import { IMPORT_FIELDS, type ImportMapping } from '../../model/importMapping.js';
import { h } from '../ui/dom.js';
import type { ImportPreview } from './importApi.js';
import { headingRows } from './mapping.js';

/**
 * The preview of an import as the wizard shows it: the counts of what will be added
 * and changed, the headings with the field each is read as (a choice for each one),
 * the organisation names that matched nothing (with the suggestions to confirm),
 * each problem with its row and column, and the nodes to be added.
 */

export type PreviewHandlers = {
  /** Every organisation the graph holds, so a name can be mapped to one the matcher did not suggest. */
  organisations(): readonly { id: string; label: string }[];
  onColumn(heading: string, field: string): void;
  onOrganisation(printed: string, id: string | null | undefined): void;
  onRefresh(): Promise<void>;
};

const FIELD_NAMES: Record<string, string> = { ref: 'reference', title: 'action (title)', ignore: 'ignore this column' };
const LIMIT = 40;

export function renderPreview(p: ImportPreview, mapping: ImportMapping, on: PreviewHandlers): HTMLElement {
  const c = p.counts;
  const summary = h(
    'dl',
    { class: 'import-counts' },
    ...[
      ['Actions added', c.actionsAdded],
      ['Nodes added', c.nodesAdded],
      ['Nodes updated', c.nodesUpdated],
      ['Links added', c.linksAdded],
      ['Problems', p.problems.length],
    ].flatMap(([k, v]) => [h('dt', {}, String(k)), h('dd', {}, String(v))]),
  );

  const headings = headingRows(p, mapping);
  const headingTable = h(
    'table',
    { class: 'import-table', id: 'import-headings' },
    h('caption', {}, 'Columns'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Heading'), h('th', { scope: 'col' }, 'Read as'))),
    h(
      'tbody',
      {},
      headings.map((row, i) => {
        const select = h(
          'select',
          { id: `import-column-${i}`, 'aria-label': `Field for the column ${row.heading}`, onchange: (e: Event) => on.onColumn(row.heading, (e.target as HTMLSelectElement).value) },
          h('option', { value: '', selected: row.field === null }, row.recognised ? '' : '— not recognised —'),
          IMPORT_FIELDS.map((f) => h('option', { value: f, selected: row.field === f }, FIELD_NAMES[f] ?? f)),
        );
        return h(
          'tr',
          { class: row.field === null ? 'is-unmapped' : '' },
          h('th', { scope: 'row' }, row.heading, row.recognised ? h('span', { class: 'meta' }, ' · recognised') : null),
          h('td', {}, select),
        );
      }),
    ),
  );

  const organisations = p.unmatched.filter((u) => u.suggestions.length > 0 || /lead/i.test(u.column));
  const orgList = organisations.length
    ? h(
        'div',
        { class: 'import-unmatched' },
        h('h3', {}, 'Names that matched no organisation'),
        h(
          'ul',
          {},
          organisations.map((u, i) =>
            h(
              'li',
              {},
              h('label', { for: `import-org-${i}` }, `“${u.value}” (${u.column}, row ${u.places.map((pl) => pl.row).join(', ')})`),
              h(
                'select',
                {
                  id: `import-org-${i}`,
                  onchange: (e: Event) => {
                    const v = (e.target as HTMLSelectElement).value;
                    on.onOrganisation(u.value, v === '' ? undefined : v === 'none' ? null : v);
                  },
                },
                h('option', { value: '', selected: !(u.value in mapping.organisations) }, 'leave unmatched'),
                h('option', { value: 'none', selected: mapping.organisations[u.value] === null }, 'names no organisation (a vague lead)'),
                u.suggestions.length
                  ? h(
                      'optgroup',
                      { label: 'Suggested' },
                      u.suggestions.map((s) => h('option', { value: s.id, selected: mapping.organisations[u.value] === s.id }, `${s.name} (${Math.round(s.score * 100)}%)`)),
                    )
                  : null,
                h(
                  'optgroup',
                  { label: 'Every organisation' },
                  on
                    .organisations()
                    .filter((o) => !u.suggestions.some((s) => s.id === o.id))
                    .map((o) => h('option', { value: o.id, selected: mapping.organisations[u.value] === o.id }, o.label)),
                ),
              ),
            ),
          ),
        ),
      )
    : null;

  const problems = p.problems.length
    ? h(
        'table',
        { class: 'import-table import-problems', id: 'import-problems' },
        h('caption', {}, 'Problems, by row and column'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'Reason'))),
        h(
          'tbody',
          {},
          p.problems.slice(0, LIMIT).map((pr) => h('tr', {}, h('td', {}, `${pr.table} ${pr.row}`), h('td', {}, pr.column ?? '—'), h('td', {}, pr.reason))),
        ),
      )
    : h('p', { class: 'hint' }, 'No problems found in the rows.');

  const added = p.diff.nodes.added;
  const addedList = h(
    'div',
    { class: 'import-added' },
    h('h3', {}, `To be added (${added.length})`),
    h(
      'ul',
      { id: 'import-added' },
      added
        .slice(0, LIMIT)
        .map((n) =>
          h(
            'li',
            {},
            h('span', { class: 'meta' }, `${n.kind} `),
            String(n.props.ref ? `${String(n.props.ref)} ${String(n.props.title ?? '')}` : (n.props.title ?? n.props.name ?? n.props.text ?? n.id)),
          ),
        ),
      added.length > LIMIT ? h('li', { class: 'hint' }, `and ${added.length - LIMIT} more`) : null,
    ),
    p.diff.nodes.updated.length
      ? h(
          'p',
          {},
          `To be updated: ${p.diff.nodes.updated
            .map((u) => `${u.id} (${u.fields.map((f) => f.field).join(', ')})`)
            .slice(0, LIMIT)
            .join('; ')}`,
        )
      : null,
  );

  const refresh = h('button', { type: 'button', class: 'button secondary small', id: 'import-refresh', onclick: () => void on.onRefresh() }, 'Preview again with this mapping');
  return h('div', { class: 'import-preview' }, h('h3', {}, 'Preview'), summary, headingTable, orgList, refresh, problems, addedList);
}
