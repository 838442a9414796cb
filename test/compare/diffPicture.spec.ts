import { describe, expect, it } from 'vitest';
import type { GraphElements, NodeElementData } from '../../model/api.js';
import { diffLayout } from '../../client/compare/diffLayout.js';
import { planPicture, snapshotPicture } from '../../client/compare/diffPicture.js';
import type { PlanComparison, SnapshotComparison } from '../../client/compare/compareApi.js';
import { indexGraph } from '../../client/graph/index.js';

/**
 * The diff view's picture, on a small graph whose answer is known by construction:
 * two plans of three and two actions, and a snapshot diff whose removed milestone is
 * in no graph now.
 */

const node = (id: string, kind: NodeElementData['kind'], label: string, ref: string | null, plan: string | null, planShort: string | null): { data: NodeElementData } => ({
  data: { id, kind, label, ref, plan, planShort, status: null, yearBand: null, dueDate: null, leadVague: null, orgType: null },
});
const graph: GraphElements = {
  nodes: [
    node('plan:a', 'Plan', 'Plan A', null, 'plan:a', 'LCJA 2008'),
    node('plan:b', 'Plan', 'Plan B', null, 'plan:b', 'LCJA 2010'),
    node('a:1', 'Action', 'Integrate NASSO within MAPPA', '2.5.7', 'plan:a', 'LCJA 2008'),
    node('a:2', 'Action', 'Audit substance misuse services', '2.5.1', 'plan:a', 'LCJA 2008'),
    node('a:3', 'Action', 'Publish a leaflet', '4.4', 'plan:a', 'LCJA 2008'),
    node('b:1', 'Action', 'MAPPAs', '1', 'plan:b', 'LCJA 2010'),
    node('b:2', 'Action', 'Open a women’s centre', '5', 'plan:b', 'LCJA 2010'),
    node('no:9', 'NationalOutcome', 'We live our lives safe from crime', 'NO9', null, null),
    node('org:sps', 'Organisation', 'Scottish Prison Service', null, null, null),
  ],
  edges: [
    { data: { id: 'e1', source: 'org:sps', target: 'a:1', type: 'LEADS', role: null, linkBasis: null } },
    { data: { id: 'e2', source: 'b:1', target: 'no:9', type: 'SERVES', role: null, linkBasis: null } },
  ],
};
const index = indexGraph(graph);

describe('the picture of two plans', () => {
  const cmp: PlanComparison = {
    a: 'plan:a',
    b: 'plan:b',
    continued: [{ from: 'a:1', to: 'b:1', fromTitle: '', toTitle: '', score: 0.31, basis: 'text', leadChanged: true, leadsBefore: ['org:sps'], leadsAfter: [] }],
    dropped: [
      { id: 'a:2', ref: '2.5.1', title: '', bestScore: 0.05 },
      { id: 'a:3', ref: '4.4', title: '', bestScore: 0 },
    ],
    added: [{ id: 'b:2', ref: '5', title: '', bestScore: 0.02 }],
    coverage: [{ outcome: 'no:9', number: 9, before: 0, after: 1, change: 'gained' }],
  };
  const picture = planPicture(cmp, index);
  const mark = (id: string) => picture.nodes.find((n) => n.data.id === id);

  it('marks each action by what became of it, with a badge and its plan short name in the label', () => {
    expect(mark('a:1')?.mark).toBe('continued');
    expect(mark('b:1')?.mark).toBe('changed');
    expect(mark('a:2')?.data.short).toBe('− LCJA 2008 · 2.5.1');
    expect(mark('b:2')?.data.short).toBe('+ LCJA 2010 · 5');
    expect(mark('no:9')?.data.short).toBe('▲ NO 9');
    // The lead is context, drawn faint.
    expect(mark('org:sps')?.mark).toBeNull();
  });

  it('joins a continued pair with its score, and counts each mark in the key', () => {
    expect(picture.edges.find((e) => e.mark === 'continued-as')?.data).toMatchObject({ source: 'a:1', target: 'b:1', caption: '0.31' });
    expect(Object.fromEntries(picture.legend.map((l) => [l.mark, l.count]))).toMatchObject({ continued: 1, changed: 1, removed: 2, added: 1, gained: 1, lost: 0, 'continued-as': 1 });
  });

  it('lays the earlier plan above the later, a continued pair in one column, no two nodes in one place', () => {
    const at = diffLayout(picture, { planBands: picture.plans! });
    expect(at.get('a:1')!.x).toBe(at.get('b:1')!.x);
    expect(at.get('a:1')!.y).toBeLessThan(at.get('b:1')!.y);
    const places = [...at.values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(places).size).toBe(places.length);
    expect(at.size).toBe(picture.nodes.length);
  });
});

describe('the picture of a snapshot against now', () => {
  const diff: SnapshotComparison = {
    from: { id: 'snapshot:q2', label: 'End of Q2 2010' },
    to: { id: 'current', label: 'the graph now' },
    counts: { nodesAdded: 0, nodesRemoved: 1, nodesChanged: 1, relationshipsAdded: 0, relationshipsRemoved: 1, relationshipsChanged: 0 },
    byKind: {},
    nodes: {
      added: [],
      removed: [{ id: 'a:1:milestone:1', kind: 'Milestone', label: 'Ensure NASSO fully integrated', ref: null, planShort: 'LCJA 2008' }],
      changed: [{ id: 'a:1', kind: 'Action', label: 'Integrate NASSO within MAPPA', ref: '2.5.7', planShort: 'LCJA 2008', fields: [{ field: 'objective', before: 'x', after: 'y' }] }],
    },
    relationships: { added: [], removed: [{ type: 'HAS_MILESTONE', from: 'a:1', to: 'a:1:milestone:1' }], changed: [] },
  };
  const picture = snapshotPicture(diff, index);

  it('draws a removed node the graph no longer holds, from the comparison, with its removed link', () => {
    expect(index.nodes.has('a:1:milestone:1')).toBe(false);
    expect(picture.nodes.find((n) => n.data.id === 'a:1:milestone:1')).toMatchObject({ mark: 'removed', data: { kind: 'Milestone', short: '− Ensure NASSO fully…' } });
    expect(picture.edges.find((e) => e.mark === 'removed')?.data).toMatchObject({ source: 'a:1', target: 'a:1:milestone:1', type: 'HAS_MILESTONE' });
    expect(picture.nodes.find((n) => n.data.id === 'a:1')?.data.short).toBe('Δ LCJA 2008 · 2.5.7');
  });

  it('brings the neighbours of what changed in as faint context', () => {
    expect(picture.nodes.find((n) => n.data.id === 'org:sps')?.mark).toBeNull();
    expect(picture.edges.find((e) => e.data.id === 'e1')?.mark).toBeNull();
  });
});
