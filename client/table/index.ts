import type { Ctx, Frame, Panel } from '../app/context.js';
import { select } from '../state/actions.js';
import { h, fill } from '../ui/dom.js';
import { kindSwatch } from '../ui/shapes.js';
import { nextSort, sortRows, tableRows, TABLE_COLUMNS, type TableSort } from './utils.js';

/**
 * The table view: the same filtered nodes as the map, sortable by any column. A row
 * selects its node (and the map selects it too); a node selected on the map is the
 * highlighted row here. Enter or double-click on a row shows it on the map.
 */

const PAGE = 400;

export function mountTable(root: HTMLElement, ctx: Ctx): Panel {
  let sort: TableSort = { key: 'kind', direction: 'ascending' };
  let limit = PAGE;
  let key = '';
  let frame: Frame | null = null;
  const caption = h('p', { class: 'table-summary', role: 'status' });
  const wrap = h('div', { class: 'table-scroll' });
  const el = h('section', { class: 'table-view', 'aria-labelledby': 'table-heading' }, h('h2', { id: 'table-heading' }, 'Table'), caption, wrap);
  root.append(el);

  const showOnMap = (id: string) => {
    ctx.dispatch((s) => ({ ...select(s, id), view: 'map' }));
    requestAnimationFrame(() => ctx.map()?.centreOn(id));
  };

  const render = (f: Frame) => {
    const rows = sortRows(tableRows(f.data.index, f.view.visible), sort);
    const shown = rows.slice(0, limit);
    caption.textContent = `${rows.length} ${rows.length === 1 ? 'node' : 'nodes'}: the map's filters apply here too.${rows.length > shown.length ? ` Showing the first ${shown.length}.` : ''}`;
    const focusId = wrap.contains(document.activeElement) ? (document.activeElement as HTMLElement).id : null;
    const table = h(
      'table',
      { class: 'data-table nodes-table', 'aria-labelledby': 'table-heading', 'aria-rowcount': String(rows.length + 1) },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          TABLE_COLUMNS.map((c) =>
            h(
              'th',
              { scope: 'col', 'aria-sort': sort.key === c.key ? sort.direction : 'none' },
              h(
                'button',
                {
                  type: 'button',
                  id: `sort-${c.key}`,
                  class: 'sort-button',
                  onclick: () => {
                    sort = nextSort(sort, c.key);
                    key = '';
                    if (frame) render(frame);
                  },
                },
                c.title,
                h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'),
              ),
            ),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        shown.map((r) => {
          const selected = r.id === f.state.selected;
          return h(
            'tr',
            {
              id: `row-${cssId(r.id)}`,
              tabindex: '0',
              class: selected ? 'is-selected' : '',
              'aria-selected': String(selected),
              onclick: () => ctx.dispatch((s) => select(s, r.id)),
              ondblclick: () => showOnMap(r.id),
              onkeydown: (e: KeyboardEvent) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  showOnMap(r.id);
                } else if (e.key === ' ') {
                  e.preventDefault();
                  ctx.dispatch((s) => select(s, r.id));
                } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  const next = (e.currentTarget as HTMLElement)[e.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling'] as HTMLElement | null;
                  next?.focus();
                }
              },
            },
            h('td', { class: 'kind-cell' }, kindSwatch(r.kind, 18), r.kindName),
            h('td', { class: 'ref-cell' }, r.ref),
            h('th', { scope: 'row', class: 'title-cell' }, r.title),
            h('td', {}, r.lead),
            h('td', {}, r.outcomes),
            h('td', {}, r.status ? h('span', { class: `status-badge status-${r.status.replace(/\s+/g, '-')}` }, r.status) : ''),
          );
        }),
      ),
    );
    fill(wrap, table);
    if (rows.length > shown.length) {
      wrap.append(
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            onclick: () => {
              limit += PAGE * 5;
              key = '';
              if (frame) render(frame);
            },
          },
          `Show ${Math.min(PAGE * 5, rows.length - shown.length)} more`,
        ),
      );
    }
    if (focusId) document.getElementById(focusId)?.focus();
    if (f.state.selected && f.previous?.selected !== f.state.selected) {
      document.getElementById(`row-${cssId(f.state.selected)}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  return {
    update(f) {
      frame = f;
      if (f.state.view !== 'table') return;
      const newKey = [f.view.visible.size, f.state.selected, JSON.stringify(f.state.filters), f.state.cell?.row, f.state.cell?.col, f.state.mode].join('|');
      if (newKey === key) return;
      key = newKey;
      render(f);
    },
    destroy() {
      el.remove();
    },
  };
}

/** Node ids hold colons and dots; element ids may, but selectors would need escaping. */
function cssId(id: string): string {
  return id.replace(/[^a-zA-Z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}
