import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressReport } from '../../server/reports/reportData.js';
import type { Rollup } from '../../server/reports/rollup.js';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';

/**
 * Progress entered through the change pipeline reaches everything built on it: the
 * roll-up of every outcome above the action and the next report, without a restart.
 */

let server: ChangeServer;
beforeAll(async () => {
  server = await startChangeServer();
});
afterAll(async () => {
  await server?.close();
});

const ACTION = 'lcja-2008:action:2.5.7';
const rollup = async () => (await server.call<Rollup>('GET', '/api/rollup?plan=plan:lcja-2008&period=2008-09-Q3')).body;
const reportRow = async () => {
  const r = (await server.call<ProgressReport>('GET', '/api/reports/lcja-2008?period=2008-09-Q3&format=json')).body;
  return r.groups.flatMap((g) => g.rows).find((row) => row.actionId === ACTION)!;
};

describe('a progress update for Lanarkshire 2.5.7, entered by an editor', () => {
  it('moves 2.5.7 in the roll-up of every outcome above it, and only there', async () => {
    const before = await rollup();
    const rowBefore = await reportRow();
    // The 2008-09 plan's Q2 note on 2.5.7 is the latest before this entry.
    const statusBefore = rowBefore.progress!.status;
    expect(rowBefore.progress!.period).toBe('2008-09 Q2');

    const change = await server.call('POST', '/api/changes', {
      operations: [{ op: 'addProgress', action: ACTION, progress: { period: '2008-09 Q3', asOf: '2008-12-31', status: 'complete', statusAsPrinted: 'Complete', narrative: 'Protocol agreed by all partners in December.' } }],
      reason: 'Q3 return from the lead',
    });
    expect(change.status).toBe(201);

    const after = await rollup();
    const above = before.rows.filter((r) => r.actionIds.includes(ACTION)).map((r) => r.target.id);
    expect(above.length).toBeGreaterThan(0);
    for (const b of before.rows) {
      const a = after.rows.find((x) => x.target.id === b.target.id)!;
      if (above.includes(b.target.id)) {
        expect(a.byStatus.complete, b.target.id).toBe(b.byStatus.complete + (statusBefore === 'complete' ? 0 : 1));
        expect(a.byStatus[statusBefore], b.target.id).toBe(b.byStatus[statusBefore] - (statusBefore === 'complete' ? 0 : 1));
        expect(a.noUpdateThisPeriod).toBe(b.noUpdateThisPeriod - 1);
      } else {
        expect(a.byStatus, b.target.id).toEqual(b.byStatus);
      }
    }
  });

  it('and the next report prints the new status as printed, with its narrative', async () => {
    const row = await reportRow();
    expect(row.progress).toMatchObject({ status: 'complete', statusAsPrinted: 'Complete', statusBasis: 'printed', narrative: 'Protocol agreed by all partners in December.' });
    expect(row.progress!.source).toEqual({ edit: true });
  });
});
