import { MATRIX_AXES, MATRIX_COUNTS, type MatrixCount, type MatrixResponse } from '../../model/api.js';
import type { Ctx, Frame, Panel } from '../app/context.js';
import { matrixCsv, summaryName } from '../export/csv.js';
import { spokenRef, truncate } from '../graph/labels.js';
import { chooseCell } from '../state/actions.js';
import type { MatrixAxis } from '../state/types.js';
import { syncSelect } from '../ui/controls.js';
import { h, fill } from '../ui/dom.js';
import { datedName, download } from '../ui/download.js';
import { AXIS_NAMES, COUNT_NAMES, cellIndex, emptyCellReason, heat, totals } from './utils.js';
import './matrix.css';

/**
 * The coverage matrix: organisations (or plans) by national outcome (or aim, or
 * framework outcome) as a heatmap. Organisations are credited on a count the planner
 * chooses (leads; leads and partners; by default partners where no lead is named).
 * Every column is shown, in a scrolling grid whose headers stay in view; empty cells are
 * hatched and say why they are empty; a cell with actions opens them on the map.
 */

export function mountMatrix(root: HTMLElement, ctx: Ctx): Panel {
  const rows = h('select', { id: 'matrix-rows', onchange: () => ctx.dispatch((s) => ({ ...s, matrix: { ...s.matrix, rows: rows.value as MatrixAxis }, cell: null })) });
  const cols = h('select', { id: 'matrix-cols', onchange: () => ctx.dispatch((s) => ({ ...s, matrix: { ...s.matrix, cols: cols.value as MatrixAxis }, cell: null })) });
  const count = h('select', { id: 'matrix-count', onchange: () => ctx.dispatch((s) => ({ ...s, matrix: { ...s.matrix, count: count.value as MatrixCount }, cell: null })) });
  const countField = h('div', { class: 'field inline' }, h('label', { for: 'matrix-count' }, 'Count'), count);
  let current: MatrixResponse | null = null;
  const csv = h(
    'button',
    {
      type: 'button',
      class: 'button small',
      id: 'matrix-csv',
      onclick: () => {
        if (current) download(new Blob([matrixCsv(current, `${AXIS_NAMES[rowsAxis]} \\ ${AXIS_NAMES[colsAxis]}`)], { type: 'text/csv;charset=utf-8' }), datedName('matrix', 'csv'));
      },
    },
    'Download CSV',
  );
  let rowsAxis: MatrixAxis = 'organisation';
  let colsAxis: MatrixAxis = 'nationalOutcome';
  const summary = h('p', { class: 'matrix-summary', role: 'status' });
  const grid = h('div', { class: 'matrix-scroll' });
  const el = h(
    'section',
    { class: 'matrix', 'aria-labelledby': 'matrix-heading' },
    h(
      'div',
      { class: 'matrix-head' },
      h('h2', { id: 'matrix-heading' }, 'Coverage matrix'),
      h('div', { class: 'field inline' }, h('label', { for: 'matrix-rows' }, 'Rows'), rows),
      h('div', { class: 'field inline' }, h('label', { for: 'matrix-cols' }, 'Columns'), cols),
      countField,
      csv,
    ),
    summary,
    h(
      'p',
      { class: 'hint' },
      'Each cell counts the actions a row takes part in towards a column, directly or through local outcomes and priorities. Hatched cells have none: point at one to see why. Choose a cell to see its actions on the map.',
    ),
    grid,
  );
  root.append(el);
  let key = '';

  const renderGrid = (m: MatrixResponse, f: Frame) => {
    const idx = cellIndex(m);
    const t = totals(m);
    const served = new Map(m.columns.map((c) => [c.col, c]));
    const colName = (c: MatrixResponse['cols'][number]) => spokenRef(c.kind, c.ref) ?? truncate(c.label, 22);
    const table = h(
      'table',
      { class: 'heatmap' },
      h('caption', { class: 'visually-hidden' }, `${AXIS_NAMES[rowsAxis]} by ${AXIS_NAMES[colsAxis]}: number of actions in each cell`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'corner' }, AXIS_NAMES[rowsAxis]),
          m.cols.map((c) => h('th', { scope: 'col', class: 'col-head', title: summaryName(c) }, h('span', {}, colName(c)), h('span', { class: 'visually-hidden' }, ` ${c.label}`))),
          h('th', { scope: 'col', class: 'total' }, 'Total'),
        ),
      ),
      h(
        'tbody',
        {},
        m.rows.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', class: 'row-head', title: summaryName(r) }, r.kind === 'Plan' && r.planShort ? `${r.planShort} · ${truncate(r.label, 26)}` : truncate(r.label, 34)),
            m.cols.map((c) => {
              const cell = idx.get(`${r.id}\u0000${c.id}`);
              const count = cell?.count ?? 0;
              const hc = heat(count, t.max);
              const chosen = f.state.cell?.row === r.id && f.state.cell?.col === c.id;
              if (!hc) {
                const why = emptyCellReason(m, truncate(r.label, 60), c.id, colName(c), rowsAxis === 'organisation', f.state.filters.plan !== null);
                return h(
                  'td',
                  { class: 'empty', title: why },
                  h('span', { class: 'visually-hidden' }, `${truncate(r.label, 60)}, ${colName(c)}: none. ${why}`),
                  h('span', { 'aria-hidden': 'true' }, '·'),
                );
              }
              return h(
                'td',
                { class: chosen ? 'filled chosen' : 'filled', style: `background:${hc.background};color:${hc.text}` },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'cell-button',
                    style: `color:${hc.text}`,
                    'aria-pressed': String(chosen),
                    'aria-label': `${truncate(r.label, 60)}, ${colName(c)}: ${count} ${count === 1 ? 'action' : 'actions'}. Show on the map.`,
                    'data-row': r.id,
                    'data-col': c.id,
                    onclick: () => {
                      ctx.dispatch((s) => chooseCell(s, { row: r.id, col: c.id }));
                      ctx.announce(`Showing ${count} ${count === 1 ? 'action' : 'actions'} of ${r.label} towards ${c.label} on the map.`);
                    },
                  },
                  String(count),
                ),
              );
            }),
            h('td', { class: 'total' }, String(t.rows.get(r.id) ?? 0)),
          ),
        ),
      ),
      h(
        'tfoot',
        {},
        rowsAxis === 'organisation'
          ? h(
              'tr',
              { class: 'unattributed' },
              h('th', { scope: 'row', title: 'Actions that serve the column but name no organisation on this count' }, 'No organisation named'),
              m.cols.map((c) => {
                const n = served.get(c.id)?.unattributed ?? 0;
                return h('td', { class: 'total' }, n === 0 ? '' : String(n));
              }),
              h('td', { class: 'total' }),
            )
          : null,
        h(
          'tr',
          {},
          h('th', { scope: 'row', title: 'Distinct actions serving the column, whoever runs them' }, 'Actions serving it'),
          m.cols.map((c) => {
            const n = served.get(c.id)?.actions ?? 0;
            return h('td', { class: n === 0 ? 'total none' : 'total', title: n === 0 ? `No action serves ${colName(c)}: an outcome nobody serves.` : null }, String(n));
          }),
          h('td', { class: 'total' }),
        ),
      ),
    );
    const emptyCols = m.columns.filter((c) => c.actions === 0).length;
    summary.textContent = `${m.rows.length} ${AXIS_NAMES[rowsAxis].toLowerCase()} by ${m.cols.length} ${AXIS_NAMES[colsAxis].toLowerCase()}: ${t.empty} of ${m.rows.length * m.cols.length} cells empty; ${emptyCols} ${emptyCols === 1 ? 'column is' : 'columns are'} served by no action at all.`;
    const focus = grid.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset : null;
    fill(grid, table);
    if (focus?.row) grid.querySelector<HTMLElement>(`button[data-row="${CSS.escape(focus.row)}"][data-col="${CSS.escape(focus.col ?? '')}"]`)?.focus();
  };

  return {
    update(f) {
      if (f.state.view !== 'matrix') return;
      rowsAxis = f.state.matrix.rows;
      colsAxis = f.state.matrix.cols;
      const opts = MATRIX_AXES.map((a) => ({ value: a, label: AXIS_NAMES[a] }));
      syncSelect(rows, opts, rowsAxis);
      syncSelect(cols, opts, colsAxis);
      syncSelect(
        count,
        MATRIX_COUNTS.map((b) => ({ value: b, label: COUNT_NAMES[b] })),
        f.state.matrix.count ?? 'leads-else-partners',
      );
      countField.hidden = rowsAxis !== 'organisation';
      const res = ctx.resources.matrix.get(ctx.matrixKey(f.state));
      const newKey = [ctx.matrixKey(f.state), res.status, f.state.cell?.row, f.state.cell?.col].join('|');
      if (newKey === key) return;
      key = newKey;
      csv.disabled = res.status !== 'ready';
      current = res.status === 'ready' ? res.value : null;
      if (res.status === 'ready') renderGrid(res.value, f);
      else if (res.status === 'loading') {
        summary.textContent = 'Counting…';
      } else if (res.status === 'error') {
        summary.textContent = '';
        fill(grid, h('p', { class: 'error' }, `The matrix could not be loaded: ${res.error}`));
      }
    },
    destroy() {
      el.remove();
    },
  };
}
