import { h } from './dom.js';

/**
 * WAI-ARIA tabs: arrow keys move between tabs (and activate them), Home and End jump,
 * only the selected tab is in the tab order.
 */

export type TabSpec<T extends string> = { id: T; label: string; panel: HTMLElement };

export function createTabs<T extends string>(label: string, idPrefix: string, tabs: readonly TabSpec<T>[], onSelect: (id: T) => void) {
  const buttons = new Map<T, HTMLButtonElement>();
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tabs' });
  for (const t of tabs) {
    const b = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `${idPrefix}-tab-${t.id}`,
        'aria-controls': `${idPrefix}-panel-${t.id}`,
        class: 'tab',
        onclick: () => onSelect(t.id),
        onkeydown: (e: KeyboardEvent) => {
          const ids = tabs.map((x) => x.id);
          const i = ids.indexOf(t.id);
          let next: T | undefined;
          if (e.key === 'ArrowRight') next = ids[(i + 1) % ids.length];
          else if (e.key === 'ArrowLeft') next = ids[(i - 1 + ids.length) % ids.length];
          else if (e.key === 'Home') next = ids[0];
          else if (e.key === 'End') next = ids[ids.length - 1];
          if (next !== undefined) {
            e.preventDefault();
            onSelect(next);
            buttons.get(next)?.focus();
          }
        },
      },
      t.label,
    );
    buttons.set(t.id, b);
    list.append(b);
    t.panel.setAttribute('role', 'tabpanel');
    t.panel.id = `${idPrefix}-panel-${t.id}`;
    t.panel.setAttribute('aria-labelledby', b.id);
  }
  return {
    list,
    select(id: T) {
      for (const t of tabs) {
        const on = t.id === id;
        const b = buttons.get(t.id)!;
        b.setAttribute('aria-selected', String(on));
        b.tabIndex = on ? 0 : -1;
        t.panel.hidden = !on;
      }
    },
  };
}
