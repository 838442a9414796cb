import { ProgressUpdateProps } from '../../model/nodes.js';
import { EDIT_BASIS } from '../../model/vocabulary.js';
import type { Ctx } from '../app/context.js';
import { h } from '../ui/dom.js';
import { correctionNote, createFieldSet } from './fieldSet.js';
import { problemBox, serverFieldErrors } from './problems.js';
import { reasonField } from './reason.js';
import { fieldsOf, validateProps } from './schemaFields.js';

/**
 * A new progress update on an action, with the ProgressUpdate schema's fields (its
 * basis is the edit's own, so that field is not asked). It also sets the action's
 * status, as the pipeline does for every update.
 */

export function progressForm(ctx: Ctx, actionId: string, version: number, done: (message: string) => void, cancel: () => void): HTMLElement {
  const fields = fieldsOf(ProgressUpdateProps).filter((f) => f.name !== 'statusBasis');
  const set = createFieldSet(fields, {});
  const problem = h('div', {});
  const reason = reasonField();
  const save = h('button', { type: 'submit', class: 'button primary' }, 'Add the update');
  const form = h(
    'form',
    { class: 'edit-form progress-form', 'aria-label': 'Add a progress update', novalidate: true },
    h('h3', {}, 'Add a progress update'),
    set.elements,
    reason.el,
    problem,
    h('div', { class: 'form-actions' }, save, h('button', { type: 'button', class: 'button secondary', onclick: cancel }, 'Cancel')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    problem.replaceChildren();
    const checked = validateProps(ProgressUpdateProps, { ...set.read(), statusBasis: EDIT_BASIS });
    if (!checked.ok) {
      set.showErrors(checked.errors);
      problem.append(correctionNote(checked.errors.size));
      return;
    }
    set.showErrors(new Map());
    const { statusBasis: _basis, ...progress } = checked.props;
    save.disabled = true;
    ctx.writes.change({ operations: [{ op: 'addProgress', action: actionId, progress, expectedVersion: version }], ...reason.value() }).then(
      (res) => {
        ctx.resources.node.refresh(actionId);
        done(res.status === 'pending' ? 'Sent for approval: an editor will review it.' : `Progress for ${String(progress.period)} added.`);
      },
      (err: unknown) => {
        save.disabled = false;
        set.showErrors(serverFieldErrors(err));
        problem.append(problemBox(err));
      },
    );
  });
  return form;
}
