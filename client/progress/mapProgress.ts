import { parsePeriod, quarterOf } from '../../model/reports.js';
import type { Ctx, Frame, Panel } from '../app/context.js';
import { mountStatusBadges, type Badge } from '../map/statusBadges.js';
import { setPeriod, setRollupOverlay } from '../state/actions.js';
import { fill, h } from '../ui/dom.js';
import { actionBadges, rollupBadges } from './badgeSpecs.js';
import { onCommitted, rollupAt, statusesAt } from './progressData.js';
import { clearShownStatuses, setShownStatuses } from './shownStatuses.js';
import { quarterChoices } from './periods.js';
import { BADGE_ORDER, OVERDUE_MARK, STATUS_LOOKS } from './statusLook.js';

/**
 * Progress on the map: every action's status badge as at the end of the chosen period
 * (the state's `period`, so a link reopens the same quarter), a period picker with the
 * badges' key, and the roll-up along the thread drawn on the outcomes when asked. The
 * statuses are fetched once per period and again after any committed change (the
 * server's event stream), so an update entered anywhere shows on the map at once.
 */

const todayIso = () => new Date().toISOString().slice(0, 10);
export const currentQuarter = (): string => quarterOf(todayIso());

export function mountMapProgress(mapHost: HTMLElement, ctx: Ctx): Panel {
  const frameEl = mapHost.querySelector<HTMLElement>('.map-frame') ?? mapHost;
  const badges = mountStatusBadges(frameEl);
  const picker = h('select', { id: 'map-period', 'aria-label': 'Status as at the end of' });
  const rollupBox = h('input', { type: 'checkbox', id: 'map-rollup' });
  const summary = h('summary', { id: 'map-progress-summary' }, 'Progress');
  const key = h(
    'ul',
    { class: 'status-key', 'aria-label': 'Key to the status badges' },
    ...BADGE_ORDER.map((s) => {
      const look = STATUS_LOOKS[s];
      return h(
        'li',
        {},
        h('span', { class: `map-badge badge-status badge-shape-${look.shape}`, style: `--fill:${look.fill};--ink:${look.ink}`, 'aria-hidden': 'true' }, h('span', {}, look.symbol)),
        s,
      );
    }),
  );
  const note = h('p', { class: 'hint' }, `${OVERDUE_MARK} overdue at the end of the period · dashed edge: status read from the narrative, not printed. Roll-up: actions beneath, by status.`);
  const problem = h('p', { class: 'hint', role: 'status' });
  const box = h(
    'details',
    { class: 'map-progress', id: 'map-progress' },
    summary,
    h(
      'div',
      { class: 'map-progress-body' },
      h('label', { for: 'map-period' }, 'Status as at the end of', picker),
      h('label', { class: 'inline' }, rollupBox, 'Roll-up on outcomes'),
      key,
      note,
      problem,
    ),
  );
  // Open where there is room beside the map for it; a summary line elsewhere (one tap opens it).
  if (window.innerWidth >= 1600) box.open = true;
  frameEl.append(box);

  const choices = quarterChoices(todayIso());
  const current = currentQuarter();
  fill(picker, ...choices.map((p) => h('option', { value: p.code }, p.code === current ? `${p.label} (this quarter)` : p.label)));
  picker.addEventListener('change', () => ctx.dispatch((s) => setPeriod(s, picker.value === current ? null : picker.value), 'replace'));
  rollupBox.addEventListener('change', () => ctx.dispatch((s) => setRollupOverlay(s, rollupBox.checked), 'replace'));

  let last: Frame | null = null;
  let generation = 0;
  let shownKey = '';

  function draw(frame: Frame) {
    const s = frame.state;
    const period = s.period ?? current;
    const cy = s.view === 'map' ? (ctx.map()?.cy ?? null) : null;
    const plan = s.filters.plan;
    const k = `${generation}|${period}|${s.rollup}|${plan ?? ''}|${cy ? 'cy' : ''}`;
    if (k === shownKey) {
      badges.show(lastBadges, cy);
      return;
    }
    shownKey = k;
    Promise.all([statusesAt(period), s.rollup ? rollupAt(period, plan) : Promise.resolve(null)]).then(
      ([statuses, rollup]) => {
        if (shownKey !== k) return;
        lastBadges = [...actionBadges(statuses), ...(rollup ? rollupBadges(rollup) : [])];
        setShownStatuses(period, statuses);
        badges.show(lastBadges, ctx.map()?.cy ?? null);
        frameEl.dataset.badgesPeriod = period;
        problem.textContent = '';
      },
      (err: unknown) => {
        shownKey = '';
        problem.textContent = `The statuses could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  }
  let lastBadges: Badge[] = [];

  // Any committed change (an update, an edit, an import) may change a status: fetch again.
  const stopListening = onCommitted(() => {
    generation += 1;
    if (last) draw(last);
  });

  return {
    update(frame: Frame) {
      last = frame;
      const s = frame.state;
      const period = s.period ?? current;
      if (![...picker.options].some((o) => o.value === period)) {
        const p = parsePeriod(period);
        picker.prepend(h('option', { value: period }, 'error' in p ? period : p.label));
      }
      picker.value = period;
      rollupBox.checked = s.rollup;
      const p = parsePeriod(period);
      summary.textContent = `Progress as at ${'error' in p ? period : p.end}${s.rollup ? ' · roll-up' : ''}`;
      draw(frame);
    },
    destroy() {
      stopListening();
      clearShownStatuses();
      badges.destroy();
      box.remove();
    },
  };
}
