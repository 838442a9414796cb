import { describe, expect, it } from 'vitest';
import { mergeElements, toMapElements } from '../../client/graph/elements.js';
import { indexGraph, leadsOf, neighbourIds, servedClosure, servingClosure } from '../../client/graph/index.js';
import { longLabel, nameOf, shortLabel, spokenRef, truncate } from '../../client/graph/labels.js';
import { edge, node, sampleGraph } from './fixtures.js';

describe('element building', () => {
  it.each([
    ['NationalOutcome', 'We live our lives safe from crime.', 'NO9', 'NO 9'],
    ['StrategicAim', 'Improve Joint Working Practices', 'Aim 1', 'Aim 1'],
    ['FrameworkOutcome', 'The ability to access accommodation', 'O2', 'O2'],
    ['Action', 'Ensure the effective implementation of NASSO.', '2.5.7', '2.5.7'],
  ] as const)('labels a %s by its reference as people say it', (kind, label, ref, expected) => {
    expect(shortLabel(kind, label, ref)).toBe(expected);
  });

  it('falls back to the words where there is no reference, cut at a word', () => {
    expect(shortLabel('Action', 'Develop pathways from custody to meet integration need in the community', null)).toBe('Develop pathways from…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('gives long labels with the reference first', () => {
    expect(longLabel('NationalOutcome', 'We live our lives safe from crime.', 'NO9')).toBe('NO 9 · We live our lives safe from crime.');
    expect(longLabel('Organisation', 'Scottish Prison Service', null)).toBe('Scottish Prison Service');
  });

  it('names nodes for sentences', () => {
    expect(nameOf('National Outcome', 'NationalOutcome', 'x', 'NO9')).toBe('National Outcome 9');
    expect(nameOf('Framework outcome', 'FrameworkOutcome', 'x', 'O2')).toBe('outcome O2');
    expect(spokenRef('Action', '')).toBeNull();
  });

  it('adds display text and the band, and copies the data rather than sharing it', () => {
    const g = sampleGraph();
    const m = toMapElements(g);
    const a = m.nodes.find((n) => n.data.id === 'lcja-2008:action:2.5.7')!;
    expect(a.data.short).toBe('2.5.7');
    expect(a.data.layer).toBe(1);
    a.data.label = 'changed';
    expect(g.nodes.find((n) => n.data.id === 'lcja-2008:action:2.5.7')!.data.label).not.toBe('changed');
  });

  it('drops an edge whose end is missing rather than letting Cytoscape throw', () => {
    const g = { nodes: [node({ id: 'a:1', kind: 'Action', label: 'A' })], edges: [edge('a:1', 'SERVES', 'no:99')] };
    expect(toMapElements(g).edges).toEqual([]);
  });

  it('merges a thread into the graph without duplicates', () => {
    const g = sampleGraph();
    const merged = mergeElements(g, { nodes: [g.nodes[0]!, node({ id: 'no:1', kind: 'NationalOutcome', label: 'x', ref: 'NO1' })], edges: [g.edges[0]!] });
    expect(merged.nodes.length).toBe(g.nodes.length + 1);
    expect(merged.edges.length).toBe(g.edges.length);
  });
});

describe('the graph index', () => {
  const index = indexGraph(sampleGraph());
  it('follows SERVES up and down through the layers', () => {
    expect([...servedClosure(index, 'lcja-2008:action:2.5.7')].sort()).toEqual(['lcja-2008:local-outcome:accommodation', 'nsmo:O2']);
    expect([...servingClosure(index, 'aim:1')].sort()).toEqual(['lbcja-2011:action:1.1.1-c', 'lbcja-2011:priority:4.2.1']);
  });
  it('finds leads and neighbours', () => {
    expect(leadsOf(index, 'lcja-2008:action:2.5.7')).toEqual(['org:mappa-steering-group']);
    expect(neighbourIds(index, 'lbcja-2011:action:4.2.2-a').sort()).toEqual(['no:9', 'org:lothian-and-borders-cja', 'org:scottish-prison-service', 'plan:lbcja-2011']);
  });
});
