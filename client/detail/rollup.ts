import { parsePeriod, quarterOf } from '../../model/reports.js';
import type { Ctx } from '../app/context.js';
import { rollupText } from '../progress/badgeSpecs.js';
import { onCommitted, rollupAt } from '../progress/progressData.js';
import { BADGE_ORDER, OVERDUE_MARK, STATUS_LOOKS } from '../progress/statusLook.js';
import { fill, h } from '../ui/dom.js';
import './rollup.css';

/**
 * The detail panel's roll-up section: for a local outcome, priority, strategic aim or
 * national outcome, the actions beneath it along the golden thread (every plan's, or the plan
 * the map is filtered to) by their
 * status as at the end of the map's period, with how many were overdue and how many had no
 * update within the period. It follows the period picker and any committed change while it
 * is on screen; the detail panel only places it.
 */

const ROLLED_UP = new Set(['LocalOutcome', 'Priority', 'StrategicAim', 'NationalOutcome']);

export function rollupSection(node: { id: string; kind: string }, ctx: Ctx): HTMLElement | null {
  if (!ROLLED_UP.has(node.kind)) return null;
  const body = h('div', { class: 'rollup-body', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Counting the actions beneath…'));
  const heading = h('h3', { id: 'rollup-heading' }, 'Progress beneath');
  const section = h('section', { class: 'rollup', id: 'detail-rollup', 'aria-labelledby': 'rollup-heading' }, heading, body);
  let shown = '';
  let generation = 0;

  const render = () => {
    if (shown && !section.isConnected) return stop();
    const state = ctx.store.get();
    const period = state.period ?? quarterOf(new Date().toISOString().slice(0, 10));
    const plan = state.filters.plan;
    const key = `${generation}|${period}|${plan ?? ''}`;
    if (key === shown) return;
    shown = key;
    const p = parsePeriod(period);
    heading.textContent = `Progress beneath, as at ${'error' in p ? period : p.end}`;
    rollupAt(period, plan).then(
      (rows) => {
        if (shown !== key) return;
        const row = rows.find((r) => r.target.id === node.id);
        if (!row) {
          fill(body, h('p', { class: 'hint' }, 'No action serves this along the golden thread.'));
          return;
        }
        section.dataset.summary = rollupText(row);
        fill(
          body,
          h(
            'table',
            { class: 'rollup-table' },
            h(
              'caption',
              {},
              `${row.actions} ${row.actions === 1 ? 'action' : 'actions'}${plan ? ' of the chosen plan' : ' of every plan'} beneath, by status at the end of ${'error' in p ? period : p.label}`,
            ),
            h(
              'tbody',
              {},
              ...BADGE_ORDER.filter((s) => (row.byStatus[s] ?? 0) > 0).map((s) =>
                h('tr', { 'data-status': s }, h('th', { scope: 'row' }, `${STATUS_LOOKS[s].symbol} ${s}`), h('td', {}, row.byStatus[s])),
              ),
            ),
          ),
          h('p', { 'data-count': 'overdue' }, `${OVERDUE_MARK} Overdue: ${row.overdue}`),
          h('p', { 'data-count': 'no-update' }, `No update this period: ${row.noUpdateThisPeriod}`),
        );
      },
      (err: unknown) => {
        shown = '';
        fill(body, h('p', { class: 'error' }, `The roll-up could not be loaded: ${err instanceof Error ? err.message : String(err)}`));
      },
    );
  };
  const unsubscribe = ctx.store.subscribe((s, previous) => {
    if (s.period !== previous.period || s.filters.plan !== previous.filters.plan) render();
    else if (!section.isConnected) stop();
  });
  const unlisten = onCommitted(() => {
    generation += 1;
    render();
  });
  function stop() {
    unsubscribe();
    unlisten();
  }
  queueMicrotask(render);
  return section;
}
