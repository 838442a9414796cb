import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeminarEvent, StartSeminarAnswer, JoinAnswer } from '../../model/seminars.js';
import { SeminarClient, until } from './seminarClient.js';
import { startSeminarServer, type SeminarServer } from './seminarServer.js';

/**
 * A room of 100 participants on one real server: real socket.io clients, the real
 * embedded store. What matters is what each device receives: every logged event once,
 * in the one order the store holds, whatever the device went through.
 */

const ACTION = 'lcja-2008:action:2.5.7';
const PARTICIPANTS = 100;
const newAction = (i: number) => `lcja-2008:action:seminar-${i}`;

let srv: SeminarServer;
let start: StartSeminarAnswer;
let facilitator: SeminarClient;
let clients: SeminarClient[] = [];
const joins: JoinAnswer[] = [];

async function storeLog(): Promise<SeminarEvent[]> {
  const res = await srv.call<{ events: SeminarEvent[] }>('GET', `/api/seminars/${start.id}/events?after=0`, undefined, { token: start.facilitatorToken });
  expect(res.status).toBe(200);
  return res.body.events;
}

async function serverLastSeq(): Promise<number> {
  return (await srv.call<{ lastSeq: number }>('GET', `/api/seminars/${start.id}/state`, undefined, { token: start.facilitatorToken })).body.lastSeq;
}

