import type { DiffRecord } from '../../model/changes.js';
import type { Actor } from '../../model/roles.js';
import type { SavedAnalysisRow } from '../../model/system.js';
import type { Transaction } from '../store/port.js';
import { readSystemRow, writeSystemRow } from './audit.js';
import { ConflictError, NotFoundError } from './errors.js';
import type { Reader } from './workingGraph.js';

/**
 * Changes to versioned system records (saved analyses) as part of a change: planned
 * against the record as the transaction reads it, written beside the audit entry, and
 * inverted by a revert. Records are never removed: a delete sets `deleted` and raises
 * the version, so undoing it restores the record exactly, at a new version.
 */

export type RecordTable = DiffRecord['table'];
type Row = SavedAnalysisRow;
/** What an author may set: everything but the bookkeeping the pipeline keeps. */
export type RecordFields = Omit<Row, 'id' | 'version' | 'deleted' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'>;

export type RecordOperation =
  | { op: 'create'; table: RecordTable; id: string; fields: RecordFields }
  | { op: 'update'; table: RecordTable; id: string; expectedVersion?: number; set: Partial<RecordFields> }
  | { op: 'delete'; table: RecordTable; id: string; expectedVersion?: number };

const current = (row: Row) => [{ id: row.id, kind: 'SavedAnalysis', version: row.version, props: { title: row.title, deleted: row.deleted } }];

async function live(read: Reader, table: RecordTable, id: string, expectedVersion?: number): Promise<Row> {
  const row = await readSystemRow(read, table, id);
  if (!row || row.deleted) throw new NotFoundError(`no saved analysis with id ${id}`, [{ field: 'id', reason: `no saved analysis with id ${id}` }]);
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new ConflictError(
      `${id} is at version ${row.version}, not ${expectedVersion}: someone changed it meanwhile`,
      [{ field: 'expectedVersion', reason: `is ${expectedVersion}; the record is at version ${row.version}` }],
      current(row),
    );
  }
  return row;
}

/** The record change one operation makes, read through the write transaction. */
export async function planRecord(read: Reader, op: RecordOperation, actor: Actor, at: string): Promise<DiffRecord> {
  if (op.op === 'create') {
    if (await readSystemRow(read, op.table, op.id)) throw new ConflictError(`${op.id} exists already`, [{ field: 'id', reason: 'exists already' }], []);
    const after: Row = { id: op.id, version: 1, deleted: false, ...op.fields, createdBy: actor.id, createdAt: at, updatedBy: actor.id, updatedAt: at };
    return { table: op.table, id: op.id, versionBefore: null, versionAfter: 1, before: null, after: JSON.stringify(after) };
  }
  const before = await live(read, op.table, op.id, op.expectedVersion);
  const changed = op.op === 'update' ? op.set : { deleted: true };
  const after: Row = { ...before, ...changed, version: before.version + 1, updatedBy: actor.id, updatedAt: at };
  return { table: op.table, id: op.id, versionBefore: before.version, versionAfter: after.version, before: JSON.stringify(before), after: JSON.stringify(after) };
}

/**
 * The undo of a record change: the record as it was before (a created one deleted), at
 * the next version; refused when a later change has moved the record on.
 */
export async function invertRecord(read: Reader, rec: DiffRecord, changeId: string, actor: Actor, at: string): Promise<DiffRecord> {
  const now = await readSystemRow(read, rec.table, rec.id);
  if (!now) throw new NotFoundError(`no saved analysis with id ${rec.id}`, [{ field: 'id', reason: `no saved analysis with id ${rec.id}` }]);
  if (now.version !== rec.versionAfter) {
    throw new ConflictError(`${rec.id} changed after ${changeId}: it is at version ${now.version}, not ${rec.versionAfter}`, [{ field: rec.id, reason: `changed after ${changeId}` }], current(now));
  }
  const restored: Row = rec.before ? (JSON.parse(rec.before) as Row) : { ...now, deleted: true };
  const after: Row = { ...restored, version: now.version + 1, updatedBy: actor.id, updatedAt: at };
  return { table: rec.table, id: rec.id, versionBefore: now.version, versionAfter: after.version, before: JSON.stringify(now), after: JSON.stringify(after) };
}

export async function writeRecords(tx: Transaction, records: DiffRecord[]): Promise<void> {
  for (const rec of records) await writeSystemRow(tx, rec.table, JSON.parse(rec.after) as Row);
}
