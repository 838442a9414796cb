import type { GapCell, GapResponse } from '../../model/api.js';
import { gapTableCsv } from '../gaps/csv.js';
import { formatCell } from '../gaps/utils.js';
import { h, fill } from '../ui/dom.js';
import { datedName, download } from '../ui/download.js';

/**
 * A console result as a table: sortable by any column (click its heading again to
 * reverse), a row focuses its node on the map, and the CSV holds what the table shows,
 * in its order. Cells name nodes (by plan, reference and name); ids are never shown.
 */

type Sort = { key: string; dir: 1 | -1 } | null;

const compare = (a: GapCell | undefined, b: GapCell | undefined): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return formatCell(a).localeCompare(formatCell(b), 'en', { numeric: true });
};

export function resultTable(gap: GapResponse, onRow: (id: string) => void): HTMLElement {
  const el = h('div', { class: 'console-table' });
  let sort: Sort = null;
  const rows = () => (sort ? [...gap.rows].sort((x, y) => compare(x[sort!.key], y[sort!.key]) * sort!.dir) : gap.rows);
  const draw = () => {
    const shown = rows();
    const csv = h(
      'button',
      {
        type: 'button',
        class: 'button small',
        id: 'console-csv',
        onclick: () => download(new Blob([gapTableCsv({ ...gap, rows: shown })], { type: 'text/csv;charset=utf-8' }), datedName('console-query', 'csv')),
      },
      'Download CSV',
    );
    const head = gap.columns.map((c) => {
      const dir = sort?.key === c.key ? sort.dir : 0;
      return h(
        'th',
        { scope: 'col', 'aria-sort': dir === 1 ? 'ascending' : dir === -1 ? 'descending' : 'none' },
        h('button', { type: 'button', class: 'sort', onclick: () => ((sort = { key: c.key, dir: dir === 1 ? -1 : 1 }), draw()) }, c.title, dir ? (dir === 1 ? ' ▲' : ' ▼') : ''),
      );
    });
    const body = shown.map((row, i) =>
      h(
        'tr',
        {
          id: `console-row-${i}`,
          tabindex: row.id ? '0' : '-1',
          'data-node': row.id,
          class: row.id ? 'has-node' : '',
          onclick: () => row.id && onRow(row.id),
          onkeydown: (e: KeyboardEvent) => e.key === 'Enter' && row.id && onRow(row.id),
        },
        gap.columns.map((c) => h('td', {}, formatCell(row[c.key]))),
      ),
    );
    fill(
      el,
      h('div', { class: 'gap-tools' }, h('p', { class: 'gap-summary', role: 'status' }, gap.summary), csv),
      gap.rows.length === 0
        ? h('p', { class: 'hint' }, 'The query returned no rows.')
        : h('div', { class: 'table-scroll' }, h('table', { class: 'data-table console-result' }, h('thead', {}, h('tr', {}, head)), h('tbody', {}, body))),
    );
  };
  draw();
  return el;
}
