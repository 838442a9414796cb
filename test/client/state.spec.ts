import { describe, expect, it, vi } from 'vitest';
import { chooseCell, chooseGap, clearFilters, enterThread, exitThread, select, setFilter, setPanel, setView, setCamera, toggleKind, toggleStatus, toggleThread } from '../../client/state/actions.js';
import { createStore } from '../../client/state/store.js';
import { DEFAULT_STATE, FRAMEWORK_NAMES, filtersActive, type AppState } from '../../client/state/types.js';

const base: AppState = { ...DEFAULT_STATE, camera: { x: 0, y: 0, w: 1000, h: 600 } };

describe('state changes', () => {
  it('a new selection leaves thread mode, since the thread belonged to the old one', () => {
    const s = select({ ...base, selected: 'no:9', mode: 'thread' }, 'no:4');
    expect(s).toMatchObject({ selected: 'no:4', mode: 'explore' });
    expect(select(s, 'no:4')).toBe(s);
  });

  it('thread mode needs something to thread from, and goes to the map to show it', () => {
    expect(enterThread(base)).toBe(base);
    const s = enterThread({ ...base, view: 'table', gap: 'overdue-actions' }, 'no:9');
    expect(s).toMatchObject({ selected: 'no:9', mode: 'thread', view: 'map', gap: null, camera: null });
  });

  it('one step back out of the thread keeps the selection', () => {
    const s = exitThread({ ...base, selected: 'no:9', mode: 'thread' });
    expect(s).toMatchObject({ selected: 'no:9', mode: 'explore' });
    expect(exitThread(base)).toBe(base);
    expect(toggleThread(toggleThread({ ...base, selected: 'no:9' })).mode).toBe('explore');
  });

  it('a filter change forgets the matrix cell and reframes the map', () => {
    const s = setFilter({ ...base, cell: { row: 'org:a', col: 'no:9' } }, 'plan', 'plan:lcja-2008');
    expect(s).toMatchObject({ cell: null, camera: null });
    expect(filtersActive(s.filters)).toBe(true);
    expect(filtersActive(clearFilters(s).filters)).toBe(false);
  });

  it('toggles statuses and kinds on and off', () => {
    const on = toggleStatus(base, 'delayed');
    expect(on.filters.statuses).toEqual(['delayed']);
    expect(toggleStatus(on, 'delayed').filters.statuses).toEqual([]);
    expect(toggleKind(base, 'Plan').filters.kinds).toContain('Plan');
    expect(toggleKind(base, 'Action').filters.kinds).not.toContain('Action');
  });

  it('a matrix cell shows its actions on the map; a gap opens its panel', () => {
    expect(chooseCell({ ...base, view: 'matrix', mode: 'thread' }, { row: 'org:a', col: 'no:9' })).toMatchObject({ view: 'map', mode: 'explore', gap: null });
    expect(chooseCell({ ...base, view: 'matrix' }, null).view).toBe('matrix');
    expect(chooseGap(base, 'overdue-actions')).toMatchObject({ gap: 'overdue-actions', panel: 'gaps' });
  });
});

