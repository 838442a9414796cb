import { describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../model/api.js';
import { contrastRatio } from '../../client/a11y/contrast.js';
import { formatProp, groupTitle, orderedGroups, propTitle, sortProgress } from '../../client/detail/utils.js';
import { formatCell, rowNodeId, takesDate, todayIso } from '../../client/gaps/utils.js';
import { inEdges, indexGraph, outEdges } from '../../client/graph/index.js';
import { KIND_STYLES } from '../../client/graph/kinds.js';
import { RELATIONSHIP_STYLES } from '../../client/graph/relationships.js';
import { THREAD_COLOUR } from '../../client/map/style.js';
import { heat, totals } from '../../client/matrix/utils.js';
import { localSearch, markMatches } from '../../client/search/utils.js';
import { describeNode, groupThreadByLead, nodeName, threadHeadline } from '../../client/thread/utils.js';
import { B, edge, sampleGraph } from './fixtures.js';

const index = indexGraph(sampleGraph());

describe('the golden thread in words and groups', () => {
  const down: ThreadResponse = {
    origin: { id: 'no:9', kind: 'NationalOutcome', label: 'We live our lives safe from crime.', ref: 'NO9', plan: null },
    direction: 'down',
    paths: [
      { nodes: ['lbcja-2011:action:4.2.2-a', 'no:9'], edges: [], lead: 'Lothian & Borders Community Justice Authority' },
      { nodes: ['lbcja-2011:action:1.1.1-c', 'no:9'], edges: [], lead: null },
      { nodes: ['lcja-2008:action:2.1.3', 'no:9'], edges: [], lead: 'org:scottish-prison-service' },
    ],
    elements: { nodes: [], edges: [] },
    description: '',
  };

  it('groups the actions beneath a national outcome by lead, named by organisation name or id, unled last', () => {
    const groups = groupThreadByLead(down, index);
    expect(groups.map((g) => [g.lead, g.leadId, g.actions.map((a) => a.ref)])).toEqual([
      ['Lothian & Borders Community Justice Authority', 'org:lothian-and-borders-cja', ['4.2.2']],
      ['Scottish Prison Service', 'org:scottish-prison-service', ['2.1.3']],
      [null, null, ['1.1.1']],
    ]);
  });

  it('sums a thread up in one sentence', () => {
    expect(threadHeadline(down)).toBe('Golden thread of National Outcome 9: 3 actions beneath it.');
    expect(threadHeadline({ ...down, direction: 'up', origin: { ...down.origin, kind: 'Action', ref: '2.5.7' }, paths: [] })).toBe(
      'Action 2.5.7 has no golden thread: nothing links it up to a national outcome, aim or framework outcome.',
    );
  });

  it('tells a screen reader where the keyboard has landed', () => {
    expect(nodeName(index.nodes.get('nsmo:O2')!)).toBe('Outcome O2');
    expect(describeNode(index, 'lcja-2008:action:2.5.7')).toMatch(/^Action 2\.5\.7: Ensure the effective implementation of NASSO\.\. Status ongoing\. 5 linked nodes on the map\./);
  });
});

describe('search over the loaded graph', () => {
  it('finds a printed reference first, then words', () => {
    expect(localSearch(index, '2.5.7')[0]!.id).toBe('lcja-2008:action:2.5.7');
    expect(localSearch(index, 'no 9')[0]!.id).toBe('no:9');
    expect(localSearch(index, 'prison service').map((r) => r.id)).toEqual(['org:scottish-prison-service']);
    expect(localSearch(index, '   ')).toEqual([]);
  });
  it('marks the matched words', () => {
    expect(markMatches('Scottish Prison Service', 'prison')).toEqual([
      { text: 'Scottish ', match: false },
      { text: 'Prison', match: true },
      { text: ' Service', match: false },
    ]);
  });
});

describe('gap rows and matrix cells', () => {
  it('find the node a row is about', () => {
    expect(rowNodeId({ id: 'no:4', ref: 'NO4' })).toBe('no:4');
    expect(rowNodeId({ outcome: 'no:9', count: 1 }, (id) => index.nodes.has(id))).toBe('no:9');
    expect(rowNodeId({ count: 1 })).toBeNull();
  });
  it('print cells', () => {
    expect([formatCell(null), formatCell([]), formatCell(['a', 'b']), formatCell(true), formatCell(3)]).toEqual(['—', '—', 'a; b', 'yes', '3']);
    expect(takesDate([{ name: 'asOf', type: 'date' }])).toBe(true);
    expect(todayIso(new Date(2026, 10, 3))).toBe('2026-11-03');
  });
  it('shade counts darker as they grow, and leave empty cells unshaded', () => {
    expect(heat(0, 5)).toBeNull();
    expect(heat(1, 5)!.level).toBeLessThan(heat(5, 5)!.level);
    for (let c = 1; c <= 9; c++) {
      const h = heat(c, 9)!;
      expect(contrastRatio(h.text, h.background)).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('total rows and columns and count the empty cells', () => {
    const t = totals({
      count: 'leads',
      columns: [],
      rows: [
        { id: 'r1', kind: 'Organisation', label: 'r1', ref: null, plan: null },
        { id: 'r2', kind: 'Organisation', label: 'r2', ref: null, plan: null },
      ],
      cols: [{ id: 'c1', kind: 'NationalOutcome', label: 'c1', ref: null, plan: null }],
      cells: [{ row: 'r1', col: 'c1', count: 3, actions: [] }],
    });
    expect([t.rows.get('r1'), t.cols.get('c1'), t.max, t.empty]).toEqual([3, 3, 3, 1]);
  });
});

describe('the detail panel’s wording', () => {
  it('titles relationship groups as a planner asks', () => {
    expect(groupTitle('LEADS in')).toBe('Led by');
    expect(groupTitle('SOMETHING_NEW out')).toBe('something new out');
    const order = orderedGroups({ 'SERVES out': [{} as never], 'LEADS in': [{} as never], 'CONTAINS in': [{} as never], 'MEASURES in': [] });
    expect(order.map(([k]) => k)).toEqual(['LEADS in', 'SERVES out', 'CONTAINS in']);
  });
  it('formats properties', () => {
    expect(propTitle('dueDate')).toBe('Due date');
    expect(propTitle('frequencySource')).toBe('Frequency and source');
    expect(propTitle('someNewThing')).toBe('Some new thing');
    expect(formatProp('dueDate', '2008-08-31')).toBe('31 August 2008 (2008-08-31)');
    expect(formatProp('amountGbp', 164000)).toBe('£164,000');
    expect(formatProp('leadVague', false)).toBe('no');
    expect(formatProp('aims', ['a', 'b'])).toEqual(['a', 'b']);
  });
  it('lists progress newest first', () => {
    const p = sortProgress([{ props: { period: '2008-09 Q1' } }, { props: { period: '2008-09 Q2', asOf: '2008-09-30' } }]);
    expect(p[0]!.props.period).toBe('2008-09 Q2');
  });
});

describe('the palette (WCAG)', () => {
  it.each(Object.entries(KIND_STYLES))('%s: its outline stands out from the white map at 3:1', (_kind, k) => {
    expect(contrastRatio(k.border, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it.each(Object.entries(KIND_STYLES).filter(([, k]) => k.inside))('%s: the label inside reads at AA on its fill', (_kind, k) => {
    expect(contrastRatio(k.inside!, k.colour)).toBeGreaterThanOrEqual(4.5);
  });
  it('the golden thread and the thread lines stand out at 3:1', () => {
    expect(contrastRatio(THREAD_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(RELATIONSHIP_STYLES.SERVES.colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});

describe('the graph index', () => {
  it('files every edge under both its ends, keeping each plan to what it contains', () => {
    expect(
      outEdges(index, B, 'CONTAINS')
        .map((e) => e.target)
        .sort(),
    ).toEqual(['lbcja-2011:action:1.1.1-c', 'lbcja-2011:action:4.2.2-a', 'lbcja-2011:priority:4.2.1']);
    expect(inEdges(index, 'no:9').map((e) => e.source)).toEqual(['lbcja-2011:action:4.2.2-a']);
    expect(outEdges(index, 'lcja-2008:action:2.5.7', 'SERVES').map((e) => e.target)).toEqual(['lcja-2008:local-outcome:accommodation']);
  });

  it('drops an edge whose end is not loaded, so nothing points at a node the map lacks', () => {
    const graph = sampleGraph();
    const loadedEdges = graph.edges.length;
    graph.edges.push(edge(B, 'CONTAINS', 'lbcja-2011:action:not-loaded'), edge('org:not-loaded', 'LEADS', 'lcja-2008:action:2.5.7'));
    const partial = indexGraph(graph);
    expect(partial.edges.size).toBe(loadedEdges);
    expect(outEdges(partial, B).map((e) => e.target)).not.toContain('lbcja-2011:action:not-loaded');
    expect(inEdges(partial, 'lcja-2008:action:2.5.7', 'LEADS').map((e) => e.source)).toEqual(['org:mappa-steering-group']);
    expect(partial.out.has('org:not-loaded')).toBe(false);
  });
});
