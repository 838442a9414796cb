import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS } from '../../client/graph/kinds.js';
import { DEFAULT_STATE, FRAMEWORKS, LABEL_SCALES, LAYOUT_IDS, MODES, PANELS, RENDERER_CHOICES, VIEWS, type AppState } from '../../client/state/types.js';
import { MATRIX_AXES } from '../../model/api.js';
import { NODE_KINDS } from '../../model/nodes.js';
import { STATUSES } from '../../model/vocabulary.js';
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

describe('the URL codec, exactly', () => {
  const oneOf = (list: readonly (string | number)[]) => `must be one of ${list.join(', ')}`;

  it.each([
    ['mode=fly&sel=no:9', `mode: ${oneOf(MODES)}`],
    ['view=graph', `view: ${oneOf(VIEWS)}`],
    ['panel=help', `panel: ${oneOf(PANELS)}`],
    ['fw=nsmo-all', `fw: ${oneOf(FRAMEWORKS)}`],
    ['layout=circle', `layout: ${oneOf(LAYOUT_IDS)}`],
    ['r=svg', `r: ${oneOf(RENDERER_CHOICES)}`],
    ['mrows=year', `mrows: ${oneOf(MATRIX_AXES)}`],
    ['mcols=year', `mcols: ${oneOf(MATRIX_AXES)}`],
    ['ls=3', `ls: ${oneOf(LABEL_SCALES)}`],
    ['status=delayed,finished', `status: unknown status finished; statuses are ${STATUSES.join(', ')}`],
    ['kinds=Action,Widget', `kinds: unknown kind Widget; kinds are ${NODE_KINDS.join(', ')}`],
    ['gap=Overdue_Actions', 'gap: must be a gap analysis id such as actions-without-outcome'],
    ['gap=-overdue', 'gap: must be a gap analysis id such as actions-without-outcome'],
    ['gap=overdue!', 'gap: must be a gap analysis id such as actions-without-outcome'],
    ['asof=2010-13-01', 'asof: must be a date written YYYY-MM-DD'],
    [`year=${'1'.repeat(41)}`, 'year: must be at most 40 characters'],
    [`nv=${'v'.repeat(81)}`, 'nv: must be at most 80 characters'],
    ['cell=org:mappa', 'cell: must be two node ids joined by ~ (row~column)'],
    ['cell=org:mappa~no:9~no:4', 'cell: must be two node ids joined by ~ (row~column)'],
    ['cell=~no:9', 'cell: must be two node ids joined by ~ (row~column)'],
    ['cell=org:mappa~', 'cell: must be two node ids joined by ~ (row~column)'],
    ['cell=Bad Id~no:9', 'cell: must be two node ids joined by ~ (row~column)'],
    ['cell=org:mappa~Bad Id', 'cell: must be two node ids joined by ~ (row~column)'],
  ])('%s is dropped with the problem "%s"', (query, problem) => {
    expect(decodeState(query).problems).toEqual([problem]);
  });

  it('reads statuses and kinds once each, trimmed, in the order given', () => {
    const { state, problems } = decodeState('status=delayed, ongoing ,delayed,&kinds=Plan,Action,Plan');
    expect(problems).toEqual([]);
    expect(state.filters.statuses).toEqual(['delayed', 'ongoing']);
    expect(state.filters.kinds).toEqual(['Plan', 'Action']);
  });

  it('reads the same with or without the leading question mark', () => {
    expect(decodeState('?view=table').state.view).toBe('table');
    expect(decodeState('view=table').state.view).toBe('table');
  });

  it('reopens a matrix cell as its two ids', () => {
    expect(decodeState('cell=org:mappa~no:9').state.cell).toEqual({ row: 'org:mappa', col: 'no:9' });
  });

  it('writes the mode only with a selection, and each default-valued part not at all', () => {
    expect(encodeState({ ...DEFAULT_STATE, mode: 'thread' })).toBe('');
    expect(encodeState({ ...DEFAULT_STATE, selected: 'no:9', mode: 'thread' })).toBe('sel=no:9&mode=thread');
    expect(encodeState({ ...DEFAULT_STATE, labelScale: 1.25, layout: 'force', renderer: 'canvas', panel: 'views' })).toBe('panel=views&layout=force&r=canvas&ls=1.25');
    expect(encodeState({ ...DEFAULT_STATE, matrix: { rows: 'plan', cols: 'nationalOutcome' } })).toBe('mrows=plan');
    expect(encodeState({ ...DEFAULT_STATE, matrix: { rows: 'organisation', cols: 'strategicAim' } })).toBe('mcols=strategicAim');
  });

  it('writes a different set of kinds of the same size', () => {
    const swapped = [...DEFAULT_KINDS.slice(1), NODE_KINDS.find((k) => !DEFAULT_KINDS.includes(k))!];
    expect(encodeState({ ...DEFAULT_STATE, filters: { ...DEFAULT_STATE.filters, kinds: swapped } })).toMatch(/^kinds=/);
  });
});
