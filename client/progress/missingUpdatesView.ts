import { h } from '../ui/dom.js';

/**
 * "What needs updating" in the Progress panel: for the partnership, how many updates each
 * lead organisation owes across every plan (GET /api/missing-updates), with the CSV a
 * coordinator sends round; for one plan, that plan's CSV. Counts first, so the panel stays
 * short; the rows behind them are in the CSV.
 */

type LeadCount = { lead: string; missing: number; plans: string[] };
type Answer = { period: { code: string; label: string }; leads: LeadCount[]; rows: unknown[] };

export const partnershipCsvHref = (period: string) => `/api/missing-updates?period=${encodeURIComponent(period)}&format=csv`;
export const planCsvHref = (plan: string, period: string) => `/api/reports/${encodeURIComponent(plan)}/missing-updates?period=${encodeURIComponent(period)}&format=csv`;

/** The section for one plan: only the link (the plan's dashboard already lists what is overdue). */
export function planMissingUpdates(plan: string, period: string): HTMLElement {
  return h('p', {}, h('a', { class: 'button small secondary', href: planCsvHref(plan, period), download: '' }, 'Who still owes an update (CSV)'));
}

/** The partnership's section: filled when the counts arrive; `planName` turns a plan id into its short name. */
export function partnershipMissingUpdates(period: string, planName: (id: string) => string): HTMLElement {
  const body = h('div', { class: 'progress-missing-body' }, h('p', { class: 'muted' }, 'Loading…'));
  const section = h(
    'section',
    { class: 'progress-missing', id: 'progress-missing', 'aria-labelledby': 'progress-missing-heading' },
    h('h3', { id: 'progress-missing-heading' }, 'What needs updating, partnership-wide'),
    body,
    h('p', {}, h('a', { class: 'button small secondary', id: 'progress-missing-csv', href: partnershipCsvHref(period), download: '' }, 'Who still owes an update, every plan (CSV)')),
  );
  void fetch(`/api/missing-updates?period=${encodeURIComponent(period)}`, { headers: { accept: 'application/json' } })
    .then(async (res) => {
      const json = (await res.json()) as Answer & { error?: { message?: string } };
      if (!res.ok) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
      return json;
    })
    .then(
      (a) => {
        body.replaceChildren(
          a.leads.length
            ? h(
                'table',
                { class: 'progress-counts progress-missing-leads' },
                h('caption', {}, `${a.rows.length} updates owed for ${a.period.label}`),
                h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Lead'), h('th', { scope: 'col' }, 'Owed'), h('th', { scope: 'col' }, 'Plans'))),
                h(
                  'tbody',
                  {},
                  ...a.leads.map((l) => h('tr', { 'data-lead': l.lead }, h('th', { scope: 'row' }, l.lead), h('td', {}, l.missing), h('td', { class: 'plans' }, l.plans.map(planName).join(', ')))),
                ),
              )
            : h('p', { class: 'muted' }, 'Every unfinished action has an update for the period.'),
        );
      },
      (err: unknown) => body.replaceChildren(h('p', { class: 'error', role: 'alert' }, `What needs updating could not be loaded: ${err instanceof Error ? err.message : String(err)}`)),
    );
  return section;
}
