import { describe, expect, it } from 'vitest';
import { indexGraph } from '../../client/graph/index.js';
import { cameraOf, sameCamera, showsCamera, viewportFor } from '../../client/map/camera.js';
import { dataColours, dueClass, DUE_COLOURS, STATUS_COLOURS, styleLegend } from '../../client/map/dataStyle.js';
import { chooseLabels, labelFontFor } from '../../client/map/levelOfDetail.js';
import { neighbourhood, threadStepCandidates } from '../../client/map/neighbourhood.js';
import { sheetSvg, shapePath, type Sheet } from '../../client/export/boardSvg.js';
import { chooseSearchResult, clearNeighbourhood, expandNeighbourhood, setAsOf, setLayout, setMatrixAxis, setStyleRule, showOnMap } from '../../client/state/actions.js';
import { DEFAULT_STATE, MAX_NEIGHBOURHOOD_STEPS, PANELS, VIEWS } from '../../client/state/types.js';
import { decodeState, encodeState } from '../../client/state/url.js';
import { SIDE_PANELS, MAIN_VIEWS } from '../../client/app/registry.js';
import { KIND_STYLES } from '../../client/graph/kinds.js';
import { sampleGraph } from './fixtures.js';

/** The shell's pure parts: camera maths, walks, level of detail, styling by data, the board sheet, the registry. */

describe('the camera in graph coordinates', () => {
  it('frames the same graph area on a phone as on the desk it was shared from', () => {
    const desk = { width: 1220, height: 900 };
    const camera = cameraOf({ zoom: 0.5, pan: { x: 100, y: 50 } }, desk);
    expect(camera).toEqual({ x: 1020, y: 800, w: 2440, h: 1800 });
    const phone = { width: 390, height: 700 };
    const v = viewportFor(camera, phone);
    // The whole width fits: 2440 graph units into 390 pixels, centred on the same point.
    expect(v.zoom).toBeCloseTo(390 / 2440, 6);
    expect(v.pan.x + camera.x * v.zoom).toBeCloseTo(phone.width / 2, 6);
    expect(v.pan.y + camera.y * v.zoom).toBeCloseTo(phone.height / 2, 6);
    // And back on the desk it is the very camera it was.
    expect(sameCamera(cameraOf(viewportFor(camera, desk), desk), camera)).toBe(true);
  });

  it('keeps the zoom within the map limits and tells two framings apart', () => {
    expect(viewportFor({ x: 0, y: 0, w: 1, h: 1 }, { width: 1000, height: 800 }, { min: 0.03, max: 6 }).zoom).toBe(6);
    expect(sameCamera({ x: 0, y: 0, w: 1000, h: 600 }, { x: 100, y: 0, w: 1000, h: 600 })).toBe(false);
  });

  it('tells whether a screen already frames a followed camera, so re-applying it cannot loop', () => {
    const phone = { width: 390, height: 700 };
    const followed = { x: 1020, y: 800, w: 2440, h: 1800 };
    const framed = viewportFor(followed, phone);
    // The phone shows the desk's camera in its own shape (taller than the desk's): that is showing it.
    expect(sameCamera(cameraOf(framed, phone), followed)).toBe(false);
    expect(showsCamera(framed, followed, phone)).toBe(true);
    // Panned by a tenth of the screen, or zoomed in a little: it no longer does.
    expect(showsCamera({ ...framed, pan: { x: framed.pan.x + 39, y: framed.pan.y } }, followed, phone)).toBe(false);
    expect(showsCamera({ ...framed, zoom: framed.zoom * 1.05 }, followed, phone)).toBe(false);
    // A camera smaller than the zoom limit allows is shown once the map is at that limit.
    const tiny = { x: 0, y: 0, w: 1, h: 1 };
    const limits = { min: 0.03, max: 6 };
    expect(showsCamera(viewportFor(tiny, phone, limits), tiny, phone, limits)).toBe(true);
  });

  it('round-trips through the URL, and an old pixel link is refused with a reason', () => {
    const state = { ...DEFAULT_STATE, camera: { x: -120.5, y: 48, w: 2400.2, h: 1350 } };
    expect(decodeState(encodeState(state)).state.camera).toEqual(state.camera);
    const old = decodeState('?z=0.7&x=10&y=20');
    expect(old.state.camera).toBeNull();
    expect(old.problems[0]).toMatch(/screen pixels/);
  });
});

