import type { Ctx, Frame, Panel } from '../app/context.js';
import { KIND_STYLES, LEGEND_ORDER } from '../graph/kinds.js';
import { truncate } from '../graph/labels.js';
import { RELATIONSHIP_LEGEND_ORDER, RELATIONSHIP_STYLES } from '../graph/relationships.js';
import { STATUSES, type Status } from '../../model/vocabulary.js';
import { clearFilters, setFilter, toggleKind, toggleStatus } from '../state/actions.js';
import { FRAMEWORKS, FRAMEWORK_NAMES, filtersActive, type Framework } from '../state/types.js';
import { setText, syncSelect } from '../ui/controls.js';
import { h } from '../ui/dom.js';
import { edgeSwatch, inferredSwatch, kindSwatch } from '../ui/shapes.js';
import { sortYearBands } from './index.js';

/**
 * The filters and the map key. Every option shows how many actions it would match
 * with the other filters as they are; the key's tick boxes choose which kinds the
 * map draws and show how many of each are on it.
 */

export function mountFilters(root: HTMLElement, ctx: Ctx): Panel {
  const plan = h('select', { id: 'filter-plan', onchange: () => ctx.dispatch((s) => setFilter(s, 'plan', plan.value || null)) });
  const org = h('select', { id: 'filter-org', onchange: () => ctx.dispatch((s) => setFilter(s, 'organisation', org.value || null)) });
  const framework = h('select', {
    id: 'filter-framework',
    onchange: () => ctx.dispatch((s) => setFilter(s, 'framework', (framework.value || null) as Framework | null)),
  });
  const year = h('select', { id: 'filter-year', onchange: () => ctx.dispatch((s) => setFilter(s, 'yearBand', year.value || null)) });
  const statusBoxes = new Map<Status, { input: HTMLInputElement; count: HTMLElement }>();
  const statusList = h(
    'ul',
    { class: 'checks' },
    STATUSES.map((s) => {
      const input = h('input', { type: 'checkbox', id: `status-${s.replace(/\s+/g, '-')}`, value: s, onchange: () => ctx.dispatch((st) => toggleStatus(st, s)) });
      const count = h('span', { class: 'count' });
      statusBoxes.set(s, { input, count });
      return h('li', {}, input, h('label', { for: input.id }, h('span', { class: `status-dot status-${s.replace(/\s+/g, '-')}`, 'aria-hidden': 'true' }), s, ' ', count));
    }),
  );
  const clear = h('button', { type: 'button', class: 'button secondary small', onclick: () => ctx.dispatch(clearFilters) }, 'Clear filters');
  const summary = h('p', { class: 'filter-summary', role: 'status' });

  const kindBoxes = new Map<string, { input: HTMLInputElement; count: HTMLElement }>();
  const legend = h(
    'ul',
    { class: 'legend checks' },
    LEGEND_ORDER.map((k) => {
      const input = h('input', { type: 'checkbox', id: `kind-${k}`, onchange: () => ctx.dispatch((s) => toggleKind(s, k)) });
      const count = h('span', { class: 'count' });
      kindBoxes.set(k, { input, count });
      return h('li', {}, input, h('label', { for: input.id }, kindSwatch(k), h('span', { class: 'legend-name' }, KIND_STYLES[k].plural), count));
    }),
  );
  const edgeLegend = h(
    'ul',
    { class: 'legend edges' },
    RELATIONSHIP_LEGEND_ORDER.map((t) => h('li', {}, edgeSwatch(t), h('span', {}, RELATIONSHIP_STYLES[t].verb))),
    // Printed or inferred: any link type is drawn so when curation, not the document, made it.
    h('li', { class: 'inferred-link' }, inferredSwatch(), h('span', {}, 'inferred by curation, not printed in the document')),
  );

  const field = (label: string, control: HTMLElement) => h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  const section = h(
    'section',
    { class: 'panel filters', 'aria-labelledby': 'filters-heading' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'filters-heading' }, 'Filters'), clear),
    summary,
    field('Plan', plan),
    field('Organisation (leads or partners)', org),
    field('Serves framework', framework),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Progress status'), statusList),
    field('Year band', year),
  );
  const key = h(
    'section',
    { class: 'panel key', 'aria-labelledby': 'key-heading' },
    h('h2', { id: 'key-heading' }, 'Map key'),
    h('p', { class: 'hint' }, 'Tick a kind to draw it. Shapes and colours both say what a node is.'),
    legend,
    h('h3', {}, 'Links'),
    edgeLegend,
  );
  root.append(section, key);

  return {
    update(f: Frame) {
      const { state, facets, filter, data } = f;
      const fl = state.filters;
      const n = (c: number | undefined) => ` (${c ?? 0})`;
      syncSelect(plan, [{ value: '', label: 'All plans' }, ...data.plans.map((p) => ({ value: p.id, label: `${truncate(p.label, 48)}${n(facets.plans[p.id])}` }))], fl.plan ?? '');
      syncSelect(
        org,
        [
          { value: '', label: 'All organisations' },
          ...data.organisations
            .filter((o) => (facets.organisations[o.id] ?? 0) > 0 || o.id === fl.organisation)
            .map((o) => ({ value: o.id, label: `${truncate(o.label, 44)}${n(facets.organisations[o.id])}` })),
        ],
        fl.organisation ?? '',
      );
      syncSelect(framework, [{ value: '', label: 'Any framework' }, ...FRAMEWORKS.map((k) => ({ value: k, label: `${FRAMEWORK_NAMES[k]}${n(facets.frameworks[k])}` }))], fl.framework ?? '');
      const bands = sortYearBands([...Object.keys(facets.yearBands), ...(fl.yearBand ? [fl.yearBand] : [])]);
      syncSelect(year, [{ value: '', label: 'Any year band' }, ...bands.map((b) => ({ value: b, label: `${b}${n(facets.yearBands[b])}` }))], fl.yearBand ?? '');
      for (const [s, { input, count }] of statusBoxes) {
        input.checked = fl.statuses.includes(s);
        setText(count, `(${facets.statuses[s]})`);
      }
      for (const [k, { input, count }] of kindBoxes) {
        const c = filter.counts[k as keyof typeof filter.counts];
        input.checked = fl.kinds.includes(k as never);
        setText(count, c.visible === c.total ? String(c.total) : `${c.visible} of ${c.total}`);
      }
      clear.disabled = !filtersActive(fl);
      setText(summary, `${filter.matchedActions} of ${filter.totalActions} actions match; ${filter.visible.size} of ${data.index.nodes.size} nodes on the map.`);
    },
    destroy() {
      section.remove();
      key.remove();
    },
  };
}
