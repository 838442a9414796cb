import type { SeminarEvent, SeminarState } from '../../model/seminars.js';
import { SeminarClient, until } from '../seminars/seminarClient.js';
import { ADMIN, type CrashServer } from './crashServer.js';
import type { SeminarLedger } from './seminarLedger.js';
import { tokenCaller, type Seminar } from './seminarScenario.js';
import { auditByReason } from './verifyRecovery.js';

/**
 * What must hold after a restart on the store of a server killed mid-seminar:
 * - the server is ready and the seminar is there, its log seqs 1..lastSeq with no gap;
 * - every acknowledged proposal, vote and acceptance is in the room's state and its log
 *   at the seq it was answered with;
 * - every acknowledged acceptance is a committed change in the audit log under the
 *   change id it was answered with, and its organisation is in the graph;
 * - every accepted proposal has its change and its log entry, every seminar change in
 *   the audit log belongs to a proposal of the seminar, and no open proposal has a
 *   change or its organisation in the graph (a change committed whose log entry the
 *   kill cut off is half-written: the restart must complete that acceptance);
 * - nothing else: the graph holds exactly one organisation per seminar change;
 * - the seminar resumes: every participant and the facilitator rejoin over socket.io and
 *   catch up on the whole log.
 */

export type SeminarRecovery = { committed: number; acknowledged: number; halfWritten: number; problems: string[] };

/** proposal id -> change id, from the reasons seminar changes carry: `Accepted by … (proposal:…): …`. */
function seminarChanges(byReason: Map<string, string>): Map<string, string> {
  const changes = new Map<string, string>();
  for (const [reason, changeId] of byReason) {
    const m = /\((proposal:[^)]+)\)/.exec(reason);
    if (m) changes.set(m[1]!, changeId);
  }
  return changes;
}

async function wholeLog(server: CrashServer, seminar: Seminar): Promise<SeminarEvent[]> {
  const call = tokenCaller(server);
  const events: SeminarEvent[] = [];
  for (;;) {
    const res = await call('GET', `/api/seminars/${seminar.id}/events?after=${events.at(-1)?.seq ?? 0}`, undefined, seminar.facilitator);
    if (res.status !== 200) throw new Error(`the seminar log answered ${res.status}`);
    const page = res.body.events as SeminarEvent[];
    events.push(...page);
    if (page.length === 0 || events.at(-1)!.seq >= res.body.lastSeq) return events;
  }
}

async function rejoin(server: CrashServer, token: string, lastSeq: number): Promise<string | null> {
  const client = new SeminarClient(server.base, token, 0);
  try {
    await client.connected();
    await until(() => client.lastSeq >= lastSeq, 15_000, 'the log to replay');
    const seqs = client.seqs();
    const whole = seqs.length === lastSeq && seqs.every((s, i) => s === i + 1);
    return whole ? null : `a rejoining device received seqs ${seqs.slice(0, 5).join(',')}… (${seqs.length}) for a log of ${lastSeq}`;
  } catch (err) {
    return `a participant could not rejoin: ${(err as Error).message} (${client.connectErrors.join(', ')})`;
  } finally {
    client.close();
  }
}

