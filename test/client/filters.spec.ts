import { describe, expect, it } from 'vitest';
import { createFilterer, frameworksOfNode, normaliseYearBand, sortYearBands, statusOf } from '../../client/filters/index.js';
import { indexGraph } from '../../client/graph/index.js';
import { NODE_KINDS } from '../../model/nodes.js';
import { DEFAULT_FILTERS, type Filters } from '../../client/state/types.js';
import { B, L, sampleGraph } from './fixtures.js';

const index = indexGraph(sampleGraph());
const filterer = createFilterer(index);
const all: Filters = { ...DEFAULT_FILTERS, kinds: [...NODE_KINDS] };
const apply = (f: Partial<Filters>) => filterer.apply({ ...all, ...f });

describe('filters', () => {
  it('shows everything when nothing is filtered', () => {
    const r = apply({});
    expect(r.visible.size).toBe(index.nodes.size);
    expect(r.matchedActions).toBe(4);
    expect(r.counts.Action).toEqual({ visible: 4, total: 4 });
  });

  it('draws only the ticked kinds, counting the rest as hidden', () => {
    const r = apply({ kinds: ['Action', 'NationalOutcome'] });
    expect([...r.visible].every((id) => ['Action', 'NationalOutcome'].includes(index.nodes.get(id)!.kind))).toBe(true);
    expect(r.counts.Organisation).toEqual({ visible: 0, total: 4 });
    expect(r.matchedActions).toBe(4);
  });

  describe('by plan', () => {
    const r = apply({ plan: L });
    it('keeps the plan and what it holds', () => {
      for (const id of [L, 'lcja-2008:action:2.5.7', 'lcja-2008:action:2.1.3', 'lcja-2008:local-outcome:accommodation', 'lcja-2008:milestone:2.5.7-1']) expect(r.visible.has(id)).toBe(true);
    });
    it('leaves out the other plans', () => {
      for (const id of [B, 'lbcja-2011:action:4.2.2-a', 'lbcja-2011:priority:4.2.1']) expect(r.visible.has(id)).toBe(false);
    });
    it('keeps every national framework node, so the ends nothing reaches show as gaps', () => {
      for (const id of ['no:9', 'no:4', 'nsmo:O2', 'nsmo:C1', 'aim:1']) expect(r.visible.has(id)).toBe(true);
    });
    it('keeps only the organisations linked to what is shown', () => {
      expect(r.visible.has('org:mappa-steering-group')).toBe(true);
      expect(r.visible.has('org:scottish-prison-service')).toBe(true);
      expect(r.visible.has('org:sacro')).toBe(false);
    });
  });

  it('by status: an action with no progress report counts as unknown', () => {
    expect(statusOf(index.nodes.get('lbcja-2011:action:4.2.2-a')!)).toBe('unknown');
    const r = apply({ statuses: ['delayed'] });
    expect(r.matchedActions).toBe(1);
    expect(r.visible.has('lcja-2008:action:2.1.3')).toBe(true);
    expect(r.visible.has('nsmo:C1')).toBe(true);
    expect(r.visible.has('lcja-2008:action:2.5.7')).toBe(false);
    expect(r.visible.has('lcja-2008:local-outcome:accommodation')).toBe(false);
  });

  it('by year band: "1 - 3", "1 – 3" and "1-3" are one band', () => {
    expect(normaliseYearBand('1 – 3')).toBe('1-3');
    expect(normaliseYearBand('  ')).toBeNull();
    const r = apply({ yearBand: '1-3' });
    expect(r.matchedActions).toBe(2);
    expect(sortYearBands(['2014', '1-3', '2', '1', '1-2'])).toEqual(['1', '1-2', '1-3', '2', '2014']);
  });

  it('by organisation: the actions it leads or partners, what they serve, and the organisation itself', () => {
    const r = apply({ organisation: 'org:scottish-prison-service' });
    expect(r.matchedActions).toBe(2);
    expect(r.visible.has('lcja-2008:action:2.1.3')).toBe(true);
    expect(r.visible.has('lbcja-2011:action:4.2.2-a')).toBe(true);
    expect(r.visible.has('org:scottish-prison-service')).toBe(true);
    expect(r.visible.has('org:sacro')).toBe(false);
  });

  it('by framework: actions whose thread reaches it, directly or through local outcomes', () => {
    expect(frameworksOfNode(index.nodes.get('nsmo:O2')!)).toEqual(['nsmo', 'nsmo-offenders']);
    const r = apply({ framework: 'nsmo-offenders' });
    expect(r.matchedActions).toBe(1);
    expect(r.visible.has('lcja-2008:action:2.5.7')).toBe(true);
    expect(r.visible.has('nsmo:O2')).toBe(true);
    // Framework nodes of other frameworks step aside.
    expect(r.visible.has('no:9')).toBe(false);
    expect(r.visible.has('nsmo:C1')).toBe(false);
  });

  it('counts each option as if it were chosen with the other filters unchanged', () => {
    const f = filterer.facets({ ...all, plan: L });
    expect(f.statuses.delayed).toBe(1);
    expect(f.statuses.ongoing).toBe(1);
    expect(f.statuses.unknown).toBe(0);
    // The plan facet ignores the plan filter itself.
    expect(f.plans[B]).toBe(2);
    expect(f.organisations['org:scottish-prison-service']).toBe(1);
    expect(f.frameworks['nsmo-communities']).toBe(1);
    expect(f.yearBands['1']).toBe(1);
  });
});
