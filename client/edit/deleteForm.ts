import type { NodeDetailResponse } from '../../model/api.js';
import type { ChangeDiff } from '../../model/changes.js';
import type { Ctx, Frame } from '../app/context.js';
import { groupTitle } from '../detail/utils.js';
import { h } from '../ui/dom.js';
import { problemBox } from './problems.js';
import { reasonField } from './reason.js';

/**
 * Deleting a node, confirmed against what would really go: a dry run of the delete
 * returns the pipeline's own diff, and the confirmation names every link and node it
 * removes before anything is written.
 */

export function deleteForm(ctx: Ctx, f: Frame, d: NodeDetailResponse, done: (message: string) => void, cancel: () => void): HTMLElement {
  const op = { op: 'delete' as const, id: d.node.id, expectedVersion: d.node.version };
  const body = h('div', {}, h('p', { class: 'hint', role: 'status' }, 'Working out what would go with it…'));
  const problem = h('div', {});
  const reason = reasonField();
  const confirm = h('button', { type: 'submit', class: 'button danger primary', disabled: true }, 'Delete');
  const form = h(
    'form',
    { class: 'edit-form danger-zone delete-form', 'aria-label': `Delete ${d.node.label}` },
    h('h3', {}, `Delete “${d.node.label}”?`),
    body,
    reason.el,
    problem,
    h('div', { class: 'form-actions' }, confirm, h('button', { type: 'button', class: 'button secondary', onclick: cancel }, 'Keep it')),
  );
  const name = (id: string) => f.data.index.nodes.get(id)?.label ?? id;
  ctx.writes.change({ operations: [op], dryRun: true }).then(
    (res) => {
      body.replaceChildren(...whatGoes(res.diff, d.node.id, name));
      confirm.disabled = false;
      confirm.textContent = `Delete it and ${res.diff.relationships.removed.length} ${res.diff.relationships.removed.length === 1 ? 'link' : 'links'}`;
    },
    (err: unknown) => body.replaceChildren(problemBox(err)),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    confirm.disabled = true;
    problem.replaceChildren();
    ctx.writes.change({ operations: [op], ...reason.value() }).then(
      (res) => done(res.status === 'pending' ? 'The deletion was sent for approval.' : `Deleted “${d.node.label}”. The feed can undo it.`),
      (err: unknown) => {
        confirm.disabled = false;
        problem.append(problemBox(err));
      },
    );
  });
  return form;
}

function whatGoes(diff: ChangeDiff, id: string, name: (id: string) => string): HTMLElement[] {
  const others = diff.nodes.removed.filter((n) => n.id !== id);
  const links = diff.relationships.removed;
  const parts: (HTMLElement | null)[] = [
    h('p', {}, links.length === 0 && others.length === 0 ? 'Nothing else goes with it.' : 'These go with it:'),
    links.length > 0
      ? h(
          'ul',
          { class: 'removed-list', 'aria-label': 'Links removed' },
          links.map((r) => h('li', {}, r.from === id ? `${groupTitle(`${r.type} out`)}: ${name(r.to)}` : `${groupTitle(`${r.type} in`)}: ${name(r.from)}`)),
        )
      : null,
    others.length > 0
      ? h(
          'ul',
          { class: 'removed-list', 'aria-label': 'Nodes removed' },
          others.map((n) => h('li', {}, `${n.kind}: ${name(n.id)}`)),
        )
      : null,
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}
