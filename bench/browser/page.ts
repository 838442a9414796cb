import { toMapElements } from '../../client/graph/elements.js';
import { LAYOUTS } from '../../client/layout/index.js';
import { createMap, type MapHandle, type RendererKind } from '../../client/map/index.js';
import type { MapView } from '../../client/map/view.js';
import { syntheticGraph } from './synthetic.js';

/**
 * The benchmark page: the explorer's own map module, elements, layout and stylesheet,
 * fed synthetic graphs. `window.mapBench.run(size, renderer)` returns the figures.
 */

export type RunFigures = {
  elements: number;
  nodes: number;
  renderer: RendererKind;
  buildMs: number;
  layoutMs: number;
  mountMs: number;
  firstFrameMs: number;
  frameMeanMs: number;
  frameP95Ms: number;
  renderMeanMs: number;
  renderP95Ms: number;
  frames: number;
};

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

let current: MapHandle | null = null;
let recording: { stop(): { intervals: number[]; renders: number[] } } | null = null;

export type Prepared = Pick<RunFigures, 'elements' | 'nodes' | 'renderer' | 'buildMs' | 'layoutMs' | 'mountMs' | 'firstFrameMs'> & {
  /** A spot on the empty background, where a mouse drag pans rather than moves a node. */
  grab: { x: number; y: number };
};
export type Recorded = Pick<RunFigures, 'frameMeanMs' | 'frameP95Ms' | 'renderMeanMs' | 'renderP95Ms' | 'frames'>;

/** Draws a synthetic graph of `size` elements, then zooms in so that panning moves a dense part of it. */
async function prepare(size: number, renderer: RendererKind, plain = false): Promise<Prepared> {
  recording?.stop();
  current?.destroy();
  const container = document.getElementById('map')!;
  const graph = syntheticGraph(size);

  let t = performance.now();
  const elements = toMapElements(graph);
  const buildMs = performance.now() - t;

  t = performance.now();
  const positions = LAYOUTS.layered.run({ nodes: elements.nodes.map((n) => n.data), edges: elements.edges.map((e) => e.data) });
  const layoutMs = performance.now() - t;

  t = performance.now();
  const map = createMap({
    container,
    renderer,
    labelScale: 1,
    elementCount: plain ? 0 : size,
    reducedMotion: true,
    callbacks: { onTap() {}, onDoubleTap() {}, onContextMenu() {}, onArranged() {}, onCamera() {}, onHover() {} },
  });
  current = map;
  map.setElements(elements, positions);
  const view: MapView = { visible: new Set(elements.nodes.map((n) => n.data.id)), emphasis: new Map(), dimOthers: false, selected: null, caption: null };
  map.applyView(view);
  map.fit(null, false);
  // As the explorer does after framing: labels for the zoom, and the links added (map/index.ts).
  map.refreshLabels();
  const mountMs = performance.now() - t;
  await nextFrame();
  await nextFrame();
  const firstFrameMs = performance.now() - t;
  map.cy.zoom({ level: map.cy.zoom() * 2.5, renderedPosition: { x: 640, y: 480 } });
  await nextFrame();
  await nextFrame();
  return { elements: size, nodes: elements.nodes.length, renderer: map.renderer, buildMs, layoutMs, mountMs, firstFrameMs, grab: emptySpot(map) };
}

function emptySpot(map: MapHandle): { x: number; y: number } {
  const boxes = map.cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true }));
  let best = { x: 640, y: 480 };
  let bestGap = -1;
  for (let y = 300; y <= 660; y += 12) {
    for (let x = 420; x <= 860; x += 12) {
      let gap = Infinity;
      for (const b of boxes) {
        const dx = Math.max(b.x1 - x, 0, x - b.x2);
        const dy = Math.max(b.y1 - y, 0, y - b.y2);
        gap = Math.min(gap, Math.hypot(dx, dy));
        if (gap < bestGap) break;
      }
      if (gap > bestGap) {
        bestGap = gap;
        best = { x, y };
      }
    }
  }
  return best;
}

/** Records frame intervals and the renderer's drawing time until `stop()`, while the bench drags the map. */
function startRecording(): void {
  const map = current;
  if (!map) throw new Error('prepare a graph first');
  // The renderer's own draw call, timed (Cytoscape's renderer object; internal, fine for a benchmark).
  const r = (map.cy as unknown as { renderer(): { render: (o?: unknown) => unknown } }).renderer();
  const original = r.render;
  const renders: number[] = [];
  r.render = function timed(this: unknown, ...args: unknown[]) {
    const s = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets the inferred type that the code after it relies on (tsc fails without it)
    const out = (original as (...a: unknown[]) => unknown).apply(this, args);
    renders.push(performance.now() - s);
    return out;
  };
  const intervals: number[] = [];
  let last = performance.now();
  let running = true;
  const tick = (now: number) => {
    if (!running) return;
    intervals.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });
  recording = {
    stop() {
      running = false;
      r.render = original;
      recording = null;
      return { intervals, renders };
    },
  };
}

function stopRecording(): Recorded {
  const rec = recording?.stop() ?? { intervals: [], renders: [] };
  return {
    frames: rec.intervals.length,
    frameMeanMs: mean(rec.intervals),
    frameP95Ms: percentile(rec.intervals, 95),
    renderMeanMs: mean(rec.renders),
    renderP95Ms: percentile(rec.renders, 95),
  };
}

(window as unknown as { mapBench: unknown }).mapBench = { prepare, startRecording, stopRecording, ready: true };