describe('neighbourhoods', () => {
  const index = indexGraph(sampleGraph());

  it('reach N links out either way, and only along the types asked for', () => {
    const one = neighbourhood(index, 'lcja-2008:action:2.5.7', 1);
    expect([...one.nodes].sort()).toEqual(
      ['lcja-2008:action:2.5.7', 'lcja-2008:local-outcome:accommodation', 'lcja-2008:milestone:2.5.7-1', 'lcja-2008:progress:2.5.7-slc', 'org:mappa-steering-group', 'plan:lcja-2008'].sort(),
    );
    const two = neighbourhood(index, 'lcja-2008:action:2.5.7', 2, ['SERVES']);
    expect([...two.nodes].sort()).toEqual(['lcja-2008:action:2.5.7', 'lcja-2008:local-outcome:accommodation', 'nsmo:O2']);
    expect([...two.edges]).toEqual(['lcja-2008:action:2.5.7|SERVES|lcja-2008:local-outcome:accommodation', 'lcja-2008:local-outcome:accommodation|SERVES|nsmo:O2']);
  });

  it('grow with N and shrink with Shift+N, and go at zero', () => {
    const id = 'lcja-2008:action:2.5.7';
    let s = expandNeighbourhood({ ...DEFAULT_STATE, mode: 'thread', selected: id }, id);
    expect(s).toMatchObject({ selected: id, mode: 'explore', neighbourhood: { id, steps: 1, types: [] } });
    for (let i = 0; i < 10; i++) s = expandNeighbourhood(s, id, 1);
    expect(s.neighbourhood!.steps).toBe(MAX_NEIGHBOURHOOD_STEPS);
    s = expandNeighbourhood(s, id, 1, ['SERVES']);
    expect(s.neighbourhood!.types).toEqual(['SERVES']);
    expect(expandNeighbourhood(expandNeighbourhood(DEFAULT_STATE, id, 1), id, -1).neighbourhood).toBeNull();
    expect(expandNeighbourhood(s, 'no:9').neighbourhood).toEqual({ id: 'no:9', steps: 1, types: [] });
    expect(clearNeighbourhood(s).neighbourhood).toBeNull();
    expect(decodeState(encodeState(s)).state.neighbourhood).toEqual(s.neighbourhood);
  });
});

describe('walking a golden thread with the arrow keys', () => {
  const paths = [{ nodes: ['a', 'lo', 'o2'] }, { nodes: ['a', 'lo2', 'o8'] }];

  it('goes up and down along the paths, and across to any other node of the thread', () => {
    expect(threadStepCandidates(paths, 'a', 'a', 'up').sort()).toEqual(['lo', 'lo2']);
    expect(threadStepCandidates(paths, 'a', 'lo', 'down').sort()).toEqual(['a', 'o2']);
    expect(threadStepCandidates(paths, 'a', 'lo', 'right').sort()).toEqual(['a', 'lo2', 'o2', 'o8']);
  });

  it('comes back on at the origin from off the thread', () => {
    expect(threadStepCandidates(paths, 'a', 'elsewhere', 'up')).toEqual(['a']);
    expect(threadStepCandidates(paths, 'a', null, 'left')).toEqual(['a']);
  });
});

