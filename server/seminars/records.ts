import type { ChangeDiff, ChangeOperation } from '../../model/changes.js';
import type { DotRoundInfo, FollowState, ParticipantInfo, ProposalInfo, SeminarInfo, SeminarView } from '../../model/seminars.js';
import type { DotRoundRow, ProposalRow, SeminarParticipantRow, SeminarRow, SeminarVoteRow } from '../../model/system.js';

/** Stored rows -> the protocol's records (model/seminars.ts). Pure. */

export function seminarInfo(row: SeminarRow, origin: string): SeminarInfo {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    facilitator: { id: row.facilitatorId, name: row.facilitatorName },
    startedAt: row.startedAt,
    endedAt: row.endedAt ?? null,
    view: JSON.parse(row.view) as SeminarView,
    requireSignIn: row.requireSignIn,
    anonymousVotes: row.anonymousVotes,
    dotsPerPerson: row.dotsPerPerson,
    joinUrl: joinUrl(origin, row.code),
  };
}

/** Where a participant's phone goes: the explorer, which sees ?join= and asks for a display name. */
export const joinUrl = (origin: string, code: string) => `${origin}/?join=${code}`;

export function participantInfo(row: SeminarParticipantRow): ParticipantInfo {
  return { id: row.id, displayName: row.displayName, role: row.role, username: row.username ?? null, joinedAt: row.joinedAt };
}

export function proposalInfo(row: ProposalRow, votes: Iterable<SeminarVoteRow>): ProposalInfo {
  let up = 0;
  let down = 0;
  for (const v of votes) {
    if (v.subjectId !== row.id) continue;
    if (v.value > 0) up++;
    else if (v.value < 0) down++;
  }
  return {
    id: row.id,
    seminarId: row.seminarId,
    kind: row.kind as ProposalInfo['kind'],
    status: row.status,
    author: { id: row.authorId, displayName: row.authorName },
    comment: row.comment,
    operations: JSON.parse(row.operations) as ChangeOperation[],
    diff: JSON.parse(row.diff) as ChangeDiff,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt ?? null,
    declineReason: row.declineReason ?? null,
    changeId: row.changeId ?? null,
    votes: { up, down },
  };
}

export function roundInfo(row: DotRoundRow): DotRoundInfo {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    targets: JSON.parse(row.targets) as DotRoundInfo['targets'],
    dotsPerPerson: row.dotsPerPerson,
    anonymous: row.anonymous,
    openedAt: row.openedAt,
    endsAt: row.endsAt ?? null,
    closedAt: row.closedAt ?? null,
  };
}

export function initialFollow(view: SeminarView): FollowState {
  return { rev: 0, viewport: null, filters: view.filters, selection: null, thread: null, locked: false };
}