const everyone = () => [facilitator, ...clients];
async function allCaughtUp(who: SeminarClient[] = everyone()): Promise<number> {
  const last = await serverLastSeq();
  await until(() => who.every((c) => c.lastSeq === last), 20_000, `every client at seq ${last}`).catch((err: Error) => {
    const behind = who
      .filter((c) => c.lastSeq !== last)
      .map((c) => ({ lastSeq: c.lastSeq, connected: c.socket.connected, recovered: c.socket.recovered, errors: c.connectErrors, welcomes: c.welcomes.length }));
    throw new Error(`${err.message}: ${behind.length} behind, e.g. ${JSON.stringify(behind.slice(0, 3))}`);
  });
  return last;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

beforeAll(async () => {
  srv = await startSeminarServer();
  const res = await srv.call<StartSeminarAnswer>('POST', '/api/seminars', { title: 'Lanarkshire partners seminar', anonymousVotes: false, dotsPerPerson: 3 });
  expect(res.status).toBe(201);
  start = res.body;
  facilitator = new SeminarClient(srv.base, start.facilitatorToken);
  for (let i = 0; i < PARTICIPANTS; i += 25) {
    const batch = await Promise.all(range(i, Math.min(i + 24, PARTICIPANTS - 1)).map((n) => srv.call<JoinAnswer>('POST', `/api/seminars/${start.code}/join`, { displayName: `Delegate ${n}` }, null)));
    for (const b of batch) expect(b.status).toBe(201);
    joins.push(...batch.map((b) => b.body));
  }
  clients = joins.map((j) => new SeminarClient(srv.base, j.token));
  await Promise.all(everyone().map((c) => c.connected()));
}, 120_000);

afterAll(async () => {
  for (const c of everyone()) c.close();
  await srv?.close();
});

describe('a seminar of 100 participants', () => {
  it('replays the joins from the log to each device, and every device follows the facilitator', async () => {
    const last = await allCaughtUp();
    // The facilitator's join and a hundred participants' joins, whatever moment each device connected.
    expect(last).toBe(PARTICIPANTS + 1);
    for (const c of everyone()) expect(c.seqs()).toEqual(range(1, last));

    const ack = await facilitator.send<{ rev: number }>('follow', { viewport: { x: 120.5, y: -40, w: 800, h: 450 }, selection: ACTION, thread: ACTION });
    expect(ack.ok).toBe(true);
    const rev = ack.ok ? ack.rev : -1;
    await until(() => clients.every((c) => c.follows.some((f) => f.rev === rev)), 10_000, 'the follow state on every device');
    for (const c of clients) {
      expect(c.follows.find((f) => f.rev === rev)).toEqual({ rev, viewport: { x: 120.5, y: -40, w: 800, h: 450 }, filters: null, selection: ACTION, thread: ACTION, locked: false });
    }
  });

  it('takes proposals and votes from the room; every device receives every accepted change once, in the same order', async () => {
    // Twenty proposals at once, over the socket and (every fifth) over HTTP, each a new action for the plan.
    const proposals = await Promise.all(
      range(0, 19).map(async (i) => {
        const payload = {
          kind: 'action',
          comment: `New action ${i} for the plan`,
          operations: [{ op: 'create', node: { kind: 'Action', id: newAction(i), props: { ref: `S${i}`, title: `Seminar action ${i}` } } }],
        };
        if (i % 5 === 0) {
          const res = await srv.call('POST', `/api/seminars/${start.id}/proposals`, payload, { token: joins[i]!.token });
          expect(res.status).toBe(201);
          expect(res.body.diff.nodes.added.map((n: { id: string }) => n.id)).toEqual([newAction(i)]);
          return res.body.proposalId as string;
        }
        const ack = await clients[i]!.send<{ proposalId: string; diff: { nodes: { added: { id: string }[] } } }>('propose', payload);
        if (!ack.ok) throw new Error(JSON.stringify(ack.error));
        expect(ack.diff.nodes.added.map((n) => n.id)).toEqual([newAction(i)]);
        return ack.proposalId;
      }),
    );
    // The dry runs wrote nothing.
    expect((await srv.call('GET', `/api/nodes/${newAction(0)}`, undefined, null)).status).toBe(404);

    // Everyone votes: for proposal i % 20, against when i is a multiple of 7.
    const votes = await Promise.all(clients.map((c, i) => c.send('vote', { proposalId: proposals[i % 20], value: i % 7 === 0 ? -1 : 1 })));
    expect(votes.filter((v) => !v.ok)).toEqual([]);

    // A dot round on three outcomes: delegate i puts 2 dots on target i % 3 and 1 on (i + 1) % 3.
    const targets = [
      { id: 'no:9', label: 'National outcome 9' },
      { id: 'fo:c1', label: 'C1' },
      { id: 'fo:o2', label: 'O2' },
    ];
    const opened = await facilitator.send<{ roundId: string }>('open-round', { title: 'Which outcome first?', targets, dotsPerPerson: 3 });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const dots = await Promise.all(
      clients.map((c, i) =>
        c.send('vote', {
          roundId: opened.roundId,
          allocations: [
            { targetId: targets[i % 3]!.id, dots: 2 },
            { targetId: targets[(i + 1) % 3]!.id, dots: 1 },
          ],
        }),
      ),
    );
    expect(dots.filter((v) => !v.ok)).toEqual([]);

    // The facilitator accepts ten and declines two.
    const accepted: string[] = [];
    for (let i = 0; i < 10; i++) {
      const ack = await facilitator.send<{ changeId: string }>('accept', { proposalId: proposals[i] });
      if (!ack.ok) throw new Error(JSON.stringify(ack.error));
      accepted.push(ack.changeId);
    }
    for (const i of [10, 11]) expect((await facilitator.send('decline', { proposalId: proposals[i], reason: 'the plan already covers it' })).ok).toBe(true);
    const closed = await facilitator.send('close-round', { roundId: opened.roundId });
    expect(closed.ok).toBe(true);

    const last = await allCaughtUp();
    const log = await storeLog();
    expect(log.map((e) => e.seq)).toEqual(range(1, last));
    for (const c of everyone()) {
      // Exactly once each, in the store's order.
      expect(c.seqs()).toEqual(range(1, last));
      expect(c.events.map((e) => e.type)).toEqual(log.map((e) => e.type));
      expect(c.events.filter((e) => e.type === 'proposal-accepted').map((e) => (e.type === 'proposal-accepted' ? e.changeId : null))).toEqual(accepted);
      expect(c.refusals).toEqual([]);
    }

    // Scores: delegates 0..99 give 2 dots to i%3 and 1 to (i+1)%3: no:9 gets 2*34+1*33, C1 2*33+34, O2 2*33+33.
    const roundClosed = log.find((e) => e.type === 'round-closed');
    expect(roundClosed?.type === 'round-closed' && roundClosed.ranking.map((r) => [r.targetId, r.score])).toEqual([
      ['no:9', 101],
      ['fo:c1', 100],
      ['fo:o2', 99],
    ]);

    // Each accepted change is in the audit log as the proposer's, from this seminar.
    const change = await srv.call('GET', `/api/changes/${accepted[1]}`, undefined, null);
    expect(change.status).toBe(200);
    expect(change.body.origin).toEqual({ kind: 'seminar', ref: start.id });
    expect(change.body.actor.name).toBe('Delegate 1');
    expect((await srv.call('GET', `/api/nodes/${newAction(1)}`, undefined, null)).status).toBe(200);
  }, 120_000);

  it('ten devices that drop receive exactly what they missed when they come back, and a deletion made meanwhile stays deleted', async () => {
    const before = await allCaughtUp();
    const flaky = clients.slice(0, 5); // Wi-Fi drops: the transport closes, socket.io may recover the session
    const locked = clients.slice(5, 10); // a locked phone: the page's socket is closed, it reconnects from its lastSeq
    for (const c of flaky) {
      c.socket.io.reconnection(false);
      c.socket.io.engine.close();
    }
    for (const c of locked) c.close();
    await until(() => [...flaky, ...locked].every((c) => !c.socket.connected), 5000, 'the ten to drop');
    const heldAt = [...flaky, ...locked].map((c) => c.events.length);

    // While they are away: a deletion of an accepted action, and two more changes, proposed and accepted.
    const stayed = clients.slice(10);
    const deletion = await clients[20]!.send<{ proposalId: string }>('propose', { kind: 'correction', comment: 'Action 0 duplicates 2.5.7', operations: [{ op: 'delete', id: newAction(0) }] });
    const update = await clients[21]!.send<{ proposalId: string }>('propose', {
      kind: 'lead',
      comment: 'Action 1 has a timescale',
      operations: [{ op: 'update', id: newAction(1), set: { timescale: 'March 2009' } }],
    });
    if (!deletion.ok || !update.ok) throw new Error('proposals refused');
    const del = await facilitator.send<{ changeId: string; diff: { nodes: { removed: { id: string }[] } } }>('accept', { proposalId: deletion.proposalId });
    if (!del.ok) throw new Error(JSON.stringify(del.error));
    expect(del.diff.nodes.removed.map((n) => n.id)).toEqual([newAction(0)]);
    expect((await facilitator.send('accept', { proposalId: update.proposalId })).ok).toBe(true);
    const last = await allCaughtUp([facilitator, ...stayed]);
    expect(last).toBe(before + 4);
    expect((await srv.call('GET', `/api/nodes/${newAction(0)}`, undefined, null)).status).toBe(404);

    for (const c of flaky) {
      c.socket.io.reconnection(true);
      c.socket.connect();
    }
    for (const c of locked) c.socket.connect();
    await allCaughtUp();

    const log = await storeLog();
    [...flaky, ...locked].forEach((c, i) => {
      const missed = c.events.slice(heldAt[i]);
      expect(missed.map((e) => e.seq)).toEqual(range(before + 1, last));
      expect(missed).toEqual(log.slice(before));
      expect(c.seqs()).toEqual(range(1, last));
    });
    // The flaky ones were recovered by socket.io, the locked ones caught up from the store's log.
    expect(flaky.map((c) => c.socket.recovered)).toEqual([true, true, true, true, true]);
    expect(locked.map((c) => c.socket.recovered)).toEqual([false, false, false, false, false]);
    // What they now hold, replayed in order, ends with the action deleted and never re-added.
    for (const c of [...flaky, ...locked]) {
      const lastMention = c.events.filter((e) => e.type === 'proposal-accepted' && [...e.diff.nodes.added, ...e.diff.nodes.removed].some((n) => n.id === newAction(0))).at(-1);
      expect(lastMention?.type === 'proposal-accepted' && lastMention.diff.nodes.removed.map((n) => n.id)).toEqual([newAction(0)]);
    }
    expect((await srv.call('GET', `/api/nodes/${newAction(0)}`, undefined, null)).status).toBe(404);
  }, 60_000);

  it('refuses malformed, oversized and flooding messages to their sender alone', async () => {
    const before = await allCaughtUp();
    const [bad, flooder, huge] = [clients[50]!, clients[51]!, clients[52]!];
    const others = everyone().filter((c) => c !== bad && c !== flooder && c !== huge);

    const malformed = await bad.send('propose', { kind: 'wish', comment: 'x', operations: [] });
    expect(malformed.ok === false && malformed.error.issues.map((i) => i.field)).toEqual(['kind']);
    const badOp = await bad.send('propose', { kind: 'link', comment: 'x', operations: [{ op: 'link', type: 'SERVES', from: ACTION, to: 'no:99' }] });
    expect(badOp.ok === false && badOp.error.status).toBe(404);
    const badVote = await bad.send('vote', { proposalId: 'nope', value: 1 });
    expect(badVote.ok === false && badVote.error.code).toBe('bad_request');
    const notFacilitator = await bad.send('accept', { proposalId: 'proposal:00000000-0000-0000-0000-000000000000' });
    expect(notFacilitator.ok === false && notFacilitator.error.status).toBe(403);
    const tooBig = await bad.send('propose', { kind: 'comment', comment: 'x'.repeat(40_000), nodeId: ACTION });
    expect(tooBig.ok === false && tooBig.error.code).toBe('too_large');
    bad.socket.emit('hack', { a: 1 });
    await until(() => bad.refusals.some((r) => r.code === 'unknown_message'), 5000, 'the unknown message refused');
    expect(bad.socket.connected).toBe(true);

    // A flooder: the burst passes, the rest is refused, and one that keeps on is cut off.
    for (let i = 0; i < 300; i++) flooder.socket.emit('vote', { proposalId: 'proposal:00000000-0000-0000-0000-000000000000', value: 1 });
    // A frame far over the limit closes that one connection.
    huge.socket.io.reconnection(false);
    huge.socket.emit('propose', { kind: 'comment', comment: 'y'.repeat(300_000), nodeId: ACTION });
    // Meanwhile the room carries on.
    const moved = await facilitator.send<{ rev: number }>('follow', { viewport: { x: 1, y: 2, w: 300, h: 200 } });
    const rev = moved.ok ? moved.rev : -1;
    await until(() => others.every((c) => c.follows.some((f) => f.rev === rev)), 10_000, 'the follow state on the other devices');
    await until(() => !flooder.socket.connected && !huge.socket.connected, 10_000, 'the flooder and the huge frame cut off');
    expect(flooder.refusals.filter((r) => r.code === 'rate_limited').length).toBeGreaterThanOrEqual(100);

    for (const c of others) expect(c.refusals).toEqual([]);
    // Nothing was logged by any of it.
    expect(await serverLastSeq()).toBe(before);
  }, 60_000);
});
