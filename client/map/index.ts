import cytoscape from 'cytoscape';
import type { MapElements } from '../graph/elements.js';
import type { Position } from '../layout/layered.js';
import type { Camera } from '../state/types.js';
import { cameraOf, showsCamera, viewportFor } from './camera.js';
import { LARGE_GRAPH, type RendererKind } from './renderer.js';
import type { NodeKind } from '../../model/nodes.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { borderWidthFor, buildStyle, labelLook, linksWithArrows, MAP_BACKGROUND, type LabelLook } from './style.js';
import { classesFor, type MapView } from './view.js';
import { boxOf, positionsOf } from './nodeBoxes.js';
import { chooseLabels, MIN_LABEL_PX, type Box, type LabelBox } from './levelOfDetail.js';

/**
 * The Cytoscape map: created with a renderer, fed elements, positions and a derived
 * view, and destroyed exactly once however often `destroy` is called. It knows nothing
 * about the explorer's state; it reports taps, drags and camera moves through callbacks.
 */

// ---------------------------------------------------------------- Public API

export type { RendererKind } from './renderer.js';

export type MapCallbacks = {
  onTap(id: string | null): void;
  onDoubleTap(id: string): void;
  /** Right click (or long press) on a node, at this point in the map's own pixels. */
  onContextMenu(id: string, rendered: { x: number; y: number }): void;
  /** A node was dragged: the positions of every node, after the drag. */
  onArranged(positions: Map<string, Position>): void;
  /** The camera moved (settled for a moment), in graph coordinates. */
  onCamera(camera: Camera): void;
  onHover(id: string | null, rendered: { x: number; y: number } | null): void;
};

export type MapOptions = {
  container: HTMLElement;
  renderer: RendererKind;
  labelScale: number;
  elementCount: number;
  reducedMotion: boolean;
  callbacks: MapCallbacks;
};

export type MapHandle = {
  readonly cy: cytoscape.Core;
  readonly renderer: RendererKind;
  setLabelScale(scale: number): void;
  /**
   * Resizes labels for the zoom (a minimum on-screen size) and leaves out those that would
   * collide; `calledOut` nodes have a full-text callout, so their short label would only repeat it.
   */
  refreshLabels(calledOut?: ReadonlySet<string>): void;
  /** Puts every link into Cytoscape, the hidden ones too (kept out until a view shows them), before the elements are brought in step with a graph loaded again. */
  addAllLinks(): void;
  /** Calls back once Cytoscape has next drawn the map (on its own animation frame). */
  afterNextDraw(done: () => void): void;
  /** Replaces every element; with a view, each arrives with its classes (else hidden until `applyView`). */
  setElements(elements: MapElements, positions: ReadonlyMap<string, Position>, view?: MapView): void;
  setPositions(positions: ReadonlyMap<string, Position>, animate: boolean): void;
  applyView(view: MapView): void;
  /** Fill colours by data (a styling rule), or null for the kinds' own colours. */
  applyDataColours(colours: ReadonlyMap<string, string> | null): void;
  /** Frames the given nodes (all shown nodes by default), leaving `leftInset` pixels free for the band names. */
  fit(ids?: Iterable<string> | null, animate?: boolean, padding?: number, target?: ReadonlyMap<string, Position>): void;
  setLeftInset(px: number): void;
  /**
   * A box over the map's top-right corner (the progress box), in the map's pixels: its left
   * edge and its bottom. Framing keeps every node clear of it, below it or left of it,
   * whichever leaves the drawing larger. Null when nothing covers the map.
   */
  setTopRightObstacle(box: { left: number; bottom: number } | null): void;
  centreOn(id: string): void;
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  camera(): Camera;
  setCamera(c: Camera): void;
  /** Whether the map already frames this camera (as `setCamera` would). */
  showsCamera(c: Camera): boolean;
  lock(locked: boolean): void;
  positions(): Map<string, Position>;
  destroy(): void;
  readonly destroyed: boolean;
};

