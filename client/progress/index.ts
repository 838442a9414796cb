import type { Ctx, Frame, Panel } from '../app/context.js';
import { h, fill } from '../ui/dom.js';
import { STATUS_SYMBOLS } from '../../model/statusWords.js';
import type { Status } from '../../model/vocabulary.js';
import { quarterOf } from '../../model/reports.js';
import { setPeriod } from '../state/actions.js';
import { quarterChoices } from './periods.js';
import { mountUpdateForm } from './updateForm.js';
import { planRows, overdueMilestoneList } from './partnershipView.js';
import { partnershipMissingUpdates, planMissingUpdates } from './missingUpdatesView.js';
import './progress.css';

/**
 * Progress for a plan and a period: actions by status against the previous period, what
 * is overdue, which outcomes had no update, the plan's indicators against their targets,
 * who still owes an update (as a CSV a coordinator sends round), and the quarterly report
 * in the partnership's own layout as HTML, PDF, Word or Excel.
 */

type Dashboard = {
  plan: string;
  period: { code: string; label: string };
  previous: { code: string; label: string };
  actions: number;
  statusCounts: { status: Status | 'no update'; now: number; before: number; change: number }[];
  overdueActions: { id: string; plan: string; ref: string; title: string; dueDate: string }[];
  overdueMilestones: { id: string; actionId: string; actionRef: string; plan: string; text: string; dueDate: string }[];
  plans?: { plan: string; planShort: string; actions: number; overdue: number; updatedThisPeriod: number }[];
  outcomesWithoutProgress: { id: string; label: string; kind: string }[];
  indicators: { planShort?: string; measure: string; baseline: string | null; target: string | null; actual: string | null; gap: string | null; nextTarget: string | null }[];
};

/** The plan picker's value for every plan together. */
const PARTNERSHIP = 'partnership';
const currentQuarter = () => quarterOf(new Date().toISOString().slice(0, 10));

const symbol = (s: Status | 'no update') => (s === 'no update' ? '·' : STATUS_SYMBOLS[s]);
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

