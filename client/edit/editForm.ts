import type { ChangeResponse } from '../../model/changes.js';
import { h } from '../ui/dom.js';
import { problemBox } from './problems.js';
import { reasonField } from './reason.js';

/**
 * The frame every edit form shares: a heading, the form's own fields, the "why" field,
 * a place for the server's refusal, and Save / Cancel. `send` disables Save while the
 * change travels and, if it is refused, enables it again and shows why, so each form
 * writes only what it asks and what it sends.
 */

export type EditForm = {
  readonly form: HTMLFormElement;
  /** The reason the planner gave, to spread into the change (`{ reason }` or nothing). */
  reason: () => { reason?: string };
  /** Shown under the fields: a correction note or the server's refusal. */
  readonly problem: HTMLElement;
  /** Sends a change; `refused` runs before the refusal is shown (to mark fields the server named). */
  send: <T extends ChangeResponse>(change: Promise<T>, sent: (res: T) => void, refused?: (err: unknown) => void) => void;
};

export function editForm(options: {
  /** The form's own class (`lead-form`): styles and tests find it by this. */
  className: string;
  title: string;
  /** The accessible name, when it differs from the title. */
  label?: string;
  saveLabel: string;
  fields: readonly (Node | null)[];
  cancel: () => void;
  /** The submit, after the previous problem is cleared. */
  submit(form: EditForm): void;
}): EditForm {
  const problem = h('div', {});
  const reason = reasonField();
  const save = h('button', { type: 'submit', class: 'button primary' }, options.saveLabel);
  const form = h(
    'form',
    { class: `edit-form ${options.className}`, 'aria-label': options.label ?? options.title, novalidate: true },
    h('h3', {}, options.title),
    ...options.fields,
    reason.el,
    problem,
    h('div', { class: 'form-actions' }, save, h('button', { type: 'button', class: 'button secondary', onclick: options.cancel }, 'Cancel')),
  );
  const edit: EditForm = {
    form,
    reason: () => reason.value(),
    problem,
    send(change, sent, refused) {
      save.disabled = true;
      change.then(sent, (err: unknown) => {
        save.disabled = false;
        refused?.(err);
        problem.append(problemBox(err));
      });
    },
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    problem.replaceChildren();
    options.submit(edit);
  });
  return edit;
}
