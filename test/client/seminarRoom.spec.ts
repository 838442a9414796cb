import { describe, expect, it } from 'vitest';
import { applyEvent, orderedProposals, proposalVotes, roomFrom, secondsLeft, type Room } from '../../client/seminar/room.js';
import { emptyDiff } from '../../model/changes.js';
import type { ProposalInfo, SeminarEvent, SeminarState } from '../../model/seminars.js';

const SEM = 'seminar:00000000-0000-4000-8000-000000000001';
const pid = (n: number) => `proposal:00000000-0000-4000-8000-00000000000${n}`;

function state(): SeminarState {
  return {
    seminar: {
      id: SEM,
      code: 'ABC234',
      title: 'Lanarkshire partners',
      status: 'running',
      facilitator: { id: 'fac', name: 'Fac' },
      startedAt: '2026-12-02T01:00:00Z',
      endedAt: null,
      view: { filters: null, layout: 'layered', namedView: null },
      requireSignIn: false,
      anonymousVotes: false,
      dotsPerPerson: 3,
      joinUrl: 'http://127.0.0.1/?join=ABC234',
    },
    follow: { rev: 0, viewport: null, filters: null, selection: null, thread: null, locked: false },
    presence: { count: 1, present: [] },
    proposals: [],
    rounds: [],
    lastSeq: 2,
  };
}
const proposal = (n: number): ProposalInfo => ({
  id: pid(n),
  seminarId: SEM,
  kind: 'comment',
  status: 'open',
  author: { id: 'p', displayName: 'Morag' },
  comment: `c${n}`,
  operations: [],
  diff: emptyDiff(),
  createdAt: '2026-12-02T01:00:00Z',
  decidedAt: null,
  declineReason: null,
  changeId: null,
  votes: { up: 0, down: 0 },
});
const ev = (seq: number, body: Record<string, unknown>): SeminarEvent => ({ seq, at: `2026-12-02T01:0${seq}:00Z`, seminarId: SEM, ...body }) as SeminarEvent;

