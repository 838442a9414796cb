import type { DotRoundInfo, FollowState, ParticipantInfo, Presence, ProposalInfo, RankingEntry, SeminarEvent, SeminarInfo, SeminarState } from '../../model/seminars.js';

/**
 * The seminar as this device knows it: the HTTP snapshot, then the logged events in
 * sequence order. Pure: an event already applied (a replay after reconnecting) changes
 * nothing, and an event beyond the next seq says the device missed some and must read
 * the snapshot again. The outcome of every proposal, the live rankings and whether the
 * seminar has ended all come from here.
 */

export type Round = DotRoundInfo & { ranking: RankingEntry[] };

export type Room = {
  seminar: SeminarInfo;
  you: ParticipantInfo | null;
  follow: FollowState;
  presence: Presence;
  /** Oldest first. */
  proposals: ProposalInfo[];
  rounds: Round[];
  lastSeq: number;
  ended: { endedAt: string; summaryUrl: string } | null;
  /** Changes committed by accepted proposals since this device joined, oldest first: each is a reason to load the graph again. */
  committed: string[];
};

export function roomFrom(state: SeminarState, you: ParticipantInfo | null = null): Room {
  return {
    seminar: state.seminar,
    you,
    follow: state.follow,
    presence: state.presence,
    proposals: state.proposals,
    rounds: state.rounds,
    lastSeq: state.lastSeq,
    ended: state.seminar.status === 'ended' ? { endedAt: state.seminar.endedAt ?? '', summaryUrl: `/api/seminars/${state.seminar.id}/summary` } : null,
    committed: [],
  };
}

export type Applied = { room: Room; outcome: 'applied' | 'duplicate' | 'gap' };

export function applyEvent(room: Room, e: SeminarEvent): Applied {
  if (e.seq <= room.lastSeq) return { room, outcome: 'duplicate' };
  if (e.seq > room.lastSeq + 1) return { room, outcome: 'gap' };
  const r: Room = { ...room, lastSeq: e.seq };
  switch (e.type) {
    case 'participant-joined':
      break;
    case 'proposal-submitted':
      r.proposals = [...room.proposals.filter((p) => p.id !== e.proposal.id), e.proposal];
      break;
    case 'proposal-accepted':
      r.proposals = room.proposals.map((p) => (p.id === e.proposalId ? { ...p, status: 'accepted', changeId: e.changeId, decidedAt: e.at } : p));
      if (e.changeId) r.committed = [...room.committed, e.changeId];
      break;
    case 'proposal-declined':
      r.proposals = room.proposals.map((p) => (p.id === e.proposalId ? { ...p, status: 'declined', declineReason: e.reason, decidedAt: e.at } : p));
      break;
    case 'tally':
      if ('proposalId' in e.target) {
        // The ranking scores every proposal of the seminar: each card takes its own line.
        r.proposals = room.proposals.map((p) => {
          const votes = proposalVotes(e.ranking, p.id, p.votes);
          return votes === p.votes ? p : { ...p, votes };
        });
      } else {
        const id = e.target.roundId;
        r.rounds = room.rounds.map((x) => (x.id === id ? { ...x, ranking: e.ranking } : x));
      }
      break;
    case 'round-opened':
      r.rounds = [...room.rounds.filter((x) => x.id !== e.round.id), { ...e.round, ranking: [] }];
      break;
    case 'round-closed':
      r.rounds = room.rounds.map((x) => (x.id === e.roundId ? { ...x, status: 'closed', closedAt: e.at, ranking: e.ranking } : x));
      break;
    case 'seminar-ended':
      r.ended = { endedAt: e.endedAt, summaryUrl: e.summaryUrl };
      r.seminar = { ...room.seminar, status: 'ended', endedAt: e.endedAt };
      break;
  }
  return { room: r, outcome: 'applied' };
}

/**
 * A proposal's votes after a tally. The tally ranks proposals by net support (for minus
 * against); the snapshot has the two sides. A net score that matches what is known
 * keeps the sides; another net score is all there is to show.
 */
export function proposalVotes(ranking: readonly RankingEntry[], proposalId: string, before: ProposalInfo['votes']): ProposalInfo['votes'] {
  const net = ranking.find((x) => x.targetId === proposalId);
  if (!net || net.score === before.up - before.down) return before;
  return { up: Math.max(0, net.score), down: Math.max(0, -net.score) };
}

/** What a proposal's card shows: its net support. */
export const netSupport = (v: ProposalInfo['votes']) => v.up - v.down;

/** The open proposals first (newest on top), then the decided ones, newest decision first. */
export function orderedProposals(room: Room): ProposalInfo[] {
  const open = room.proposals.filter((p) => p.status === 'open').reverse();
  const decided = room.proposals.filter((p) => p.status !== 'open').sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  return [...open, ...decided];
}

/** Seconds left on a round's timer at `now` (null: no timer). */
export function secondsLeft(round: DotRoundInfo, now: number): number | null {
  if (!round.endsAt || round.status === 'closed') return null;
  return Math.max(0, Math.ceil((Date.parse(round.endsAt) - now) / 1000));
}