export function createMap(opts: MapOptions): MapHandle {
  const { container, renderer, callbacks } = opts;
  const large = opts.elementCount > LARGE_GRAPH;
  // The WebGL renderer clears to the container's inline background colour.
  container.style.backgroundColor = MAP_BACKGROUND;

  const options: cytoscape.CytoscapeOptions & { renderer?: { name: 'canvas'; webgl: boolean; webglTexSize?: number; webglBatchSize?: number } } = {
    container,
    style: buildStyle({ webgl: renderer === 'webgl', labelScale: opts.labelScale, labelZoom: 1, minScreenPx: MIN_LABEL_PX }),
    layout: { name: 'preset' },
    minZoom: 0.03,
    maxZoom: 6,
    boxSelectionEnabled: false,
    autounselectify: true,
    selectionType: 'single',
    textureOnViewport: large && renderer === 'canvas',
    hideEdgesOnViewport: large && renderer === 'canvas',
    hideLabelsOnViewport: large,
    motionBlur: false,
    pixelRatio: large ? 1 : 'auto',
    // WebGL (Cytoscape 3.31+) draws nodes as instanced shapes and textures: thousands of elements pan smoothly.
    ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true, webglTexSize: 4096, webglBatchSize: 4096 } } : {}),
  };
  const cy = cytoscape(options);

  // Cytoscape measures its container once; a panel opening or the window resizing needs a re-measure.
  // The centre of the view stays put when the container changes size (a banner, a drawer, a window).
  let size = { w: 0, h: 0 };
  const resizeObserver =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (destroyed) return;
          cy.resize();
          const w = cy.width();
          const hh = cy.height();
          if (size.w > 0 && size.h > 0 && (w !== size.w || hh !== size.h)) cy.panBy({ x: (w - size.w) / 2, y: (hh - size.h) / 2 });
          size = { w, h: hh };
        });
  resizeObserver?.observe(container);
  size = { w: cy.width(), h: cy.height() };

  let applied = new Map<string, string>();
  let appliedColours: ReadonlyMap<string, string> | null = null;
  let leftInset = 0;
  let obstacle: { left: number; bottom: number } | null = null;
  let destroyed = false;
  let viewportTimer: ReturnType<typeof setTimeout> | undefined;
  const duration = opts.reducedMotion ? 0 : 320;
  let labelScale = opts.labelScale;
  let labelZoom = 1;
  const minScreenPx = () => MIN_LABEL_PX * (labelScale >= 2 ? 1.5 : labelScale >= 1.5 ? 1.25 : 1);
  const restyle = () => cy.style(buildStyle({ webgl: renderer === 'webgl', labelScale, labelZoom, minScreenPx: minScreenPx() }));
  /** Each node's outer size and label as the current stylesheet draws them, by kind and classes. */
  const looks = () => {
    const byKind = new Map<NodeKind, LabelLook>();
    return (n: cytoscape.NodeSingular) => {
      const kind = n.data('kind') as NodeKind;
      let label = byKind.get(kind);
      if (!label) byKind.set(kind, (label = labelLook(kind, { labelScale, labelZoom, minScreenPx: minScreenPx() })));
      return { outer: (KIND_STYLES[kind]?.size ?? 0) + borderWidthFor((c) => n.hasClass(c)), label };
    };
  };
  let calledOutIds: ReadonlySet<string> = new Set();
  const refreshLabels = (calledOut?: ReadonlySet<string>) => {
    if (destroyed) return;
    if (calledOut) calledOutIds = calledOut;
    const zoom = cy.zoom();
    // Restyle only when the zoom moved enough to matter (a stylesheet swap redraws every label),
    // or across the zoom where links gain or lose their arrowheads.
    if (Math.abs(Math.log(zoom / labelZoom)) > 0.15 || linksWithArrows(zoom, renderer === 'webgl') !== linksWithArrows(labelZoom, renderer === 'webgl')) {
      labelZoom = zoom;
      restyle();
    }
    const width = cy.width();
    const height = cy.height();
    const labels: LabelBox[] = [];
    const boxes: Box[] = [];
    // Sizes from the stylesheet's own rules (nodeLook), not from Cytoscape: asking it for a
    // style computes every node's, which on a fresh map would be done twice, here and at its first draw.
    const look = looks();
    cy.nodes().forEach((n) => {
      if (n.hasClass('hidden') || n.hasClass('dim')) return;
      const p = n.renderedPosition();
      const { outer, label } = look(n);
      const w = outer * zoom;
      const hh = w;
      if (p.x < -300 || p.y < -100 || p.x > width + 300 || p.y > height + 100) return;
      boxes.push({ id: n.id(), x1: p.x - w / 2, y1: p.y - hh / 2, x2: p.x + w / 2, y2: p.y + hh / 2 });
      if (label.inside) return;
      const fontPx = label.fontSize * zoom;
      const maxW = label.textMaxWidth * zoom;
      const text = String(n.data('short') ?? '');
      const natural = text.length * fontPx * 0.55;
      const lines = Math.min(3, Math.max(1, Math.ceil(natural / Math.max(1, maxW))));
      const lw = Math.min(natural, maxW);
      const top = p.y + hh / 2 + 4;
      const em = n.hasClass('sel') || n.hasClass('em-origin') ? 1000 : n.hasClass('em-path') || n.hasClass('em-hit') ? 500 : 0;
      labels.push({ id: n.id(), x1: p.x - lw / 2, y1: top, x2: p.x + lw / 2, y2: top + lines * fontPx * 1.2, priority: em + Number(n.data('layer') ?? 0) * 10 + w / 100 });
    });
    const shown = chooseLabels(
      labels.filter((l) => !calledOutIds.has(l.id)),
      boxes,
    );
    // Only the labels that change: Cytoscape restyles (and redraws) a node on every addClass
    // or removeClass, even when the class was already there or not.
    cy.batch(() => {
      for (const l of labels) {
        const n = cy.getElementById(l.id);
        const hidden = n.hasClass('lod-hide');
        if (shown.has(l.id) && hidden) n.removeClass('lod-hide');
        else if (!shown.has(l.id) && !hidden) n.addClass('lod-hide');
      }
    });
    addHeldLinks();
  };

  /**
   * A new set of elements arrives in two steps: the nodes (setElements), then, at the first
   * label pass, when the camera and the label sizes are settled, each node's style is worked
   * out and only then are the links added. Cytoscape marks every link of a node afresh for each
   * style property it sets on the node, which with the links present was half the first draw's
   * style pass; and a style worked out before the label sizes were settled was worked out twice.
   */
  let heldLinks: MapElements['edges'] | null = null;
  /**
   * Links the view hides (a milestone's, a plan's) stay out of Cytoscape until a view shows
   * them: a hidden element costs a whole style pass like a shown one, and two links in five
   * are hidden on a fresh map.
   */
  const hiddenLinks = new Map<string, MapElements['edges'][number]>();
  /** The view last given: held links arrive with its classes. */
  let viewForLinks: MapView | null = null;
  const linkClasses = (e: MapElements['edges'][number]) => (viewForLinks ? classesFor(viewForLinks, e.data.id, { source: e.data.source, target: e.data.target }) : 'hidden');
  /** Adds these links with the classes of the view last given, keeping back those it hides (or all, with `all`). */
  const addLinks = (edges: Iterable<MapElements['edges'][number]>, all: boolean) => {
    const adding: cytoscape.ElementDefinition[] = [];
    for (const e of edges) {
      const cls = linkClasses(e);
      if (cls === 'hidden' && !all) {
        hiddenLinks.set(e.data.id, e);
        continue;
      }
      hiddenLinks.delete(e.data.id);
      // A reload may have brought it in already (mapStage's updateElements).
      if (cy.getElementById(e.data.id).nonempty()) continue;
      applied.set(e.data.id, cls);
      adding.push({ group: 'edges', data: e.data, classes: cls });
    }
    if (adding.length > 0) cy.batch(() => cy.add(adding));
  };
  const addHeldLinks = () => {
    if (!heldLinks || destroyed) return;
    const edges = heldLinks;
    heldLinks = null;
    cy.nodes().forEach((n) => void n.style('width'));
    addLinks(edges, false);
  };

  cy.on('tap', (e) => {
    if (e.target === cy) callbacks.onTap(null);
    else if ((e.target as cytoscape.SingularElementReturnValue).isNode()) callbacks.onTap((e.target as cytoscape.NodeSingular).id());
  });
  cy.on('dbltap', 'node', (e) => callbacks.onDoubleTap((e.target as cytoscape.NodeSingular).id()));
  cy.on('cxttap', 'node', (e) => callbacks.onContextMenu((e.target as cytoscape.NodeSingular).id(), (e.target as cytoscape.NodeSingular).renderedPosition()));
  cy.on('dragfree', 'node', () => callbacks.onArranged(positionsOf(cy)));
  cy.on('mouseover', 'node', (e) => {
    const node = e.target as cytoscape.NodeSingular;
    node.addClass('hover');
    callbacks.onHover(node.id(), node.renderedPosition());
  });
  cy.on('mouseout', 'node', (e) => {
    (e.target as cytoscape.NodeSingular).removeClass('hover');
    callbacks.onHover(null, null);
  });
  cy.on('viewport', () => {
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(() => {
      // The camera settled: labels for the new zoom, and the camera for the URL.
      refreshLabels();
      if (!destroyed) callbacks.onCamera(cameraOf({ zoom: cy.zoom(), pan: cy.pan() }, { width: cy.width(), height: cy.height() }));
    }, 250);
  });

  const handle: MapHandle = {
    cy,
    renderer,
    setLabelScale(scale) {
      labelScale = scale;
      restyle();
      refreshLabels();
    },
    refreshLabels,
    addAllLinks() {
      addHeldLinks();
      addLinks([...hiddenLinks.values()], true);
    },
    afterNextDraw(done) {
      // The canvas renderer says when it has drawn. The WebGL one does not, but its frame loop
      // asked for this frame before we did (it runs from the first change), so it draws first.
      if (renderer === 'canvas') cy.one('render', () => done());
      else requestAnimationFrame(() => done());
    },
    setElements(elements, positions, view) {
      applied = new Map();
      // With the view known, each element is added with its classes and label already: the
      // first frame then computes every style once, not once for "hidden" and again for the view.
      const nodeClasses = (id: string) => (view ? classesFor(view, id) : 'hidden');
      const label = (d: MapElements['nodes'][number]['data']) => (view?.planRefs && d.shortWithPlan ? { ...d, short: d.shortWithPlan } : d);
      cy.batch(() => {
        cy.elements().remove();
        cy.add(
          elements.nodes.map((n) => {
            const classes = nodeClasses(n.data.id);
            applied.set(n.data.id, classes);
            return { group: 'nodes' as const, data: label(n.data), position: positions.get(n.data.id) ?? { x: 0, y: 0 }, classes };
          }),
        );
      });
      // The links follow at the next label pass, once the map is framed (see addHeldLinks).
      hiddenLinks.clear();
      heldLinks = elements.edges;
      viewForLinks = view ?? null;
    },
    setPositions(positions, animate) {
      // A locked arrangement stops the planner dragging, not the explorer placing.
      const locked = cy.autolock();
      if (locked) cy.autolock(false);
      const nodes = cy.nodes();
      if (animate && duration > 0 && nodes.length <= 800) {
        nodes.forEach((n) => {
          const p = positions.get(n.id());
          if (p && n.visible()) n.animate({ position: p }, { duration });
          else if (p) n.position(p);
        });
      } else {
        cy.batch(() => {
          nodes.forEach((n) => {
            const p = positions.get(n.id());
            if (p) n.position(p);
          });
        });
      }
      if (locked) cy.autolock(true);
    },
    applyView(view) {
      viewForLinks = view;
      // References carry their plan while more than one plan is drawn. A change of data, not of
      // class, so Cytoscape measures the new text afresh (style.ts); compared each time, because
      // a reloaded graph brings its elements back with the short form.
      const swaps: [cytoscape.NodeSingular, string][] = [];
      cy.nodes().forEach((n) => {
        const withPlan = n.data('shortWithPlan') as string | null;
        if (!withPlan) return;
        const want = view.planRefs ? withPlan : (n.data('shortAlone') as string);
        if (n.data('short') !== want) swaps.push([n, want]);
      });
      if (swaps.length > 0) cy.batch(() => swaps.forEach(([n, want]) => n.data('short', want)));
      const next = new Map<string, string>();
      const changed: [cytoscape.SingularElementReturnValue, string][] = [];
      cy.elements().forEach((ele) => {
        const id = ele.id();
        const cls = ele.isEdge() ? classesFor(view, id, { source: ele.data('source') as string, target: ele.data('target') as string }) : classesFor(view, id);
        next.set(id, cls);
        if (applied.get(id) !== cls) changed.push([ele, cls]);
      });
      if (changed.length > 0) {
        cy.batch(() => {
          for (const [ele, cls] of changed) {
            const keep = [ele.hasClass('hover') ? 'hover' : '', ele.hasClass('lod-hide') ? 'lod-hide' : ''].filter(Boolean).join(' ');
            ele.classes(keep ? `${cls} ${keep}` : cls);
          }
        });
      }
      applied = next;
      // Links this view shows that were kept out while hidden.
      if (hiddenLinks.size > 0 && !heldLinks) addLinks([...hiddenLinks.values()], false);
    },
    applyDataColours(colours) {
      if (colours === appliedColours) return;
      const had = appliedColours;
      appliedColours = colours;
      // Nothing to clear on a fresh map: touching every node's style costs a full restyle.
      if (!colours && !had) return;
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const c = colours?.get(n.id());
          if (c) n.style('background-color', c);
          else n.removeStyle('background-color');
        });
      });
    },
    fit(ids, animate = true, padding = 40, target) {
      cy.resize();
      const wanted = ids ? new Set(ids) : null;
      let eles = wanted ? cy.nodes().filter((n) => wanted.has(n.id())) : cy.nodes().not('.hidden');
      if (eles.empty()) eles = cy.nodes().not('.hidden');
      if (eles.empty()) return;
      // While nodes glide to a new layout, frame where they are going, not where they are.
      const bb = target ? boxOf(eles, target, looks()) : eles.boundingBox();
      const framing = (top: number, right: number) => {
        const w = Math.max(1, cy.width() - leftInset - right - 2 * padding);
        const hgt = Math.max(1, cy.height() - top - 2 * padding);
        const z = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(w / Math.max(bb.w, 1), hgt / Math.max(bb.h, 1), 1.6)));
        return { zoom: z, pan: { x: leftInset + padding + w / 2 - ((bb.x1 + bb.x2) / 2) * z, y: top + padding + hgt / 2 - ((bb.y1 + bb.y2) / 2) * z } };
      };
      // Below the box or left of it: the padding already keeps clear of it by that much.
      const clear = obstacle ? [framing(Math.max(0, obstacle.bottom + 6 - padding), 0), framing(0, Math.max(0, cy.width() - obstacle.left + 6 - padding))] : [framing(0, 0)];
      const { zoom, pan } = clear.reduce((best, f) => (f.zoom > best.zoom ? f : best));
      cy.stop();
      if (animate && duration > 0) cy.animate({ zoom, pan }, { duration });
      else cy.viewport({ zoom, pan });
    },
    setLeftInset(px) {
      leftInset = px;
    },
    setTopRightObstacle(box) {
      obstacle = box;
    },
    centreOn(id) {
      const n = cy.getElementById(id);
      if (n.empty()) return;
      const ext = cy.extent();
      const p = n.position();
      const margin = 0.12;
      const inside = p.x > ext.x1 + ext.w * margin && p.x < ext.x2 - ext.w * margin && p.y > ext.y1 + ext.h * margin && p.y < ext.y2 - ext.h * margin;
      if (inside && cy.zoom() >= 0.5) return;
      cy.stop();
      const zoom = Math.max(cy.zoom(), 0.9);
      if (duration > 0) cy.animate({ center: { eles: n }, zoom }, { duration });
      else {
        cy.zoom(zoom);
        cy.center(n);
      }
    },
    zoomBy(factor) {
      const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
      cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    panBy(dx, dy) {
      cy.panBy({ x: dx, y: dy });
    },
    camera: () => cameraOf({ zoom: cy.zoom(), pan: cy.pan() }, { width: cy.width(), height: cy.height() }),
    setCamera(c) {
      cy.stop();
      cy.resize();
      cy.viewport(viewportFor(c, { width: cy.width(), height: cy.height() }, { min: cy.minZoom(), max: cy.maxZoom() }));
    },
    showsCamera: (c) => showsCamera({ zoom: cy.zoom(), pan: cy.pan() }, c, { width: cy.width(), height: cy.height() }, { min: cy.minZoom(), max: cy.maxZoom() }),
    lock(locked) {
      cy.autolock(locked);
    },
    positions: () => positionsOf(cy),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      resizeObserver?.disconnect();
      clearTimeout(viewportTimer);
      cy.stop();
      cy.destroy();
    },
    get destroyed() {
      return destroyed;
    },
  };
  return handle;
}
