import type { MatrixCount } from '../../model/api.js';
import { api as defaultApi, type Api } from '../http/api.js';
import type { Facets, FilterResult } from '../filters/index.js';
import { mountFilters } from '../filters/panel.js';
import { deriveMapView, type Overlays } from '../map/view.js';
import { mountSearch } from '../search/index.js';
import { select, setCamera, setPanel, setView } from '../state/actions.js';
import { createStore } from '../state/store.js';
import type { AppState, Camera } from '../state/types.js';
import { decodeState } from '../state/url.js';
import { describeNode, nodeName } from '../thread/utils.js';
import { h, fill } from '../ui/dom.js';
import { createViewStore } from '../views/serverStore.js';
import { renderBanner } from './banner.js';
import { createCameraController } from './camera.js';
import type { Arrangement, Ctx, Frame, Panel, Resources } from './context.js';
import { loadWhatStateNeeds } from './effects.js';
import { bindKeyboard } from './keyboard.js';
import { mountContextMenu } from './contextMenu.js';
import { mountMapStage } from './mapStage.js';
import { mountMapProgress } from '../progress/mapProgress.js';
import { tooltipStatus } from '../progress/tooltipStatus.js';
import { mountPanelHosts } from './panelHosts.js';
import { createResourceCache, IDLE } from './resources.js';
import { buildShell } from './shell.js';
import { createGraphLoading } from './graphLoading.js';
import { installTestHook } from './testHook.js';
import { wantsSeminar } from '../seminar/boot.js';
import { mountToolbar } from './toolbar.js';
import { syncUrl } from './urlSync.js';
import { fetchGap, gapKeySuffix, onGapOptionsChange } from '../gaps/gapOptions.js';
import { createSession } from '../auth/session.js';
import { mountAccountControl } from '../auth/header.js';
import { writeApi } from '../http/write.js';
import { openLiveFeed } from '../live/events.js';
import { refreshAfterCommit } from '../live/refresh.js';

/**
 * The explorer's shell: builds the page, keeps the URL and the state in step, has the
 * graph loaded (app/graphLoading.ts), and on every change derives one frame (filters, emphasis, positions) that
 * the map and every panel on screen render from. Panels come from app/registry.ts and
 * load the first time they are opened (app/panelHosts.ts). `destroy()` takes it all down, once.
 */

// ---------------------------------------------------------------- Public API

export type Explorer = { destroy(): void; readonly destroyed: boolean };

export type ExplorerOptions = { api?: Api; storage?: Storage | null; window?: Window };