export function mountProgress(root: HTMLElement, ctx: Ctx): Panel {
  const planSelect = h('select', { id: 'progress-plan', 'aria-label': 'Plan' });
  const periodSelect = h('select', { id: 'progress-period', 'aria-label': 'Period' }, h('option', { value: '' }, 'Latest reported quarter'));
  for (const p of quarterChoices(new Date().toISOString().slice(0, 10))) periodSelect.append(h('option', { value: p.code }, p.label));
  const body = h('div', { class: 'progress-body', 'aria-live': 'polite' });
  const heading = h('h2', { id: 'progress-panel-heading', tabindex: '-1' }, 'Progress');
  fill(
    root,
    h(
      'section',
      { class: 'progress-panel', 'aria-labelledby': 'progress-panel-heading' },
      heading,
      h('div', { class: 'progress-controls' }, h('label', {}, 'Plan ', planSelect), h('label', {}, 'Period ', periodSelect)),
      body,
    ),
  );

  let plansKey = '';
  const updateForm = mountUpdateForm(() => void load());
  let destroyChart: (() => void) | null = null;
  let request = 0;

  async function load() {
    const plan = planSelect.value;
    if (!plan) return;
    const mine = ++request;
    fill(body, h('p', { class: 'muted' }, 'Loading…'));
    const query = periodSelect.value ? `?period=${encodeURIComponent(periodSelect.value)}` : '';
    try {
      const url = plan === PARTNERSHIP ? `/api/dashboard${query || `?period=${currentQuarter()}`}` : `/api/dashboard/${encodeURIComponent(plan)}${query}`;
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      const json = (await res.json()) as { error?: { message?: string } };
      if (mine !== request) return;
      if (!res.ok) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
      render(json as unknown as Dashboard);
    } catch (err) {
      if (mine === request) fill(body, h('p', { class: 'error', role: 'alert' }, `The progress dashboard could not be loaded: ${(err as Error).message}`));
    }
  }

  function render(d: Dashboard) {
    destroyChart?.();
    destroyChart = null;
    const period = `period=${encodeURIComponent(d.period.code)}`;
    const report = (format: string, label: string) =>
      h(
        'a',
        {
          class: 'button small secondary',
          href: `/api/reports/${encodeURIComponent(d.plan)}?${period}&format=${format}`,
          ...(format === 'html' || format === 'pdf' ? { target: '_blank', rel: 'noopener' } : { download: '' }),
        },
        label,
      );
    const canvas = h('canvas', { id: 'progress-chart', role: 'img', 'aria-label': `Actions by status at the end of ${d.period.label}, against ${d.previous.label}` });
    const table = h(
      'table',
      { class: 'progress-counts' },
      h('caption', {}, `${d.actions} actions · ${d.period.label}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Now'), h('th', { scope: 'col' }, 'Previous'), h('th', { scope: 'col' }, 'Change'))),
      h('tbody', {}, ...d.statusCounts.map((c) => h('tr', {}, h('th', { scope: 'row' }, `${symbol(c.status)} ${c.status}`), h('td', {}, c.now), h('td', {}, c.before), h('td', {}, signed(c.change))))),
    );
    const nodeLink = (id: string, text: string) => h('button', { type: 'button', class: 'link', onclick: () => ctx.focusNode(id) }, text);
    fill(
      body,
      d.plans
        ? planRows(d.plans, d.period.label)
        : h('div', { class: 'progress-reports' }, h('span', {}, 'Report: '), report('html', 'Print'), report('pdf', 'PDF'), report('docx', 'Word'), report('xlsx', 'Excel')),
      h('div', { class: 'progress-chart-box' }, canvas),
      table,
      h('h3', {}, `Overdue actions (${d.overdueActions.length})`),
      d.overdueActions.length
        ? h('ul', { class: 'progress-list' }, ...d.overdueActions.map((a) => h('li', {}, nodeLink(a.id, `${a.ref || 'Action'} · due ${a.dueDate}`), ` ${a.title}`)))
        : h('p', { class: 'muted' }, 'None overdue at the end of the period.'),
      overdueMilestoneList(d.overdueMilestones, nodeLink),
      h('h3', {}, `Outcomes with no update this period (${d.outcomesWithoutProgress.length})`),
      d.outcomesWithoutProgress.length
        ? h('ul', { class: 'progress-list' }, ...d.outcomesWithoutProgress.map((o) => h('li', {}, nodeLink(o.id, o.label))))
        : h('p', { class: 'muted' }, 'Every outcome had an update.'),
      ...(d.indicators.length
        ? [
            h('h3', {}, 'Indicators against targets'),
            h(
              'table',
              { class: 'progress-indicators' },
              h('thead', {}, h('tr', {}, ...['Measure', 'Baseline', 'Target', 'Actual', 'Against target', 'Next target'].map((t) => h('th', { scope: 'col' }, t)))),
              // No document prints a baseline: an empty one says so, rather than reading as 0 or as a figure left out.
              h(
                'tbody',
                {},
                ...d.indicators.map((i) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, i.planShort ? `${i.planShort} · ${i.measure}` : i.measure),
                    i.baseline ? h('td', {}, i.baseline) : h('td', { class: 'muted not-printed' }, 'not printed'),
                    h('td', {}, i.target ?? '–'),
                    h('td', {}, i.actual ?? '–'),
                    h('td', {}, i.gap ?? ''),
                    h('td', {}, i.nextTarget ?? '–'),
                  ),
                ),
              ),
            ),
          ]
        : []),
      d.plans ? partnershipMissingUpdates(d.period.code, (id) => d.plans?.find((p) => p.plan === id)?.planShort ?? id) : planMissingUpdates(d.plan, d.period.code),
      updateForm.element,
    );
    updateForm.setPlan(d.plans ? null : d.plan, d.period.code);
    // The chart library is loaded with the panel, never with the map.
    void import('./statusChart.js').then(({ drawStatusChart }) => {
      if (!canvas.isConnected) return;
      destroyChart = drawStatusChart(canvas, d.statusCounts, { now: d.period.label, before: d.previous.label });
    });
  }

  planSelect.addEventListener('change', () => void load());
  periodSelect.addEventListener('change', () => {
    // The chosen period is the explorer's: the map's badges and the roll-up follow it.
    ctx.dispatch((s) => setPeriod(s, periodSelect.value || null), 'replace');
    void load();
  });

  return {
    update(frame: Frame) {
      const plans = frame.data.plans;
      const key = plans.map((p) => p.id).join(',');
      if (key !== plansKey) {
        plansKey = key;
        fill(planSelect, h('option', { value: PARTNERSHIP }, 'The partnership (every plan)'), ...plans.map((p) => h('option', { value: p.id }, p.label)));
        const wanted = frame.state.filters.plan ?? plans.find((p) => p.id === 'plan:lcja-2010')?.id ?? plans[0]?.id ?? '';
        planSelect.value = wanted;
        if (frame.state.period && [...periodSelect.options].some((o) => o.value === frame.state.period)) periodSelect.value = frame.state.period;
        void load();
      } else if (frame.state.period && frame.state.period !== periodSelect.value && [...periodSelect.options].some((o) => o.value === frame.state.period)) {
        periodSelect.value = frame.state.period;
        void load();
      } else if (frame.state.filters.plan && frame.state.filters.plan !== planSelect.value && frame.state.filters.plan !== frame.previous?.filters.plan) {
        planSelect.value = frame.state.filters.plan;
        void load();
      }
    },
    destroy() {
      destroyChart?.();
    },
    focus() {
      heading.focus();
    },
  };
}
