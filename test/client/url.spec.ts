import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../../client/graph/kinds.js';
import { DEFAULT_STATE, type AppState } from '../../client/state/types.js';
import { decodeState, encodeState } from '../../client/state/url.js';

const full: AppState = {
  ...DEFAULT_STATE,
  selected: 'lcja-2008:action:2.5.7',
  mode: 'thread',
  view: 'table',
  panel: 'gaps',
  filters: {
    plan: 'plan:lcja-2008',
    organisation: 'org:scottish-prison-service',
    framework: 'nsmo-offenders',
    statuses: ['delayed', 'on target'],
    yearBand: '1-3',
    kinds: ['Action', 'NationalOutcome', 'Organisation'],
  },
  layout: 'force',
  renderer: 'webgl',
  gap: 'overdue-actions',
  asOf: '2010-03-31',
  matrix: { rows: 'plan', cols: 'frameworkOutcome' },
  cell: { row: 'org:mappa', col: 'no:9' },
  camera: { x: -120.5, y: 48, w: 2400.2, h: 1350 },
  namedView: 'Board seminar',
  labelScale: 1.5,
};

describe('the URL codec', () => {
  it('writes nothing for the default state, so a fresh map has a clean address', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(decodeState('').state).toEqual(DEFAULT_STATE);
  });

  it('round-trips every part of the state a pasted link must reopen', () => {
    const encoded = encodeState(full);
    const { state, problems } = decodeState(`?${encoded}`);
    expect(problems).toEqual([]);
    expect(state).toEqual({ ...full, filters: { ...full.filters, statuses: ['on target', 'delayed'], kinds: ['Organisation', 'Action', 'NationalOutcome'] } });
  });

  it('keeps node ids readable in the address', () => {
    const encoded = encodeState({ ...DEFAULT_STATE, selected: 'lcja-2008:action:2.5.7', filters: { ...DEFAULT_STATE.filters, plan: 'plan:lcja-2008' } });
    expect(encoded).toBe('sel=lcja-2008:action:2.5.7&plan=plan:lcja-2008');
  });

  it('orders statuses and kinds canonically, so the same filters give the same link', () => {
    const a = encodeState({ ...DEFAULT_STATE, filters: { ...DEFAULT_STATE.filters, statuses: ['delayed', 'not started'] } });
    const b = encodeState({ ...DEFAULT_STATE, filters: { ...DEFAULT_STATE.filters, statuses: ['not started', 'delayed'] } });
    expect(a).toBe(b);
  });

  it('says "none" when every kind is hidden and reads it back', () => {
    const encoded = encodeState({ ...DEFAULT_STATE, filters: { ...DEFAULT_STATE.filters, kinds: [] } });
    expect(encoded).toBe('kinds=none');
    expect(decodeState(encoded).state.filters.kinds).toEqual([]);
  });

  it('leaves the default kinds out of the URL', () => {
    expect(encodeState({ ...DEFAULT_STATE, filters: { ...DEFAULT_STATE.filters, kinds: [...DEFAULT_KINDS].reverse() } })).toBe('');
  });

  describe('when a parameter is wrong', () => {
    it.each([
      ['sel=Bad Id', 'sel'],
      ['status=on%20target,finished', 'status'],
      ['kinds=Action,Widget', 'kinds'],
      ['view=graph', 'view'],
      ['asof=31/03/2010', 'asof'],
      ['cell=org:mappa', 'cell'],
      ['ls=3', 'ls'],
      ['z=0.5&x=1&y=2', 'z, x, y'],
      ['cam=1,2,3', 'cam'],
      ['cam=1,2,-3,4', 'cam'],
      ['nb=no:9~9', 'nb'],
      ['nb=no:9~2~KNOWS', 'nb'],
      ['style=colour', 'style'],
    ])('drops %s with a problem naming %s, and keeps the rest', (query, name) => {
      const { state, problems } = decodeState(`?${query}&plan=plan:lcja-2008`);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(name)).toBe(true);
      expect(state.filters.plan).toBe('plan:lcja-2008');
    });
  });

  it('does not reopen thread mode without a selection to thread from', () => {
    expect(decodeState('?mode=thread').state.mode).toBe('explore');
  });
});
