import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASES, basisClass, type GapResponse, type ThreadResponse } from '../../model/index.js';
import { startSeededServer, type SeededServer } from './seededServer.js';

/**
 * Printed or inferred over HTTP: the golden thread says the basis of every edge, and
 * every gap analysis over links can be run on printed links only. The expected rows
 * are worked out from the documents (the comment on each case says where).
 */

let api: SeededServer;
beforeAll(async () => {
  api = await startSeededServer();
}, 120_000);
afterAll(async () => {
  await api.close();
});

async function gap(path: string): Promise<GapResponse & { ids: string[] }> {
  const { status, body } = await api.get<GapResponse>(`/api/gaps/${path}`);
  expect(status).toBe(200);
  return { ...body, ids: body.rows.map((r) => String(r.id)) };
}

async function thread(id: string): Promise<ThreadResponse> {
  const { status, body } = await api.get<ThreadResponse>(`/api/thread/${id}`);
  expect(status).toBe(200);
  return body;
}

describe('/api/thread returns the basis of every edge', () => {
  it('Glasgow 2.6-2013 reaches aim 1 only on curation’s reading of its wording (line 632): inferred, and said so', async () => {
    const body = await thread('gcjsw-2013:action:2.6-2013');
    const toAim = body.paths.find((p) => p.nodes.at(-1) === 'aim:1')!;
    expect(toAim.bases).toEqual(['near-exact wording']);
    expect(toAim.printed).toBe(false);
    expect(body.description).toContain('(inferred: near-exact wording)');
  });

  it('L&B 4.2.2-a serves NO9 by the outcome printed in its Scotland Performs cell (line 880): printed', async () => {
    const body = await thread('lbcja-2011:action:4.2.2-a');
    const toNo9 = body.paths.find((p) => p.nodes.at(-1) === 'no:9')!;
    expect(toNo9).toMatchObject({ bases: ['printed in the same row'], printed: true });
    // Its path to partner priority 4.2.4 ends on curation's reading of a heading's wording, and says so.
    const to424 = body.paths.find((p) => p.nodes.at(-1) === 'lbcja-2011:priority:4.2.4')!;
    expect(to424).toMatchObject({ bases: ['printed heading', 'printed heading', 'exact wording'], printed: false });
    const sentences = body.description.split(/(?<=\.) (?=Action)/);
    expect(sentences.find((s) => s.includes('National Outcome 9'))).not.toContain('inferred');
    expect(sentences.find((s) => s.includes('4.2.4'))).toContain('(inferred: exact wording)');
  });

  it('gives every edge of every thread a basis from the vocabulary, leads included', async () => {
    for (const id of ['lcja-2008:action:2.5.7', 'no:9', 'aim:1', 'nsmo:C6', 'gcjsw-2013:priority:1']) {
      const body = await thread(id);
      expect(body.elements.edges.length, id).toBeGreaterThan(0);
      for (const { data } of body.elements.edges) expect(BASES, `${id} ${data.id}`).toContain(data.linkBasis);
    }
    // Downward from C6, the leads are there too, with their basis: 2.5.11 is led in its row (line 176).
    const c6 = await thread('nsmo:C6');
    const lead = c6.elements.edges.find((e) => e.data.type === 'LEADS' && e.data.target === 'lcja-2008:action:2.5.11');
    expect(lead?.data.linkBasis).toBe('printed in the same row');
  });
});

