import type { GapCatalogueEntry, GapResponse } from '../../model/api.js';
import { DEFAULT_GAP_PAGE, MAX_GAP_PAGE } from '../../model/gapPage.js';
import type { Ctx, Frame, Panel } from '../app/context.js';
import { truncate } from '../graph/labels.js';
import { chooseGap, select } from '../state/actions.js';
import { h, fill } from '../ui/dom.js';
import { datedName, download } from '../ui/download.js';
import { gapTableCsv } from './csv.js';
import { fetchGap, isPrintedOnly, setPrintedOnly, showRowsUpTo } from './gapOptions.js';
import { parameterInputs } from './parameterInputs.js';
import './gaps.css';
import { formatCell, rowNodeId, takesDate, todayIso } from './utils.js';

/**
 * The gaps panel: every analysis of the server's catalogue with its count; choosing
 * one highlights its nodes on the map and lists its rows; a row focuses the map on
 * its node. The overdue analyses are judged as of a date the planner can change.
 */

export function mountGaps(root: HTMLElement, ctx: Ctx): Panel {
  const el = h('div', { class: 'gaps' });
  root.append(el);
  let listKey = '';
  let resultKey = '';
  const list = h('ul', { class: 'gap-list', 'aria-label': 'Gap analyses' });
  const result = h('section', { class: 'gap-result', 'aria-live': 'polite', 'aria-busy': 'false' });
  const intro = h('p', { class: 'hint' }, 'Each analysis looks for a break in the golden thread. Choose one to light up its nodes on the map.');
  const printed = h('input', { type: 'checkbox', id: 'gaps-printed-only', onchange: (e: Event) => setPrintedOnly((e.target as HTMLInputElement).checked) });
  const printedSwitch = h(
    'div',
    { class: 'field inline gaps-basis' },
    printed,
    h('label', { for: 'gaps-printed-only' }, 'Printed links only'),
    h('span', { class: 'hint' }, ' (leave out what curation inferred or an edit added; ready-made analyses)'),
  );
  el.append(h('h2', { id: 'gaps-heading' }, 'Gaps and overlaps'), intro, printedSwitch, list, result);
  // The catalogue changes when someone saves an analysis: asked for again each time the panel opens.
  ctx.resources.gapCatalogue.clear();

  const countOf = (state: Frame['state'], a: GapCatalogueEntry) => {
    const r = ctx.resources.gap.get(ctx.gapKey(state, a.id));
    // Grouped as the summaries and the paging line are ('1,729').
    return r.status === 'ready' ? (r.value.page?.total ?? r.value.rows.length).toLocaleString('en-GB') : r.status === 'error' ? '!' : '…';
  };

  const renderResult = (f: Frame, entry: GapCatalogueEntry | undefined) => {
    const { state } = f;
    if (!state.gap) {
      fill(result);
      return;
    }
    const r = f.gap;
    const parts: (HTMLElement | null)[] = [];
    const dateInput =
      entry && takesDate(entry.parameters)
        ? h('input', {
            type: 'date',
            id: 'gap-asof',
            value: state.asOf ?? todayIso(),
            onchange: (e: Event) => {
              const v = (e.target as HTMLInputElement).value;
              ctx.dispatch((s) => ({ ...s, asOf: v && v !== todayIso() ? v : null }));
            },
          })
        : null;
    parts.push(
      h(
        'div',
        { class: 'gap-result-head' },
        h('h3', { id: 'gap-result-heading' }, entry?.title ?? state.gap),
        h('button', { type: 'button', class: 'button small secondary', onclick: () => ctx.dispatch((s) => chooseGap(s, null)) }, 'Clear'),
      ),
    );
    if (entry) parts.push(h('p', { class: 'explanation' }, entry.explanation));
    const params = entry ? parameterInputs(entry, f) : null;
    if (params) parts.push(params);
    if (dateInput) parts.push(h('div', { class: 'field inline' }, h('label', { for: 'gap-asof' }, 'As of'), dateInput, h('span', { class: 'hint' }, state.asOf ? '' : ' (today)')));
    if (state.filters.plan && !entry?.saved) parts.push(h('p', { class: 'meta' }, `Within ${f.data.index.nodes.get(state.filters.plan)?.label ?? 'the chosen plan'} (the plan filter).`));
    if (r.status === 'loading') parts.push(h('p', { class: 'hint' }, 'Running the analysis…'));
    else if (r.status === 'error') parts.push(h('p', { class: 'error' }, `The analysis failed: ${r.error}`));
    else if (r.status === 'ready') parts.push(...resultTable(r.value, f));
    result.setAttribute('aria-busy', String(r.status === 'loading'));
    const focusId = result.contains(document.activeElement) ? (document.activeElement as HTMLElement).id : null;
    fill(result, parts);
    if (focusId) document.getElementById(focusId)?.focus();
  };

  const resultTable = (g: GapResponse, f: Frame): HTMLElement[] => {
    const known = (id: string) => f.data.index.nodes.has(id);
    const total = g.page?.total ?? g.rows.length;
    // The CSV holds the whole list: when the panel shows only its first rows, the rest are asked for first.
    const wholeList = async () => (total > g.rows.length ? fetchGap(ctx.api, ctx.gapKey(f.state), new AbortController().signal, Math.min(total, MAX_GAP_PAGE)) : g);
    const csv = h(
      'button',
      {
        type: 'button',
        class: 'button small',
        id: 'gap-csv',
        onclick: async () => download(new Blob([gapTableCsv(await wholeList())], { type: 'text/csv;charset=utf-8' }), datedName(`gap-${g.id}`, 'csv')),
      },
      'Download CSV',
    );
    const summary = h('p', { class: 'gap-summary', role: 'status' }, g.summary);
    if (g.rows.length === 0) return [summary, h('p', { class: 'hint' }, 'Nothing to list: no gap of this kind.')];
    const focusRow = (id: string | null) => {
      if (!id) return;
      ctx.dispatch((s) => ({ ...select(s, id), view: 'map', mode: 'explore', gap: s.gap }));
      requestAnimationFrame(() => ctx.map()?.centreOn(id));
    };
    const table = h(
      'table',
      { class: 'data-table gap-table', 'aria-describedby': 'gap-result-heading' },
      h('caption', { class: 'visually-hidden' }, `${g.title}: ${total} rows${total > g.rows.length ? `, the first ${g.rows.length} shown` : ''}. Press Enter on a row to show it on the map.`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          g.columns.map((c) => h('th', { scope: 'col' }, c.title)),
        ),
      ),
      h(
        'tbody',
        {},
        g.rows.map((row, i) => {
          const id = rowNodeId(row, known);
          const selected = id !== null && id === f.state.selected;
          return h(
            'tr',
            {
              id: `gap-row-${i}`,
              tabindex: '0',
              class: selected ? 'is-selected' : '',
              'aria-selected': String(selected),
              'data-node': id ?? '',
              onclick: () => focusRow(id),
              onkeydown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  focusRow(id);
                } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  const next = (e.currentTarget as HTMLElement)[e.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling'] as HTMLElement | null;
                  next?.focus();
                }
              },
            },
            g.columns.map((c, ci) => {
              // The server names every node in its columns; an id that slipped through still reads as its name.
              const v = row[c.key];
              const text = typeof v === 'string' && f.data.index.nodes.has(v) ? truncate(f.data.index.nodes.get(v)!.label, 40) : formatCell(v);
              return ci === 0 ? h('th', { scope: 'row' }, text) : h('td', {}, text);
            }),
          );
        }),
      ),
    );
    const more =
      total > g.rows.length
        ? h(
            'p',
            { class: 'gap-more' },
            `Showing the first ${g.rows.length.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows; the CSV holds them all. `,
            h(
              'button',
              { type: 'button', class: 'button small secondary', id: 'gap-more', onclick: () => showRowsUpTo(g.id, g.rows.length + DEFAULT_GAP_PAGE) },
              `Show ${Math.min(DEFAULT_GAP_PAGE, total - g.rows.length).toLocaleString('en-GB')} more`,
            ),
          )
        : null;
    return [h('div', { class: 'gap-tools' }, summary, csv), h('div', { class: 'table-scroll' }, table), ...(more ? [more] : [])];
  };

  /** Builds the list once per catalogue; counts and the pressed state change in place, so a click is never lost to a rebuild. */
  const buildList = (analyses: GapCatalogueEntry[]) =>
    fill(
      list,
      analyses.map((a) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              id: `gap-${a.id}`,
              class: `gap-button${a.saved ? ' saved' : ''}`,
              'aria-pressed': 'false',
              'aria-describedby': `gap-${a.id}-count`,
              title: a.explanation,
              onclick: () => ctx.dispatch((s) => chooseGap(s, s.gap === a.id ? null : a.id)),
            },
            h('span', { class: 'gap-title' }, a.title, a.saved ? h('span', { class: 'gap-origin' }, a.saved.template ? ' · template' : ` · saved by ${a.saved.by}`) : null),
            h('span', { class: 'gap-count', id: `gap-${a.id}-count`, 'aria-label': '… rows' }, '…'),
          ),
        ),
      ),
    );

  const updateCounts = (state: Frame['state'], analyses: GapCatalogueEntry[]) => {
    for (const a of analyses) {
      const button = document.getElementById(`gap-${a.id}`);
      const count = document.getElementById(`gap-${a.id}-count`);
      if (!button || !count) continue;
      const n = countOf(state, a);
      if (count.textContent !== n) {
        count.textContent = n;
        count.setAttribute('aria-label', `${n} rows`);
        count.classList.toggle('zero', n === '0');
      }
      const pressed = String(state.gap === a.id);
      if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
    }
  };

  return {
    update(f) {
      const { state } = f;
      const cat = ctx.resources.gapCatalogue.get('all');
      const analyses = cat.status === 'ready' ? cat.value.analyses : [];
      const newListKey = [cat.status, ...analyses.map((a) => a.id)].join('|');
      if (newListKey !== listKey) {
        listKey = newListKey;
        if (cat.status === 'loading') fill(list, h('li', { class: 'hint' }, 'Loading the catalogue…'));
        else if (cat.status === 'error') fill(list, h('li', { class: 'error' }, `The gap catalogue could not be loaded: ${cat.error}`));
        else buildList(analyses);
      }
      updateCounts(state, analyses);
      if (printed.checked !== isPrintedOnly()) printed.checked = isPrintedOnly();
      const entry = analyses.find((a) => a.id === state.gap);
      const newResultKey = [ctx.gapKey(state), f.gap.status, state.selected, entry ? 'e' : ''].join('|');
      if (newResultKey !== resultKey) {
        resultKey = newResultKey;
        renderResult(f, entry);
      }
    },
    destroy() {
      el.remove();
    },
  };
}