describe('labels by level of detail', () => {
  it('grow in model units so that they never fall under the minimum on screen', () => {
    expect(labelFontFor(18, 1, 12)).toBe(18);
    expect(labelFontFor(18, 0.25, 12) * 0.25).toBe(12);
  });

  it('keep the most important label where two collide, and never cover another node', () => {
    const labels = [
      { id: 'action', x1: 0, y1: 0, x2: 100, y2: 14, priority: 10 },
      { id: 'aim', x1: 50, y1: 5, x2: 150, y2: 19, priority: 30 },
      { id: 'far', x1: 400, y1: 0, x2: 450, y2: 14, priority: 1 },
      { id: 'onNode', x1: 200, y1: 0, x2: 260, y2: 14, priority: 50 },
    ];
    const nodes = [{ id: 'other', x1: 230, y1: 5, x2: 240, y2: 12 }];
    expect([...chooseLabels(labels, nodes)].sort()).toEqual(['aim', 'far']);
  });
});

describe('styling by data', () => {
  const index = indexGraph(sampleGraph());

  it('colours by progress status, leaving nodes without one in their kind colour', () => {
    const c = dataColours('status', { index }, '2026-12-01')!;
    expect(c.get('lcja-2008:action:2.1.3')).toBe(STATUS_COLOURS.delayed);
    expect(c.get('lcja-2008:action:2.5.7')).toBe(STATUS_COLOURS.ongoing);
    expect(c.has('no:9')).toBe(false);
    expect(dataColours('kind', { index }, '2026-12-01')).toBeNull();
  });

  it('calls a due date overdue when it has passed and the work is not finished', () => {
    expect(dueClass({ dueDate: '2008-08-31', status: 'ongoing' }, '2009-01-01')).toBe('overdue');
    expect(dueClass({ dueDate: '2008-08-31', status: 'complete' }, '2009-01-01')).toBe('later');
    expect(dueClass({ dueDate: '2009-06-30', status: null }, '2009-01-01')).toBe('soon');
    expect(dueClass({ dueDate: '2011-06-30', status: null }, '2009-01-01')).toBe('later');
    expect(dueClass({ dueDate: null, status: null }, '2009-01-01')).toBeNull();
    const c = dataColours('due', { index }, '2009-01-01')!;
    expect(c.get('lcja-2008:action:2.5.7')).toBe(DUE_COLOURS.overdue);
    expect(c.get('lcja-2008:action:2.1.3')).toBe(DUE_COLOURS.none);
  });

  it('gives each plan and each kind of organisation its own colour, with a legend that names them', () => {
    const byPlan = dataColours('plan', { index }, '2026-12-01')!;
    expect(byPlan.get('lcja-2008:action:2.5.7')).not.toBe(byPlan.get('lbcja-2011:action:4.2.2-a'));
    const legend = styleLegend('organisationType', { index })!;
    expect(legend.entries.map((e) => e.label)).toEqual(['community justice authority', 'partnership or group', 'statutory partner', 'third sector']);
    expect(new Set(legend.entries.map((e) => e.colour)).size).toBe(4);
    expect(styleLegend('plan', { index })!.entries.map((e) => e.label)).toContain('Lothian & Borders CJA Area Plan 2011-2014');
  });

  it('is kept by the URL and by the named view', () => {
    const s = setStyleRule(DEFAULT_STATE, 'due');
    expect(decodeState(encodeState(s)).state.styleBy).toBe('due');
    expect(setStyleRule(s, 'due')).toBe(s);
  });
});