export function startExplorer(root: HTMLElement, options: ExplorerOptions = {}): Explorer {
  const win = options.window ?? window;
  const api = options.api ?? defaultApi;
  const storage = options.storage === undefined ? safeStorage(win) : options.storage;
  const reducedMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  const decoded = decodeState(win.location.search);
  // A join link (or this tab's seat in a running seminar) opens the Seminar panel.
  const store = createStore(wantsSeminar(win) ? { ...decoded.state, panel: 'seminar' } : decoded.state);
  const cleanups: (() => void)[] = [];
  let destroyed = false;
  let arrangement: Arrangement = { positions: new Map(), locked: false };
  let renderQueued = 0;
  let previousRendered: AppState | null = null;
  let lastFrame: Frame | null = null;
  let selectionFromMap = false;

  const requestRender = () => {
    if (destroyed || renderQueued) return;
    renderQueued = win.requestAnimationFrame(() => {
      renderQueued = 0;
      render();
    });
  };

  // The gaps panel's switches and the console's results change what a gap run asks for: redraw.
  onGapOptionsChange(() => {
    loadWhatStateNeeds(store.get(), ctx);
    requestRender();
  });
  const resources: Resources = {
    node: createResourceCache((id, signal) => api.node(id, signal), requestRender),
    thread: createResourceCache((id, signal) => api.thread(id, signal), requestRender),
    gapCatalogue: createResourceCache((_k, signal) => api.gapCatalogue(signal), requestRender),
    gap: createResourceCache((key, signal) => fetchGap(api, key, signal), requestRender),
    matrix: createResourceCache((key, signal) => {
      const [rows, cols, plan, count] = key.split('|');
      return api.matrix({ rows: rows as AppState['matrix']['rows'], cols: cols as AppState['matrix']['cols'], ...(plan ? { plan } : {}), ...(count ? { count: count as MatrixCount } : {}) }, signal);
    }, requestRender),
  };

  // ------------------------------------------------------------ the page
  const shell = buildShell(root, {
    onView: (id) => ctx.dispatch((s) => setView(s, id)),
    onPanel: (id) => ctx.dispatch((s) => setPanel(s, id), 'replace'),
  });

  let cameraHold: (() => Camera | null) | null = null;
  const ctx: Ctx = {
    store,
    dispatch: (change, history = 'push') => store.update(change, history),
    api,
    resources,
    session: createSession(),
    writes: writeApi,
    live: openLiveFeed(win, () => refreshAfterCommit(ctx, null, loaded.updater)),
    views: createViewStore(storage),
    announce(text) {
      // Clearing first makes screen readers repeat an identical message.
      shell.live.textContent = '';
      win.setTimeout(() => (shell.live.textContent = text), 30);
    },
    alert(text) {
      shell.alertBox.hidden = false;
      fill(shell.alertBox, h('span', {}, text), h('button', { type: 'button', class: 'button small secondary', onclick: () => (shell.alertBox.hidden = true) }, 'Dismiss'));
    },
    map: () => stage.map,
    holdCamera(source) {
      cameraHold = source;
    },
    arrangement: () => arrangement,
    setArrangement(a) {
      if (a === null) arrangement = { positions: new Map(), locked: false };
      else {
        const sharedAs = a.positions ? a.sharedAs : (a.sharedAs ?? arrangement.sharedAs);
        arrangement = { positions: a.positions ?? arrangement.positions, locked: a.locked ?? arrangement.locked, ...(sharedAs ? { sharedAs } : {}) };
      }
      stage.arrangementChanged();
      stage.map?.lock(arrangement.locked);
      requestRender();
    },
    requestRender,
    reloadGraph: () => loaded.reload(),
    focusNode(id) {
      // After the render that selects it, so the map has it in view; on a phone the drawers close to show it.
      if (shell.openDrawer && shell.isDrawer(shell.openDrawer)) shell.setDrawer(null);
      win.requestAnimationFrame(() => {
        stage.map?.centreOn(id);
        stage.mapEl.focus({ preventScroll: true });
      });
    },
    gapKey: (s, id = s.gap ?? '') => `${id}|${s.filters.plan ?? ''}|${s.asOf ?? ''}${gapKeySuffix(id)}`,
    matrixKey: (s) => `${s.matrix.rows}|${s.matrix.cols}|${s.filters.plan ?? ''}|${s.matrix.count ?? ''}`,
  };

  const camera = createCameraController();
  const stage = mountMapStage(shell.mapHost, {
    storage,
    reducedMotion,
    callbacks: {
      onTap(id) {
        selectionFromMap = true;
        ctx.dispatch((st) => (id === null && (st.mode === 'thread' || st.gap || st.cell || st.neighbourhood) ? st : select(st, id)));
        stage.mapEl.focus({ preventScroll: true });
        if (id && loaded.data) ctx.announce(describeNode(loaded.data.index, id, lastFrame?.view.visible));
      },
      onDoubleTap(id) {
        ctx.dispatch((st) => ({ ...select(st, id), mode: 'thread', camera: null }));
      },
      onContextMenu(id, at) {
        ctx.dispatch((st) => select(st, id));
        contextMenu.open(id, { x: at.x + 12, y: at.y + 12 });
      },
      onArranged(positions) {
        ctx.setArrangement({ positions });
      },
      onCamera(c) {
        const held = cameraHold?.() ?? null;
        if (held) {
          // The view is someone else's (the facilitator's): the map's report is not a choice, so it changes nothing but the map.
          if (stage.map && !stage.map.showsCamera(held)) stage.map.setCamera(held);
          return;
        }
        camera.reported(c);
        // A banner appearing moves the map while a thread loads: that is not the planner choosing a view.
        if (camera.fitOwed) return;
        ctx.dispatch((st) => setCamera(st, c), 'replace');
      },
      onHover(id, rendered) {
        // The selection has its own callout; a tooltip on top would only repeat it.
        const tip = stage.tooltip;
        const d = loaded.data;
        if (!id || !rendered || !d || id === store.get().selected) {
          tip.hidden = true;
          return;
        }
        const n = d.index.nodes.get(id);
        if (!n) return;
        fill(tip, h('strong', {}, nodeName(n)), h('span', {}, n.label), tooltipStatus(n));
        tip.style.left = `${Math.round(rendered.x + 18)}px`;
        tip.style.top = `${Math.round(rendered.y + 18)}px`;
        tip.hidden = false;
      },
    },
  });
  cleanups.push(() => stage.destroy());

  const contextMenu = mountContextMenu(stage.mapEl.parentElement!, ctx, stage.mapEl);
  cleanups.push(() => contextMenu.destroy());

  const account = mountAccountControl(shell.accountSlot, ctx.session);
  cleanups.push(
    () => account.destroy(),
    () => ctx.live.destroy(),
  );
  cleanups.push(ctx.live.onCommitted((e) => refreshAfterCommit(ctx, e, loaded.updater)));
  cleanups.push(ctx.session.subscribe(requestRender));
  void ctx.session.refresh().catch((err: unknown) => console.error('golden-thread: the session could not be read', err));

  const toolbar = mountToolbar(shell, ctx, () => lastFrame);
  cleanups.push(() => toolbar.destroy());

  const search = mountSearch(shell.searchSlot, ctx);
  const filters = mountFilters(shell.filtersHost, ctx);
  /** Always on screen (or a drawer away): updated on every render. */
  const fixedPanels: Panel[] = [search, filters, mountMapProgress(shell.mapHost, ctx)];

  // ------------------------------------------------------------ registered panels, loaded when first shown
  const panels = mountPanelHosts({ side: shell.panelHosts, views: shell.viewHosts }, ctx, () => destroyed);
  const focusDetails = () => {
    win.requestAnimationFrame(() => win.requestAnimationFrame(() => panels.get('details')?.focus?.()));
    if (shell.isDrawer('right')) shell.setDrawer('right');
  };

  if (decoded.problems.length > 0) ctx.alert(`Some of the link could not be read and was left out: ${decoded.problems.join('; ')}.`);
  if (decoded.state.namedView) {
    const name = decoded.state.namedView;
    void ctx.views.list().then(async ({ views }) => {
      const v = views.find((x) => x.name === name);
      if (v) (await import('../views/index.js')).openNamedView(ctx, v);
      else ctx.alert(`The view “${name}” is not saved here (${ctx.views.where.toLowerCase()}); showing the map without it.`);
    });
  }

  // ------------------------------------------------------------ URL, effects, keyboard
  cleanups.push(syncUrl(win, store));
  cleanups.push(
    store.subscribe((s) => {
      loadWhatStateNeeds(s, ctx);
      requestRender();
    }),
  );
  loadWhatStateNeeds(store.get(), ctx);
  cleanups.push(
    bindKeyboard(win.document, {
      ctx,
      mapEl: stage.mapEl,
      map: () => stage.map,
      frame: () => lastFrame,
      focusSearch: () => search.focus(),
      focusDetails,
      openContextMenu(id) {
        const n = stage.map?.cy.getElementById(id);
        const p = n && !n.empty() ? n.renderedPosition() : { x: 40, y: 40 };
        contextMenu.open(id, { x: p.x + 12, y: p.y + 12 });
      },
    }),
  );

  // ------------------------------------------------------------ render
  let filterMemo: { key: string; result: FilterResult; facets: Facets } | null = null;
  let renderedMap: unknown = null;

  function render(): void {
    const d = loaded.data;
    if (destroyed || !d) return;
    const state = store.get();
    const previous = previousRendered;

    const fkey = JSON.stringify(state.filters);
    if (!filterMemo || filterMemo.key !== fkey) filterMemo = { key: fkey, result: d.filterer.apply(state.filters), facets: d.filterer.facets(state.filters) };

    // Read what the effects asked for; a render never starts a fetch of its own.
    const thread = state.mode === 'thread' && state.selected ? resources.thread.peekState(state.selected) : IDLE;
    const gap = state.gap ? resources.gap.peekState(ctx.gapKey(state)) : IDLE;
    const matrix = state.cell || state.view === 'matrix' ? resources.matrix.peekState(ctx.matrixKey(state)) : IDLE;
    const overlays: Overlays = { thread: thread.status === 'ready' ? thread.value : null, gap: gap.status === 'ready' ? gap.value : null, cell: null };
    if (state.cell && matrix.status === 'ready') {
      const m = matrix.value;
      const c = m.cells.find((x) => x.row === state.cell!.row && x.col === state.cell!.col);
      const rowN = m.rows.find((r) => r.id === state.cell!.row);
      const colN = m.cols.find((r) => r.id === state.cell!.col);
      overlays.cell = {
        actions: c?.actions ?? [],
        row: state.cell.row,
        col: state.cell.col,
        caption: `${c?.count ?? 0} ${(c?.count ?? 0) === 1 ? 'action' : 'actions'} of ${rowN?.label ?? state.cell.row} towards ${colN ? nodeName(colN) : state.cell.col}`,
      };
    }
    const view = deriveMapView(d.index, filterMemo.result.visible, state, overlays);

    // Show the right view before the map measures its container.
    shell.viewTabs.select(state.view);
    shell.sideTabs.select(state.panel);
    const drawn = stage.draw(state, d, view, arrangement);
    if (drawn.map !== renderedMap) {
      renderedMap = drawn.map;
      drawn.map.lock(arrangement.locked);
      camera.reset();
    }
    const waiting = (state.mode === 'thread' && thread.status === 'loading') || (!!state.gap && gap.status === 'loading') || (!!state.cell && matrix.status === 'loading');
    camera.apply(drawn.map, state, d, view, { positionsKey: drawn.positionsKey, positions: drawn.positions, first: drawn.first, pending: waiting ? null : stage.takePendingCamera(), waiting });
    // Labels are chosen from the stylesheet's own figures, not from Cytoscape's computed styles,
    // so on a fresh map this costs no style pass and its first draw already shows the final labels.
    drawn.map.refreshLabels(drawn.calledOut);
    if (state.view === 'map' && !waiting && state.selected && previous && previous.selected !== state.selected && !selectionFromMap && !(state.mode === 'thread' && previous.mode !== 'thread')) {
      drawn.map.centreOn(state.selected);
    }
    selectionFromMap = false;

    const frame: Frame = { state, previous, data: d, filter: filterMemo.result, facets: filterMemo.facets, view, thread, gap, matrix, renderer: drawn.map.renderer };
    lastFrame = frame;

    if (state.mode === 'thread' && previous?.mode !== 'thread') {
      if (state.panel !== 'details') ctx.dispatch((st) => setPanel(st, 'details'), 'replace');
      // On a phone the thread is seen on the map: the drawer over it closes.
      if (shell.openDrawer === 'right' && shell.isDrawer('right')) shell.setDrawer(null);
    }
    toolbar.update(frame);
    renderBanner(shell, ctx, frame);
    const edgeCount = drawn.map.cy.edges().not('.hidden').length;
    shell.statusBar.textContent = `${view.visible.size} of ${d.index.nodes.size} nodes and ${edgeCount} links on the map${arrangement.sharedAs ? ` · ${arrangement.sharedAs}` : `${arrangement.positions.size > 0 ? ' · arranged by hand' : ''}${arrangement.locked ? ', locked' : ''}`}${state.namedView ? ` · view “${state.namedView}”` : ''} · ${drawn.map.renderer === 'webgl' ? 'WebGL' : 'canvas'}`;
    stage.mapEl.setAttribute(
      'aria-label',
      state.selected && d.index.nodes.has(state.selected) ? `Map of the golden thread; selected: ${nodeName(d.index.nodes.get(state.selected)!)}` : 'Map of the golden thread; nothing selected',
    );

    for (const p of fixedPanels) p.update(frame);
    for (const p of panels.visible(state)) p.update(frame);
    previousRendered = state;
  }

  // ------------------------------------------------------------ loading
  const loaded = createGraphLoading({
    api,
    isDestroyed: () => destroyed,
    loading: stage.loading,
    ready(d) {
      const s = store.get();
      if (s.selected && !d.index.nodes.has(s.selected)) ctx.alert(`The selected node ${s.selected} is not in the graph any more.`);
      render();
      performance.mark('gt:first-render');
      // Ready once the map has been drawn (Cytoscape draws on its next animation frame), not
      // when it has only been told what to draw: until then a click waits behind that draw.
      const markReady = () => {
        if (destroyed) return;
        performance.mark('gt:first-draw');
        win.document.documentElement.dataset.ready = 'true';
      };
      if (store.get().view === 'map' && stage.map) stage.map.afterNextDraw(markReady);
      else markReady();
    },
    changed() {
      filterMemo = null;
      render();
    },
  });
  void loaded.start();

  const explorer: Explorer = {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (renderQueued) win.cancelAnimationFrame(renderQueued);
      for (const c of cleanups) c();
      for (const p of fixedPanels) p.destroy();
      panels.destroy();
      for (const r of Object.values(resources)) r.destroy();
      shell.destroy();
      removeHook();
    },
    get destroyed() {
      return destroyed;
    },
  };
  performance.mark('gt:explorer-mounted');
  const removeHook = installTestHook(win, { store, map: () => stage.map, destroy: () => explorer.destroy() });
  return explorer;
}

// ---------------------------------------------------------------- Internal

function safeStorage(win: Window): Storage | null {
  try {
    const s = win.localStorage;
    s.getItem('golden-thread:probe');
    return s;
  } catch {
    return null;
  }
}
