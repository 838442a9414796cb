import { describe, expect, it, vi } from 'vitest';
import { chooseCell, chooseGap, clearFilters, enterThread, exitThread, select, setFilter, toggleKind, toggleStatus, toggleThread } from '../../client/state/actions.js';
import { createStore } from '../../client/state/store.js';
import { DEFAULT_STATE, filtersActive, type AppState } from '../../client/state/types.js';

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