describe('the board sheet', () => {
  const sheet: Sheet = {
    title: 'The golden thread of Action 2.5.7',
    caption: 'Filtered by plan: Draft Implementation Plan 2008-09 & <Q2>.',
    sources: ['Draft Implementation Plan 2008-09, Quarter 2 update'],
    date: '1 December 2026',
    page: 'a4',
    nodes: [
      { id: 'a', kind: 'Action', x: 0, y: 400, label: '2.5.7', fill: KIND_STYLES.Action.colour, border: '#8a5f00', tone: 'origin', priority: 100 },
      { id: 'p', kind: 'Priority', x: 200, y: 200, label: 'Integrated Planning', fill: KIND_STYLES.Priority.colour, border: '#7a7200', tone: 'path', priority: 50 },
      { id: 'n', kind: 'NationalOutcome', x: 100, y: 0, label: 'NO 9', fill: KIND_STYLES.NationalOutcome.colour, border: '#00466e', tone: 'path', priority: 50 },
    ],
    edges: [
      { source: 'a', target: 'p', type: 'SERVES', tone: 'path' },
      { source: 'p', target: 'n', type: 'SERVES', tone: 'path' },
    ],
    bands: [
      { name: 'National Outcomes', y1: 0, y2: 0 },
      { name: 'Actions', y1: 400, y2: 400 },
    ],
  };

  it('carries the title, caption, date, bands, legend and sources, escaped, at the A4 size', () => {
    const svg = sheetSvg(sheet);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1123" height="794"/);
    for (const text of [
      'The golden thread of Action 2.5.7',
      '&amp; &lt;Q2&gt;',
      '1 December 2026',
      '>NATIONAL OUTCOMES<',
      '>ACTIONS<',
      '>Key<',
      '>Priorities<',
      '>Actions<',
      'the golden thread',
      'Draft Implementation Plan 2008-09, Quarter 2 update',
      '>2.5.7<',
      '>NO 9<',
    ]) {
      expect(svg).toContain(text);
    }
    expect(svg).not.toContain('<Q2>');
  });

  it('draws every shape as a closed path, the Priority tag included', () => {
    for (const kind of Object.keys(KIND_STYLES) as (keyof typeof KIND_STYLES)[]) {
      const d = shapePath(KIND_STYLES[kind].shape, 50, 50, 20, 20);
      expect(d, kind).toMatch(/^M [\d.-]+ [\d.-]+ .* Z$/);
      expect(d, kind).not.toContain('NaN');
    }
    const svg = sheetSvg(sheet);
    expect(svg.match(/<path d="/g)!.length).toBeGreaterThanOrEqual(3 + 3);
  });
});

describe('state changes that used to be written inside panels', () => {
  it('layout, matrix axes, the as-of date, showing a row on the map, choosing a search result', () => {
    const s = { ...DEFAULT_STATE, camera: { x: 1, y: 2, w: 3, h: 4 }, namedView: 'Board' };
    expect(setLayout(s, 'force')).toMatchObject({ layout: 'force', camera: null, namedView: null });
    expect(setLayout(s, 'layered')).toBe(s);
    expect(setMatrixAxis({ ...s, cell: { row: 'a', col: 'b' } }, 'cols', 'strategicAim')).toMatchObject({ matrix: { rows: 'organisation', cols: 'strategicAim' }, cell: null });
    expect(setAsOf(s, '2026-12-01', '2026-12-01').asOf).toBeNull();
    expect(setAsOf(s, '2010-03-31', '2026-12-01').asOf).toBe('2010-03-31');
    expect(showOnMap({ ...s, view: 'table', mode: 'thread' }, 'no:9')).toMatchObject({ selected: 'no:9', view: 'map', mode: 'explore' });
    expect(chooseSearchResult({ ...s, view: 'matrix' }, 'no:9')).toMatchObject({ selected: 'no:9', view: 'map' });
    expect(chooseSearchResult({ ...s, view: 'table' }, 'no:9').view).toBe('table');
  });
});

describe('the panel registry', () => {
  it('is where the views and side panels come from, each with a loader, and the URL accepts exactly those', () => {
    expect(PANELS).toEqual(SIDE_PANELS.map((p) => p.id));
    expect(VIEWS).toEqual(MAIN_VIEWS.map((v) => v.id));
    for (const p of SIDE_PANELS) expect(typeof p.load).toBe('function');
    expect(decodeState('?panel=gaps').state.panel).toBe('gaps');
    expect(decodeState('?panel=seminar').state.panel).toBe('seminar');
    expect(decodeState('?panel=workshop').problems[0]).toMatch(/^panel: must be one of details, gaps, views, progress, changes, seminar, import, compare, console/);
  });
});
