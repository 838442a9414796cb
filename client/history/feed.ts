import type { Ctx, Frame, Panel } from '../app/context.js';
import { WriteError, type FeedEntry, type PendingEntry } from '../http/write.js';
import { propTitle } from '../detail/utils.js';
import { fieldOfIssuePath } from '../edit/problems.js';
import { select } from '../state/actions.js';
import { h, fill, uid } from '../ui/dom.js';
import { changeName, formatWhen } from './describe.js';
import { describeChange } from './describeChange.js';
import '../edit/editing.css';

/**
 * The global feed: every committed change, newest first, with who, when and why, and
 * an Undo for editors (the inverse committed as a new change; a later change in the
 * way is named field by field). Above it, for editors, the approval queue: partner
 * editors' changes waiting, each approved or rejected with a note. It refreshes itself
 * on every live change.
 */

const PAGE = 30;

export function mountFeed(root: HTMLElement, ctx: Ctx): Panel {
  const queue = h('section', { class: 'approval-queue', 'aria-labelledby': 'queue-heading' });
  const list = h('ol', { class: 'feed-list', 'aria-label': 'Changes, newest first' });
  const status = h('div', { role: 'status' });
  const more = h('button', { type: 'button', class: 'button secondary', hidden: true }, 'Older changes');
  const heading = h('h2', { id: 'feed-heading', tabindex: '-1' }, 'Changes');
  root.append(h('section', { class: 'feed-panel', 'aria-labelledby': 'feed-heading' }, heading, status, queue, h('h3', {}, 'Committed changes'), list, more));

  let frame: Frame | null = null;
  let entries: FeedEntry[] = [];
  let next: number | null = null;
  let notices = new Map<string, HTMLElement>();
  const names = (id: string) => {
    const n = frame?.data.index.nodes.get(id);
    return n ? changeName(n) : id;
  };

  const load = async () => {
    try {
      const res = await ctx.writes.feed({ limit: PAGE });
      entries = res.changes;
      next = res.next;
      renderList();
    } catch (err) {
      fill(status, h('p', { class: 'error' }, `The changes could not be loaded: ${(err as Error).message}`));
    }
    await loadQueue();
  };
  more.addEventListener('click', () => {
    if (next === null) return;
    void ctx.writes.feed({ limit: PAGE, before: next }).then((res) => {
      entries = [...entries, ...res.changes];
      next = res.next;
      renderList();
    });
  });

  const undo = (e: FeedEntry, button: HTMLButtonElement) => {
    button.disabled = true;
    ctx.writes.revert(e.changeId, `undo of the change by ${e.actor.name}`).then(
      () => {
        notices.set(e.changeId, h('p', { class: 'edit-done', role: 'status' }, 'Undone: the inverse is committed as a new change (it can be undone in turn).'));
        ctx.announce('Change undone');
      },
      (err: unknown) => {
        button.disabled = false;
        const fields = err instanceof WriteError ? err.issues.map((i) => `${propTitle(fieldOfIssuePath(i.field) ?? i.field.split('.').pop() ?? i.field)}: ${i.reason}`) : [];
        notices.set(
          e.changeId,
          h(
            'div',
            { class: err instanceof WriteError && err.status === 409 ? 'conflict' : 'form-problem', role: 'alert' },
            h('strong', {}, err instanceof WriteError && err.status === 409 ? 'Cannot undo: a later change touched the same fields. ' : 'Cannot undo: '),
            (err as Error).message,
            fields.length > 0
              ? h(
                  'ul',
                  { class: 'conflict-fields' },
                  fields.map((f) => h('li', {}, f)),
                )
              : null,
          ),
        );
        renderList();
      },
    );
  };

  const entryEl = (e: FeedEntry) => {
    const lines = e.diff
      ? describeChange(e.diff, names)
      : [`${e.summary.nodesAdded + e.summary.nodesUpdated + e.summary.nodesRemoved} nodes and ${e.summary.relationshipsAdded + e.summary.relationshipsRemoved} links changed`];
    const undoButton = h('button', { type: 'button', class: 'button small', 'data-undo': e.changeId }, 'Undo');
    undoButton.addEventListener('click', () => undo(e, undoButton));
    const first = e.summary.nodeIds[0];
    return h(
      'li',
      { class: 'feed-entry', 'data-change': e.changeId },
      h(
        'p',
        {},
        h('strong', {}, e.origin.kind === 'seed' ? 'Seed loaded' : e.actor.name),
        e.origin.kind === 'revert' ? ' (undo)' : '',
        h('span', { class: 'when' }, ` · ${formatWhen(e.at)}`),
        e.approvedBy ? h('span', { class: 'meta' }, ` · approved by ${e.approvedBy}`) : null,
      ),
      h(
        'ul',
        { class: 'change-fields' },
        lines.slice(0, 8).map((l) => h('li', {}, l)),
        lines.length > 8 ? h('li', { class: 'meta' }, `and ${lines.length - 8} more`) : null,
      ),
      e.reason ? h('p', { class: 'meta' }, `Because ${e.reason}`) : null,
      // Accepted in a seminar: its record (decisions, declined proposals, votes, attendance) once it has ended.
      e.origin.kind === 'seminar' && e.origin.ref
        ? h('p', { class: 'meta' }, 'Agreed in a seminar · ', h('a', { href: `/api/seminars/${encodeURIComponent(e.origin.ref)}/summary?format=md`, target: '_blank', rel: 'noopener' }, 'its record'))
        : null,
      notices.get(e.changeId) ?? null,
      h(
        'div',
        { class: 'entry-actions' },
        ctx.session.can('edit') && e.origin.kind !== 'seed' ? undoButton : null,
        first && e.origin.kind !== 'seed'
          ? h(
              'button',
              {
                type: 'button',
                class: 'button small secondary',
                onclick: () => {
                  ctx.dispatch((s) => select(s, first));
                  ctx.focusNode(first);
                },
              },
              'Show',
            )
          : null,
      ),
    );
  };

  function renderList(): void {
    fill(list, entries.length === 0 ? h('li', { class: 'hint' }, 'No changes yet.') : entries.map(entryEl));
    more.hidden = next === null;
  }

  const pendingEl = (p: PendingEntry) => {
    const noteId = uid('decision-note');
    const note = h('input', { type: 'text', id: noteId, maxlength: 2000 });
    const decide = (decision: 'approve' | 'reject', b: HTMLButtonElement) => {
      b.disabled = true;
      ctx.writes.decide(p.changeId, decision, note.value.trim() || undefined).then(
        () => void loadQueue(),
        (err: unknown) => {
          b.disabled = false;
          li.append(h('p', { class: 'error', role: 'alert' }, `Could not ${decision}: ${(err as Error).message}`));
        },
      );
    };
    const approve = h('button', { type: 'button', class: 'button small primary' }, 'Approve');
    const reject = h('button', { type: 'button', class: 'button small danger' }, 'Reject');
    approve.addEventListener('click', () => decide('approve', approve));
    reject.addEventListener('click', () => decide('reject', reject));
    const li = h(
      'li',
      { class: 'feed-entry pending-entry', 'data-pending': p.changeId },
      h(
        'p',
        {},
        h('strong', {}, p.actor.name),
        h('span', { class: 'meta' }, ` (${p.actor.role}${p.actor.organisationId ? `, ${names(p.actor.organisationId)}` : ''})`),
        h('span', { class: 'when' }, ` · ${formatWhen(p.submittedAt)}`),
      ),
      h(
        'ul',
        { class: 'change-fields' },
        describeChange(p.diff, names).map((l) => h('li', {}, l)),
      ),
      p.request.reason ? h('p', { class: 'meta' }, `Because ${p.request.reason}`) : null,
      ctx.session.can('approve')
        ? [h('div', { class: 'field' }, h('label', { for: noteId }, 'Note to the author'), note), h('div', { class: 'entry-actions' }, approve, reject)]
        : h('p', { class: 'hint' }, 'Waiting for an editor.'),
    );
    return li;
  };

  async function loadQueue(): Promise<void> {
    if (!ctx.session.can('approve') && !ctx.session.can('editOwnOrganisation')) {
      queue.replaceChildren();
      return;
    }
    try {
      const res = await ctx.writes.pending();
      fill(
        queue,
        h('h3', { id: 'queue-heading' }, ctx.session.can('approve') ? `Waiting for approval (${res.changes.length})` : `Your changes waiting (${res.changes.length})`),
        res.changes.length === 0 ? h('p', { class: 'hint' }, 'Nothing is waiting.') : h('ol', { class: 'feed-list' }, res.changes.map(pendingEl)),
      );
    } catch (err) {
      fill(queue, h('p', { class: 'error' }, `The approval queue could not be loaded: ${(err as Error).message}`));
    }
  }

  const offLive = ctx.live.onCommitted(() => void load());
  const offSession = ctx.session.subscribe(() => {
    notices = new Map();
    void load();
  });
  void load();

  return {
    focus: () => heading.focus(),
    update(f) {
      const first = frame === null;
      frame = f;
      if (first) renderList();
    },
    destroy() {
      offLive();
      offSession();
      root.replaceChildren();
    },
  };
}
