import type { Ctx, Frame, Panel } from '../app/context.js';
import { h, fill } from '../ui/dom.js';
import { forgetNamedView, resetArrangement } from '../state/actions.js';
import { applyNamedView, captureView, positionsOfView, type NamedView } from './serialise.js';

/**
 * Named views: drag nodes, lock the arrangement, save it under a name, reopen it
 * exactly (positions, filters, styling rules, camera). Kept wherever `ctx.views` keeps
 * them (this browser today; see views/storage.ts).
 */

/** Opens a named view: its arrangement, then its state. Used by the panel and by a link's `nv`. */
export function openNamedView(ctx: Ctx, v: NamedView): void {
  ctx.setArrangement({ positions: positionsOfView(v), locked: v.locked });
  ctx.dispatch((s) => applyNamedView(s, v));
  ctx.announce(`Opened the view “${v.name}”.`);
}

export function mountViews(root: HTMLElement, ctx: Ctx): Panel {
  let views: NamedView[] = [];
  const lock = h('input', {
    type: 'checkbox',
    id: 'lock-arrangement',
    onchange: () => {
      ctx.setArrangement({ locked: lock.checked });
      ctx.announce(lock.checked ? 'Arrangement locked: nodes can no longer be dragged.' : 'Arrangement unlocked: drag nodes to arrange them.');
    },
  });
  const reset = h(
    'button',
    {
      type: 'button',
      class: 'button secondary small',
      onclick: () => {
        ctx.setArrangement(null);
        ctx.dispatch(resetArrangement);
        ctx.announce('Arrangement reset to the computed layout.');
      },
    },
    'Reset to the layout',
  );
  const name = h('input', { type: 'text', id: 'view-name', maxlength: '80', autocomplete: 'off', placeholder: 'e.g. Board seminar, NO 9' });
  const message = h('p', { class: 'views-message', role: 'status' });
  const list = h('ul', { class: 'views-list', 'aria-labelledby': 'saved-views-heading' });
  const save = h('button', { type: 'submit', class: 'button primary small' }, 'Save view');
  const form = h(
    'form',
    {
      class: 'save-view',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const map = ctx.map();
        const n = name.value.trim();
        if (!n) {
          message.textContent = 'Give the view a name first.';
          name.focus();
          return;
        }
        if (!map) return;
        const state = ctx.store.get();
        const all = map.positions();
        const visible = new Map([...all].filter(([id]) => !map.cy.getElementById(id).hasClass('hidden')));
        const camera = map.camera();
        const view = captureView({ ...state, camera }, n, visible, ctx.arrangement().locked);
        const err = await ctx.views.put(view);
        if (err) {
          message.textContent = err;
          return;
        }
        await reload();
        ctx.setArrangement({ positions: visible });
        ctx.dispatch((s) => ({ ...s, namedView: view.name, camera }), 'replace');
        message.textContent = `Saved “${view.name}” with ${visible.size} node positions.`;
        name.value = '';
      },
    },
    h('label', { for: 'view-name' }, 'Name'),
    h('div', { class: 'inline-row' }, name, save),
  );

  const hintText = () =>
    `Drag nodes to arrange the map, then lock it and save it as a named view. A view keeps the positions, filters, styling rules, label size and camera, and reopens exactly. ${ctx.views.where}.`;
  const hint = h('p', { class: 'hint' }, hintText());
  const el = h(
    'div',
    { class: 'views' },
    h('h2', { id: 'views-heading' }, 'Views'),
    hint,
    h('div', { class: 'field check' }, lock, h('label', { for: 'lock-arrangement' }, 'Lock the arrangement')),
    reset,
    h('h3', {}, 'Save the current view'),
    form,
    message,
    h('h3', { id: 'saved-views-heading' }, 'Saved views'),
    list,
  );
  root.append(el);
  const open = (v: NamedView) => openNamedView(ctx, v);
  const reload = async () => {
    const listed = await ctx.views.list();
    views = listed.views;
    // Where views are kept depends on the session, known once the list has been asked for.
    hint.textContent = hintText();
    if (listed.problems.length > 0) message.textContent = `Some saved views could not be read: ${listed.problems.join('; ')}`;
    renderList();
  };

  function renderList() {
    const current = ctx.store.get().namedView;
    if (views.length === 0) {
      fill(list, h('li', { class: 'hint' }, 'No saved views yet.'));
      return;
    }
    fill(
      list,
      views.map((v) =>
        h(
          'li',
          { class: v.name === current ? 'is-current' : '' },
          h('span', { class: 'view-name' }, v.name, h('span', { class: 'meta' }, ` · saved ${new Date(v.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`)),
          h(
            'span',
            { class: 'inline-row' },
            h('button', { type: 'button', class: 'button small', 'aria-label': `Open the view ${v.name}`, onclick: () => open(v) }, 'Open'),
            h(
              'button',
              {
                type: 'button',
                class: 'button small secondary',
                'aria-label': `Delete the view ${v.name}`,
                onclick: async () => {
                  const err = await ctx.views.remove(v.name);
                  if (err) {
                    message.textContent = err;
                    return;
                  }
                  message.textContent = `Deleted “${v.name}”.`;
                  ctx.dispatch((s) => forgetNamedView(s, v.name), 'replace');
                  await reload();
                },
              },
              'Delete',
            ),
          ),
        ),
      ),
    );
  }
  renderList();
  void reload();
  let lastCurrent: string | null = null;

  return {
    update(f: Frame) {
      lock.checked = ctx.arrangement().locked;
      if (f.state.namedView !== lastCurrent) {
        lastCurrent = f.state.namedView;
        renderList();
      }
    },
    destroy() {
      el.remove();
    },
  };
}
