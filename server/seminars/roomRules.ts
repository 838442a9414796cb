import type { SeminarParticipantRow } from '../../model/system.js';
import { HttpError } from '../api/errors.js';
import type { SeminarRoom } from './room.js';

/**
 * The rules every seminar action checks, shared by the service (service.ts) and the
 * proposals (proposals.ts): the seminar still running, the caller its facilitator, a
 * proposal still open; and how an action waits for its logged event.
 */

export type Caller = { room: SeminarRoom; participant: SeminarParticipantRow };

export const refused = (status: number, code: string, message: string, field?: string) => new HttpError(status, code, message, field ? [{ field, reason: message }] : undefined);

export function mustRun(room: SeminarRoom): void {
  if (room.row.status !== 'running') throw refused(409, 'seminar_ended', 'this seminar has ended');
}

export function mustFacilitate(caller: Caller): Caller {
  if (caller.participant.role !== 'facilitator') throw refused(403, 'forbidden', 'only the facilitator may do this');
  return caller;
}

export function openProposal(room: SeminarRoom, proposalId: string) {
  const proposal = room.proposals.get(proposalId);
  if (!proposal) throw refused(404, 'not_found', `no proposal ${proposalId} in this seminar`, 'proposalId');
  if (proposal.status !== 'open') throw refused(409, 'already_decided', `this proposal was already ${proposal.status}`, 'proposalId');
  return proposal;
}

/** Runs `task` in the room's turn and waits for its event to be in the store (after the turn, so writes group). */
export async function logged<T>(room: SeminarRoom, task: () => Promise<{ done: Promise<T> }>): Promise<T> {
  const { done } = await room.exclusive(task);
  return done;
}
