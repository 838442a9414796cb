import { h } from '../ui/dom.js';
import { createTabs } from '../ui/tabs.js';
import type { Panel as PanelId, View } from '../state/types.js';
import { MAIN_VIEWS, SIDE_PANELS } from './registry.js';

/**
 * The page's frame: header (brand, search, view tabs, the Filters / Panels / Tools /
 * Export buttons), the filters column, the main area with the map, and the side panels.
 * It holds no state of the explorer's: the caller says which tab is selected.
 *
 * On narrow screens the filters column and the side panels become drawers over the
 * map (CSS decides when, from the screen width; the buttons only show when they are
 * drawers), so every panel is reachable on a phone and a laptop as on a projector.
 */

export type Drawer = 'left' | 'right';

export type Shell = ReturnType<typeof buildShell>;

export function buildShell(root: HTMLElement, handlers: { onView: (id: View) => void; onPanel: (id: PanelId) => void }) {
  const searchSlot = h('div', { class: 'search-slot' });

  const viewHosts = new Map<View, HTMLElement>(MAIN_VIEWS.map((v) => [v.id, h('section', { class: `view view-${v.id}`, 'aria-label': v.label })]));
  const viewTabs = createTabs(
    'Views',
    'view',
    MAIN_VIEWS.map((v) => ({ id: v.id, label: v.label, panel: viewHosts.get(v.id)! })),
    handlers.onView,
  );

  const panelHosts = new Map<PanelId, HTMLElement>(SIDE_PANELS.map((p) => [p.id, h('div', { class: 'side-panel' })]));
  const sideTabs = createTabs(
    'Details, gaps and views',
    'side',
    SIDE_PANELS.map((p) => ({ id: p.id, label: p.label, panel: panelHosts.get(p.id)! })),
    handlers.onPanel,
  );

  const toolsMenu = h('div', { class: 'menu tools-menu', id: 'tools-menu', role: 'group', 'aria-label': 'Map tools', hidden: true });
  const exportMenu = h('div', { class: 'menu export-menu', id: 'export-menu', role: 'group', 'aria-label': 'Export the map', hidden: true });
  const menuButton = (id: string, label: string, menu: HTMLElement, title: string) => {
    const b = h('button', { type: 'button', class: 'tool', id, 'aria-expanded': 'false', 'aria-controls': menu.id, title }, label);
    b.addEventListener('click', () => toggleMenu(menu, b));
    return b;
  };
  const toolsButton = menuButton('tools-button', 'Tools', toolsMenu, 'Layout, labels, styling and renderer');
  const exportButton = menuButton('export-button', 'Export', exportMenu, 'Export the map as PNG, SVG or PDF');
  const menus: [HTMLElement, HTMLButtonElement][] = [
    [toolsMenu, toolsButton],
    [exportMenu, exportButton],
  ];
  function toggleMenu(menu: HTMLElement, _button: HTMLButtonElement, open = menu.hidden) {
    for (const [m, b] of menus) {
      const on = m === menu && open;
      m.hidden = !on;
      b.setAttribute('aria-expanded', String(on));
    }
    if (open) menu.querySelector<HTMLElement>('select, button')?.focus();
  }
  const closeMenus = () => {
    for (const [m, b] of menus) {
      m.hidden = true;
      b.setAttribute('aria-expanded', 'false');
    }
  };

  const drawerButton = (id: string, label: string, drawer: Drawer, controls: string) => {
    const b = h('button', { type: 'button', class: `tool drawer-toggle drawer-toggle-${drawer}`, id, 'aria-expanded': 'false', 'aria-controls': controls }, label);
    b.addEventListener('click', () => setDrawer(openDrawer === drawer ? null : drawer));
    return b;
  };
  const filtersButton = drawerButton('toggle-filters', 'Filters', 'left', 'filters-drawer');
  const panelsButton = drawerButton('toggle-panels', 'Panels', 'right', 'panels-drawer');

  const closeButton = (drawer: Drawer) =>
    h(
      'button',
      { type: 'button', class: 'button small secondary drawer-close', 'aria-label': drawer === 'left' ? 'Close the filters' : 'Close the panels', onclick: () => setDrawer(null, true) },
      'Close',
    );

  const accountSlot = h('div', { class: 'account-slot' });
  const banner = h('div', { class: 'banner', hidden: true });
  const mapHost = viewHosts.get('map')!;
  const statusBar = h('p', { class: 'status-bar' });
  const filtersHost = h('div', { class: 'filters-host' });
  const left = h(
    'aside',
    { class: 'left drawer', id: 'filters-drawer', 'aria-label': 'Filters and map key' },
    h('div', { class: 'drawer-head' }, h('span', { class: 'drawer-title' }, 'Filters and key'), closeButton('left')),
    filtersHost,
  );
  const right = h(
    'aside',
    { class: 'right drawer', id: 'panels-drawer', 'aria-label': 'Details, gaps and views' },
    h('div', { class: 'drawer-head' }, sideTabs.list, closeButton('right')),
    ...panelHosts.values(),
  );
  const mainEl = h('main', { class: 'main', id: 'main' }, banner, ...viewHosts.values(), statusBar);
  const scrim = h('div', { class: 'scrim', hidden: true, onclick: () => setDrawer(null) });
  const skip = h('a', { class: 'skip-link', href: '#map' }, 'Skip to the map');
  const header = h(
    'header',
    { class: 'app-header' },
    h('h1', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('span', { class: 'brand-name' }, 'Golden Thread')),
    searchSlot,
    h('nav', { class: 'header-nav', 'aria-label': 'Views and tools' }, viewTabs.list, h('div', { class: 'header-tools' }, filtersButton, panelsButton, toolsButton, exportButton, accountSlot)),
    toolsMenu,
    exportMenu,
  );
  const alertBox = h('div', { id: 'alert', class: 'alert', role: 'alert', hidden: true });
  const live = h('div', { id: 'live', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const threadLive = h('div', { id: 'thread-live', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const page = h('div', { class: 'app' }, skip, header, alertBox, h('div', { class: 'app-body' }, left, mainEl, right, scrim), live, threadLive);
  root.replaceChildren(page);

  let openDrawer: Drawer | null = null;
  /** Opens one drawer (or none); focus goes into it, and back to its button when it closes. */
  function setDrawer(next: Drawer | null, restoreFocus = false) {
    const was = openDrawer;
    openDrawer = next;
    page.classList.toggle('left-open', next === 'left');
    page.classList.toggle('right-open', next === 'right');
    filtersButton.setAttribute('aria-expanded', String(next === 'left'));
    panelsButton.setAttribute('aria-expanded', String(next === 'right'));
    scrim.hidden = next === null;
    if (next) (next === 'left' ? left : right).querySelector<HTMLElement>('[role="tab"][aria-selected="true"], select, button')?.focus({ preventScroll: true });
    else if (restoreFocus && was) (was === 'left' ? filtersButton : panelsButton).focus();
  }

  /** Whether a drawer is drawn as a drawer at this width (CSS shows its button then). */
  const isDrawer = (d: Drawer) => (d === 'left' ? filtersButton : panelsButton).offsetParent !== null;

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    if (menus.some(([m]) => !m.hidden)) {
      const open = menus.find(([m]) => !m.hidden)!;
      closeMenus();
      open[1].focus();
      e.stopPropagation();
    } else if (openDrawer) {
      setDrawer(null, true);
      e.stopPropagation();
    }
  };
  const onDocClick = (e: MouseEvent) => {
    const t = e.target as Node;
    if (menus.some(([m, b]) => !m.hidden && !m.contains(t) && !b.contains(t))) closeMenus();
  };
  page.addEventListener('keydown', onKey);
  document.addEventListener('click', onDocClick);

  skip.addEventListener('click', (e) => {
    e.preventDefault();
    document.getElementById('map')?.focus();
  });

  return {
    page,
    searchSlot,
    accountSlot,
    filtersHost,
    viewHosts,
    panelHosts,
    viewTabs,
    sideTabs,
    toolsMenu,
    exportMenu,
    closeMenus,
    banner,
    mapHost,
    statusBar,
    alertBox,
    live,
    threadLive,
    setDrawer,
    isDrawer,
    get openDrawer() {
      return openDrawer;
    },
    destroy() {
      page.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onDocClick);
      root.replaceChildren();
    },
  };
}
