import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapResponse, GraphResponse, NodeInputDraft, ThreadResponse } from '../../model/index.js';
import { getNode } from '../../server/graph/graphReader.js';
import { GraphWriter } from '../../server/graph/graphWriter.js';
import { startSeededServer, type SeededServer } from './seededServer.js';

/** Cached read models (gap lists, threads, plan membership) must never outlive a write. */

let api: SeededServer;
beforeAll(async () => {
  api = await startSeededServer();
}, 120_000);
afterAll(async () => {
  await api.close();
});

describe('after a write through GraphWriter', () => {
  it('a gap list asked for again reflects the change', async () => {
    const overdue = async () => (await api.get<GapResponse>('/api/gaps/overdue-actions?asOf=2009-01-01')).body.rows.map((r) => r.id);
    expect(await overdue()).toContain('lcja-2008:action:2.5.7');

    const stored = (await getNode(api.store, 'lcja-2008:action:2.5.7'))!;
    const completed = { ...stored, props: { ...stored.props, status: 'complete' } } as NodeInputDraft & { version?: number };
    delete completed.version;
    await new GraphWriter(api.store).apply({ nodes: [completed] });

    expect(await overdue()).not.toContain('lcja-2008:action:2.5.7');
  });

  it('a golden thread asked for again shows a new link', async () => {
    const ends = async () => (await api.get<ThreadResponse>('/api/thread/lcja-2008:action:2.4.1')).body.paths.map((p) => p.nodes.at(-1));
    expect(await ends()).not.toContain('no:9');
    await new GraphWriter(api.store).apply({
      relationships: [
        {
          type: 'SERVES',
          from: 'lcja-2008:action:2.4.1',
          to: 'no:9',
          props: { linkBasis: 'exact wording' },
          provenance: { source: 'edit', author: 'test planner', at: '2026-11-23T10:00:00Z' },
        },
      ],
    });
    expect(await ends()).toContain('no:9');
  });

  it('the whole graph asked for again shows a new link, then a changed status', async () => {
    const ACTION = 'lcja-2008:action:2.1.3';
    const graph = async () => (await api.get<GraphResponse>('/api/graph')).body.elements;
    const linked = (g: GraphResponse['elements']) => g.edges.some((e) => e.data.source === ACTION && e.data.target === 'no:11');
    expect(linked(await graph())).toBe(false);

    // A link alone: the graph's relationship query names no type, so it reads links of every type.
    await new GraphWriter(api.store).apply({
      relationships: [
        {
          type: 'SERVES',
          from: ACTION,
          to: 'no:11',
          props: { linkBasis: 'exact wording' },
          provenance: { source: 'edit', author: 'test planner', at: '2026-11-23T10:00:00Z' },
        },
      ],
    });
    const afterLink = await graph();
    expect(linked(afterLink)).toBe(true);
    expect(afterLink.nodes.find((n) => n.data.id === ACTION)?.data.status).not.toBe('complete');

    const stored = (await getNode(api.store, ACTION))!;
    const completed = { ...stored, props: { ...stored.props, status: 'complete' } } as NodeInputDraft & { version?: number };
    delete completed.version;
    await new GraphWriter(api.store).apply({ nodes: [completed] });
    const afterStatus = await graph();
    expect(afterStatus.nodes.find((n) => n.data.id === ACTION)?.data.status).toBe('complete');
    expect((await api.get<GraphResponse>('/api/graph')).body.counts.edges).toBe(afterStatus.edges.length);
  });
});
