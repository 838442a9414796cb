import type { NodeHistoryResponse } from '../../model/changes.js';
import type { Ctx } from '../app/context.js';
import { h, fill } from '../ui/dom.js';
import { describeEntry } from './describe.js';

/**
 * A node's history in the detail panel: where the document printed it, then every
 * change that touched it, newest first, each in words with its author, date and
 * reason. Kept across the panel's renders and fetched again after a live change.
 */

export type NodeHistoryView = { attach(id: string, revision: number, names: (id: string) => string): HTMLElement; destroy(): void };

export function createNodeHistory(ctx: Ctx): NodeHistoryView {
  const root = h('section', { class: 'history', 'aria-labelledby': 'history-heading' });
  let shownFor = '';
  let controller: AbortController | null = null;
  let name = (id: string) => id;

  const render = (res: NodeHistoryResponse) => {
    const p = res.provenance;
    const origin = !p
      ? null
      : p.source === 'document'
        ? `From ${p.file}, ${p.lines[0] === p.lines[1] ? `line ${p.lines[0]}` : `lines ${p.lines[0]}–${p.lines[1]}`}`
        : p.source === 'import'
          ? `Imported from ${p.file}, ${p.table}`
          : `Entered in Golden Thread by ${p.author}`;
    const edits = res.history.filter((e) => e.origin.kind !== 'seed').reverse();
    fill(
      root,
      h('h3', { id: 'history-heading' }, `History (${edits.length} ${edits.length === 1 ? 'edit' : 'edits'})`),
      origin ? h('p', { class: 'meta history-origin' }, origin, '.') : null,
      edits.length === 0
        ? h('p', { class: 'hint' }, 'No edits since it was loaded.')
        : h(
            'ol',
            { class: 'history-list' },
            edits.map((e) => h('li', { class: 'history-entry', 'data-change': e.changeId }, h('p', {}, describeEntry(e, res.id, name)))),
          ),
    );
  };

  return {
    attach(id, revision, names) {
      name = names;
      const key = `${id}|${revision}`;
      if (key !== shownFor) {
        shownFor = key;
        controller?.abort();
        const mine = new AbortController();
        controller = mine;
        if (!root.hasChildNodes() || root.dataset.node !== id) fill(root, h('h3', { id: 'history-heading' }, 'History'), h('p', { class: 'hint' }, 'Loading the history…'));
        root.dataset.node = id;
        ctx.writes.history(id).then(
          (res) => !mine.signal.aborted && render(res),
          (err: unknown) => !mine.signal.aborted && fill(root, h('h3', { id: 'history-heading' }, 'History'), h('p', { class: 'error' }, `The history could not be loaded: ${(err as Error).message}`)),
        );
      }
      return root;
    },
    destroy() {
      controller?.abort();
      root.remove();
    },
  };
}
