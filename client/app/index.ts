import type cytoscape from 'cytoscape';
import type { GraphResponse, MatrixCount } from '../../model/api.js';
import { api as defaultApi, type Api } from '../http/api.js';
import { mountDetail } from '../detail/index.js';
import { toMapElements } from '../graph/elements.js';
import { indexGraph } from '../graph/index.js';
import { createFilterer, type FilterResult, type Facets } from '../filters/index.js';
import { mountFilters } from '../filters/panel.js';
import { mountGaps } from '../gaps/index.js';
import { createPositionCache, fnv1a, layoutKey } from '../layout/cache.js';
import { LAYOUTS } from '../layout/index.js';
import type { Position } from '../layout/layered.js';
import { naturalCompare } from '../layout/layered.js';
import { createMap, type MapHandle } from '../map/index.js';
import { chooseRenderer, webglSupport } from '../map/renderer.js';
import { directionOfKey, nearestTo, neighbourInDirection } from '../map/keyboard.js';
import { deriveMapView, type MapView, type Overlays } from '../map/view.js';
import { mountMatrix } from '../matrix/index.js';
import { bandExtents, mountBands } from '../map/bands.js';
import { mountCallouts, type Callout } from '../map/callouts.js';
import { truncate } from '../graph/labels.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { mountSearch } from '../search/index.js';
import { chooseCell, chooseGap, exitThread, select, setPanel, setView, setViewport, toggleThread } from '../state/actions.js';
import { createStore, type HistoryMode } from '../state/store.js';
import { LABEL_SCALES, LAYOUT_IDS, RENDERER_CHOICES, type AppState, type LabelScale, type LayoutId, type RendererChoice } from '../state/types.js';
import { decodeState, encodeState } from '../state/url.js';
import { mountTable } from '../table/index.js';
import { describeNode, nodeName, threadHeadline } from '../thread/utils.js';
import { syncSelect, setText } from '../ui/controls.js';
import { h, fill } from '../ui/dom.js';
import { datedName, download } from '../ui/download.js';
import { createTabs } from '../ui/tabs.js';
import { mountViews } from '../views/index.js';
import { createViewStorage } from '../views/storage.js';
import type { Arrangement, Ctx, Frame, Loaded, Panel, Resources } from './context.js';
import { createResourceCache, IDLE } from './resources.js';
import { todayIso } from '../gaps/utils.js';

/**
 * The explorer: builds the page, keeps the URL and the state in step, loads the
 * graph, and on every change derives one frame (filters, emphasis, positions) that
 * the map and every panel render from. `destroy()` takes it all down, once.
 */

// ---------------------------------------------------------------- Public API

export type Explorer = { destroy(): void; readonly destroyed: boolean };

export type ExplorerOptions = { api?: Api; storage?: Storage | null; window?: Window };