export async function verifySeminarRecovery(server: CrashServer, seminar: Seminar, ledger: SeminarLedger): Promise<SeminarRecovery> {
  const problems: string[] = [];
  const call = tokenCaller(server);
  const ready = await server.call('GET', '/api/health/ready');
  if (ready.status !== 200) problems.push(`/api/health/ready answered ${ready.status} after the restart`);
  const stateRes = await call('GET', `/api/seminars/${seminar.id}/state`, undefined, seminar.facilitator);
  if (stateRes.status !== 200) return { committed: 0, acknowledged: 0, halfWritten: 0, problems: [...problems, `the seminar's state answered ${stateRes.status} after the restart`] };
  const state = stateRes.body as SeminarState;
  const log = await wholeLog(server, seminar);
  const bySeq = new Map(log.map((e) => [e.seq, e]));
  if (log.length !== state.lastSeq || log.some((e, i) => e.seq !== i + 1)) problems.push(`the log holds ${log.length} events for lastSeq ${state.lastSeq}, not seqs 1..${state.lastSeq}`);
  const admin = await server.signIn(ADMIN.username, ADMIN.password);
  const changes = seminarChanges(await auditByReason(server, admin));
  const proposals = new Map(state.proposals.map((p) => [p.id, p]));
  const byComment = new Map(state.proposals.map((p) => [p.comment, p]));
  const acceptedInLog = new Map<string, string | null>();
  for (const e of log) if (e.type === 'proposal-accepted') acceptedInLog.set(e.proposalId, e.changeId);
  const present = async (nodeId: string) => (await server.call('GET', `/api/nodes/${encodeURIComponent(nodeId)}`, undefined, admin)).status === 200;

  for (const a of ledger.attempts) {
    const p = a.proposalId ? proposals.get(a.proposalId) : byComment.get(a.key);
    if (a.proposedSeq !== undefined) {
      const e = bySeq.get(a.proposedSeq);
      if (!p) problems.push(`${a.key} was acknowledged as ${a.proposalId} but the seminar does not have it`);
      else if (e?.type !== 'proposal-submitted' || e.proposal.id !== a.proposalId) problems.push(`${a.key}: the log's event ${a.proposedSeq} is not its submission`);
    }
    if (!p) continue;
    a.proposalId ??= p.id; // committed, its answer cut off: the facilitator can accept it in the next round
    if (p.votes.up < a.upVoters.size) problems.push(`${a.key} holds ${p.votes.up} up-votes; ${a.upVoters.size} were acknowledged`);
    if (a.accepted) {
      const e = bySeq.get(a.accepted.seq);
      if (p.status !== 'accepted' || p.changeId !== a.accepted.changeId)
        problems.push(`${a.key} was acknowledged accepted as ${a.accepted.changeId}; the seminar has it ${p.status} with ${p.changeId}`);
      if (changes.get(p.id) !== a.accepted.changeId) problems.push(`${a.key} was acknowledged accepted as ${a.accepted.changeId}; the audit log has ${changes.get(p.id) ?? 'no change for it'}`);
      if (e?.type !== 'proposal-accepted' || e.proposalId !== p.id || e.changeId !== a.accepted.changeId) problems.push(`${a.key}: the log's event ${a.accepted.seq} is not its acceptance`);
    }
  }

  let halfWritten = 0;
  for (const p of state.proposals) {
    const attempt = ledger.byKey(p.comment);
    const changeId = changes.get(p.id);
    if (p.status === 'accepted') {
      if (!changeId || changeId !== p.changeId) problems.push(`${p.id} is accepted with ${p.changeId} but the audit log has ${changeId ?? 'no change for it'}`);
      if (acceptedInLog.get(p.id) !== p.changeId) problems.push(`${p.id} is accepted but the log has no acceptance of it with ${p.changeId}`);
      if (attempt && !(await present(attempt.nodeId))) problems.push(`${p.id} is accepted but ${attempt.nodeId} is not in the graph`);
      continue;
    }
    if (p.status !== 'open' || !attempt) continue;
    if (!changeId) {
      if (await present(attempt.nodeId)) problems.push(`${attempt.nodeId} is in the graph but its proposal is open and no change commits it`);
      attempt.acceptSent = false; // the acceptance the kill cut off: send it again
      continue;
    }
    // Committed, its log entry cut off: the restart must have completed the acceptance (SeminarProposals.completeInterrupted).
    halfWritten++;
    problems.push(`${p.id} is open, yet its change ${changeId} is committed: an acceptance half-written (the change without its seminar log entry)`);
    attempt.acceptSent = true;
  }
  for (const proposalId of changes.keys()) if (!proposals.has(proposalId)) problems.push(`the audit log has a seminar change for ${proposalId}, which the seminar does not know`);

  const health = await server.call('GET', '/api/health', undefined, admin);
  const counts = health.body?.counts as { nodes: number; relationships: number } | undefined;
  const after = seminarChanges(await auditByReason(server, admin));
  if (after.size !== changes.size) problems.push(`accepting the half-written proposals again made ${after.size - changes.size} more changes`);
  if (counts?.nodes !== after.size || counts?.relationships !== 0)
    problems.push(`the store holds ${counts?.nodes} nodes and ${counts?.relationships} relationships; the ${after.size} seminar changes make ${after.size} and 0`);

  const lastSeq = state.lastSeq;
  for (const token of [seminar.facilitator, ...seminar.participants]) {
    const trouble = await rejoin(server, token, lastSeq);
    if (trouble) problems.push(trouble);
  }
  return { committed: changes.size, acknowledged: ledger.acceptedCount(), halfWritten, problems };
}
