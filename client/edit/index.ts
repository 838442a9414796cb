import type { NodeDetailResponse } from '../../model/api.js';
import { allowsEndpoints } from '../../model/relationships.js';
import type { Ctx, Frame } from '../app/context.js';
import { canWrite } from '../auth/session.js';
import { select } from '../state/actions.js';
import { h, fill } from '../ui/dom.js';
import { createActionForm } from './createActionForm.js';
import { deleteForm } from './deleteForm.js';
import { leadForm } from './leadForm.js';
import { linkForm, type LinkSource } from './linkForm.js';
import { nodeFieldsForm } from './nodeForm.js';
import { progressForm } from './progressForm.js';

/**
 * Editing in the detail panel: the edit buttons a role may use (none for a viewer or
 * anyone signed out), the one form open at a time, and "Link from here…", which keeps
 * its source while the planner picks the other end on the map or by search. The
 * element is kept across the panel's renders, so a live refresh never wipes what is
 * being typed.
 */

type Mode = 'fields' | 'lead' | 'progress' | 'delete' | 'create';

export type Editor = { attach(d: NodeDetailResponse, f: Frame): HTMLElement; destroy(): void };

/** A partner editor may change only the actions their organisation leads or partners in (server/changes/partnerScope.ts). */
function mayChange(ctx: Ctx, d: NodeDetailResponse): boolean {
  if (ctx.session.can('edit')) return true;
  const org = ctx.session.user()?.organisationId;
  if (!org || d.node.kind !== 'Action') return false;
  return [...(d.neighbours['LEADS in'] ?? []), ...(d.neighbours['PARTNERS_IN in'] ?? [])].some((n) => n.id === org);
}

export function createEditor(ctx: Ctx): Editor {
  const root = h('div', { class: 'editing' });
  let open: { mode: Mode; nodeId: string; form: HTMLElement } | null = null;
  let linkFrom: LinkSource | null = null;
  let linkTarget: { id: string; form: HTMLElement } | null = null;
  let notice: { nodeId: string; text: string } | null = null;
  let painted = '';
  let last: { d: NodeDetailResponse; f: Frame } | null = null;

  const finish = (text: string, nodeId: string) => {
    open = null;
    linkFrom = null;
    linkTarget = null;
    notice = { nodeId, text };
    ctx.announce(text);
    repaint();
  };
  const cancel = () => {
    open = null;
    repaint();
  };
  const repaint = () => {
    painted = '';
    if (last) paint(last.d, last.f);
  };

  const start = (mode: Mode, d: NodeDetailResponse, f: Frame) => {
    const id = d.node.id;
    const done = (text: string) => finish(text, id);
    const form =
      mode === 'fields'
        ? nodeFieldsForm(ctx, d.node, done, cancel)
        : mode === 'lead'
          ? leadForm(ctx, f, d, done, cancel)
          : mode === 'progress'
            ? progressForm(ctx, id, d.node.version, done, cancel)
            : mode === 'delete'
              ? deleteForm(
                  ctx,
                  f,
                  d,
                  (text) => {
                    finish(text, id);
                    ctx.dispatch((s) => select(s, null));
                  },
                  cancel,
                )
              : createActionForm(
                  ctx,
                  { id, label: d.node.label },
                  (text, newId) => {
                    finish(text, newId);
                    ctx.dispatch((s) => select(s, newId));
                  },
                  cancel,
                );
    open = { mode, nodeId: id, form };
    notice = null;
    repaint();
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
    form.scrollIntoView({ block: 'nearest' });
  };

  function paint(d: NodeDetailResponse, f: Frame): void {
    const user = ctx.session.user();
    const key = [d.node.id, d.node.version, user?.role ?? '', open?.mode ?? '', open?.nodeId ?? '', linkFrom?.id ?? '', notice?.text ?? ''].join('|');
    if (key === painted) return;
    painted = key;
    if (!canWrite(ctx.session) || !mayChange(ctx, d)) {
      open = null;
      linkFrom = null;
      root.replaceChildren();
      return;
    }
    const n = d.node;
    if (open && open.nodeId !== n.id) open = null;
    const b = (mode: Mode, label: string, extra = '') =>
      h(
        'button',
        {
          type: 'button',
          class: `button small ${extra}`,
          'data-edit': mode,
          'aria-pressed': String(open?.mode === mode),
          onclick: () => (open?.mode === mode ? cancel() : start(mode, last?.d ?? d, last?.f ?? f)),
        },
        label,
      );
    const fullEditor = ctx.session.can('edit');
    const bar = h(
      'div',
      { class: 'edit-bar', role: 'group', 'aria-label': 'Edit' },
      b('fields', 'Edit fields'),
      allowsEndpoints('LEADS', 'Organisation', n.kind) ? b('lead', 'Change lead') : null,
      n.kind === 'Action' ? b('progress', 'Add progress') : null,
      n.kind === 'Plan' && fullEditor ? b('create', 'Add an action') : null,
      h(
        'button',
        {
          type: 'button',
          class: 'button small',
          'data-edit': 'link',
          'aria-pressed': String(linkFrom?.id === n.id),
          onclick: () => {
            linkFrom = linkFrom?.id === n.id ? null : { id: n.id, kind: n.kind, label: n.label };
            linkTarget = null;
            open = null;
            repaint();
          },
        },
        'Link from here…',
      ),
      fullEditor ? b('delete', 'Delete', 'danger') : null,
    );
    const parts: (HTMLElement | null)[] = [];
    if (linkFrom && linkFrom.id !== n.id) {
      if (!linkTarget || linkTarget.id !== n.id)
        linkTarget = {
          id: n.id,
          form: linkForm(
            ctx,
            f,
            linkFrom,
            { id: n.id, kind: n.kind, label: n.label },
            (text) => finish(text, n.id),
            () => {
              linkFrom = null;
              linkTarget = null;
              repaint();
            },
          ),
        };
      parts.push(linkTarget.form);
    } else if (linkFrom) {
      parts.push(
        h(
          'p',
          { class: 'edit-done picking-banner', role: 'status' },
          'Now pick the other end: click a node on the map, or find it with the search box. ',
          h(
            'button',
            {
              type: 'button',
              class: 'button small secondary',
              onclick: () => {
                linkFrom = null;
                repaint();
              },
            },
            'Stop linking',
          ),
        ),
      );
    }
    if (notice && notice.nodeId === n.id) parts.push(h('p', { class: 'edit-done', role: 'status' }, notice.text));
    parts.push(bar);
    if (open) parts.push(open.form);
    fill(root, parts);
  }

  return {
    attach(d, f) {
      last = { d, f };
      paint(d, f);
      return root;
    },
    destroy() {
      root.remove();
    },
  };
}
