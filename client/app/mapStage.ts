import { createPositionCache, fnv1a, layoutKey } from '../layout/cache.js';
import { LAYOUTS } from '../layout/index.js';
import type { Position } from '../layout/layered.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { bandExtents, mountBands } from '../map/bands.js';
import { mountCallouts } from '../map/callouts.js';
import { createMap, type MapCallbacks, type MapHandle } from '../map/index.js';
import { rendererFor } from '../map/renderer.js';
import type { MapView } from '../map/view.js';
import type { AppState } from '../state/types.js';
import { h } from '../ui/dom.js';
import { calloutsFor } from './calloutsFor.js';
import { dataColours } from '../map/dataStyle.js';
import { todayIso } from '../gaps/utils.js';
import type { Arrangement, Loaded } from './context.js';

/**
 * The map's stage: the Cytoscape instance (made again when the renderer changes), its
 * positions from the layout cache or a hand arrangement, the band names and callouts.
 * `draw` brings it in step with one frame; the camera is the camera module's.
 */

/** Room the band names take at the map's left edge, in screen pixels (less on a phone). */
export const bandGutter = (width: number) => (width < 600 ? 96 : 150);

/**
 * Brings the map's elements in step with a graph loaded again after a change: what went
 * is removed, what came is added (hidden until the next view says otherwise), and the
 * data of the rest replaced, in one batch; far cheaper than drawing everything anew.
 */
function updateElements(map: MapHandle, elements: Loaded['elements']): void {
  map.addAllLinks();
  const cy = map.cy;
  const wanted = new Set<string>();
  for (const n of elements.nodes) wanted.add(n.data.id);
  for (const e of elements.edges) wanted.add(e.data.id);
  cy.batch(() => {
    cy.elements().forEach((ele) => {
      if (!wanted.has(ele.id())) ele.remove();
    });
    for (const n of elements.nodes) {
      const ele = cy.getElementById(n.data.id);
      if (ele.empty()) cy.add({ group: 'nodes', data: n.data, position: { x: 0, y: 0 }, classes: 'hidden' });
      else ele.data(n.data);
    }
    for (const e of elements.edges) {
      const ele = cy.getElementById(e.data.id);
      if (ele.empty()) cy.add({ group: 'edges', data: e.data, classes: 'hidden' });
      else ele.data(e.data);
    }
  });
}

/** Where the progress box (progress/mapProgress.ts) covers the map, so a framing keeps nodes clear of it; null when hidden (presenter view). */
function progressBoxOver(frame: HTMLElement, map: HTMLElement): { left: number; bottom: number } | null {
  const box = frame.querySelector('.map-progress');
  if (!box) return null;
  const r = box.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  const m = map.getBoundingClientRect();
  return { left: r.left - m.left, bottom: r.bottom - m.top };
}