describe('the room from its snapshot and its event log', () => {
  it('applies the next event, ignores one already applied, and reports a gap', () => {
    const room = roomFrom(state());
    const a = applyEvent(room, ev(3, { type: 'proposal-submitted', proposal: proposal(1) }));
    expect(a.outcome).toBe('applied');
    expect(a.room.lastSeq).toBe(3);
    expect(a.room.proposals.map((p) => p.id)).toEqual([pid(1)]);
    // A replay after reconnecting changes nothing.
    expect(applyEvent(a.room, ev(3, { type: 'proposal-submitted', proposal: proposal(1) }))).toEqual({ room: a.room, outcome: 'duplicate' });
    expect(applyEvent(a.room, ev(2, { type: 'seminar-ended', endedAt: 'x', summaryUrl: 'y' })).outcome).toBe('duplicate');
    expect(applyEvent(a.room, ev(5, { type: 'proposal-submitted', proposal: proposal(2) })).outcome).toBe('gap');
  });

  it('an accepted proposal records its change (a reason to load the graph), a declined one its reason', () => {
    let room: Room = roomFrom(state());
    room = applyEvent(room, ev(3, { type: 'proposal-submitted', proposal: proposal(1) })).room;
    room = applyEvent(room, ev(4, { type: 'proposal-submitted', proposal: proposal(2) })).room;
    room = applyEvent(room, ev(5, { type: 'proposal-accepted', proposalId: pid(1), changeId: 'change:1', diff: emptyDiff(), acceptedBy: 'Fac' })).room;
    room = applyEvent(room, ev(6, { type: 'proposal-declined', proposalId: pid(2), reason: 'out of scope', declinedBy: 'Fac' })).room;
    expect(room.committed).toEqual(['change:1']);
    expect(room.proposals.find((p) => p.id === pid(1))).toMatchObject({ status: 'accepted', changeId: 'change:1' });
    expect(room.proposals.find((p) => p.id === pid(2))).toMatchObject({ status: 'declined', declineReason: 'out of scope' });
    // A comment accepted as a decision commits nothing.
    room = applyEvent(room, ev(7, { type: 'proposal-submitted', proposal: proposal(3) })).room;
    room = applyEvent(room, ev(8, { type: 'proposal-accepted', proposalId: pid(3), changeId: null, diff: emptyDiff(), acceptedBy: 'Fac' })).room;
    expect(room.committed).toEqual(['change:1']);
  });

  it('lists open proposals first, newest on top, then decisions newest first', () => {
    let room: Room = roomFrom(state());
    for (const n of [1, 2, 3]) room = applyEvent(room, ev(room.lastSeq + 1, { type: 'proposal-submitted', proposal: proposal(n) })).room;
    room = applyEvent(room, ev(room.lastSeq + 1, { type: 'proposal-declined', proposalId: pid(1), reason: 'r', declinedBy: 'Fac' })).room;
    expect(orderedProposals(room).map((p) => p.comment)).toEqual(['c3', 'c2', 'c1']);
  });

  it('a dot round opens, ranks live, and closes with its final ranking; the seminar ends with its summary', () => {
    let room: Room = roomFrom(state());
    const round = {
      id: 'round:1',
      title: 'Gaps',
      status: 'open' as const,
      targets: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      dotsPerPerson: 3,
      anonymous: true,
      openedAt: '2026-12-02T01:00:00Z',
      endsAt: '2026-12-02T01:03:00Z',
      closedAt: null,
    };
    room = applyEvent(room, ev(3, { type: 'round-opened', round })).room;
    room = applyEvent(room, ev(4, { type: 'tally', target: { roundId: 'round:1' }, ranking: [{ targetId: 'b', label: 'B', score: 2 }] })).room;
    expect(room.rounds[0]!.ranking).toEqual([{ targetId: 'b', label: 'B', score: 2 }]);
    expect(secondsLeft(room.rounds[0]!, Date.parse('2026-12-02T01:01:30Z'))).toBe(90);
    room = applyEvent(room, ev(5, { type: 'round-closed', roundId: 'round:1', ranking: [{ targetId: 'b', label: 'B', score: 3 }] })).room;
    expect(room.rounds[0]).toMatchObject({ status: 'closed', ranking: [{ score: 3 }] });
    expect(secondsLeft(room.rounds[0]!, Date.parse('2026-12-02T01:01:30Z'))).toBeNull();
    room = applyEvent(room, ev(6, { type: 'seminar-ended', endedAt: '2026-12-02T02:00:00Z', summaryUrl: `/api/seminars/${SEM}/summary` })).room;
    expect(room.ended).toEqual({ endedAt: '2026-12-02T02:00:00Z', summaryUrl: `/api/seminars/${SEM}/summary` });
    expect(room.seminar.status).toBe('ended');
  });

  it('takes each proposal’s net support from a tally, keeping the sides when they agree', () => {
    expect(proposalVotes([{ targetId: pid(1), label: 'x', score: -2 }], pid(1), { up: 0, down: 0 })).toEqual({ up: 0, down: 2 });
    const before = { up: 3, down: 1 };
    expect(proposalVotes([{ targetId: pid(1), label: 'x', score: 2 }], pid(1), before)).toBe(before);
    expect(proposalVotes([{ targetId: pid(2), label: 'y', score: 5 }], pid(1), before)).toBe(before);
    let room: Room = roomFrom(state());
    room = applyEvent(room, ev(3, { type: 'proposal-submitted', proposal: proposal(1) })).room;
    room = applyEvent(room, ev(4, { type: 'proposal-submitted', proposal: proposal(2) })).room;
    room = applyEvent(
      room,
      ev(5, {
        type: 'tally',
        target: { proposalId: pid(2) },
        ranking: [
          { targetId: pid(2), label: 'c2', score: 1 },
          { targetId: pid(1), label: 'c1', score: -1 },
        ],
      }),
    ).room;
    expect(room.proposals.map((p) => p.votes)).toEqual([
      { up: 0, down: 1 },
      { up: 1, down: 0 },
    ]);
  });
});
