import type { NodeKind } from '../../model/nodes.js';
import type { Ctx, Frame } from '../app/context.js';
import { h, uid } from '../ui/dom.js';
import { choiceLabel, linkChoices } from './linkTypes.js';
import { problemBox } from './problems.js';
import { reasonField } from './reason.js';

/**
 * The second half of "Link from here…": shown on the node picked as the other end (on
 * the map or by search), it offers only the relationship types the model allows for
 * the pair, in either direction, and a rationale for a SERVES link.
 */

export type LinkSource = { id: string; kind: NodeKind; label: string };

export function linkForm(ctx: Ctx, f: Frame, source: LinkSource, target: LinkSource, done: (message: string) => void, cancel: () => void): HTMLElement {
  const name = (id: string) => f.data.index.nodes.get(id)?.label ?? id;
  const choices = linkChoices(source, target);
  const id = uid('link-type');
  const whyId = uid('link-why');
  const form = h('form', { class: 'edit-form link-form', 'aria-label': 'Draw a link' }, h('h3', {}, `Link “${source.label}” with this`));
  const cancelButton = h('button', { type: 'button', class: 'button secondary', onclick: cancel }, 'Stop linking');
  if (choices.length === 0) {
    form.append(h('p', {}, `The model allows no link between a ${source.kind} and a ${target.kind}. Pick another node on the map or by search.`), h('div', { class: 'form-actions' }, cancelButton));
    return form;
  }
  const select = h(
    'select',
    { id, name: 'type' },
    choices.map((c, i) => h('option', { value: String(i) }, choiceLabel(c, name))),
  );
  const rationale = h('textarea', { id: whyId, name: 'rationale', rows: 2 });
  const rationaleBox = h('div', { class: 'field' }, h('label', { for: whyId }, 'Rationale (why it serves)'), rationale, h('p', { class: 'field-hint' }, 'may be left empty'));
  const syncRationale = () => (rationaleBox.hidden = choices[Number(select.value)]!.type !== 'SERVES');
  select.addEventListener('change', syncRationale);
  syncRationale();
  const problem = h('div', {});
  const reason = reasonField();
  const save = h('button', { type: 'submit', class: 'button primary' }, 'Draw the link');
  form.append(
    h('div', { class: 'field' }, h('label', { for: id }, 'Relationship'), select, h('p', { class: 'field-hint' }, 'only the links the model allows between these two kinds')),
    rationaleBox,
    reason.el,
    problem,
    h('div', { class: 'form-actions' }, save, cancelButton),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = choices[Number(select.value)]!;
    const props = c.type === 'SERVES' && rationale.value.trim() ? { rationale: rationale.value.trim() } : {};
    save.disabled = true;
    problem.replaceChildren();
    ctx.writes.change({ operations: [{ op: 'link', type: c.type, from: c.from, to: c.to, props }], ...reason.value() }).then(
      (res) => {
        ctx.resources.node.refresh(c.from);
        ctx.resources.node.refresh(c.to);
        done(res.status === 'pending' ? 'The link was sent for approval.' : `Linked: ${choiceLabel(c, name)}.`);
      },
      (err: unknown) => {
        save.disabled = false;
        problem.append(problemBox(err));
      },
    );
  });
  return form;
}
