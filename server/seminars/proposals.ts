import { randomUUID } from 'node:crypto';
import { emptyDiff, type ChangeDiff } from '../../model/changes.js';
import type { Actor } from '../../model/roles.js';
import { ProposeMessage, VoteMessage, type AcceptAnswer, type ProposalAnswer, type SeminarEvent, type VoteAnswer } from '../../model/seminars.js';
import type { SeminarParticipantRow, SeminarVoteRow } from '../../model/system.js';
import type { ChangePipeline } from '../changes/pipeline.js';
import type { GraphStore } from '../store/port.js';
import { proposalInfo } from './records.js';
import { proposalRanking, roundRanking } from './ranking.js';
import type { SeminarRepository } from './repository.js';
import type { SeminarRoom } from './room.js';
import { logged, mustFacilitate, mustRun, openProposal, refused, type Caller } from './roomRules.js';

/**
 * A seminar's proposals and votes: participants propose changes (checked by a dry run of
 * the change pipeline) or comments, the facilitator accepts (one committed change, origin
 * the seminar) or declines, and everyone votes on proposals or spends dots in a round.
 * Each is one logged event written with its rows (room.ts); SeminarService answers for it.
 */

/** What proposals need of the service: the store and pipeline, and how it tells listeners of an event. */
export type ProposalContext = {
  store: GraphStore;
  pipeline: ChangePipeline;
  repo: SeminarRepository;
  announce(room: SeminarRoom): (event: SeminarEvent) => void;
};

export class SeminarProposals {
  constructor(private readonly ctx: ProposalContext) {}

  async propose(caller: Caller, input: unknown): Promise<ProposalAnswer> {
    const msg = ProposeMessage.parse(input);
    const { room, participant } = caller;
    mustRun(room);
    // The dry run: the exact diff the facilitator will decide on (400 naming the field of a bad operation).
    const diff: ChangeDiff = msg.operations.length
      ? (await this.ctx.pipeline.submit({ operations: msg.operations, dryRun: true }, participantActor(participant), { kind: 'seminar', ref: room.id })).diff
      : emptyDiff();
    const row = {
      id: `proposal:${randomUUID()}`,
      seminarId: room.id,
      kind: msg.kind,
      status: 'open' as const,
      authorId: participant.id,
      authorName: participant.displayName,
      comment: msg.comment,
      ...(msg.nodeId ? { nodeId: msg.nodeId } : {}),
      operations: JSON.stringify(msg.operations),
      diff: JSON.stringify(diff),
      createdAt: new Date().toISOString(),
    };
    const event = await logged(room, async () => {
      mustRun(room);
      return room.append(this.ctx.store, { type: 'proposal-submitted', proposal: proposalInfo(row, []) }, [{ table: 'Proposal', row }], this.ctx.announce(room));
    });
    return { proposalId: row.id, diff, seq: event.seq };
  }

  /**
   * Commits the proposal through the change pipeline as its author's change, origin the
   * seminar. A change already committed for it (the server stopped between the commit and
   * the log entry) is found in the audit log and not committed twice.
   */
  async accept(caller: Caller, proposalId: string): Promise<AcceptAnswer> {
    const { room, participant: facilitator } = mustFacilitate(caller);
    const answer = await room.exclusive(async () => {
      mustRun(room);
      const proposal = openProposal(room, proposalId);
      const author = room.participants.get(proposal.authorId);
      const operations = JSON.parse(proposal.operations) as unknown[];
      const reason = `Accepted by ${facilitator.displayName} in the seminar "${room.row.title}" (${proposal.id}): ${proposal.comment}`.slice(0, 2000);
      let changeId: string | null = null;
      let diff: ChangeDiff = emptyDiff();
      if (operations.length) {
        const earlier = (await this.ctx.repo.changes(room.id)).find((c) => c.reason?.includes(`(${proposal.id})`));
        if (earlier) {
          changeId = earlier.id;
          diff = JSON.parse(earlier.diff) as ChangeDiff;
        } else {
          const result = await this.ctx.pipeline.submit({ operations: operations as never, reason }, participantActor(author ?? facilitator), { kind: 'seminar', ref: room.id });
          if (!result.committed) throw refused(409, 'nothing_to_change', 'the graph already holds what this proposal asks for: decline it instead', 'proposalId');
          changeId = result.changeId;
          diff = result.diff;
        }
      }
      const decidedAt = new Date().toISOString();
      const row = { ...proposal, status: 'accepted' as const, decidedAt, decidedBy: facilitator.displayName, ...(changeId ? { changeId } : {}) };
      const { done } = room.append(
        this.ctx.store,
        { type: 'proposal-accepted', proposalId, changeId, diff, acceptedBy: facilitator.displayName },
        [{ table: 'Proposal', row }],
        this.ctx.announce(room),
      );
      return { done, changeId, diff };
    });
    const event = await answer.done;
    return { proposalId, changeId: answer.changeId, diff: answer.diff, seq: event.seq };
  }

