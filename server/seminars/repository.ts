import type { SystemRowOf, SystemTable } from '../../model/system.js';
import { systemRowOf, writeSystemRows } from '../changes/audit.js';
import type { GraphStore, NodeValue, Transaction } from '../store/port.js';

/**
 * The seminar's rows in the graph store (system tables, model/system.ts): everything a
 * running seminar holds is written before it is announced, so a restart resumes it.
 * Reads go through the named queries under cypher/seminars/.
 */

/** Rows to write together with a logged event, in the same transaction. */
export type RowWrite = { [T in SystemTable]: { table: T; row: SystemRowOf<T> } }[SystemTable];

export async function writeRows(tx: Transaction, writes: RowWrite[]): Promise<void> {
  for (const w of writes) await writeSystemRows(tx, w.table, [w.row] as never);
}

async function rowsOf<T extends SystemTable>(store: GraphStore, table: T, query: string, params: Record<string, unknown>, column: string): Promise<SystemRowOf<T>[]> {
  return (await store.read(query, params)).map((r) => systemRowOf(table, r[column] as NodeValue));
}

export const seminarRepository = (store: GraphStore) => ({
  async seminar(id: string) {
    const node = (await store.read('system/get-seminar', { id }))[0]?.n as NodeValue | undefined;
    return node ? systemRowOf('Seminar', node) : null;
  },
  byCode: (code: string) => rowsOf(store, 'Seminar', 'seminars/by-code', { code }, 's'),
  async participantByTokenHash(hash: string) {
    return (await rowsOf(store, 'SeminarParticipant', 'seminars/participant-by-token', { tokenHash: hash }, 'p'))[0] ?? null;
  },
  participants: (seminarId: string) => rowsOf(store, 'SeminarParticipant', 'seminars/participants-of', { seminarId }, 'p'),
  proposals: (seminarId: string) => rowsOf(store, 'Proposal', 'seminars/proposals-of', { seminarId }, 'p'),
  rounds: (seminarId: string) => rowsOf(store, 'DotRound', 'seminars/rounds-of', { seminarId }, 'r'),
  votes: (seminarId: string) => rowsOf(store, 'SeminarVote', 'seminars/votes-of', { seminarId }, 'v'),
  eventsAfter: (seminarId: string, after: number, cap: number) => rowsOf(store, 'SeminarEvent', 'seminars/events-after', { seminarId, after, cap }, 'e'),
  changes: (seminarId: string) => rowsOf(store, 'AuditEntry', 'seminars/changes-of', { seminarId }, 'e'),
  async lastSeq(seminarId: string): Promise<number> {
    const seq = (await store.read('seminars/last-event-seq', { seminarId }))[0]?.seq;
    return typeof seq === 'number' ? seq : 0;
  },
});
export type SeminarRepository = ReturnType<typeof seminarRepository>;
