import type { NodeDetailResponse } from '../../model/api.js';
import type { ChangeOperationInput } from '../../model/changes.js';
import type { Ctx, Frame } from '../app/context.js';
import { h, uid } from '../ui/dom.js';
import { editForm } from './editForm.js';

/**
 * Changing who leads an action (or a milestone, priority or event): the LEADS link
 * from the old organisation is removed and one from the chosen organisation added, in
 * one change, so the history reads "lead changed from X to Y".
 */

export function leadForm(ctx: Ctx, f: Frame, d: NodeDetailResponse, done: (message: string) => void, cancel: () => void): HTMLElement {
  const current = d.neighbours['LEADS in'] ?? [];
  const id = uid('lead');
  const roleId = uid('lead-role');
  const select = h(
    'select',
    { id, name: 'lead', required: true },
    h('option', { value: '' }, '— choose an organisation —'),
    f.data.organisations.map((o) => h('option', { value: o.id }, o.label)),
  );
  const role = h('input', { type: 'text', id: roleId, name: 'role', placeholder: 'e.g. MAPPA steering group chair' });
  const error = h('p', { class: 'field-error', hidden: true });
  return editForm({
    className: 'lead-form',
    title: 'Change the lead',
    saveLabel: 'Change the lead',
    fields: [
      h('p', { class: 'hint' }, current.length > 0 ? `Led now by ${current.map((c) => c.label).join(' and ')}.` : 'No organisation leads this yet.'),
      h('div', { class: 'field' }, h('label', { for: id }, 'New lead'), select, error),
      h('div', { class: 'field' }, h('label', { for: roleId }, 'Role as it should read'), role, h('p', { class: 'field-hint' }, 'may be left empty')),
    ],
    cancel,
    submit({ reason, send }) {
      const to = select.value;
      error.hidden = !!to && !current.some((c) => c.id === to);
      error.textContent = !to ? 'Choose the organisation that leads it now.' : 'That organisation leads it already.';
      if (!error.hidden) {
        select.focus();
        return;
      }
      const operations: ChangeOperationInput[] = [
        ...current.map((c) => ({ op: 'unlink' as const, type: 'LEADS' as const, from: c.id, to: d.node.id })),
        { op: 'link', type: 'LEADS', from: to, to: d.node.id, props: role.value.trim() ? { role: role.value.trim() } : {} },
      ];
      send(ctx.writes.change({ operations, ...reason() }), (res) => {
        ctx.resources.node.refresh(d.node.id);
        const name = f.data.index.nodes.get(to)?.label ?? to;
        done(res.status === 'pending' ? 'Sent for approval: an editor will review it.' : `The lead is now ${name}.`);
      });
    },
  }).form;
}
