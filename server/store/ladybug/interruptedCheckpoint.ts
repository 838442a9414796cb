import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';

/**
 * Finishing a LadybugDB checkpoint that a kill cut off in its very last steps.
 *
 * A checkpoint in LadybugDB 0.19 (seen with strace; the 0.19 source is not public, its
 * messages match the 0.11 source's storage/shadow_file.cpp and wal/wal_replayer.cpp):
 *   1. renames `<db>.wal` to `<db>.wal.checkpoint`;
 *   2. writes the shadow file `<db>.shadow` (a 4 KB header page holding the database
 *      ID, then the pages), fdatasync;
 *   3. appends a CHECKPOINT record to `<db>.wal.checkpoint`, fdatasync;
 *   4. copies the shadow pages into the database file, fdatasync;
 *   5. truncates `<db>.shadow` to 0 bytes;
 *   6. unlinks `<db>.wal.checkpoint`, then `<db>.shadow`.
 * A kill between 5 and 6 leaves a write log ending in a CHECKPOINT record beside an
 * empty shadow file. On open the library sees the CHECKPOINT record, so it replays the
 * shadow file; it reads a header of zeros, whose database ID does not match, and refuses
 * to open ("Database ID for temporary file '….shadow' does not match"), for good.
 *
 * That state is safe to finish by doing step 6: the CHECKPOINT record is only written
 * once the shadow file is whole (2 before 3), and the shadow file is only emptied once
 * its pages are in the database file (4 before 5), so nothing in either file is still
 * needed; `<db>.wal`, holding any commit after the checkpoint began, is left alone.
 *
 * It is recognised from the library's own refusal together with the files, never from
 * the files alone: a kill between 2's creating the shadow file and its first write (the
 * database file's new pages are written in between) leaves the same files on disk (an empty shadow file beside `<db>.wal.checkpoint`) with no CHECKPOINT record,
 * the database file not yet updated, and the write log still needed. The library opens
 * that one by itself (it drops the shadow file and replays the log), so it never reaches
 * here; deleting the log there would lose committed writes. As a second proof the
 * checkpoint's write log must end in a CHECKPOINT record as 0.19 writes it with checksums
 * on (the default, ours): an object of length 1, the record type 254, an 8-byte checksum.
 * Another layout (another release) means no recovery: the store refuses, as before.
 *
 * A second window, in a checkpoint with nothing to fold in (ours after a commit that
 * LadybugDB had already checkpointed by itself, or its own at shutdown). That one (strace
 * again) writes the shadow file with the new header pages, fdatasync; writes a fresh
 * `<db>.wal` holding only its header and a CHECKPOINT record (42 bytes), fdatasync; writes
 * the database file's header page, fdatasync; truncates the log and the shadow file, and
 * removes them. A kill after the log is written, before it is truncated, leaves that
 * 42-byte log beside the whole shadow file. On open the library applies the shadow file
 * and removes it, then reads the log's CHECKPOINT record again and looks for the shadow
 * file it has just removed ("Cannot open file '….shadow': No such file or directory"),
 * on this open and every later one. The log holds no transaction, and the pages of the
 * shadow file are already in the database file, so removing the log is all that is left.
 * It is recognised, again with the library's refusal, by a log of exactly a header and a
 * CHECKPOINT record whose database ID is the one in the database file's header page.
 */

/** LadybugDB's page, the size of the shadow file's header page. */
const PAGE_BYTES = 4096;
/** [u64 length 1][type 254 = CHECKPOINT_RECORD]; the 8-byte checksum follows. */
const CHECKPOINT_RECORD_HEAD = Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 254]);
const CHECKPOINT_RECORD_BYTES = CHECKPOINT_RECORD_HEAD.length + 8;
const FOREIGN_SHADOW = /Database ID for temporary file '([^']+)' does not match the current database/;
const MISSING_SHADOW = /Cannot open file '?(.+?\.shadow)'?: No such file or directory/;
/** A write log's header: the database ID (16 bytes), the checksum flag, a checksum (8). */
const WAL_HEADER_BYTES = 25;
const DATABASE_ID_BYTES = 16;
/** Where the database file's header page holds the database ID (after "LBUG", the storage version and two offsets). */
const DATABASE_ID_OFFSET = 28;

/**
 * If `openError` is LadybugDB refusing `databasePath` for what a checkpoint cut off after
 * it had written everything left behind (either window above), removes what the library
 * would have removed next and says what it did (for the log). Anything else: leaves every
 * file alone, undefined.
 */
export function finishInterruptedCheckpoint(databasePath: string, openError: unknown): string | undefined {
  const message = String((openError as Error | undefined)?.message ?? openError);
  return finishEmptiedShadow(databasePath, message) ?? finishEmptyCheckpoint(databasePath, message);
}

/** The first window above: the shadow file emptied, the checkpoint's write log not yet removed. */
function finishEmptiedShadow(databasePath: string, message: string): string | undefined {
  const shadow = `${databasePath}.shadow`;
  const checkpointLog = `${databasePath}.wal.checkpoint`;
  const refused = FOREIGN_SHADOW.exec(message);
  if (!refused || refused[1] !== shadow) return undefined;
  if (!existsSync(checkpointLog) || !existsSync(shadow)) return undefined;
  // A shadow file with its header page may really belong to another database: not ours to delete.
  const shadowBytes = statSync(shadow).size;
  if (shadowBytes >= PAGE_BYTES) return undefined;
  if (!endsWithCheckpointRecord(checkpointLog)) return undefined;
  rmSync(checkpointLog);
  rmSync(shadow);
  return (
    `a checkpoint was cut off after it had written everything into ${databasePath} (its shadow file already emptied to ${shadowBytes} bytes, ` +
    `its write log not yet removed); removed ${checkpointLog} and ${shadow}, the checkpoint's last step, and opened it again`
  );
}

/** The second window above: a checkpoint with nothing to fold in, its shadow file applied, its 42-byte write log left. */
function finishEmptyCheckpoint(databasePath: string, message: string): string | undefined {
  const shadow = `${databasePath}.shadow`;
  const log = `${databasePath}.wal`;
  const refused = MISSING_SHADOW.exec(message);
  if (!refused || refused[1] !== shadow) return undefined;
  if (existsSync(shadow) || existsSync(`${databasePath}.wal.checkpoint`) || !existsSync(log)) return undefined;
  // Exactly a header and a CHECKPOINT record: a log holding any transaction is never removed.
  if (statSync(log).size !== WAL_HEADER_BYTES + CHECKPOINT_RECORD_BYTES || !endsWithCheckpointRecord(log)) return undefined;
  if (!readBytes(log, 0, DATABASE_ID_BYTES).equals(readBytes(databasePath, DATABASE_ID_OFFSET, DATABASE_ID_BYTES))) return undefined;
  rmSync(log);
  return (
    `a checkpoint with nothing to fold in was cut off after it had written its shadow file into ${databasePath}; ` +
    `removed its write log ${log}, which held only the CHECKPOINT record, and opened it again`
  );
}

function readBytes(path: string, offset: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, out, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return out;
}

/** Whether the write log's last record is a CHECKPOINT record (see above for its layout). */
function endsWithCheckpointRecord(logPath: string): boolean {
  const size = statSync(logPath).size;
  if (size < CHECKPOINT_RECORD_BYTES) return false;
  return readBytes(logPath, size - CHECKPOINT_RECORD_BYTES, CHECKPOINT_RECORD_HEAD.length).equals(CHECKPOINT_RECORD_HEAD);
}
