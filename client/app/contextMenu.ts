import type { RelationshipType } from '../../model/relationships.js';
import { clearNeighbourhood, enterThread, expandNeighbourhood } from '../state/actions.js';
import { MAX_NEIGHBOURHOOD_STEPS } from '../state/types.js';
import { h, fill } from '../ui/dom.js';
import type { Ctx } from './context.js';

/**
 * The map's context menu on a node (right click, or the Menu key / Shift+F10 on the
 * selection): its neighbourhood 1 to 4 links out, along every link or one family of
 * links, or its golden thread. Arrow keys move through the items; Esc closes it.
 */

const FAMILIES: { label: string; types: RelationshipType[] }[] = [
  { label: 'every kind of link', types: [] },
  { label: 'what it serves and what serves it', types: ['SERVES'] },
  { label: 'who leads it and who partners in it', types: ['LEADS', 'PARTNERS_IN'] },
  { label: 'milestones, progress and indicators', types: ['HAS_MILESTONE', 'HAS_PROGRESS', 'MEASURES'] },
];

export function mountContextMenu(frame: HTMLElement, ctx: Ctx, mapEl: HTMLElement) {
  const menu = h('div', { class: 'context-menu', role: 'menu', 'aria-label': 'Node', hidden: true });
  frame.append(menu);
  let family = 0;

  const close = (refocus = true) => {
    if (menu.hidden) return;
    menu.hidden = true;
    if (refocus) mapEl.focus({ preventScroll: true });
  };
  const item = (label: string, run: () => void) =>
    h(
      'button',
      {
        type: 'button',
        role: 'menuitem',
        class: 'context-item',
        tabindex: '-1',
        onclick: () => {
          run();
          close();
        },
      },
      label,
    );

  const open = (id: string, at: { x: number; y: number }) => {
    const current = ctx.store.get().neighbourhood;
    const familySelect = h(
      'select',
      { id: 'context-family', 'aria-label': 'Along which links' },
      FAMILIES.map((f, i) => h('option', { value: String(i), selected: i === family }, f.label)),
    );
    familySelect.addEventListener('change', () => (family = Number(familySelect.value)));
    fill(
      menu,
      h('p', { class: 'context-title' }, 'Show its neighbourhood along'),
      familySelect,
      ...Array.from({ length: MAX_NEIGHBOURHOOD_STEPS }, (_, i) =>
        item(`${i + 1} ${i === 0 ? 'link' : 'links'} out`, () => ctx.dispatch((s) => expandNeighbourhood({ ...s, neighbourhood: null }, id, i + 1, FAMILIES[family]!.types))),
      ),
      current ? item('Close the neighbourhood', () => ctx.dispatch(clearNeighbourhood)) : null,
      item('Show its golden thread', () => ctx.dispatch((s) => enterThread(s, id))),
    );
    menu.hidden = false;
    const fw = frame.clientWidth;
    const fh = frame.clientHeight;
    menu.style.left = `${Math.round(Math.max(4, Math.min(at.x, fw - menu.offsetWidth - 4)))}px`;
    menu.style.top = `${Math.round(Math.max(4, Math.min(at.y, fh - menu.offsetHeight - 4)))}px`;
    familySelect.focus();
  };

  menu.addEventListener('keydown', (e) => {
    const items = [...menu.querySelectorAll<HTMLElement>('select, [role="menuitem"]')];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && document.activeElement?.tagName !== 'SELECT') {
      e.preventDefault();
      items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      items[(i + (e.shiftKey ? items.length - 1 : 1)) % items.length]?.focus();
    }
  });
  const onDocPointer = (e: PointerEvent) => {
    if (!menu.hidden && !menu.contains(e.target as Node)) close(false);
  };
  document.addEventListener('pointerdown', onDocPointer);

  return {
    open,
    close,
    destroy() {
      document.removeEventListener('pointerdown', onDocPointer);
      menu.remove();
    },
  };
}
