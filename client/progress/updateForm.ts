import { parsePeriod, type Period } from '../../model/reports.js';
import { roleCan, type Role } from '../../model/roles.js';
import { STATUSES } from '../../model/vocabulary.js';
import { fill, h } from '../ui/dom.js';
import { forgetProgress } from './progressData.js';

/**
 * Entering a progress update from the Progress panel: an action of the plan, the status
 * (and the word as the lead wrote it), and the narrative, for the panel's period. It goes
 * through the one change pipeline (POST /api/changes, op addProgress) with the session's
 * CSRF token; a partner editor's update is queued for approval, as every partner edit is.
 * Shown only to a signed-in account that may edit.
 */

type Session = { signedIn: boolean; user: { role: Role; name: string } | null; csrfToken: string | null };
type ReportJson = { groups: { rows: { actionId: string; ref: string; keyActions: string }[] }[] };

/** "2008-09-Q3" → "2008-09 Q3", the way the documents write a quarter; other periods as their label. */
export function printedPeriod(p: Period): string {
  return p.kind === 'quarter' ? p.code.replace(/-Q(\d)$/, ' Q$1') : p.label;
}

export function mountUpdateForm(onSaved: () => void) {
  const action = h('select', { id: 'update-action', required: true });
  const status = h('select', { id: 'update-status' }, ...STATUSES.map((s) => h('option', { value: s }, s)));
  const printed = h('input', { id: 'update-printed', type: 'text', maxlength: '80', placeholder: 'e.g. On track' });
  const narrative = h('textarea', { id: 'update-narrative', rows: '3', required: true, maxlength: '4000' });
  const message = h('p', { class: 'hint', role: 'status', id: 'update-message' });
  const submit = h('button', { type: 'submit', class: 'button small', id: 'update-submit' }, 'Save the update');
  const periodLine = h('p', { class: 'hint' });
  const form = h(
    'form',
    { class: 'progress-update-form', id: 'progress-update-form' },
    h('h3', {}, 'Enter a progress update'),
    periodLine,
    h('label', { for: 'update-action' }, 'Action', action),
    h('label', { for: 'update-status' }, 'Status', status),
    h('label', { for: 'update-printed' }, 'Status as the lead wrote it (optional)', printed),
    h('label', { for: 'update-narrative' }, 'Narrative', narrative),
    submit,
    message,
  );
  const element = h('div', { class: 'progress-update' });
  let session: Session | null = null;
  let plan: string | null = null;
  let period: Period | null = null;
  let loadedFor = '';

  const sessionReady = fetch('/api/auth/session', { headers: { accept: 'application/json' } })
    .then((r) => r.json() as Promise<Session>)
    .then((s) => (session = s))
    .catch(() => (session = null));

  async function show() {
    await sessionReady;
    if (!plan || !period) return fill(element);
    const role = session?.signedIn ? session.user?.role : undefined;
    if (!role || !(roleCan(role, 'edit') || roleCan(role, 'editOwnOrganisation'))) {
      return fill(element, h('p', { class: 'hint' }, 'Signed in as an editor, you can enter a progress update here.'));
    }
    periodLine.textContent = `For ${period.label}, as at ${period.end}.`;
    const key = `${plan}|${period.code}`;
    if (key !== loadedFor) {
      loadedFor = key;
      const res = await fetch(`/api/reports/${encodeURIComponent(plan)}?period=${encodeURIComponent(period.code)}&format=json`, { headers: { accept: 'application/json' } });
      const report = (await res.json()) as ReportJson;
      const rows = report.groups.flatMap((g) => g.rows).sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
      const keep = action.value;
      fill(action, ...rows.map((r) => h('option', { value: r.actionId }, `${r.ref || 'Action'} · ${r.keyActions.slice(0, 70)}`)));
      if (rows.some((r) => r.actionId === keep)) action.value = keep;
    }
    if (!form.isConnected) fill(element, form);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!period || !session?.csrfToken) return;
    if (!narrative.value.trim()) {
      message.textContent = 'Write the narrative: what happened this period.';
      narrative.focus();
      return;
    }
    submit.disabled = true;
    message.textContent = 'Saving…';
    try {
      const progress = {
        period: printedPeriod(period),
        asOf: period.end,
        status: status.value,
        narrative: narrative.value.trim(),
        ...(printed.value.trim() ? { statusAsPrinted: printed.value.trim() } : {}),
      };
      const res = await fetch('/api/changes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ operations: [{ op: 'addProgress', action: action.value, progress }], reason: `Progress update for ${period.code}, entered in the explorer` }),
      });
      const json = (await res.json()) as { error?: { message?: string; issues?: { field: string; reason: string }[] } };
      if (!res.ok) {
        const issues = (json.error?.issues ?? []).map((i: { field: string; reason: string }) => `${i.field}: ${i.reason}`).join('; ');
        throw new Error(`${json.error?.message ?? `HTTP ${res.status}`}${issues ? ` (${issues})` : ''}`);
      }
      message.textContent = res.status === 202 ? 'Sent for approval by an editor.' : 'Saved.';
      narrative.value = '';
      printed.value = '';
      forgetProgress();
      onSaved();
    } catch (err) {
      message.textContent = `The update was not saved: ${(err as Error).message}`;
    } finally {
      submit.disabled = false;
    }
  });

  return {
    element,
    /** The plan (null: the partnership, where no single plan's action is chosen) and period the form enters for. */
    setPlan(p: string | null, code: string) {
      plan = p;
      const parsed = parsePeriod(code);
      period = 'error' in parsed ? null : parsed;
      void show();
    },
  };
}
