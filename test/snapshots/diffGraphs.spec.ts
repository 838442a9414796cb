import { describe, expect, it } from 'vitest';
import { diffGraphs } from '../../server/compare/diffGraphs.js';
import type { ExportGraph, ExportNode, ExportRelationship } from '../../server/export/readGraph.js';
import { decodeSnapshotGraph, encodeSnapshotGraph } from '../../server/snapshots/snapshotCodec.js';

/** The graph diff behind snapshot comparison, on small graphs whose answer is known by construction. */

const prov = {
  source: 'document',
  file: 'lanarkshire-cja-implementation-plan-2008-09-q2.txt',
  lines: [121, 122],
  quote: '2.5.7 Ensure the effective implementation of NASSO.',
} as ExportNode['provenance'];
const action = (id: string, props: Record<string, string>): ExportNode => ({ kind: 'Action', id, props: { ref: id.split(':').pop()!, title: `action ${id}`, ...props }, provenance: prov });
const outcome: ExportNode = { kind: 'NationalOutcome', id: 'no:9', props: { number: 9, wording: 'We live our lives safe from crime' }, provenance: prov };
const serves = (from: string, props: Record<string, string> = {}): ExportRelationship => ({ type: 'SERVES', from, to: 'no:9', fromKind: 'Action', toKind: 'NationalOutcome', props, provenance: prov });

const before: ExportGraph = {
  nodes: [action('p:action:1', { timescale: 'August 2008' }), action('p:action:2', {}), outcome],
  relationships: [serves('p:action:1', { basis: 'printed' }), serves('p:action:2')],
};
const after: ExportGraph = {
  nodes: [action('p:action:1', { timescale: 'March 2009' }), action('p:action:3', {}), outcome],
  relationships: [serves('p:action:1', { basis: 'added by an edit' }), serves('p:action:3')],
};

describe('diffGraphs', () => {
  const diff = diffGraphs(before, after);

  it('lists nodes added, removed and changed, with each changed field', () => {
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['p:action:3']);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['p:action:2']);
    expect(diff.nodes.changed).toEqual([
      { id: 'p:action:1', kind: 'Action', label: 'action p:action:1', ref: '1', planShort: null, fields: [{ field: 'timescale', before: 'August 2008', after: 'March 2009' }] },
    ]);
    expect(diff.byKind).toEqual({ Action: { added: 1, removed: 1, changed: 1 } });
  });

  it('matches relationships by type and ends, and reports a changed property', () => {
    expect(diff.relationships.added).toEqual([{ type: 'SERVES', from: 'p:action:3', to: 'no:9' }]);
    expect(diff.relationships.removed).toEqual([{ type: 'SERVES', from: 'p:action:2', to: 'no:9' }]);
    expect(diff.relationships.changed).toEqual([{ type: 'SERVES', from: 'p:action:1', to: 'no:9', fields: [{ field: 'basis', before: 'printed', after: 'added by an edit' }] }]);
  });

  it('sees a provenance change as a change, named under provenance', () => {
    const moved = { ...before, nodes: before.nodes.map((n) => (n.id === 'no:9' ? { ...n, provenance: { ...prov, lines: [130, 131] } as ExportNode['provenance'] } : n)) };
    expect(diffGraphs(before, moved).nodes.changed).toEqual([
      { id: 'no:9', kind: 'NationalOutcome', label: 'We live our lives safe from crime', ref: 'NO9', planShort: null, fields: [{ field: 'provenance.lines', before: [121, 122], after: [130, 131] }] },
    ]);
  });

  it("names a removed node from the graph that held it: its reference and its plan's short name", () => {
    const plan: ExportNode = { kind: 'Plan', id: 'plan:p', props: { title: 'Implementation plan', body: 'Lanarkshire Community Justice Authority', period: '2008-09' }, provenance: prov };
    const contains = (to: string): ExportRelationship => ({ type: 'CONTAINS', from: 'plan:p', to, fromKind: 'Plan', toKind: 'Action', props: {}, provenance: prov });
    const withPlan = { nodes: [...before.nodes, plan], relationships: [...before.relationships, contains('p:action:1'), contains('p:action:2')] };
    const gone = diffGraphs(withPlan, { nodes: [after.nodes[0]!, outcome, plan], relationships: [contains('p:action:1')] });
    expect(gone.nodes.removed).toEqual([{ id: 'p:action:2', kind: 'Action', label: 'action p:action:2', ref: '2', planShort: 'LCJA 2008' }]);
  });

  it('finds nothing between a graph and itself', () => {
    expect(Object.values(diffGraphs(after, after).counts)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('the snapshot codec', () => {
  it('reads back what it wrote, relationship ends with their kinds', () => {
    expect(decodeSnapshotGraph(encodeSnapshotGraph(after, '2026-12-02T01:00:00.000Z'))).toEqual(after);
  });

  it('refuses a damaged snapshot rather than comparing against half a graph', () => {
    const encoded = encodeSnapshotGraph(after, '2026-12-02T01:00:00.000Z');
    expect(() => decodeSnapshotGraph(encoded.slice(0, encoded.length / 2))).toThrow();
  });
});
