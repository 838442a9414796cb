import { h } from '../ui/dom.js';

/**
 * The parts of the Progress panel the partnership's dashboard adds: a row per plan (so
 * the plans compare side by side), and the overdue milestones any dashboard lists.
 */

type PlanRow = { plan: string; planShort: string; actions: number; overdue: number; updatedThisPeriod: number };
type Milestone = { id: string; actionId: string; actionRef: string; plan: string; text: string; dueDate: string };

export function planRows(plans: readonly PlanRow[], periodLabel: string): HTMLElement {
  return h(
    'table',
    { class: 'progress-counts progress-plans' },
    h('caption', {}, `Every plan · ${periodLabel}`),
    h('thead', {}, h('tr', {}, ...['Plan', 'Actions', 'Updated', 'Overdue'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...plans.map((p) => h('tr', { 'data-plan': p.plan }, h('th', { scope: 'row' }, p.planShort), h('td', {}, p.actions), h('td', {}, p.updatedThisPeriod), h('td', {}, p.overdue)))),
  );
}

export function overdueMilestoneList(milestones: readonly Milestone[], link: (id: string, text: string) => HTMLElement): HTMLElement[] {
  return [
    h('h3', {}, `Overdue milestones (${milestones.length})`),
    milestones.length
      ? h('ul', { class: 'progress-list overdue-milestones' }, ...milestones.map((m) => h('li', {}, link(m.actionId, `${m.actionRef || 'Action'} · due ${m.dueDate}`), ` ${m.text}`)))
      : h('p', { class: 'muted' }, 'No milestone overdue at the end of the period.'),
  ];
}