export function startExplorer(root: HTMLElement, options: ExplorerOptions = {}): Explorer {
  const win = options.window ?? window;
  const api = options.api ?? defaultApi;
  const storage = options.storage === undefined ? safeStorage(win) : options.storage;
  const reducedMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const webgl = webglSupport();

  // ------------------------------------------------------------ state and URL
  const decoded = decodeState(win.location.search);
  const store = createStore(decoded.state);
  let destroyed = false;
  let data: Loaded | null = null;
  let map: MapHandle | null = null;
  let arrangement: Arrangement = { positions: new Map(), locked: false };
  let arrangementVersion = 0;
  let renderQueued = 0;
  let previousRendered: AppState | null = null;
  let selectionFromMap = false;
  const positionCache = createPositionCache(storage);
  const cleanups: (() => void)[] = [];

  const requestRender = () => {
    if (destroyed || renderQueued) return;
    renderQueued = win.requestAnimationFrame(() => {
      renderQueued = 0;
      render();
    });
  };

  const resources: Resources = {
    node: createResourceCache((id, signal) => api.node(id, signal), requestRender),
    thread: createResourceCache((id, signal) => api.thread(id, signal), requestRender),
    gapCatalogue: createResourceCache((_k, signal) => api.gapCatalogue(signal), requestRender),
    gap: createResourceCache((key, signal) => {
      const [id, plan, asOf] = key.split('|');
      return api.gap(id!, { ...(plan ? { plan } : {}), ...(asOf ? { asOf } : {}) }, signal);
    }, requestRender),
    matrix: createResourceCache((key, signal) => {
      const [rows, cols, plan, count] = key.split('|');
      return api.matrix({ rows: rows as AppState['matrix']['rows'], cols: cols as AppState['matrix']['cols'], ...(plan ? { plan } : {}), ...(count ? { count: count as MatrixCount } : {}) }, signal);
    }, requestRender),
  };

  const live = h('div', { id: 'live', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const threadLive = h('div', { id: 'thread-live', class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const alertBox = h('div', { id: 'alert', class: 'alert', role: 'alert', hidden: true });

  const ctx: Ctx = {
    store,
    dispatch: (change, history = 'push') => store.update(change, history),
    api,
    resources,
    views: createViewStorage(storage),
    announce(text) {
      // Clearing first makes screen readers repeat an identical message.
      live.textContent = '';
      win.setTimeout(() => (live.textContent = text), 30);
    },
    alert(text) {
      alertBox.hidden = false;
      fill(alertBox, h('span', {}, text), h('button', { type: 'button', class: 'button small secondary', onclick: () => (alertBox.hidden = true) }, 'Dismiss'));
    },
    map: () => map,
    arrangement: () => arrangement,
    setArrangement(a) {
      if (a === null) arrangement = { positions: new Map(), locked: false };
      else arrangement = { positions: a.positions ?? arrangement.positions, locked: a.locked ?? arrangement.locked };
      arrangementVersion += 1;
      map?.lock(arrangement.locked);
      requestRender();
    },
    requestRender,
    gapKey: (s, id = s.gap ?? '') => `${id}|${s.filters.plan ?? ''}|${s.asOf ?? ''}`,
    matrixKey: (s) => `${s.matrix.rows}|${s.matrix.cols}|${s.filters.plan ?? ''}|${s.matrix.count ?? ''}`,
  };

  // ------------------------------------------------------------ the page
  const searchSlot = h('div', { class: 'search-slot' });
  const viewPanels = {
    map: h('section', { class: 'view map-view', 'aria-label': 'Map' }),
    table: h('section', { class: 'view table-host' }),
    matrix: h('section', { class: 'view matrix-host' }),
  };
  const viewTabs = createTabs('Views', 'view', [
    { id: 'map', label: 'Map', panel: viewPanels.map },
    { id: 'table', label: 'Table', panel: viewPanels.table },
    { id: 'matrix', label: 'Matrix', panel: viewPanels.matrix },
  ] as const, (id) => ctx.dispatch((s) => setView(s, id)));

  const sidePanels = {
    details: h('div', { class: 'side-panel' }),
    gaps: h('div', { class: 'side-panel' }),
    views: h('div', { class: 'side-panel' }),
  };
  const sideTabs = createTabs('Details, gaps and views', 'side', [
    { id: 'details', label: 'Details', panel: sidePanels.details },
    { id: 'gaps', label: 'Gaps', panel: sidePanels.gaps },
    { id: 'views', label: 'Views', panel: sidePanels.views },
  ] as const, (id) => ctx.dispatch((s) => setPanel(s, id), 'replace'));

  const layoutSelect = h('select', { id: 'layout-select', onchange: () => ctx.dispatch((s) => ({ ...s, layout: layoutSelect.value as LayoutId, viewport: null, namedView: null })) });
  const rendererSelect = h('select', { id: 'renderer-select', onchange: () => ctx.dispatch((s) => ({ ...s, renderer: rendererSelect.value as RendererChoice })) });
  const labelSelect = h('select', { id: 'label-select', onchange: () => ctx.dispatch((s) => ({ ...s, labelScale: Number(labelSelect.value) as LabelScale })) });
  const tool = (label: string, text: string, onclick: () => void, id?: string) => h('button', { type: 'button', class: 'tool', 'aria-label': label, title: label, onclick, ...(id ? { id } : {}) }, text);
  const exportMap = (kind: 'png' | 'svg') => {
    if (!map) return;
    try {
      const blob = kind === 'png' ? map.png() : new Blob([map.svg()], { type: 'image/svg+xml;charset=utf-8' });
      download(blob, datedName('map', kind));
      ctx.announce(`The map was exported as ${kind.toUpperCase()}.`);
    } catch (err) {
      ctx.alert(`The map could not be exported as ${kind.toUpperCase()}: ${(err as Error).message}`);
    }
  };
  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': 'Map tools' },
    h('div', { class: 'tool-field' }, h('label', { for: 'layout-select' }, 'Layout'), layoutSelect),
    h('div', { class: 'tool-group' }, tool('Fit the map to the view', 'Fit', () => map?.fit(null), 'fit-button'), tool('Zoom out', '−', () => map?.zoomBy(1 / 1.3)), tool('Zoom in', '+', () => map?.zoomBy(1.3))),
    h('div', { class: 'tool-field' }, h('label', { for: 'label-select' }, 'Labels'), labelSelect),
    h('div', { class: 'tool-field' }, h('label', { for: 'renderer-select' }, 'Renderer'), rendererSelect),
    h('div', { class: 'tool-group', role: 'group', 'aria-label': 'Export the map' }, h('span', { class: 'tool-label', 'aria-hidden': 'true' }, 'Export'), tool('Export the map as PNG', 'PNG', () => exportMap('png'), 'export-png'), tool('Export the map as SVG', 'SVG', () => exportMap('svg'), 'export-svg')),
  );

  const bannerText = h('p', { class: 'banner-text' });
  const bannerExit = h('button', { type: 'button', class: 'button small', id: 'banner-exit' });
  const banner = h('div', { class: 'banner', hidden: true }, h('span', { class: 'banner-mark', 'aria-hidden': 'true' }), bannerText, bannerExit);
  const mapEl = h('div', {
    id: 'map',
    class: 'map',
    tabindex: '0',
    role: 'application',
    'aria-roledescription': 'graph map',
    'aria-label': 'Map of the golden thread',
    'aria-describedby': 'map-help',
  });
  const tooltip = h('div', { class: 'map-tooltip', 'aria-hidden': 'true', hidden: true });
  const loading = h('div', { class: 'map-loading', role: 'status' }, 'Loading the graph…');
  const mapHelp = h(
    'p',
    { id: 'map-help', class: 'map-help' },
    h('kbd', {}, '←↑→↓'), ' move along links · ', h('kbd', {}, 'Enter'), ' details · ', h('kbd', {}, 'T'), ' golden thread · ', h('kbd', {}, 'Esc'), ' back · ', h('kbd', {}, '+'), h('kbd', {}, '−'), ' zoom · ', h('kbd', {}, '0'), ' fit · ', h('kbd', {}, 'Shift'), '+arrows pan · ', h('kbd', {}, '/'), ' search',
  );
  const statusBar = h('p', { class: 'status-bar' });
  const mapFrame = h('div', { class: 'map-frame' }, mapEl, tooltip, loading);
  viewPanels.map.append(mapFrame, mapHelp);
  const bands = mountBands(mapFrame);
  const callouts = mountCallouts(mapFrame);
  cleanups.push(() => bands.destroy(), () => callouts.destroy());

  const left = h('aside', { class: 'left', 'aria-label': 'Filters and map key' });
  const right = h('aside', { class: 'right', 'aria-label': 'Details, gaps and views' }, sideTabs.list, sidePanels.details, sidePanels.gaps, sidePanels.views);
  const page = h(
    'div',
    { class: 'app' },
    h('a', { class: 'skip-link', href: '#map' }, 'Skip to the map'),
    h(
      'header',
      { class: 'app-header' },
      h('h1', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Golden Thread'),
      searchSlot,
      viewTabs.list,
      toolbar,
    ),
    alertBox,
    h('div', { class: 'app-body' }, left, h('main', { class: 'main', id: 'main' }, banner, viewPanels.map, viewPanels.table, viewPanels.matrix, statusBar), right),
    live,
    threadLive,
  );
  root.replaceChildren(page);
  viewTabs.select(decoded.state.view);
  sideTabs.select(decoded.state.panel);

  const search = mountSearch(searchSlot, ctx);
  const detail = mountDetail(sidePanels.details, ctx);
  const views = mountViews(sidePanels.views, ctx);
  const panels: Panel[] = [
    search,
    mountFilters(left, ctx),
    detail,
    mountGaps(sidePanels.gaps, ctx),
    mountMatrix(viewPanels.matrix, ctx),
    mountTable(viewPanels.table, ctx),
    views,
  ];

  if (decoded.problems.length > 0) ctx.alert(`Some of the link could not be read and was left out: ${decoded.problems.join('; ')}.`);
  if (decoded.state.namedView && !views.open(decoded.state.namedView)) {
    ctx.alert(`The view “${decoded.state.namedView}” is not saved in this browser; showing the map without it.`);
  }

  // ------------------------------------------------------------ URL and history
  const unsubscribe = store.subscribe((s, _prev, history: HistoryMode) => {
    if (history !== 'none') {
      const qs = encodeState(s);
      const url = `${win.location.pathname}${qs ? `?${qs}` : ''}`;
      if (url !== `${win.location.pathname}${win.location.search}`) {
        if (history === 'push') win.history.pushState(null, '', url);
        else win.history.replaceState(null, '', url);
      }
    }
    requestRender();
  });
  const onPopState = () => {
    const next = decodeState(win.location.search).state;
    store.update(() => next, 'none');
  };
  win.addEventListener('popstate', onPopState);
  cleanups.push(() => win.removeEventListener('popstate', onPopState));

  // ------------------------------------------------------------ keyboard
  const onGlobalKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    const typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      search.focus();
    } else if (e.key === 'Escape' && !typing && t !== mapEl) {
      const s = store.get();
      if (s.mode === 'thread') ctx.dispatch(exitThread);
    }
  };
  win.document.addEventListener('keydown', onGlobalKey);
  cleanups.push(() => win.document.removeEventListener('keydown', onGlobalKey));

  mapEl.addEventListener('keydown', (e) => {
    if (!map || !data || e.altKey || e.ctrlKey || e.metaKey) return;
    const s = store.get();
    const dir = directionOfKey(e.key);
    if (dir && e.shiftKey) {
      e.preventDefault();
      const step = 120;
      map.panBy(dir === 'left' ? step : dir === 'right' ? -step : 0, dir === 'up' ? step : dir === 'down' ? -step : 0);
      return;
    }
    if (dir) {
      e.preventDefault();
      const cy = map.cy;
      const shown = cy.nodes().not('.hidden');
      let next: string | null = null;
      const current = s.selected ? cy.getElementById(s.selected) : null;
      if (!current || current.empty() || current.hasClass('hidden')) {
        const ext = cy.extent();
        next = nearestTo({ x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 }, shown.map((n) => ({ id: n.id(), ...(n as cytoscape.NodeSingular).position() })));
      } else {
        const neighbours = current.neighborhood('node').not('.hidden');
        next = neighbourInDirection({ id: current.id(), ...(current as cytoscape.NodeSingular).position() }, neighbours.map((n) => ({ id: n.id(), ...(n as cytoscape.NodeSingular).position() })), dir);
        if (!next) {
          ctx.announce(`No linked node ${dir === 'up' ? 'above' : dir === 'down' ? 'below' : `to the ${dir}`}.`);
          return;
        }
      }
      if (next) {
        const id = next;
        ctx.dispatch((st) => select(st, id));
        map.centreOn(id);
        ctx.announce(describeNode(data.index, id, lastFrame?.view.visible));
      }
      return;
    }
    switch (e.key) {
      case 'Enter':
        if (s.selected) {
          e.preventDefault();
          ctx.dispatch((st) => setPanel(st, 'details'), 'replace');
          win.requestAnimationFrame(() => win.requestAnimationFrame(() => detail.focusHeading()));
        }
        break;
      case 't':
      case 'T':
        if (s.selected) {
          e.preventDefault();
          ctx.dispatch(toggleThread);
        }
        break;
      case 'Escape':
        e.preventDefault();
        if (s.mode === 'thread') ctx.dispatch(exitThread);
        else if (s.cell) ctx.dispatch((st) => chooseCell(st, null));
        else if (s.gap) ctx.dispatch((st) => chooseGap(st, null));
        else if (s.selected) ctx.dispatch((st) => select(st, null));
        break;
      case '+':
      case '=':
        e.preventDefault();
        map.zoomBy(1.3);
        break;
      case '-':
      case '_':
        e.preventDefault();
        map.zoomBy(1 / 1.3);
        break;
      case '0':
        e.preventDefault();
        map.fit(null);
        break;
      default:
    }
  });

  // ------------------------------------------------------------ the map
  const ensureMap = (s: AppState, d: Loaded): MapHandle => {
    const count = d.elements.nodes.length + d.elements.edges.length;
    const renderer = chooseRenderer(s.renderer, count, webgl);
    if (map && map.renderer === renderer) return map;
    const previousViewport = map?.viewport() ?? null;
    map?.destroy();
    map = createMap({
      container: mapEl,
      renderer,
      labelScale: s.labelScale,
      elementCount: count,
      reducedMotion,
      callbacks: {
        onTap(id) {
          selectionFromMap = true;
          ctx.dispatch((st) => (id === null && (st.mode === 'thread' || st.gap || st.cell) ? st : select(st, id)));
          mapEl.focus({ preventScroll: true });
          if (id && data) ctx.announce(describeNode(data.index, id, lastFrame?.view.visible));
        },
        onDoubleTap(id) {
          ctx.dispatch((st) => ({ ...select(st, id), mode: 'thread', viewport: null }));
        },
        onArranged(positions) {
          ctx.setArrangement({ positions });
        },
        onViewport(v) {
          viewportSeen = v;
          ctx.dispatch((st) => (st.viewport && sameViewport(st.viewport, v) ? st : setViewport(st, v)), 'replace');
        },
        onHover(id, rendered) {
          // The selection has its own callout; a tooltip on top would only repeat it.
          if (!id || !rendered || !data || id === store.get().selected) {
            tooltip.hidden = true;
            return;
          }
          const n = data.index.nodes.get(id);
          if (!n) return;
          fill(tooltip, h('strong', {}, nodeName(n)), h('span', {}, n.label), n.status ? h('span', { class: 'meta' }, `Status: ${n.status}`) : null);
          tooltip.style.left = `${Math.round(rendered.x + 18)}px`;
          tooltip.style.top = `${Math.round(rendered.y + 18)}px`;
          tooltip.hidden = false;
        },
      },
    });
    map.lock(arrangement.locked);
    map.setElements(d.elements, new Map());
    appliedPositionsKey = '';
    lastFitKey = '';
    labelScaleApplied = s.labelScale;
    if (previousViewport) pendingViewport = previousViewport;
    return map;
  };

  let appliedPositionsKey = '';
  let lastFitKey = '';
  let labelScaleApplied: number = 1;
  let pendingViewport: AppState['viewport'] = null;
  /** The state's viewport as last applied to, or reported by, the map. */
  let viewportSeen: AppState['viewport'] = null;
  let visibleSignature = '';
  let layoutCacheKey = '';
  let lastFrame: Frame | null = null;

  const positionsFor = (s: AppState, d: Loaded, view: MapView): { key: string; positions: Map<string, Position> } => {
    const sig = `${view.visible.size}:${fnv1a([...view.visible].join('\n'))}`;
    if (sig !== visibleSignature || !layoutCacheKey.startsWith(`${s.layout}:`)) {
      visibleSignature = sig;
      const edges = d.elements.edges.filter((e) => view.visible.has(e.data.source) && view.visible.has(e.data.target));
      layoutCacheKey = layoutKey(s.layout, view.visible, edges.map((e) => e.data.id));
    }
    let positions = positionCache.get(layoutCacheKey);
    if (!positions) {
      const nodes = d.elements.nodes.filter((n) => view.visible.has(n.data.id)).map((n) => n.data);
      const edges = d.elements.edges.filter((e) => view.visible.has(e.data.source) && view.visible.has(e.data.target)).map((e) => e.data);
      const started = performance.now();
      positions = LAYOUTS[s.layout].run({ nodes, edges });
      const ms = performance.now() - started;
      if (ms > 200) console.info(`golden-thread: ${LAYOUTS[s.layout].name} layout of ${nodes.length} nodes took ${Math.round(ms)} ms (kept for next time)`);
      positionCache.set(layoutCacheKey, positions);
    }
    if (arrangement.positions.size > 0) {
      const merged = new Map(positions);
      for (const [id, p] of arrangement.positions) if (view.visible.has(id)) merged.set(id, p);
      return { key: `${layoutCacheKey}|a${arrangementVersion}`, positions: merged };
    }
    return { key: layoutCacheKey, positions };
  };

  let filterMemo: { key: string; result: FilterResult; facets: Facets } | null = null;

  function render(): void {
    if (destroyed || !data) return;
    const state = store.get();
    const previous = previousRendered;
    const d = data;

    const fkey = JSON.stringify(state.filters);
    if (!filterMemo || filterMemo.key !== fkey) filterMemo = { key: fkey, result: d.filterer.apply(state.filters), facets: d.filterer.facets(state.filters) };

    const thread = state.mode === 'thread' && state.selected ? resources.thread.get(state.selected) : IDLE;
    const gap = state.gap ? resources.gap.get(ctx.gapKey(state)) : IDLE;
    const matrix = state.cell || state.view === 'matrix' ? resources.matrix.get(ctx.matrixKey(state)) : IDLE;
    const overlays: Overlays = {
      thread: thread.status === 'ready' ? thread.value : null,
      gap: gap.status === 'ready' ? gap.value : null,
      cell: null,
    };
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
    viewTabs.select(state.view);
    sideTabs.select(state.panel);
    const m = ensureMap(state, d);
    if (labelScaleApplied !== state.labelScale) {
      m.setLabelScale(state.labelScale);
      labelScaleApplied = state.labelScale;
    }
    const { key: posKey, positions } = positionsFor(state, d, view);
    const firstPositions = appliedPositionsKey === '';
    if (posKey !== appliedPositionsKey) {
      m.setPositions(positions, !firstPositions && !posKey.includes('|a'));
      appliedPositionsKey = posKey;
    }
    m.applyView(view);
    const showBands = state.layout === 'layered' && arrangement.positions.size === 0;
    bands.show(showBands ? bandExtents(positions, (id) => d.index.nodes.get(id) && KIND_STYLES[d.index.nodes.get(id)!.kind].layer, view.visible) : [], m.cy);
    m.setLeftInset(showBands ? BAND_GUTTER : 0);
    callouts.show(calloutsFor(view, state, d), m.cy);

    // The camera: a viewport from the URL or a view wins; otherwise frame what matters.
    const waiting = (state.mode === 'thread' && thread.status === 'loading') || (state.gap && gap.status === 'loading') || (state.cell && matrix.status === 'loading');
    if (state.view === 'map' && !waiting) {
      const vp = state.viewport ?? pendingViewport;
      const fromElsewhere = pendingViewport !== null || vp !== viewportSeen;
      pendingViewport = null;
      if (vp) {
        // Apply a camera that came from a link, history or a view; one the map reported
        // itself is already on screen (and may be mid-animation, which must not be undone).
        if (fromElsewhere && !sameViewport(vp, m.viewport())) m.setViewport(vp);
        viewportSeen = vp;
        lastFitKey = `vp|${posKey}`;
      } else {
        const target = view.dimOthers ? [...view.emphasis.keys()].filter((id) => d.index.nodes.has(id)) : null;
        const fitKey = `${posKey}|${target ? fnv1a(target.join(',')) : 'all'}`;
        if (fitKey !== lastFitKey) {
          // A thread or a highlight leaves room round its edge for the callouts.
          m.fit(target, !firstPositions, target ? 110 : 40, positions);
          lastFitKey = fitKey;
        }
      }
      if (state.selected && previous && previous.selected !== state.selected && !selectionFromMap && !(state.mode === 'thread' && previous.mode !== 'thread')) {
        m.centreOn(state.selected);
      }
    }
    selectionFromMap = false;

    const renderer = m.renderer;
    const frame: Frame = { state, previous, data: d, filter: filterMemo.result, facets: filterMemo.facets, view, thread, gap, matrix, renderer };
    lastFrame = frame;

    if (state.mode === 'thread' && previous?.mode !== 'thread' && state.panel !== 'details') ctx.dispatch((st) => setPanel(st, 'details'), 'replace');
    syncSelect(layoutSelect, LAYOUT_IDS.map((id) => ({ value: id, label: LAYOUTS[id].name })), state.layout);
    syncSelect(rendererSelect, RENDERER_CHOICES.map((r) => ({ value: r, label: r === 'auto' ? `Auto (${renderer === 'webgl' ? 'WebGL' : 'canvas'})` : r === 'webgl' ? (webgl.available ? (webgl.software ? 'WebGL (software)' : 'WebGL') : 'WebGL (unavailable)') : 'Canvas' })), state.renderer);
    syncSelect(labelSelect, LABEL_SCALES.map((l) => ({ value: String(l), label: `${Math.round(l * 100)}%` })), String(state.labelScale));
    renderBanner(frame);
    const edgeCount = m.cy.edges().not('.hidden').length;
    setText(
      statusBar,
      `${view.visible.size} of ${d.index.nodes.size} nodes and ${edgeCount} links on the map · ${LAYOUTS[state.layout].name} layout${arrangement.positions.size > 0 ? ' (arranged by hand)' : ''}${arrangement.locked ? ', locked' : ''}${state.namedView ? ` · view “${state.namedView}”` : ''} · ${renderer === 'webgl' ? 'WebGL' : 'canvas'} renderer`,
    );
    mapEl.setAttribute('aria-label', state.selected && d.index.nodes.has(state.selected) ? `Map of the golden thread; selected: ${nodeName(d.index.nodes.get(state.selected)!)}` : 'Map of the golden thread; nothing selected');

    for (const p of panels) p.update(frame);
    previousRendered = state;
  }

  let lastThreadAnnounced = '';
  function renderBanner(f: Frame): void {
    const { state, view } = f;
    let text: string | null = null;
    let exitLabel = '';
    let exit: (() => void) | null = null;
    if (state.mode === 'thread') {
      exitLabel = 'Back to the whole map (Esc)';
      exit = () => ctx.dispatch(exitThread);
      if (f.thread.status === 'ready') {
        text = threadHeadline(f.thread.value);
        const key = `${f.thread.value.origin.id}`;
        if (key !== lastThreadAnnounced) {
          lastThreadAnnounced = key;
          threadLive.textContent = f.thread.value.description || text;
        }
      } else if (f.thread.status === 'loading') text = 'Tracing the golden thread…';
      else if (f.thread.status === 'error') text = `The golden thread could not be traced: ${f.thread.error}`;
    } else {
      lastThreadAnnounced = '';
      if (state.cell) {
        text = view.caption ?? 'Loading the matrix cell…';
        exitLabel = 'Show the whole map';
        exit = () => ctx.dispatch((s) => chooseCell(s, null));
      } else if (state.gap) {
        text = view.caption ?? 'Running the analysis…';
        exitLabel = 'Clear the highlight';
        exit = () => ctx.dispatch((s) => chooseGap(s, null));
      }
    }
    banner.hidden = text === null || state.view !== 'map';
    banner.classList.toggle('thread-banner', state.mode === 'thread');
    if (text !== null) {
      setText(bannerText, text);
      setText(bannerExit, exitLabel);
      bannerExit.onclick = exit;
    }
  }

  // ------------------------------------------------------------ loading
  const load = async () => {
    try {
      const graph: GraphResponse = await api.graph();
      if (destroyed) return;
      const index = indexGraph(graph.elements);
      const byLabel = (a: { label: string }, b: { label: string }) => naturalCompare(a.label, b.label);
      data = {
        graph: graph.elements,
        elements: toMapElements(graph.elements),
        index,
        filterer: createFilterer(index),
        plans: [...index.nodes.values()].filter((n) => n.kind === 'Plan').sort(byLabel),
        organisations: [...index.nodes.values()].filter((n) => n.kind === 'Organisation').sort(byLabel),
      };
      loading.hidden = true;
      const s = store.get();
      if (s.selected && !index.nodes.has(s.selected)) ctx.alert(`The selected node ${s.selected} is not in the graph any more.`);
      // Fetch the gap catalogue early: its counts are cheap and the panel shows them.
      resources.gapCatalogue.get('all');
      render();
      win.document.documentElement.dataset.ready = 'true';
    } catch (err) {
      loading.hidden = false;
      fill(
        loading,
        h('p', {}, `The graph could not be loaded: ${(err as Error).message}`),
        h('button', { type: 'button', class: 'button', onclick: () => { fill(loading, 'Loading the graph…'); void load(); } }, 'Try again'),
      );
    }
  };
  void load();

  // Prefetch counts for the gap catalogue once it arrives.
  const prefetchGaps = () => {
    const cat = resources.gapCatalogue.peek('all');
    if (!cat) return;
    const s = store.get();
    for (const a of cat.analyses) resources.gap.get(ctx.gapKey(s, a.id));
  };
  const unsubscribeGaps = store.subscribe(() => prefetchGaps());
  const gapTimer = win.setInterval(() => {
    if (resources.gapCatalogue.peek('all')) {
      prefetchGaps();
      win.clearInterval(gapTimer);
    }
  }, 200);
  cleanups.push(() => win.clearInterval(gapTimer), unsubscribeGaps);

  const explorer: Explorer = {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (renderQueued) win.cancelAnimationFrame(renderQueued);
      unsubscribe();
      for (const c of cleanups) c();
      for (const p of panels) p.destroy();
      for (const r of Object.values(resources)) r.destroy();
      map?.destroy();
      map = null;
      root.replaceChildren();
      delete (win as unknown as { goldenThread?: unknown }).goldenThread;
    },
    get destroyed() {
      return destroyed;
    },
  };
  // Test and debugging hook: the map, the state and the teardown, for the browser tests.
  (win as unknown as { goldenThread?: unknown }).goldenThread = {
    cy: () => map?.cy ?? null,
    state: () => store.get(),
    renderer: () => map?.renderer ?? null,
    today: todayIso,
    destroy: () => explorer.destroy(),
  };
  return explorer;
}

// ---------------------------------------------------------------- Internal

/** Full-text callouts: the selection always; a thread's nodes while there are few enough to read. */
function calloutsFor(view: MapView, state: AppState, d: Loaded): Callout[] {
  const out: Callout[] = [];
  const add = (id: string, tone: Callout['tone']) => {
    const n = d.index.nodes.get(id);
    if (!n || out.some((c) => c.id === id) || !view.visible.has(id)) return;
    // Without a printed reference the name would repeat the text: the kind says enough.
    const title = n.ref ? nodeName(n) : KIND_STYLES[n.kind].name;
    out.push({ id, tone, title, text: truncate(n.label, tone === 'path' ? 90 : 140) });
  };
  if (state.selected) add(state.selected, 'selected');
  const thread = [...view.emphasis].filter(([id, e]) => (e === 'origin' || e === 'path') && d.index.nodes.has(id));
  for (const [id, e] of thread) if (e === 'origin') add(id, 'origin');
  if (thread.length <= 14) for (const [id, e] of thread) if (e === 'path') add(id, 'path');
  const hits = [...view.emphasis].filter(([id, e]) => e === 'hit' && d.index.nodes.has(id));
  if (hits.length <= 10) for (const [id] of hits) add(id, 'path');
  return out;
}

/** Room the band names take at the map's left edge, in screen pixels. */
const BAND_GUTTER = 150;

function sameViewport(a: { zoom: number; x: number; y: number }, b: { zoom: number; x: number; y: number }): boolean {
  return Math.abs(a.zoom - b.zoom) < 1e-3 * Math.max(1, a.zoom) && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
}

function safeStorage(win: Window): Storage | null {
  try {
    const s = win.localStorage;
    s.getItem('golden-thread:probe');
    return s;
  } catch {
    return null;
  }
}

