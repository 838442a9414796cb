import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../server/reports/dashboard.js';
import type { PartnershipDashboard } from '../../server/reports/partnershipDashboard.js';
import type { ActionStatusAt } from '../../server/reports/statusesAt.js';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';

/**
 * The partnership-wide dashboard, overdue milestones "as at" a period, and the map's
 * statuses per period, over the real HTTP API and the seeded embedded store. Expected
 * figures are read from the source documents (lines named).
 */

let server: ChangeServer;
beforeAll(async () => {
  server = await startChangeServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const dashboard = async (plan: string, period: string) => (await server.call<Dashboard>('GET', `/api/dashboard/${plan}?period=${period}`)).body;
const statuses = async (query: string) => (await server.call<{ period: { code: string }; actions: ActionStatusAt[] }>('GET', `/api/progress/statuses?${query}`)).body;
const statusOf = async (query: string, id: string) => (await statuses(query)).actions.find((a) => a.id === id);

describe('overdue milestones on the dashboard, as at the end of the period', () => {
  it('at the end of June 2008 only 2.1.3\'s "April 2008" milestone is overdue (implementation plan line 25)', async () => {
    // Every other dated milestone of the 2008-09 plan is due July 2008 or later (lines 30 onwards).
    const d = await dashboard('lcja-2008', '2008-09-Q1');
    expect(d.overdueMilestones.map((m) => [m.id, m.dueDate, m.actionRef])).toEqual([['lcja-2008:milestone:2.1.3-1', '2008-04-30', '2.1.3']]);
  });

  it('by the end of December 2008 the July, August, September and November milestones of unfinished actions are overdue too', async () => {
    const d = await dashboard('lcja-2008', '2008-09-Q3');
    const ids = d.overdueMilestones.map((m) => m.id);
    // Line 124: 2.5.7's "August 2008"; the Q2 note on 2.5.7 (line 127) does not say it is done.
    expect(ids).toContain('lcja-2008:milestone:2.5.7-1');
    // "November 2008." under 2.5.11, whose note reads as delayed.
    expect(ids).toContain('lcja-2008:milestone:2.5.11-2');
    // 2.5.1's note says it is no longer needed (not required): its milestones are not chased.
    expect(ids.some((id) => id.startsWith('lcja-2008:milestone:2.5.1-'))).toBe(false);
    expect(ids).toHaveLength(11);
    // Sorted by due date: April 2008 first, November 2008 last.
    expect(d.overdueMilestones[0]!.dueDate).toBe('2008-04-30');
    expect(d.overdueMilestones.at(-1)!.dueDate).toBe('2008-11-30');
  });
});

describe('the partnership dashboard: every plan together', () => {
  let d: PartnershipDashboard;
  beforeAll(async () => {
    const res = await server.call<PartnershipDashboard>('GET', '/api/dashboard?period=2010-11-Q2');
    expect(res.status).toBe(200);
    d = res.body;
  });

  it('counts every plan\'s actions, with a row per plan', async () => {
    expect(d.plan).toBe('partnership');
    const rows = Object.fromEntries(d.plans.map((p) => [p.planShort, p.actions]));
    // The 2010 report's nine action rows (lines 9-27) and the 2008-09 plan's twelve actions.
    expect(rows['LCJA 2010']).toBe(9);
    expect(rows['LCJA 2008']).toBe(12);
    // Each plan's row agrees with that plan's own dashboard, and the whole is their sum.
    for (const p of d.plans) expect(p.actions, p.planShort).toBe((await dashboard(p.plan.replace(/^plan:/, ''), '2010-11-Q2')).actions);
    expect(d.actions).toBe(d.plans.reduce((n, p) => n + p.actions, 0));
  });

  it('adds the plans\' statuses: the 2010 report\'s and the 2008-09 notes carried forward', () => {
    const now = Object.fromEntries(d.statusCounts.map((c) => [c.status, c.now]));
    // 2010 report lines 9-27: five on target, one part complete, two ongoing, one with no status word;
    // 2008-09 notes (still the latest for those actions in 2010): two complete, seven ongoing, one not required, two delayed.
    expect(now).toMatchObject({ 'on target': 5, 'part complete': 1, ongoing: 2 + 7, unknown: 1, complete: 2, 'not required': 1, delayed: 2 });
    // Only the 2010 report's nine rows were updated within July to September 2010.
    expect(d.plans.find((p) => p.planShort === 'LCJA 2010')!.updatedThisPeriod).toBe(9);
    expect(d.plans.filter((p) => p.planShort !== 'LCJA 2010').every((p) => p.updatedThisPeriod === 0)).toBe(true);
  });

  it('lists every plan\'s indicators with the plan that prints them', () => {
    // Glasgow strategic plan lines 587-593: five indicators.
    expect(d.indicators.filter((i) => i.planShort === 'GCJSWS 2013')).toHaveLength(5);
    expect(d.indicators.find((i) => i.measure === 'Attendance Rate')).toMatchObject({ planShort: 'GCJSWS 2013', target: '75%', actual: '70%' });
  });

  it('a malformed period gets a 400 naming it', async () => {
    const res = await server.call('GET', '/api/dashboard?period=2010-Q5');
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].field).toBe('period');
  });
});

