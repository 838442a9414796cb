import { parseViews, serialiseViews, type NamedView } from './serialise.js';

/**
 * Named views in localStorage (server-side views arrive with a later issue). A
 * storage that refuses (private mode, quota) is reported, never silently ignored.
 */

export const VIEWS_KEY = 'golden-thread:views';

export type ViewStorage = {
  load(): { views: NamedView[]; problems: string[] };
  save(views: readonly NamedView[]): string | null;
};

export function createViewStorage(storage: Storage | null): ViewStorage {
  return {
    load() {
      if (!storage) return { views: [], problems: ['this browser keeps no local storage, so views cannot be kept'] };
      try {
        return parseViews(storage.getItem(VIEWS_KEY));
      } catch (err) {
        return { views: [], problems: [`the stored views could not be read: ${(err as Error).message}`] };
      }
    },
    save(views) {
      if (!storage) return 'this browser keeps no local storage, so views cannot be kept';
      try {
        storage.setItem(VIEWS_KEY, serialiseViews(views));
        return null;
      } catch (err) {
        return `the view could not be kept: ${(err as Error).message}`;
      }
    },
  };
}
