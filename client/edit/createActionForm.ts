import { ActionProps } from '../../model/nodes.js';
import { slug } from '../../model/ids.js';
import type { Ctx } from '../app/context.js';
import { editForm } from './editForm.js';
import { correctionNote, createFieldSet } from './fieldSet.js';
import { serverFieldErrors } from './problems.js';
import { fieldsOf, validateProps } from './schemaFields.js';

/**
 * A new action in a plan: the Action schema's fields (the status comes from progress
 * updates, so it is not asked), an id made the seed's way from the plan's key and the
 * printed reference (`lcja-2008:action:2.5.14`), and the plan's CONTAINS link, in one change.
 */

const ASKED = ['ref', 'title', 'objective', 'section', 'localTarget', 'timescale', 'dueDate', 'yearBand', 'leadAsPrinted'];

export function newActionId(planId: string, ref: string, title: string): string {
  const key = planId.replace(/^plan:/, '');
  return `${key}:action:${
    ref.trim()
      ? ref
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9.-]+/g, '-')
      : slug(title).slice(0, 40) || 'new'
  }`;
}

export function createActionForm(ctx: Ctx, plan: { id: string; label: string }, done: (message: string, id: string) => void, cancel: () => void): HTMLElement {
  const fields = fieldsOf(ActionProps).filter((f) => ASKED.includes(f.name));
  const set = createFieldSet(fields, {});
  return editForm({
    className: 'create-action-form',
    title: `New action in ${plan.label}`,
    label: 'New action',
    saveLabel: 'Create the action',
    fields: set.elements,
    cancel,
    submit({ problem, reason, send }) {
      const checked = validateProps(ActionProps, { ref: '', ...set.read() });
      if (!checked.ok) {
        set.showErrors(checked.errors);
        problem.append(correctionNote(checked.errors.size));
        return;
      }
      set.showErrors(new Map());
      const id = newActionId(plan.id, String(checked.props.ref ?? ''), String(checked.props.title));
      send(
        ctx.writes.change({
          operations: [
            { op: 'create', node: { kind: 'Action', id, props: checked.props } },
            { op: 'link', type: 'CONTAINS', from: plan.id, to: id, props: {} },
          ],
          ...reason(),
        }),
        (res) => done(res.status === 'pending' ? 'The new action was sent for approval.' : `Created “${String(checked.props.title)}”.`, id),
        (err) => set.showErrors(serverFieldErrors(err)),
      );
    },
  }).form;
}
