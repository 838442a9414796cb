import { ProgressUpdateProps } from '../../model/nodes.js';
import { EDIT_BASIS } from '../../model/vocabulary.js';
import type { Ctx } from '../app/context.js';
import { editForm } from './editForm.js';
import { correctionNote, createFieldSet } from './fieldSet.js';
import { serverFieldErrors } from './problems.js';
import { fieldsOf, validateProps } from './schemaFields.js';

/**
 * A new progress update on an action, with the ProgressUpdate schema's fields (its
 * basis is the edit's own, so that field is not asked). It also sets the action's
 * status, as the pipeline does for every update.
 */

export function progressForm(ctx: Ctx, actionId: string, version: number, done: (message: string) => void, cancel: () => void): HTMLElement {
  const fields = fieldsOf(ProgressUpdateProps).filter((f) => f.name !== 'statusBasis');
  const set = createFieldSet(fields, {});
  return editForm({
    className: 'progress-form',
    title: 'Add a progress update',
    saveLabel: 'Add the update',
    fields: set.elements,
    cancel,
    submit({ problem, reason, send }) {
      const checked = validateProps(ProgressUpdateProps, { ...set.read(), statusBasis: EDIT_BASIS });
      if (!checked.ok) {
        set.showErrors(checked.errors);
        problem.append(correctionNote(checked.errors.size));
        return;
      }
      set.showErrors(new Map());
      const { statusBasis: _basis, ...progress } = checked.props;
      send(
        ctx.writes.change({ operations: [{ op: 'addProgress', action: actionId, progress, expectedVersion: version }], ...reason() }),
        (res) => {
          ctx.resources.node.refresh(actionId);
          done(res.status === 'pending' ? 'Sent for approval: an editor will review it.' : `Progress for ${String(progress.period)} added.`);
        },
        (err) => set.showErrors(serverFieldErrors(err)),
      );
    },
  }).form;
}
