import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapCatalogueResponse, GapResponse } from '../../model/api.js';
import { TEMPLATES } from '../../server/analyses/templates.js';
import { startSeededServer, type SeededServer } from '../api/seededServer.js';

/**
 * The templates shipped as saved analyses run on the seed through the console's own
 * path (the engine's plan check, the analysts' workers, the caps), as anyone runs them
 * from the gaps catalogue; expected rows from the documents (see test/cypher/catalogFacts.ts
 * for the same facts on the named queries).
 */

let api: SeededServer;
beforeAll(async () => {
  api = await startSeededServer({ queryTimeoutMs: 5000, queryMaxRows: 500 });
}, 180_000);
afterAll(() => api?.close());

const run = async (id: string, query = '') => {
  const reply = await api.get<GapResponse>(`/api/gaps/${id}${query ? `?${query}` : ''}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
};

describe('templates', () => {
  it('are all in the gaps catalogue, marked as templates', async () => {
    const { analyses } = (await api.get<GapCatalogueResponse>('/api/gaps')).body;
    const templates = analyses.filter((a) => a.saved?.template);
    expect(templates.map((a) => a.id)).toEqual(TEMPLATES.map((t) => t.id));
  });

  it('actions under NO9 with no lead: Lanarkshire 2010 action 2, whose printed lead "CJSW" names no one body', async () => {
    const gap = await run('template-actions-under-outcome-without-lead', 'outcome=no:9');
    const row = gap.rows.find((r) => r.id === 'lcja-2010:action:2');
    expect(row).toMatchObject({ c0: expect.stringMatching(/^LCJA 2010 · 2 /), c1: 'CJSW' });
    expect(gap.highlight).toContain('lcja-2010:action:2');
  });

  it('organisations partnering in more than 2 actions and leading none: North Lanarkshire Council alone, with 3', async () => {
    const gap = await run('template-organisations-partnering-not-leading', 'moreThan=2');
    expect(gap.rows).toEqual([{ id: 'org:north-lanarkshire-council', c0: 'North Lanarkshire Council', c1: 3 }]);
    expect((await run('template-organisations-partnering-not-leading')).rows.length).toBeGreaterThan(1);
  });

  it('outcomes by plan: Lothian & Borders serves NO9 most, and all four aims', async () => {
    const gap = await run('template-outcomes-by-plan', 'plan=plan:lbcja-2011');
    expect(gap.rows[0]!.id).toBe('no:9');
    expect(
      gap.rows
        .map((r) => r.id)
        .filter((id) => id.startsWith('aim:'))
        .sort(),
    ).toEqual(['aim:1', 'aim:2', 'aim:3', 'aim:4']);
  });

  it('L&B actions serving NO9 but no strategic aim include 1.2.1-a (line 784), and only L&B actions', async () => {
    const gap = await run('template-actions-serving-outcome-but-no-aim', 'plan=plan:lbcja-2011&outcome=no:9');
    expect(gap.rows.map((r) => r.id)).toContain('lbcja-2011:action:1.2.1-a');
    expect(gap.rows.every((r) => r.id.startsWith('lbcja-2011:action:'))).toBe(true);
    expect(gap.rows.every((r) => String(r.c0).startsWith('L&BCJA 2011 · '))).toBe(true);
  });

  it('refuses an outcome parameter that is an action, naming it', async () => {
    const reply = await api.get<any>('/api/gaps/template-outcomes-by-plan?plan=no:9');
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual([{ field: 'plan', reason: expect.stringMatching(/must be the id of a plan/) }]);
  });
});
