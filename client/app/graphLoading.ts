import type { ChangeDiff } from '../../model/changes.js';
import type { GraphResponse } from '../../model/api.js';
import { createFilterer } from '../filters/index.js';
import { toMapElements } from '../graph/elements.js';
import { indexGraph } from '../graph/index.js';
import type { Api } from '../http/api.js';
import { naturalCompare } from '../layout/layered.js';
import { graphSignature, patchGraph } from '../live/patchGraph.js';
import type { GraphUpdater } from '../live/refresh.js';
import { fill, h } from '../ui/dom.js';
import type { Loaded } from './context.js';

/**
 * The graph the explorer draws: loaded once at start (with a "Try again" when that
 * fails), patched in place from a committed change's diff, and read again after a
 * change to confirm it. It holds the loaded graph; whoever draws is told through
 * `changed` each time it is replaced, and draws from `data`.
 */

export type GraphLoading = {
  /** The graph as last loaded, indexed for the map and the panels; null until the first load. */
  readonly data: Loaded | null;
  /** The first load; `ready` runs once it is in. */
  start(): Promise<void>;
  /** Reads the graph again; calls made while one runs share one more reload after it. */
  reload(): Promise<void>;
  /** For the live feed (live/refresh.ts): patch from a diff, or reload. */
  readonly updater: GraphUpdater;
};

export function createGraphLoading(options: {
  api: Api;
  isDestroyed: () => boolean;
  /** Where "Loading the graph…" and a failed load's message show. */
  loading: HTMLElement;
  /** The first graph is in: draw it. */
  ready(data: Loaded): void;
  /** A new graph replaced the one drawn (a patch or a reload that brought something new). */
  changed(data: Loaded): void;
}): GraphLoading {
  const { api, isDestroyed, loading } = options;
  let data: Loaded | null = null;
  let reloading: Promise<void> | null = null;
  let reloadAgain: Promise<void> | null = null;

  const replace = (next: Loaded) => {
    data = next;
    options.changed(next);
    performance.mark('gt:live-rendered');
  };

  /**
   * After a committed change (an edit in another browser, a seminar's accepted
   * proposal, an import): the graph again, drawn over the old one in place, so the map
   * keeps its camera and the panels keep their old values on screen until the new ones
   * arrive. After a patch from the change's diff the reload usually brings nothing new,
   * and then the map is left as drawn.
   */
  function reload(): Promise<void> {
    if (!data || isDestroyed()) return Promise.resolve();
    if (reloading) return (reloadAgain ??= reloading.then(() => ((reloadAgain = null), reload())));
    reloading = api
      .graph()
      .then(
        (graph) => {
          if (isDestroyed()) return;
          performance.mark('gt:live-graph-loaded');
          if (data && graphSignature(graph.elements) === graphSignature(data.graph)) return;
          replace(loadedFrom(graph.elements));
        },
        (err: unknown) => console.error('golden-thread: the graph could not be reloaded after a change', err),
      )
      .finally(() => (reloading = null));
    return reloading;
  }

  async function start(): Promise<void> {
    try {
      // index.html preloads /api/graph, so this request is answered from the preload while the bundle parsed.
      const graph: GraphResponse = await api.graph();
      if (isDestroyed()) return;
      // Marks for the start-up benchmark (bench/browser/startup.ts): where the time to interactive goes.
      performance.mark('gt:graph-loaded');
      data = loadedFrom(graph.elements);
      performance.mark('gt:graph-indexed');
      loading.hidden = true;
      options.ready(data);
    } catch (err) {
      loading.hidden = false;
      fill(
        loading,
        h('p', {}, `The graph could not be loaded: ${(err as Error).message}`),
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            onclick: () => {
              fill(loading, 'Loading the graph…');
              void start();
            },
          },
          'Try again',
        ),
      );
    }
  }

  return {
    get data() {
      return data;
    },
    start,
    reload,
    updater: {
      patch(diff: ChangeDiff): boolean {
        if (!data || isDestroyed()) return false;
        const patched = patchGraph(data.graph, diff);
        if (!patched) return false;
        replace(loadedFrom(patched));
        return true;
      },
      reload: () => void reload(),
    },
  };
}

/** The API's graph, indexed once for the map, the filters and the panels. */
export function loadedFrom(elements: GraphResponse['elements']): Loaded {
  const index = indexGraph(elements);
  const byLabel = (a: { label: string }, b: { label: string }) => naturalCompare(a.label, b.label);
  return {
    graph: elements,
    elements: toMapElements(elements),
    index,
    filterer: createFilterer(index),
    plans: [...index.nodes.values()].filter((n) => n.kind === 'Plan').sort(byLabel),
    organisations: [...index.nodes.values()].filter((n) => n.kind === 'Organisation').sort(byLabel),
  };
}
