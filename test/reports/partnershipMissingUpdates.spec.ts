import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadCount, MissingUpdate } from '../../server/reports/missingUpdates.js';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';

/**
 * What needs updating across the partnership (GET /api/missing-updates): every plan's
 * unfinished actions with no update in the period, counted per lead organisation, over the
 * real HTTP API and the seeded embedded store. Counts worked out from the documents:
 *
 * - Lanarkshire progress report 2010 (Q2, July-September 2010): nine rows (lines 9-27), none
 *   finished; leads MAPPA steering group (action 1, line 9), SPS (1-b, line 10), "CJSW" with no
 *   council named (2, line 11), the ADP (2-b, 2-c), the LCJA (3, 4, 4-b, 4-c: lines 18-27).
 * - Lanarkshire implementation plan 2008-09: twelve actions, of which 2.5.9 and 6.1 are
 *   complete (lines 141, 279) and 2.5.1 no longer required (line 89); the nine others are led
 *   by the LCJA chief officer (2.4.1, 2.5.11, 2.5.12, 2.5.13, 3.4, 6.2: lines 61-291), the
 *   Criminal Justice Service Manager (2.1.3, line 22), the MAPPA steering group chair (2.5.7,
 *   line 121) and "Responsible Authorities and Partners" (4.1, line 249).
 * - Lothian & Borders area plan 2011-14: 92 actions, no progress printed; the CJA leads four
 *   (1.1.1-c, 2.3.2-a, 2.3.2-b, 5.3.2-a), CISSO four (2.2.1-d, 2.2.1-e, 2.2.2-a, 3.1.3-b); the
 *   other 84 name partners but no lead.
 * - Glasgow CJSW strategic plan 2013-15: 34 actions, none with a lead, no progress before 2013.
 */

type Answer = { plan: string; period: { code: string }; leads: LeadCount[]; rows: MissingUpdate[] };

let server: ChangeServer;
beforeAll(async () => {
  server = await startChangeServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const missing = async (query: string) => (await server.call<Answer>('GET', `/api/missing-updates?${query}`)).body;
const counts = (a: Answer) => Object.fromEntries(a.leads.map((l) => [l.lead, l.missing]));

describe('what needs updating, partnership-wide', () => {
  it('in October-December 2010 no document reports, so every unfinished action of every plan is owed, per lead', async () => {
    const a = await missing('period=2010-11-Q3');
    expect(a.plan).toBe('partnership');
    expect(counts(a)).toEqual({
      'Lanarkshire Community Justice Authority': 4 + 6,
      'MAPPA steering group': 1 + 1,
      'Lanarkshire Alcohol and Drug Partnership': 2,
      'Scottish Prison Service': 1,
      CJSW: 1,
      'Criminal Justice Service Manager': 1,
      'Responsible Authorities and Partners': 1,
      'Lothian & Borders Community Justice Authority': 4,
      'Community Intervention Service for Sex Offenders': 4,
      'no lead printed': 84 + 34,
    });
    // 147 actions in the five documents, less the three finished in the 2008-09 plan.
    expect(a.rows).toHaveLength(147 - 3);
    expect(a.leads.find((l) => l.lead === 'Lanarkshire Community Justice Authority')!.plans).toEqual(['plan:lcja-2008', 'plan:lcja-2010']);
    expect(a.leads.find((l) => l.lead === 'no lead printed')!.plans).toEqual(['plan:gcjsw-2013', 'plan:lbcja-2011']);
    // Most owed first.
    expect(a.leads[0]!.lead).toBe('no lead printed');
  });

  it('in July-September 2010 the progress report updated its nine rows: only the others are owed', async () => {
    const a = await missing('period=2010-11-Q2');
    expect(counts(a)).toEqual({
      'Lanarkshire Community Justice Authority': 6,
      'MAPPA steering group': 1,
      'Criminal Justice Service Manager': 1,
      'Responsible Authorities and Partners': 1,
      'Lothian & Borders Community Justice Authority': 4,
      'Community Intervention Service for Sex Offenders': 4,
      'no lead printed': 84 + 34,
    });
    expect(a.rows.some((r) => r.plan === 'plan:lcja-2010')).toBe(false);
  });

  it('agrees with each plan\'s own list', async () => {
    const a = await missing('period=2010-11-Q3');
    const own = (await server.call<{ rows: MissingUpdate[] }>('GET', '/api/reports/lcja-2008/missing-updates?period=2010-11-Q3')).body.rows;
    expect(a.rows.filter((r) => r.plan === 'plan:lcja-2008').map((r) => `${r.lead} ${r.ref}`)).toEqual(own.map((r) => `${r.lead} ${r.ref}`));
  });

  it('as CSV a coordinator can send round: a row per owed update, each naming its plan', async () => {
    const res = await fetch(`${server.base}/api/missing-updates?period=2010-11-Q3&format=csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('missing-updates-partnership-2010-11-Q3.csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Lead,Action,Title,Last status,Last update,Plan,Period');
    expect(lines).toHaveLength(1 + 144);
    expect(lines.filter((l) => l.startsWith('Scottish Prison Service,'))).toEqual([expect.stringMatching(/^Scottish Prison Service,1,.*,on target,2010-09-30,plan:lcja-2010,2010-11-Q3$/)]);
    expect(lines.every((l) => !/^[=+\-@]/.test(l))).toBe(true);
  });

  it('names the bad parameter', async () => {
    const bad = await server.call('GET', '/api/missing-updates?period=2010-Q9');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('period');
    const format = await server.call('GET', '/api/missing-updates?format=pdf');
    expect(format.status).toBe(400);
    expect(format.body.error.issues[0].field).toBe('format');
  });

  it('is in the API description', async () => {
    const { body } = await server.call<{ paths: Record<string, unknown> }>('GET', '/api/docs');
    expect(Object.keys(body.paths)).toContain('/api/missing-updates');
  });
});