describe('the map\'s statuses as at a period', () => {
  it('2.5.7 had no update before its Q2 2008-09 note, then reads "ongoing", inferred from the narrative, and overdue', async () => {
    expect(await statusOf('period=2008-09-Q1', 'lcja-2008:action:2.5.7')).toMatchObject({ status: 'no update', basis: null, overdue: false });
    expect(await statusOf('period=2008-09-Q3', 'lcja-2008:action:2.5.7')).toMatchObject({ status: 'ongoing', basis: 'inferred', overdue: true, updatedThisPeriod: false });
  });

  it('the 2010 report\'s action 2 is "On target" as printed (line 11)', async () => {
    expect(await statusOf('period=2010-11-Q2&plan=plan:lcja-2010', 'lcja-2010:action:2')).toMatchObject({ status: 'on target', statusAsPrinted: 'On target', basis: 'printed', updatedThisPeriod: true });
    expect((await statuses('period=2010-11-Q2&plan=plan:lcja-2010')).actions).toHaveLength(9);
  });

  it.each([
    ['plan=plan:nope', 'plan'],
    ['plan=nope', 'plan'],
    ['period=2010-13', 'period'],
    ['colour=red', 'colour'],
  ])('%s gets a 400 naming %s', async (query, field) => {
    const res = await server.call('GET', `/api/progress/statuses?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('an update entered through the change pipeline changes the status, and the overdue lists, at once', async () => {
    const change = await server.call('POST', '/api/changes', {
      operations: [{ op: 'addProgress', action: 'lcja-2008:action:2.5.7', progress: { period: '2008-09 Q3', asOf: '2008-12-31', status: 'complete', statusAsPrinted: 'Complete', narrative: 'NASSO integrated within MAPPA.' } }],
    });
    expect(change.status).toBe(201);
    expect(await statusOf('period=2008-09-Q3', 'lcja-2008:action:2.5.7')).toMatchObject({ status: 'complete', statusAsPrinted: 'Complete', basis: 'printed', overdue: false, updatedThisPeriod: true });
    // The quarter before is unchanged: the badge for Q2 still shows what the Q2 note said.
    expect(await statusOf('period=2008-09-Q2', 'lcja-2008:action:2.5.7')).toMatchObject({ status: 'ongoing' });
    const d = await dashboard('lcja-2008', '2008-09-Q3');
    expect(d.overdueMilestones.map((m) => m.id)).not.toContain('lcja-2008:milestone:2.5.7-1');
    expect(d.overdueMilestones).toHaveLength(10);
    expect(d.overdueActions.map((a) => a.ref)).not.toContain('2.5.7');
  });
});
