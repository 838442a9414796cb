import type { NodeDetailResponse } from '../../model/api.js';
import { NODE_SCHEMAS } from '../../model/nodes.js';
import type { Ctx } from '../app/context.js';
import { propTitle } from '../detail/utils.js';
import { h } from '../ui/dom.js';
import { correctionNote, createFieldSet } from './fieldSet.js';
import { problemBox, serverFieldErrors } from './problems.js';
import { reasonField } from './reason.js';
import { changesBetween, fieldsOf, validateProps } from './schemaFields.js';

/**
 * The form that edits every field of a node: one input per field of the kind's zod
 * schema, checked by that same schema in the browser before anything is sent (the
 * error stands beside its field), then sent as a partial update with the version the
 * author saw. A 400 from the server is shown beside the fields too; a 409 shows what
 * is there now and offers to load it.
 */

type Node = NodeDetailResponse['node'];

export function nodeFieldsForm(ctx: Ctx, node: Node, done: (message: string) => void, cancel: () => void): HTMLElement {
  const schema = NODE_SCHEMAS[node.kind];
  const fields = fieldsOf(schema);
  let base = { props: node.props, version: node.version };
  const set = createFieldSet(fields, base.props);
  const problem = h('div', {});
  const reason = reasonField();
  const save = h('button', { type: 'submit', class: 'button primary' }, 'Save changes');
  const versionNote = h('p', { class: 'hint' }, `Version ${base.version}. Only the fields you change are sent.`);
  const form = h(
    'form',
    { class: 'edit-form node-form', 'aria-label': `Edit ${node.label}`, novalidate: true },
    h('h3', {}, 'Edit the fields'),
    versionNote,
    set.elements,
    reason.el,
    problem,
    h('div', { class: 'form-actions' }, save, h('button', { type: 'button', class: 'button secondary', onclick: cancel }, 'Cancel')),
  );

  // Fields the stored node holds that the schema does not know stay as they are.
  const typed = () => ({ ...Object.fromEntries(Object.entries(base.props).filter(([k]) => !fields.some((f) => f.name === k))), ...set.read() });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    problem.replaceChildren();
    const after = typed();
    const checked = validateProps(schema, after);
    if (!checked.ok) {
      set.showErrors(checked.errors);
      problem.append(correctionNote(checked.errors.size));
      return;
    }
    set.showErrors(new Map());
    const { set: changed, unset } = changesBetween(base.props, checked.props, fields);
    if (Object.keys(changed).length === 0 && unset.length === 0) {
      problem.append(h('p', { class: 'hint', role: 'status' }, 'Nothing has changed yet.'));
      return;
    }
    save.disabled = true;
    ctx.writes.change({ operations: [{ op: 'update', id: node.id, expectedVersion: base.version, set: changed, unset }], ...reason.value() }).then(
      (res) => {
        ctx.resources.node.refresh(node.id);
        done(res.status === 'pending' ? 'Sent for approval: an editor will review it.' : `Saved: ${[...Object.keys(changed), ...unset].map(propTitle).join(', ')}.`);
      },
      (err: unknown) => {
        save.disabled = false;
        set.showErrors(serverFieldErrors(err));
        problem.append(
          problemBox(err, {
            typed: after,
            onReload: (current) => {
              base = { props: current.props, version: current.version };
              set.set(current.props);
              versionNote.textContent = `Version ${base.version}. Only the fields you change are sent.`;
              problem.replaceChildren(h('p', { class: 'hint', role: 'status' }, `Loaded version ${current.version}. Make your change again and save.`));
              ctx.resources.node.refresh(node.id);
            },
          }),
        );
      },
    );
  });
  return form;
}
