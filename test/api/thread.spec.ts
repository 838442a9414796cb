import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ThreadResponse } from '../../model/index.js';
import { startSeededServer, type SeededServer } from './seededServer.js';

/**
 * Every node with a place in the plans has a thread: a milestone, progress update or
 * indicator shows the thread of what it belongs to. Expected paths read from the seed:
 * action 2.5.7 serves the local outcomes "accommodation" (→ O2) and "live independently"
 * (→ O8); Glasgow's "Number of new CPOs" measures priority 2.4 Community Payback Orders,
 * which serves nothing above it; L&B's reconviction rates measure National Outcome 9.
 */

let api: SeededServer;
beforeAll(async () => {
  api = await startSeededServer();
}, 120_000);
afterAll(async () => {
  await api.close();
});

const thread = async (id: string) => {
  const { status, body } = await api.get<ThreadResponse>(`/api/thread/${id}`);
  expect(status).toBe(200);
  return body;
};

describe('the thread of what an item belongs to', () => {
  it('a milestone of 2.5.7 climbs through its action to O2 and O8', async () => {
    const t = await thread('lcja-2008:milestone:2.5.7-1');
    expect(t.origin).toMatchObject({ id: 'lcja-2008:milestone:2.5.7-1', kind: 'Milestone', planShort: 'LCJA 2008' });
    expect(t.direction).toBe('up');
    expect(t.belongsTo?.map((b) => b.id)).toEqual(['lcja-2008:action:2.5.7']);
    expect(t.paths.map((p) => p.nodes).sort()).toEqual([
      ['lcja-2008:milestone:2.5.7-1', 'lcja-2008:action:2.5.7', 'lcja-2008:local-outcome:accommodation', 'nsmo:O2'],
      ['lcja-2008:milestone:2.5.7-1', 'lcja-2008:action:2.5.7', 'lcja-2008:local-outcome:live-independently', 'nsmo:O8'],
    ]);
    for (const p of t.paths) expect(p.edges).toHaveLength(p.nodes.length - 1);
    const has = t.elements.edges.find((e) => e.data.type === 'HAS_MILESTONE')!;
    expect(has.data).toMatchObject({ source: 'lcja-2008:action:2.5.7', target: 'lcja-2008:milestone:2.5.7-1' });
    expect(t.elements.nodes.map((n) => n.data.id)).toContain('lcja-2008:milestone:2.5.7-1');
    expect(t.description).toMatch(/^milestone “Ensure NASSO fully integrated.*” is a milestone of Action 2\.5\.7 /);
    expect(t.description).toContain('which serves framework outcome O8');
  });

  it('a progress update of 2.5.7 shows the same thread, from itself', async () => {
    const t = await thread('lcja-2008:progress:2.5.7-slc');
    expect(t.belongsTo?.map((b) => b.id)).toEqual(['lcja-2008:action:2.5.7']);
    expect(t.paths.map((p) => p.nodes.at(-1)).sort()).toEqual(['nsmo:O2', 'nsmo:O8']);
    expect(t.paths.every((p) => p.nodes[0] === 'lcja-2008:progress:2.5.7-slc' && p.nodes[1] === 'lcja-2008:action:2.5.7')).toBe(true);
    expect(t.elements.edges.some((e) => e.data.type === 'HAS_PROGRESS')).toBe(true);
    expect(t.description).toContain('is a progress update of Action 2.5.7');
  });

  it('an indicator of a priority: Glasgow "Number of new CPOs" measures priority 2.4, which serves nothing above it', async () => {
    const t = await thread('gcjsw-2013:indicator:new-cpos');
    expect(t.belongsTo?.map((b) => b.id)).toEqual(['gcjsw-2013:priority:2.4-community-payback-orders']);
    expect(t.paths).toEqual([
      { nodes: ['gcjsw-2013:indicator:new-cpos', 'gcjsw-2013:priority:2.4-community-payback-orders'], edges: [expect.any(String)], lead: null, bases: ['narrative'], printed: false },
    ]);
    expect(t.elements.edges[0]!.data).toMatchObject({ type: 'MEASURES', source: 'gcjsw-2013:indicator:new-cpos' });
  });

  it('an indicator of a national outcome: L&B reconviction rates measure National Outcome 9', async () => {
    const t = await thread('lbcja-2011:indicator:reconviction-rates');
    expect(t.paths.map((p) => p.nodes)).toEqual([['lbcja-2011:indicator:reconviction-rates', 'no:9']]);
    expect(t.description).toContain('measures National Outcome 9');
  });

  it('still refuses an organisation, naming the kinds that have a thread', async () => {
    const { status, body } = await api.get<ApiError>('/api/thread/org:sacro');
    expect(status).toBe(400);
    expect(body.error.message).toContain('milestone, progress update or indicator');
  });
});

describe('references with their plan', () => {
  it('the thread down from NO9 spans plans, so its sentences name the plan of each reference', async () => {
    const t = await thread('no:9');
    expect(t.description).toContain('Action LCJA 2010 · 1');
    expect(t.description).not.toMatch(/plan:|lcja-20\d\d:/);
  });

  it('the thread up from 2.5.7 stays in one plan and says the reference alone', async () => {
    const t = await thread('lcja-2008:action:2.5.7');
    expect(t.description).toContain('Action 2.5.7 “');
    expect(t.origin.planShort).toBe('LCJA 2008');
  });
});
