import type { GapCatalogueResponse, GapResponse, GraphElements, MatrixResponse, NodeDetailResponse, NodeElementData, ThreadResponse } from '../../model/api.js';
import type { Api } from '../http/api.js';
import type { MapElements } from '../graph/elements.js';
import type { GraphIndex } from '../graph/index.js';
import type { Facets, FilterResult, Filterer } from '../filters/index.js';
import type { MapHandle } from '../map/index.js';
import type { MapView } from '../map/view.js';
import type { HistoryMode, Store } from '../state/store.js';
import type { AppState, Camera } from '../state/types.js';
import type { ViewStore } from '../views/storage.js';
import type { Resource, ResourceCache } from './resources.js';
import type { Position } from '../layout/layered.js';
import type { Session } from '../auth/session.js';
import type { LiveFeed } from '../live/events.js';
import type { WriteApi } from '../http/write.js';

/** What every panel of the explorer is given: the store, the data and the shared services. */

export type Loaded = {
  graph: GraphElements;
  elements: MapElements;
  index: GraphIndex;
  filterer: Filterer;
  plans: NodeElementData[];
  organisations: NodeElementData[];
};

export type Resources = {
  node: ResourceCache<NodeDetailResponse>;
  thread: ResourceCache<ThreadResponse>;
  gapCatalogue: ResourceCache<GapCatalogueResponse>;
  gap: ResourceCache<GapResponse>;
  matrix: ResourceCache<MatrixResponse>;
};

/** One render's worth of derived state, handed to every panel. */
export type Frame = {
  state: AppState;
  previous: AppState | null;
  data: Loaded;
  filter: FilterResult;
  facets: Facets;
  view: MapView;
  thread: Resource<ThreadResponse>;
  gap: Resource<GapResponse>;
  matrix: Resource<MatrixResponse>;
  renderer: 'canvas' | 'webgl';
};

/** `sharedAs`: the positions are a layered layout held for everyone (a seminar's one map), named so; its bands still apply. */
export type Arrangement = { positions: Map<string, Position>; locked: boolean; sharedAs?: string };

export type Ctx = {
  store: Store;
  dispatch(change: (s: AppState) => AppState, history?: HistoryMode): void;
  api: Api;
  resources: Resources;
  /** Who is signed in and what their role may do (client/auth); the writes they send (client/http/write.ts). */
  session: Session;
  writes: WriteApi;
  /** Committed changes as they happen, from any explorer (client/live). */
  live: LiveFeed;
  /** Where named views are kept (this browser today; a server store slots in behind the same interface). */
  views: ViewStore;
  /** Polite screen-reader announcement. */
  announce(text: string): void;
  /** A problem the planner should see (and a screen reader say at once). */
  alert(text: string): void;
  map(): MapHandle | null;
  /**
   * Holds the map on a camera that is not the planner's own (a seminar participant following
   * the facilitator): while the source gives a camera, the map's own reports do not claim the
   * view, and a map that moved off it (a glide ending late, a pan under a lock) goes back to it.
   */
  holdCamera(source: (() => Camera | null) | null): void;
  arrangement(): Arrangement;
  setArrangement(a: Partial<Arrangement> | null): void;
  requestRender(): void;
  /** Loads the graph again after a change committed elsewhere (an edit in another browser, a seminar's accepted proposal, an import); camera and selection stay. */
  reloadGraph(): Promise<void>;
  /** Moves keyboard focus to the map with this node selected and in view (a search result, a list row). */
  focusNode(id: string): void;
  /** Keys for the resource caches, from the state. */
  gapKey(state: AppState, id?: string): string;
  matrixKey(state: AppState): string;
};

/**
 * A panel as the shell drives it (see app/registry.ts for how one is registered):
 * `update` is called after every render while the panel is on screen, with the frame
 * the map was drawn from; `destroy` once, when the explorer goes.
 */
export type Panel = {
  update(frame: Frame): void;
  destroy(): void;
  /** Moves keyboard focus to the panel's heading (Enter on the map opens details this way). */
  focus?(): void;
};

/** Builds a panel into the element the shell gives it. */
export type MountPanel = (root: HTMLElement, ctx: Ctx) => Panel;