describe('the store', () => {
  it('tells listeners what changed and how the URL should follow', () => {
    const store = createStore(DEFAULT_STATE);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.update((s) => select(s, 'no:9'));
    store.update((s) => ({ ...s, camera: { x: 5, y: 0, w: 500, h: 300 } }), 'replace');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls[0]![2]).toBe('push');
    expect(listener.mock.calls[1]![2]).toBe('replace');
    expect(listener.mock.calls[1]![1].selected).toBe('no:9');
    unsubscribe();
    store.update((s) => select(s, 'no:4'));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('does not notify when a change changes nothing', () => {
    const store = createStore(DEFAULT_STATE);
    const listener = vi.fn();
    store.subscribe(listener);
    store.update((s) => s);
    expect(listener).not.toHaveBeenCalled();
  });
});

// ---------------------------------------------------------------- each change, whole

describe('state changes, the whole state after each', () => {
  const threaded: AppState = { ...base, selected: 'no:9', mode: 'thread', view: 'table', gap: 'overdue-actions' };

  it('toggles the thread on from explore and off from thread, keeping the rest', () => {
    expect(toggleThread({ ...base, selected: 'no:9' })).toEqual({ ...base, selected: 'no:9', mode: 'thread', view: 'map', gap: null, camera: null });
    expect(toggleThread({ ...threaded, view: 'map' })).toEqual({ ...threaded, view: 'map', mode: 'explore', camera: null });
    expect(toggleThread(base)).toBe(base);
  });

  it('adds a status at the end and removes only the one toggled', () => {
    const two = toggleStatus(toggleStatus(base, 'delayed'), 'ongoing');
    expect(two.filters.statuses).toEqual(['delayed', 'ongoing']);
    expect(toggleStatus(two, 'delayed').filters.statuses).toEqual(['ongoing']);
    expect(toggleStatus(two, 'ongoing')).toEqual({ ...base, filters: { ...base.filters, statuses: ['delayed'] }, camera: null, cell: null });
  });

  it('removes only the kind toggled and adds a new one at the end', () => {
    const kinds = base.filters.kinds;
    expect(toggleKind(base, kinds[0]!).filters.kinds).toEqual(kinds.slice(1));
    const withPlan = toggleKind(base, 'Plan');
    expect(withPlan.filters.kinds).toEqual(kinds.includes('Plan') ? kinds.filter((k) => k !== 'Plan') : [...kinds, 'Plan']);
    expect(withPlan.camera).toBeNull();
  });

  it('clears every filter but the kinds drawn, and the cell and viewport with them', () => {
    const filtered: AppState = {
      ...base,
      filters: { plan: 'plan:x', organisation: 'org:y', framework: 'aims', statuses: ['delayed'], yearBand: '1', kinds: ['Action'] },
      cell: { row: 'org:a', col: 'no:9' },
    };
    expect(clearFilters(filtered)).toEqual({ ...base, filters: { ...DEFAULT_STATE.filters, kinds: ['Action'] }, cell: null, camera: null });
  });

  it('a gap opens the gaps panel and leaves thread mode; clearing it keeps the mode', () => {
    expect(chooseGap(threaded, 'overdue-actions')).toEqual({ ...threaded, gap: 'overdue-actions', panel: 'gaps', mode: 'explore', camera: null });
    expect(chooseGap(threaded, null)).toEqual({ ...threaded, gap: null, panel: 'gaps', mode: 'thread', camera: null });
  });

  it('a view or panel already shown changes nothing; another one changes only itself', () => {
    expect(setView(base, 'map')).toBe(base);
    expect(setView(base, 'table')).toEqual({ ...base, view: 'table' });
    expect(setPanel(base, 'details')).toBe(base);
    expect(setPanel(base, 'views')).toEqual({ ...base, panel: 'views' });
  });

  it('sets the camera and nothing else', () => {
    expect(setCamera(base, { x: 3, y: 4, w: 500, h: 300 })).toEqual({ ...base, camera: { x: 3, y: 4, w: 500, h: 300 } });
    expect(setCamera(base, null)).toEqual({ ...base, camera: null });
  });

  it('names the frameworks for the filter panel', () => {
    expect(FRAMEWORK_NAMES).toEqual({
      'national-outcomes': 'Scotland Performs National Outcomes',
      aims: 'CJA national strategic aims',
      nsmo: 'NSMO framework (all outcomes)',
      'nsmo-communities': 'NSMO outcomes for communities (C)',
      'nsmo-offenders': 'NSMO outcomes for offenders (O)',
      'nsmo-system': 'NSMO outcomes in the system (S)',
    });
  });

  it.each([
    [{ plan: 'plan:x' }, true],
    [{ organisation: 'org:x' }, true],
    [{ framework: 'aims' }, true],
    [{ statuses: ['delayed'] }, true],
    [{ yearBand: '1' }, true],
    [{ kinds: [] }, false],
    [{}, false],
  ] as const)('filters %j are active: %s', (f, active) => {
    expect(filtersActive({ ...DEFAULT_STATE.filters, ...f } as AppState['filters'])).toBe(active);
  });

  it('starts from the documented default state', () => {
    expect({ ...DEFAULT_STATE, filters: undefined }).toEqual({
      selected: null,
      mode: 'explore',
      view: 'map',
      panel: 'details',
      filters: undefined,
      layout: 'layered',
      renderer: 'auto',
      gap: null,
      asOf: null,
      matrix: { rows: 'organisation', cols: 'nationalOutcome' },
      cell: null,
      camera: null,
      namedView: null,
      labelScale: 1,
      neighbourhood: null,
      styleBy: 'kind',
      period: null,
      rollup: false,
    });
  });
});

describe('the store, once more', () => {
  it('hands listeners the new state and the one before', () => {
    const store = createStore(DEFAULT_STATE);
    const listener = vi.fn();
    store.subscribe(listener);
    store.update((s) => select(s, 'no:9'));
    expect(listener).toHaveBeenCalledWith({ ...DEFAULT_STATE, selected: 'no:9' }, DEFAULT_STATE, 'push');
    expect(store.get()).toEqual({ ...DEFAULT_STATE, selected: 'no:9' });
  });
});
