import { parseViews, removeView, serialiseViews, upsertView, type NamedView } from './serialise.js';

/**
 * Where named views are kept, behind one small asynchronous interface so that a server
 * store (with accounts, from the editing issue) slots in beside the browser's own copy.
 * Today there is the browser's localStorage; `withFallback` puts a server store in
 * front of it and keeps the local copy current, so a view survives the server being
 * unreachable. A storage that refuses (private mode, quota) is reported, never ignored.
 */

// ---------------------------------------------------------------- Public API

export const VIEWS_KEY = 'golden-thread:views';

export type ViewList = { views: NamedView[]; problems: string[] };

export type ViewStore = {
  /** Said to the planner: "Kept in this browser", "Kept on the server". */
  readonly where: string;
  list(): Promise<ViewList>;
  /** Adds or replaces by name; resolves to a problem in words, or null. */
  put(view: NamedView): Promise<string | null>;
  remove(name: string): Promise<string | null>;
};

export function createLocalViewStore(storage: Storage | null): ViewStore {
  const refused = 'this browser keeps no local storage, so views cannot be kept';
  const read = (): ViewList => {
    if (!storage) return { views: [], problems: [refused] };
    try {
      return parseViews(storage.getItem(VIEWS_KEY));
    } catch (err) {
      return { views: [], problems: [`the stored views could not be read: ${(err as Error).message}`] };
    }
  };
  const write = (views: readonly NamedView[]): string | null => {
    if (!storage) return refused;
    try {
      storage.setItem(VIEWS_KEY, serialiseViews(views));
      return null;
    } catch (err) {
      return `the view could not be kept: ${(err as Error).message}`;
    }
  };
  return {
    where: 'Kept in this browser',
    list: () => Promise.resolve(read()),
    put: (view) => Promise.resolve(write(upsertView(read().views, view))),
    remove: (name) => Promise.resolve(write(removeView(read().views, name))),
  };
}

/**
 * A primary store (the server, later) with the browser copy as the fallback: reads come
 * from the primary when it answers and from the local copy when it does not; every write
 * goes to both, and succeeds if either kept it.
 */
export function withFallback(primary: ViewStore, local: ViewStore): ViewStore {
  const attempt = async <T>(fn: () => Promise<T>): Promise<T | Error> => {
    try {
      return await fn();
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  };
  return {
    get where() {
      return primary.where;
    },
    async list() {
      const remote = await attempt(() => primary.list());
      if (!(remote instanceof Error)) return remote;
      const copy = await local.list();
      return { views: copy.views, problems: [`${primary.where.toLowerCase()} could not be reached (${remote.message}); showing the copy in this browser`, ...copy.problems] };
    },
    async put(view) {
      const [remote, copy] = await Promise.all([attempt(() => primary.put(view)), local.put(view)]);
      if (remote === null || copy === null) return null;
      return remote instanceof Error ? remote.message : remote;
    },
    async remove(name) {
      const [remote, copy] = await Promise.all([attempt(() => primary.remove(name)), local.remove(name)]);
      if (remote === null || copy === null) return null;
      return remote instanceof Error ? remote.message : remote;
    },
  };
}
