import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../server/reports/dashboard.js';
import type { PartnershipDashboard } from '../../server/reports/partnershipDashboard.js';
import type { ProgressReport } from '../../server/reports/reportData.js';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';

/**
 * An indicator's baseline (issue 14: measure, baseline, target, actual, next target). The
 * Glasgow plan's performance table (lines 585-593) prints measure, target, actual and next
 * target but no baseline, and no other document prints one: every baseline reads "not
 * printed" until a planner enters one through the change pipeline (POST /api/changes).
 */

const ATTENDANCE = 'gcjsw-2013:indicator:attendance-rate';
let server: ChangeServer;
beforeAll(async () => {
  server = await startChangeServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const report = async () => (await server.call<ProgressReport>('GET', '/api/reports/gcjsw-2013?format=json')).body;
const html = async () => (await fetch(`${server.base}/api/reports/gcjsw-2013?format=html`)).text();
/** The indicator table's rows as cell texts, read from the HTML a partnership prints. */
function indicatorTable(page: string): string[][] {
  const table = /<table class="indicators">([\s\S]*?)<\/table>/.exec(page)![1]!;
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
}

describe('before any baseline is entered', () => {
  it('the report\'s indicator table has a Baseline column saying "not printed" in every row, never 0 or blank', async () => {
    expect((await report()).indicators.map((i) => i.baseline)).toEqual([null, null, null, null, null]);
    const [head, ...rows] = indicatorTable(await html());
    expect(head!.slice(0, 3)).toEqual(['Measure', 'Baseline', 'Target']);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r[1])).toEqual(Array(5).fill('not printed'));
  });

  it('the dashboards carry the baseline as null, beside the printed target and actual', async () => {
    const plan = (await server.call<Dashboard>('GET', '/api/dashboard/gcjsw-2013?period=2012-13-Q1')).body;
    // Line 593: "Attendance Rate 75% 70% 75%".
    expect(plan.indicators.find((i) => i.measure === 'Attendance Rate')).toMatchObject({ id: ATTENDANCE, baseline: null, target: '75%', actual: '70%', nextTarget: '75%' });
    const all = (await server.call<PartnershipDashboard>('GET', '/api/dashboard?period=2012-13-Q1')).body;
    expect(all.indicators.find((i) => i.id === ATTENDANCE)).toMatchObject({ baseline: null, planShort: 'GCJSWS 2013' });
  });
});

describe('a baseline entered through the change pipeline', () => {
  it('is refused with a 400 naming the field when it is not text', async () => {
    const res = await server.call('POST', '/api/changes', { operations: [{ op: 'update', id: ATTENDANCE, set: { baseline: 68 } }], reason: 'baseline' }, 'editor');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.issues)).toContain('baseline');
  });

  it('is stored, shown in the plan\'s and the partnership\'s dashboards and printed in the report; the others still say "not printed"', async () => {
    const res = await server.call('POST', '/api/changes', { operations: [{ op: 'update', id: ATTENDANCE, expectedVersion: 1, set: { baseline: '68%' } }], reason: 'baseline from the 2010-11 figures' }, 'editor');
    expect(res.status).toBe(201);
    expect(res.body.diff.nodes.updated[0].fields).toEqual([{ field: 'baseline', before: null, after: '68%' }]);
    const plan = (await server.call<Dashboard>('GET', '/api/dashboard/gcjsw-2013?period=2012-13-Q1')).body;
    expect(plan.indicators.find((i) => i.id === ATTENDANCE)).toMatchObject({ baseline: '68%', actual: '70%' });
    const all = (await server.call<PartnershipDashboard>('GET', '/api/dashboard?period=2012-13-Q1')).body;
    expect(all.indicators.find((i) => i.id === ATTENDANCE)!.baseline).toBe('68%');
    const rows = indicatorTable(await html()).slice(1);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Number of new CPOs (NEW)', 'not printed'],
      ['% of work placements commenced within 7 days of sentence', 'not printed'],
      ['% of CPOs with a Case Management Plan within 20 days', 'not printed'],
      ['Number of reviews within reporting period', 'not printed'],
      ['Attendance Rate', '68%'],
    ]);
  });
});
