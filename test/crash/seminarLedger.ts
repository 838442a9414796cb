import type { Seminar, SeminarCall } from './seminarScenario.js';

/**
 * What the seminar crash scenario sent and what the server acknowledged. Each proposal
 * creates one organisation whose id carries the proposal's key, and its comment is the
 * key, so a proposal whose answer the kill cut off can still be found, or found missing,
 * after the restart.
 */

export type ProposalAttempt = {
  key: string;
  nodeId: string;
  author: number;
  /** Set once the server answered the proposal (or the restarted seminar shows it). */
  proposalId?: string;
  proposedSeq?: number;
  /** The facilitator sent the acceptance (answered or not). */
  acceptSent?: boolean;
  /** The acknowledged acceptance: its change and its log entry's seq. */
  accepted?: { changeId: string; seq: number };
  /** Acknowledged up-votes, by participant index. */
  upVoters: Set<number>;
};

export class SeminarLedger {
  readonly attempts: ProposalAttempt[] = [];
  private seq = 0;

  acceptedCount(): number {
    return this.attempts.filter((a) => a.accepted).length;
  }

  byKey(key: string): ProposalAttempt | undefined {
    return this.attempts.find((a) => a.key === key);
  }

  async propose(call: SeminarCall, seminar: Seminar, author: number): Promise<void> {
    const key = `seminar-crash-${++this.seq}-p${author}`;
    const attempt: ProposalAttempt = { key, nodeId: `org:${key}`, author, upVoters: new Set() };
    this.attempts.push(attempt);
    const node = { kind: 'Organisation', id: attempt.nodeId, props: { name: `Proposed ${key}`, orgType: 'third sector', description: `proposed in the crash seminar as ${key}` } };
    const res = await call('POST', `/api/seminars/${seminar.id}/proposals`, { kind: 'action', comment: key, operations: [{ op: 'create', node }] }, seminar.participants[author]!);
    if (res.status !== 201) throw new Error(`proposal ${key} answered ${res.status}: ${JSON.stringify(res.body)}`);
    attempt.proposalId = res.body.proposalId;
    attempt.proposedSeq = res.body.seq;
  }

  /** An acknowledged proposal of someone else that the facilitator has not been asked to accept yet. */
  votable(voter: number, next: () => number): ProposalAttempt | undefined {
    const open = this.attempts.filter((a) => a.proposalId && !a.acceptSent && a.author !== voter);
    return open[Math.floor(next() * open.length)];
  }

  async vote(call: SeminarCall, seminar: Seminar, voter: number, attempt: ProposalAttempt): Promise<void> {
    const res = await call('POST', `/api/seminars/${seminar.id}/votes`, { proposalId: attempt.proposalId, value: 1 }, seminar.participants[voter]!);
    // Accepted meanwhile: the server rightly refuses a vote on a decided proposal.
    if (res.status === 409) return;
    if (res.status !== 200) throw new Error(`a vote on ${attempt.key} answered ${res.status}: ${JSON.stringify(res.body)}`);
    attempt.upVoters.add(voter);
  }

  /** The oldest acknowledged proposal not yet sent for acceptance. */
  nextToAccept(): ProposalAttempt | undefined {
    return this.attempts.find((a) => a.proposalId && !a.acceptSent);
  }

  async accept(call: SeminarCall, seminar: Seminar, attempt: ProposalAttempt): Promise<void> {
    attempt.acceptSent = true;
    const res = await call('POST', `/api/seminars/${seminar.id}/proposals/${attempt.proposalId}/accept`, {}, seminar.facilitator);
    if (res.status !== 200) throw new Error(`accepting ${attempt.key} answered ${res.status}: ${JSON.stringify(res.body)}`);
    attempt.accepted = { changeId: res.body.changeId, seq: res.body.seq };
  }
}
