import type { RankingEntry } from '../../model/seminars.js';
import type { DotRoundRow, ProposalRow, SeminarVoteRow } from '../../model/system.js';

/**
 * Live rankings, computed from the votes (never stored, so they cannot drift from them).
 * Ties keep the order the items were offered in. Voters are named only when the votes are not anonymous.
 */

export function roundRanking(round: DotRoundRow, votes: Iterable<SeminarVoteRow>, nameOf: (participantId: string) => string): RankingEntry[] {
  const targets = JSON.parse(round.targets) as { id: string; label: string }[];
  const score = new Map(targets.map((t) => [t.id, 0]));
  const voters = new Map(targets.map((t) => [t.id, [] as string[]]));
  for (const v of votes) {
    if (v.subjectId !== round.id || !v.allocations) continue;
    for (const a of JSON.parse(v.allocations) as { targetId: string; dots: number }[]) {
      if (!score.has(a.targetId)) continue;
      score.set(a.targetId, score.get(a.targetId)! + a.dots);
      voters.get(a.targetId)!.push(nameOf(v.participantId));
    }
  }
  return rank(targets.map((t) => ({ targetId: t.id, label: t.label, score: score.get(t.id)!, ...(round.anonymous ? {} : { voters: voters.get(t.id)! }) })));
}

/** Proposals by net support (for minus against), among those still open or decided alike. */
export function proposalRanking(proposals: Iterable<ProposalRow>, votes: Iterable<SeminarVoteRow>, anonymous: boolean, nameOf: (participantId: string) => string): RankingEntry[] {
  const list = [...proposals];
  const score = new Map(list.map((p) => [p.id, 0]));
  const voters = new Map(list.map((p) => [p.id, [] as string[]]));
  for (const v of votes) {
    if (!score.has(v.subjectId) || v.value === 0) continue;
    score.set(v.subjectId, score.get(v.subjectId)! + Math.sign(v.value));
    if (v.value > 0) voters.get(v.subjectId)!.push(nameOf(v.participantId));
  }
  return rank(list.map((p) => ({ targetId: p.id, label: p.comment.slice(0, 120), score: score.get(p.id)!, ...(anonymous ? {} : { voters: voters.get(p.id)! }) })));
}

function rank(entries: RankingEntry[]): RankingEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.score - a.e.score || a.i - b.i)
    .map(({ e }) => e);
}