export function mountMapStage(host: HTMLElement, options: { storage: Storage | null; reducedMotion: boolean; callbacks: MapCallbacks }) {
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
  const controls = h('div', { class: 'map-controls', role: 'group', 'aria-label': 'Zoom' });
  const frameEl = h('div', { class: 'map-frame' }, mapEl, tooltip, loading, controls);
  const help = h(
    'p',
    { id: 'map-help', class: 'map-help' },
    h('kbd', {}, '←↑→↓'),
    ' move along links (along the thread in thread mode) · ',
    h('kbd', {}, 'Enter'),
    ' details · ',
    h('kbd', {}, 'T'),
    ' golden thread · ',
    h('kbd', {}, 'N'),
    ' neighbours (',
    h('kbd', {}, 'Shift'),
    h('kbd', {}, 'N'),
    ' fewer) · ',
    h('kbd', {}, 'Esc'),
    ' back · ',
    h('kbd', {}, '+'),
    h('kbd', {}, '−'),
    ' zoom · ',
    h('kbd', {}, '0'),
    ' fit · ',
    h('kbd', {}, 'Shift'),
    '+arrows pan · ',
    h('kbd', {}, '/'),
    ' search',
  );
  host.append(frameEl, help);
  const bands = mountBands(frameEl);
  const callouts = mountCallouts(frameEl);
  const positionCache = createPositionCache(options.storage);

  let map: MapHandle | null = null;
  let appliedPositionsKey = '';
  let labelScaleApplied = 0;
  let visibleSignature = '';
  let layoutCacheKey = '';
  let arrangementVersion = 0;
  let coloursKey = '';
  let colouredMap: MapHandle | null = null;
  const today = todayIso();

  /** The map for this renderer; a new one gets its elements already placed and classed for `first` (positions and view). */
  const ensure = (s: AppState, d: Loaded, first: { key: string; positions: ReadonlyMap<string, Position>; view: MapView }): MapHandle => {
    const count = d.elements.nodes.length + d.elements.edges.length;
    const renderer = rendererFor(s.renderer, count);
    if (map && map.renderer === renderer) {
      // The graph was loaded again after a change: new elements, drawn where the old ones stood.
      if (elementsShown !== d.elements) {
        updateElements(map, d.elements);
        elementsShown = d.elements;
        appliedPositionsKey = 'replaced';
        visibleSignature = '';
        colouredMap = null;
      }
      return map;
    }
    const previousCamera = map?.camera() ?? null;
    map?.destroy();
    map = createMap({ container: mapEl, renderer, labelScale: s.labelScale, elementCount: count, reducedMotion: options.reducedMotion, callbacks: options.callbacks });
    map.setElements(d.elements, first.positions, first.view);
    elementsShown = d.elements;
    appliedPositionsKey = '';
    placedAtCreation = first.key;
    labelScaleApplied = s.labelScale;
    if (previousCamera) pendingCamera = previousCamera;
    return map;
  };
  let pendingCamera: AppState['camera'] = null;
  /** The positions key a new map was created with: nothing to move on its first draw. */
  let placedAtCreation = '';
  let elementsShown: Loaded['elements'] | null = null;

  const positionsFor = (s: AppState, d: Loaded, view: MapView, arrangement: Arrangement): { key: string; positions: Map<string, Position> } => {
    const sig = `${view.visible.size}:${fnv1a([...view.visible].join('\n'))}`;
    if (sig !== visibleSignature || !layoutCacheKey.startsWith(`${s.layout}:`)) {
      visibleSignature = sig;
      const edges = d.elements.edges.filter((e) => view.visible.has(e.data.source) && view.visible.has(e.data.target));
      layoutCacheKey = layoutKey(
        s.layout,
        view.visible,
        edges.map((e) => e.data.id),
      );
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

  return {
    mapEl,
    tooltip,
    loading,
    controls,
    get map() {
      return map;
    },
    /** A camera the previous map had when the renderer changed: the camera module applies it once. */
    takePendingCamera() {
      const c = pendingCamera;
      pendingCamera = null;
      return c;
    },
    arrangementChanged() {
      arrangementVersion += 1;
    },
    /** The graph was loaded again: the map takes the new elements, and positions are worked out afresh. */
    /** Brings the map in step with a frame; returns the positions drawn and whether they moved. */
    draw(s: AppState, d: Loaded, view: MapView, arrangement: Arrangement) {
      const { key, positions } = positionsFor(s, d, view, arrangement);
      const m = ensure(s, d, { key, positions, view });
      if (labelScaleApplied !== s.labelScale) {
        m.setLabelScale(s.labelScale);
        labelScaleApplied = s.labelScale;
      }
      const first = appliedPositionsKey === '';
      const moved = key !== appliedPositionsKey;
      if (moved && !(first && placedAtCreation === key)) m.setPositions(positions, !first && !key.includes('|a'));
      if (moved) appliedPositionsKey = key;
      placedAtCreation = '';
      m.applyView(view);
      if (coloursKey !== `${s.styleBy}|${today}` || m !== colouredMap) {
        coloursKey = `${s.styleBy}|${today}`;
        colouredMap = m;
        m.applyDataColours(dataColours(s.styleBy, d, today));
      }
      const showBands = s.layout === 'layered' && (arrangement.positions.size === 0 || !!arrangement.sharedAs);
      bands.show(showBands ? bandExtents(positions, (id) => d.index.nodes.get(id) && KIND_STYLES[d.index.nodes.get(id)!.kind].layer, view.visible) : [], m.cy);
      m.setLeftInset(showBands ? bandGutter(m.cy.width()) : 0);
      m.setTopRightObstacle(progressBoxOver(frameEl, mapEl));
      const shownCallouts = calloutsFor(view, s, d);
      callouts.show(shownCallouts, m.cy);
      // The labels are chosen by the caller once the camera is set (labelsAfterCamera): on the
      // first draw the map is about to be framed, and choosing them at the old zoom is wasted.
      return { map: m, positionsKey: key, positions, first, moved, showBands, calledOut: new Set(shownCallouts.map((c) => c.id)) };
    },
    destroy() {
      bands.destroy();
      callouts.destroy();
      map?.destroy();
      map = null;
    },
  };
}
