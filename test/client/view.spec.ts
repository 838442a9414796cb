import { describe, expect, it } from 'vitest';
import type { GapResponse, ThreadResponse } from '../../model/api.js';
import { NODE_KINDS } from '../../model/nodes.js';
import { createFilterer } from '../../client/filters/index.js';
import { indexGraph } from '../../client/graph/index.js';
import { classesFor, deriveMapView, plansAmong } from '../../client/map/view.js';
import { shortLabelWithPlan } from '../../client/graph/labels.js';
import { DEFAULT_FILTERS, DEFAULT_STATE, type AppState } from '../../client/state/types.js';
import { L, sampleGraph } from './fixtures.js';

const index = indexGraph(sampleGraph());
const filterer = createFilterer(index);
const state = (s: Partial<AppState>): AppState => ({ ...DEFAULT_STATE, filters: { ...DEFAULT_FILTERS, kinds: [...NODE_KINDS] }, ...s });
const visibleFor = (s: AppState) => filterer.apply(s.filters).visible;

const thread: ThreadResponse = {
  origin: { id: 'lcja-2008:action:2.5.7', kind: 'Action', label: 'Ensure the effective implementation of NASSO.', ref: '2.5.7', plan: L },
  direction: 'up',
  paths: [
    {
      nodes: ['lcja-2008:action:2.5.7', 'lcja-2008:local-outcome:accommodation', 'nsmo:O2'],
      edges: ['lcja-2008:action:2.5.7|SERVES|lcja-2008:local-outcome:accommodation', 'lcja-2008:local-outcome:accommodation|SERVES|nsmo:O2'],
      lead: null,
    },
  ],
  elements: { nodes: [], edges: [] },
  description: 'Action 2.5.7 serves local outcome “To improve ability to access and sustain suitable accommodation”, which serves framework outcome O2.',
};

describe('the derived map view', () => {
  it('with nothing going on, draws the filtered nodes and dims nothing', () => {
    const s = state({});
    const v = deriveMapView(index, visibleFor(s), s, {});
    expect(v.visible.size).toBe(index.nodes.size);
    expect(v.dimOthers).toBe(false);
    expect(v.caption).toBeNull();
  });

  describe('in golden thread mode', () => {
    const s = state({ selected: 'lcja-2008:action:2.5.7', mode: 'thread' });
    const v = deriveMapView(index, visibleFor(s), s, { thread });
    it('lights up the thread and dims the rest', () => {
      expect(v.emphasis.get('lcja-2008:action:2.5.7')).toBe('origin');
      expect(v.emphasis.get('nsmo:O2')).toBe('path');
      expect(v.emphasis.get('lcja-2008:local-outcome:accommodation|SERVES|nsmo:O2')).toBe('path');
      expect(v.dimOthers).toBe(true);
      expect(v.caption).toBe(thread.description);
    });
    it('gives each element its classes', () => {
      expect(classesFor(v, 'lcja-2008:action:2.5.7')).toBe('em-origin sel');
      expect(classesFor(v, 'no:9')).toBe('dim');
      expect(classesFor(v, 'lcja-2008:local-outcome:accommodation|SERVES|nsmo:O2', { source: 'lcja-2008:local-outcome:accommodation', target: 'nsmo:O2' })).toBe('em-path');
    });
    it('ignores a thread that belongs to another selection (a late answer)', () => {
      const other = state({ selected: 'lcja-2008:action:2.1.3', mode: 'thread' });
      expect(deriveMapView(index, visibleFor(other), other, { thread }).dimOthers).toBe(false);
    });
    it('draws thread nodes even when their kind is hidden', () => {
      const hidden = state({ selected: 'lcja-2008:action:2.5.7', mode: 'thread', filters: { ...DEFAULT_FILTERS, kinds: ['Action'] } });
      const hv = deriveMapView(index, visibleFor(hidden), hidden, { thread });
      expect(hv.visible.has('nsmo:O2')).toBe(true);
    });
  });

  it('with a gap analysis, highlights its nodes and says what it found', () => {
    const gap: GapResponse = {
      id: 'unserved-outcomes',
      title: 'Outcomes nobody serves',
      input: { plan: null, asOf: '2026-11-23', threshold: 0.35, basis: 'all' },
      summary: '1 outcome',
      columns: [],
      rows: [],
      highlight: ['no:4', 'not-in-graph:1'],
    };
    const s = state({ gap: 'unserved-outcomes' });
    const v = deriveMapView(index, visibleFor(s), s, { gap });
    expect(v.emphasis.get('no:4')).toBe('hit');
    expect(v.emphasis.has('not-in-graph:1')).toBe(false);
    expect(v.caption).toBe('Outcomes nobody serves: 1 outcome');
  });

  it('with a matrix cell, shows only its actions, what they serve, and the cell ends', () => {
    const s = state({ cell: { row: 'org:lothian-and-borders-cja', col: 'no:9' } });
    const v = deriveMapView(index, visibleFor(s), s, {
      cell: { actions: ['lbcja-2011:action:4.2.2-a'], row: 'org:lothian-and-borders-cja', col: 'no:9', caption: '1 action' },
    });
    expect([...v.visible].sort()).toEqual(['lbcja-2011:action:4.2.2-a', 'no:9', 'org:lothian-and-borders-cja']);
    expect(v.emphasis.get('org:lothian-and-borders-cja|LEADS|lbcja-2011:action:4.2.2-a')).toBe('hit');
    expect(v.emphasis.get('lbcja-2011:action:4.2.2-a|SERVES|no:9')).toBe('hit');
    expect(v.dimOthers).toBe(false);
  });

  it('always draws the selected node, and hides an edge when either end is hidden', () => {
    const s = state({ selected: 'lbcja-2011:action:4.2.2-a', filters: { ...DEFAULT_FILTERS, kinds: [...NODE_KINDS], plan: L } });
    const v = deriveMapView(index, visibleFor(s), s, {});
    expect(v.visible.has('lbcja-2011:action:4.2.2-a')).toBe(true);
    expect(classesFor(v, 'x', { source: 'lbcja-2011:action:4.2.2-a', target: 'org:sacro' })).toBe('hidden');
  });
});

