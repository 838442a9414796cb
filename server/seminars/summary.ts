import type { ChangeDiff } from '../../model/changes.js';
import type { SeminarSummary } from '../../model/seminars.js';
import { proposalInfo, seminarInfo } from './records.js';
import { proposalRanking, roundRanking } from './ranking.js';
import type { SeminarRoom } from './room.js';
import type { SeminarService } from './service.js';

/**
 * A seminar's record: its decisions, the changes it committed (their diffs read back
 * from the audit log, the record of what was written, not what was proposed), the
 * declined proposals with reasons, the vote rankings and who came.
 */
export async function buildSummary(
  service: SeminarService,
  room: SeminarRoom,
  origin: string,
): Promise<SeminarSummary & { changes: { changeId: string; seq: number; at: string; actor: string; reason: string | null }[] }> {
  const audit = await service.repo.changes(room.id);
  const byChange = new Map(audit.map((a) => [a.id, a]));
  const votes = [...room.votes.values()];
  const proposals = [...room.proposals.values()].map((p) => proposalInfo(p, votes));
  const authorOf = (p: (typeof proposals)[number]) => p.author.displayName;
  const decided = proposals.filter((p) => p.status !== 'open').sort((a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? ''));
  const decidedBy = (id: string) => room.proposals.get(id)?.decidedBy ?? '';
  return {
    seminar: seminarInfo(room.row, origin),
    decisions: decided.map((p) => ({ proposalId: p.id, decision: p.status as 'accepted' | 'declined', at: p.decidedAt ?? '', by: decidedBy(p.id), comment: p.comment, author: authorOf(p) })),
    accepted: decided
      .filter((p) => p.status === 'accepted')
      .map((p) => ({
        proposalId: p.id,
        changeId: p.changeId,
        author: authorOf(p),
        comment: p.comment,
        diff: p.changeId && byChange.has(p.changeId) ? (JSON.parse(byChange.get(p.changeId)!.diff) as ChangeDiff) : p.diff,
      })),
    declined: decided.filter((p) => p.status === 'declined').map((p) => ({ proposalId: p.id, author: authorOf(p), comment: p.comment, reason: p.declineReason ?? '' })),
    open: proposals.filter((p) => p.status === 'open').map((p) => ({ proposalId: p.id, author: authorOf(p), comment: p.comment })),
    proposalVotes: proposalRanking(room.proposals.values(), votes, true, room.nameOf).map((r) => {
      const p = proposals.find((x) => x.id === r.targetId)!;
      return { proposalId: p.id, comment: p.comment, up: p.votes.up, down: p.votes.down };
    }),
    rounds: [...room.rounds.values()].map((r) => ({ roundId: r.id, title: r.title, ranking: roundRanking(r, votes, room.nameOf) })),
    attendance: [...room.participants.values()].map((p) => ({ displayName: p.displayName, role: p.role, joinedAt: p.joinedAt, username: p.username ?? null })),
    changes: audit.map((a) => ({ changeId: a.id, seq: a.seq, at: a.at, actor: a.actorName, reason: a.reason ?? null })),
  };
}