describe('every gap analysis can count printed links only', () => {
  it('the catalogue offers basis on every analysis that reads links', async () => {
    const { body } = await api.get<{ analyses: { id: string; parameters: { name: string; values?: string[] }[]; saved?: unknown }[] }>('/api/gaps');
    // The ready-made twelve: a saved analysis (the templates too) is an analyst's own query, with its own parameters.
    const readyMade = body.analyses.filter((a) => !a.saved);
    expect(readyMade).toHaveLength(12);
    const without = readyMade.filter((a) => !a.parameters.some((p) => p.name === 'basis')).map((a) => a.id);
    // These two read no link at all: the text of actions, and their timescale cells.
    expect(without).toEqual(['actions-without-timescale', 'near-duplicate-actions']);
    expect(body.analyses.find((a) => a.id === 'unserved-outcomes')!.parameters.find((p) => p.name === 'basis')!.values).toEqual(['all', 'printed']);
  });

  it('Glasgow 2.6-2013 has a national link, but none the Glasgow plan prints (it cites no aim or framework anywhere)', async () => {
    expect((await gap('actions-without-national-link?plan=plan:gcjsw-2013')).ids).not.toContain('gcjsw-2013:action:2.6-2013');
    const printed = await gap('actions-without-national-link?plan=plan:gcjsw-2013&basis=printed');
    expect(printed.ids).toContain('gcjsw-2013:action:2.6-2013');
    expect(printed.input.basis).toBe('printed');
    expect(printed.summary).toContain('printed links only');
  });

  it('NSMO S5 is served only through the 2008-09 workforce outcome (line 237), which restates half its wording: inferred', async () => {
    expect((await gap('unserved-outcomes')).ids).not.toContain('nsmo:S5');
    expect((await gap('unserved-outcomes?basis=printed')).ids).toContain('nsmo:S5');
  });

  it('L&B 5.3.3-a: the CJA is no lead (line 908 makes local authorities the doers); 2.3.2-a keeps its lead from the output heading', async () => {
    const noLead = await gap('actions-without-lead?plan=plan:lbcja-2011');
    expect(noLead.ids).toContain('lbcja-2011:action:5.3.3-a');
    expect(noLead.ids).not.toContain('lbcja-2011:action:2.3.2-a');
  });

  it('the Glasgow year bands give inferred due dates: overdue in 2014 with every basis, not with printed ones', async () => {
    expect((await gap('overdue-actions?plan=plan:gcjsw-2013&asOf=2014-06-01')).ids).toContain('gcjsw-2013:action:1.1-2013');
    expect((await gap('overdue-actions?plan=plan:gcjsw-2013&asOf=2014-06-01&basis=printed')).ids).toEqual([]);
  });

  it('answers a basis it does not know with 400 naming the field, on gaps and on the matrix', async () => {
    for (const path of ['/api/gaps/unserved-outcomes?basis=inferred', '/api/matrix?basis=inferred']) {
      const { status, body } = await api.get<{ error: { issues: { field: string; reason: string }[] } }>(path);
      expect(status, path).toBe(400);
      expect(body.error.issues[0]).toMatchObject({ field: 'basis', reason: 'must be all or printed' });
    }
  });
});

describe('the overdue analyses list nothing the documents describe as done', () => {
  const DONE = [
    // Lanarkshire 2010 line 18: four items of action 3 reported done in their own words.
    'lcja-2010:milestone:3-1', // "NLC/LCJA attended Herald Society Awards 2009."
    'lcja-2010:milestone:3-2', // "LCJA Annual Report 2009-10 now available and widely distributed."
    'lcja-2010:milestone:3-3', // "LCJA Area Plan 2011-14 approved by Scottish Government and distributed to partners."
    'lcja-2010:milestone:3-6', // "'Communication' now a standing item on regular liaison meetings with LA's and SPS."
    // Lanarkshire 2010 line 11: "Monies provided January 2010" is a past event; the row is "On target".
    'lcja-2010:action:2',
    // Lanarkshire 2008-09 line 151: "... gives required assurance"; line 287: 6.1 "complete".
    'lcja-2008:action:2.5.9',
    'lcja-2008:milestone:2.5.9-1',
    'lcja-2008:action:6.1',
  ];

  it.each(['overdue-actions', 'overdue-milestones'])('%s as of 2027', async (id) => {
    const rows = await gap(`${id}?asOf=2027-01-01`);
    expect(rows.ids.length).toBeGreaterThan(0);
    expect(rows.ids.filter((x) => DONE.includes(x))).toEqual([]);
    for (const r of rows.rows) expect(['complete', 'not required']).not.toContain(r.status);
  });

  it('2.5.12 (first meeting due July 2008, line 185; "Meeting scheduled for 19th December", line 191) is overdue and delayed', async () => {
    const row = (await gap('overdue-actions?asOf=2008-10-01&plan=plan:lcja-2008')).rows.find((r) => r.id === 'lcja-2008:action:2.5.12');
    expect(row?.status).toBe('delayed');
  });
});

it('the vocabulary classes every basis (the helper tests rely on it)', () => {
  expect(BASES.map((b) => basisClass(b))).toEqual(expect.arrayContaining(['printed', 'inferred', 'edit']));
});