describe('a national outcome’s thread', () => {
  it('lights up the organisations that lead the actions beneath it, named by the API', () => {
    const down: ThreadResponse = {
      origin: { id: 'no:9', kind: 'NationalOutcome', label: 'We live our lives safe from crime, disorder and danger.', ref: 'NO9', plan: null },
      direction: 'down',
      paths: [{ nodes: ['lbcja-2011:action:4.2.2-a', 'no:9'], edges: ['lbcja-2011:action:4.2.2-a|SERVES|no:9'], lead: 'Lothian & Borders Community Justice Authority' }],
      elements: { nodes: [], edges: [] },
      description: 'Action 4.2.2 serves National Outcome 9.',
    };
    const s = state({ selected: 'no:9', mode: 'thread' });
    const v = deriveMapView(index, visibleFor(s), s, { thread: down });
    expect(v.emphasis.get('org:lothian-and-borders-cja')).toBe('path');
    expect(v.emphasis.get('org:lothian-and-borders-cja|LEADS|lbcja-2011:action:4.2.2-a')).toBe('path');
    expect(v.emphasis.get('no:9')).toBe('origin');
  });
});

describe('references with their plan on the map', () => {
  it('asks for the plan before each reference only while more than one plan is drawn', () => {
    // The sample holds Lanarkshire 2008-09 (L) and Lothian & Borders 2011-14 (B) actions.
    expect(deriveMapView(index, visibleFor(state({})), state({}), {}).planRefs).toBe(true);
    const onlyL = state({ filters: { ...DEFAULT_FILTERS, kinds: [...NODE_KINDS], plan: L } });
    expect(deriveMapView(index, visibleFor(onlyL), onlyL, {}).planRefs).toBe(false);
  });

  it('counts the plans of the given nodes, nodes of no plan aside', () => {
    expect(plansAmong(index, ['nsmo:O2'])).toBe(0);
    expect(plansAmong(index, ['nsmo:O2', 'lcja-2008:action:2.5.7', 'lcja-2008:action:2.1.3'])).toBe(1);
    expect(plansAmong(index, ['lcja-2008:action:2.5.7', 'lbcja-2011:action:4.2.2-a'])).toBe(2);
  });

  it('writes the short name before the reference, as the issue spells it, and leaves plans and organisations alone', () => {
    expect(shortLabelWithPlan('Action', 'Ensure the effective implementation of NASSO.', '2.2.1', 'LCJA 2008')).toBe('LCJA 2008 · 2.2.1');
    expect(shortLabelWithPlan('Action', 'An action without a printed reference', null, 'LCJA 2008')).toBeNull();
    expect(shortLabelWithPlan('Action', 'Ensure the effective implementation of NASSO.', '2.2.1', null)).toBeNull();
    expect(shortLabelWithPlan('Organisation', 'Scottish Prison Service', 'SPS', 'LCJA 2008')).toBeNull();
  });
});