  /**
   * An acceptance is two store writes: the change (with its audit entry), then the log
   * entry marking the proposal accepted. A server killed between them leaves the change in
   * the graph while the seminar shows the proposal open, where it could be declined. When
   * a room loads, each such acceptance is completed from its audit entry, before anyone
   * sees the room: the crash suite (test/crash, seminar scenario) found this window.
   */
  async completeInterrupted(room: SeminarRoom): Promise<void> {
    const open = [...room.proposals.values()].filter((p) => p.status === 'open');
    if (!open.length) return;
    const changes = await this.ctx.repo.changes(room.id);
    for (const proposal of open) {
      const earlier = changes.find((c) => c.reason?.includes(`(${proposal.id})`));
      if (!earlier) continue;
      const acceptedBy = /^Accepted by (.+?) in the seminar "/.exec(earlier.reason ?? '')?.[1] ?? 'the facilitator';
      const diff = JSON.parse(earlier.diff) as ChangeDiff;
      const row = { ...proposal, status: 'accepted' as const, decidedAt: earlier.at, decidedBy: acceptedBy, changeId: earlier.id };
      const { done } = await room.exclusive(async () =>
        room.append(this.ctx.store, { type: 'proposal-accepted', proposalId: proposal.id, changeId: earlier.id, diff, acceptedBy }, [{ table: 'Proposal', row }], this.ctx.announce(room)),
      );
      await done;
    }
  }

  async decline(caller: Caller, proposalId: string, reason: string): Promise<SeminarEvent> {
    const { room, participant: facilitator } = mustFacilitate(caller);
    return logged(room, async () => {
      mustRun(room);
      const proposal = openProposal(room, proposalId);
      const row = { ...proposal, status: 'declined' as const, decidedAt: new Date().toISOString(), decidedBy: facilitator.displayName, declineReason: reason };
      return room.append(this.ctx.store, { type: 'proposal-declined', proposalId, reason, declinedBy: facilitator.displayName }, [{ table: 'Proposal', row }], this.ctx.announce(room));
    });
  }

  async vote(caller: Caller, input: unknown): Promise<VoteAnswer> {
    const msg = VoteMessage.parse(input);
    const { room, participant } = caller;
    const answer = await room.exclusive(async () => {
      mustRun(room);
      const at = new Date().toISOString();
      if ('proposalId' in msg) {
        openProposal(room, msg.proposalId);
        const row = { id: `${msg.proposalId}|${participant.id}`, seminarId: room.id, subjectId: msg.proposalId, participantId: participant.id, value: msg.value, at };
        const ranking = proposalRanking(room.proposals.values(), withVote(room, row), room.row.anonymousVotes, room.nameOf);
        return { ranking, ...room.append(this.ctx.store, { type: 'tally', target: { proposalId: msg.proposalId }, ranking }, [{ table: 'SeminarVote', row }], this.ctx.announce(room)) };
      }
      const round = room.rounds.get(msg.roundId);
      if (!round) throw refused(404, 'not_found', `no round ${msg.roundId} in this seminar`, 'roundId');
      if (round.status !== 'open' || (round.endsAt && round.endsAt <= at)) throw refused(409, 'round_closed', 'this round is closed', 'roundId');
      const targets = new Set((JSON.parse(round.targets) as { id: string }[]).map((t) => t.id));
      msg.allocations.forEach((a, i) => {
        if (!targets.has(a.targetId)) throw refused(400, 'bad_request', `is not one of the round's targets: ${a.targetId}`, `allocations.${i}.targetId`);
      });
      const used = msg.allocations.reduce((n, a) => n + a.dots, 0);
      if (used > round.dotsPerPerson) throw refused(400, 'bad_request', `uses ${used} dots; each person has ${round.dotsPerPerson}`, 'allocations');
      const row = { id: `${round.id}|${participant.id}`, seminarId: room.id, subjectId: round.id, participantId: participant.id, value: used, allocations: JSON.stringify(msg.allocations), at };
      const ranking = roundRanking(round, withVote(room, row), room.nameOf);
      return { ranking, ...room.append(this.ctx.store, { type: 'tally', target: { roundId: round.id }, ranking }, [{ table: 'SeminarVote', row }], this.ctx.announce(room)) };
    });
    return { ranking: answer.ranking, seq: (await answer.done).seq };
  }
}

/** The author of an accepted proposal, as the audit log records them. */
export function participantActor(p: SeminarParticipantRow): Actor {
  return { id: p.username ?? p.id, name: p.displayName, role: 'viewer' };
}

/** The room's votes with one cast or replaced, before it is stored (the room takes it only once the store has it). */
function withVote(room: SeminarRoom, vote: SeminarVoteRow): SeminarVoteRow[] {
  const votes = new Map(room.votes);
  votes.set(vote.id, vote);
  return [...votes.values()];
}
