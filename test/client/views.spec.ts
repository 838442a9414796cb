import { describe, expect, it } from 'vitest';
import { applyNamedView, captureView, parseViews, positionsOfView, removeView, serialiseViews, upsertView } from '../../client/views/serialise.js';
import { createLocalViewStore, VIEWS_KEY, withFallback, type ViewStore } from '../../client/views/storage.js';
import { DEFAULT_STATE, type AppState } from '../../client/state/types.js';
import { MemoryStorage } from './fixtures.js';

const state: AppState = {
  ...DEFAULT_STATE,
  selected: 'no:9',
  filters: { ...DEFAULT_STATE.filters, plan: 'plan:lcja-2008', statuses: ['delayed'] },
  layout: 'force',
  labelScale: 1.5,
  camera: { x: 10, y: -20, w: 1800, h: 900 },
};
const positions = new Map([
  ['no:9', { x: 10.123, y: -40 }],
  ['lcja-2008:action:2.5.7', { x: 200, y: 300.5 }],
]);
const when = new Date('2026-11-23T10:00:00Z');

describe('named views', () => {
  const view = captureView(state, '  Board seminar ', positions, true, when);

  it('capture the arrangement, the filters, the styling and the camera', () => {
    expect(view).toMatchObject({ name: 'Board seminar', savedAt: '2026-11-23T10:00:00.000Z', layout: 'force', locked: true, styling: { labelScale: 1.5, renderer: 'auto' } });
    expect(view.positions['no:9']).toEqual([10.12, -40]);
    expect(view.filters.statuses).toEqual(['delayed']);
  });

  it('reopen exactly what was saved, after a trip through storage', () => {
    const [back] = parseViews(serialiseViews([view])).views;
    expect(back).toEqual(view);
    const reopened = applyNamedView(DEFAULT_STATE, back!);
    expect(reopened.filters).toEqual(state.filters);
    expect(reopened.layout).toBe('force');
    expect(reopened.labelScale).toBe(1.5);
    expect(reopened.camera).toEqual(state.camera);
    expect(reopened.namedView).toBe('Board seminar');
    expect(positionsOfView(back!).get('lcja-2008:action:2.5.7')).toEqual({ x: 200, y: 300.5 });
  });

  it('share no arrays with the state they came from', () => {
    const reopened = applyNamedView(DEFAULT_STATE, view);
    reopened.filters.statuses.push('complete');
    expect(view.filters.statuses).toEqual(['delayed']);
  });

  describe('when stored views are damaged', () => {
    it('skips a broken view with a problem that names it, and keeps the others', () => {
      const broken = { ...view, name: 'Broken', positions: { 'no:9': [1, 'x'] } };
      const { views, problems } = parseViews(JSON.stringify({ format: 'golden-thread-views', version: 1, views: [view, broken] }));
      expect(views.map((v) => v.name)).toEqual(['Board seminar']);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^view “Broken”: positions\.no:9\.1 /);
    });
    it.each([
      ['not JSON', '{', 'not valid JSON'],
      ['another format', '{"views":[]}', 'not in the golden-thread-views format'],
    ])('reports %s', (_what, text, message) => {
      const { views, problems } = parseViews(text);
      expect(views).toEqual([]);
      expect(problems[0]).toContain(message);
    });
    it('reads nothing stored as no views and no problem', () => {
      expect(parseViews(null)).toEqual({ views: [], problems: [] });
    });
  });

  it('replace a view of the same name, whatever its case, and keep the list in order', () => {
    const other = captureView(state, 'Annual review', positions, false, when);
    const again = captureView(state, 'BOARD SEMINAR', positions, false, when);
    const list = upsertView(upsertView(upsertView([], view), other), again);
    expect(list.map((v) => v.name)).toEqual(['Annual review', 'BOARD SEMINAR']);
    expect(removeView(list, 'Annual review').map((v) => v.name)).toEqual(['BOARD SEMINAR']);
  });

  it('are kept in localStorage under one key', async () => {
    const storage = new MemoryStorage();
    const store = createLocalViewStore(storage);
    expect(await store.put(view)).toBeNull();
    expect(storage.getItem(VIEWS_KEY)).toContain('Board seminar');
    expect((await store.list()).views).toEqual([view]);
    expect(await store.remove('Board seminar')).toBeNull();
    expect((await store.list()).views).toEqual([]);
    expect(await createLocalViewStore(null).put(view)).toMatch(/no local storage/);
  });

  describe('behind a server store, with the browser copy as the fallback', () => {
    const down: ViewStore = {
      where: 'Kept on the server',
      list: () => Promise.reject(new Error('503 Service Unavailable')),
      put: () => Promise.reject(new Error('503 Service Unavailable')),
      remove: () => Promise.reject(new Error('503 Service Unavailable')),
    };

    it('keeps a view in the browser when the server is down, and reads it back from there saying so', async () => {
      const local = createLocalViewStore(new MemoryStorage());
      const store = withFallback(down, local);
      expect(await store.put(view)).toBeNull();
      const listed = await store.list();
      expect(listed.views.map((v) => v.name)).toEqual(['Board seminar']);
      expect(listed.problems[0]).toMatch(/kept on the server could not be reached \(503 Service Unavailable\)/);
    });

    it('reports a failure only when neither store kept the view', async () => {
      expect(await withFallback(down, createLocalViewStore(null)).put(view)).toBe('503 Service Unavailable');
    });

    it('reads from the server when it answers, and still writes the local copy', async () => {
      const serverStorage = new MemoryStorage();
      const server = { ...createLocalViewStore(serverStorage), where: 'Kept on the server' };
      const localStorage = new MemoryStorage();
      const store = withFallback(server, createLocalViewStore(localStorage));
      await store.put(view);
      expect(localStorage.getItem(VIEWS_KEY)).toContain('Board seminar');
      expect((await store.list()).problems).toEqual([]);
      expect(store.where).toBe('Kept on the server');
    });
  });
});
