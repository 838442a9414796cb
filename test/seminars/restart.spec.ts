import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JoinAnswer, SeminarEvent, SeminarState, StartSeminarAnswer } from '../../model/seminars.js';
import { SeminarClient, until } from './seminarClient.js';
import { httpCaller } from './seminarServer.js';
import { startSeminarChild } from './childProcess.js';

/**
 * The server is killed (SIGKILL: no shutdown, no flush) in the middle of a seminar and
 * started again on the same data directory: the seminar resumes with its proposals,
 * votes and log as they were acknowledged, and devices catch up from their lastSeq.
 */

const dir = mkdtempSync(join(tmpdir(), 'gt-seminar-restart-'));
const children: ChildProcess[] = [];
const clients: SeminarClient[] = [];

const startChild = () => startSeminarChild(dir, children);

afterAll(() => {
  for (const c of clients) c.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a server killed mid-seminar', () => {
  it('resumes the seminar with its proposals, votes and log intact', async () => {
    const first = await startChild();
    let call = httpCaller(first.base);
    const start = (await call<StartSeminarAnswer>('POST', '/api/seminars', { title: 'Restart seminar', dotsPerPerson: 2 })).body;
    const fac = { token: start.facilitatorToken };
    const joins: JoinAnswer[] = [];
    for (let i = 0; i < 4; i++) joins.push((await call<JoinAnswer>('POST', `/api/seminars/${start.code}/join`, { displayName: `Delegate ${i}` }, null)).body);
    const proposals: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(
        'POST',
        `/api/seminars/${start.id}/proposals`,
        {
          kind: 'action',
          comment: `Action ${i}`,
          operations: [{ op: 'create', node: { kind: 'Action', id: `lcja-2008:action:restart-${i}`, props: { ref: `R${i}`, title: `Restart action ${i}` } } }],
        },
        { token: joins[i]!.token },
      );
      expect(res.status).toBe(201);
      proposals.push(res.body.proposalId);
    }
    for (const j of joins) expect((await call('POST', `/api/seminars/${start.id}/votes`, { proposalId: proposals[1], value: 1 }, { token: j.token })).status).toBe(200);
    const round = (
      await call(
        'POST',
        `/api/seminars/${start.id}/rounds`,
        {
          title: 'Priorities',
          targets: [
            { id: 'no:9', label: 'NO9' },
            { id: 'no:11', label: 'NO11' },
          ],
        },
        fac,
      )
    ).body.round;
    for (const [i, j] of joins.entries())
      expect((await call('POST', `/api/seminars/${start.id}/votes`, { roundId: round.id, allocations: [{ targetId: i < 3 ? 'no:9' : 'no:11', dots: 2 }] }, { token: j.token })).status).toBe(200);
    const accepted = await call('POST', `/api/seminars/${start.id}/proposals/${proposals[0]}/accept`, {}, fac);
    expect(accepted.status).toBe(200);
    expect((await call('POST', `/api/seminars/${start.id}/proposals/${proposals[2]}/decline`, { reason: 'out of scope' }, fac)).status).toBe(200);

    // A device connected before the kill, holding everything so far.
    const device = new SeminarClient(first.base, joins[3]!.token);
    clients.push(device);
    await device.connected();
    const before = (await call<SeminarState>('GET', `/api/seminars/${start.id}/state`, undefined, fac)).body;
    await until(() => device.lastSeq === before.lastSeq, 10_000, 'the device to hold the log');
    const logBefore = (await call<{ events: SeminarEvent[] }>('GET', `/api/seminars/${start.id}/events?after=0`, undefined, fac)).body.events;

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    device.socket.io.reconnection(false);

    const second = await startChild();
    call = httpCaller(second.base);
    const after = (await call<SeminarState>('GET', `/api/seminars/${start.id}/state`, undefined, fac)).body;
    expect(after.lastSeq).toBe(before.lastSeq);
    expect(after.proposals).toEqual(before.proposals);
    expect(after.rounds).toEqual(before.rounds);
    expect(after.proposals.map((p) => [p.status, p.votes.up])).toEqual([
      ['accepted', 0],
      ['open', 4],
      ['declined', 0],
    ]);
    expect(after.rounds[0]!.ranking.map((r) => [r.targetId, r.score])).toEqual([
      ['no:9', 6],
      ['no:11', 2],
    ]);
    expect((await call<{ events: SeminarEvent[] }>('GET', `/api/seminars/${start.id}/events?after=0`, undefined, fac)).body.events).toEqual(logBefore);
    expect((await call('GET', `/api/nodes/lcja-2008:action:restart-0`, undefined, null)).status).toBe(200);

    // The seminar carries on: the open proposal is accepted, the log continues from where it stopped.
    const resumed = await call('POST', `/api/seminars/${start.id}/proposals/${proposals[1]}/accept`, {}, fac);
    expect(resumed.status).toBe(200);
    expect(resumed.body.seq).toBe(before.lastSeq + 1);
    // The device comes back to the new server with its lastSeq and gets exactly the one event it missed.
    const back = new SeminarClient(second.base, joins[3]!.token, device.lastSeq);
    clients.push(back);
    await back.connected();
    await until(() => back.lastSeq === before.lastSeq + 1, 10_000, 'the missed event');
    expect(back.events.map((e) => [e.seq, e.type])).toEqual([[before.lastSeq + 1, 'proposal-accepted']]);
    second.child.kill('SIGKILL');
  }, 90_000);
});
