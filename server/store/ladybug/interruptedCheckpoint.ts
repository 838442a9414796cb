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
 */

/** LadybugDB's page, the size of the shadow file's header page. */
const PAGE_BYTES = 4096;
/** [u64 length 1][type 254 = CHECKPOINT_RECORD]; the 8-byte checksum follows. */
const CHECKPOINT_RECORD_HEAD = Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 254]);
const CHECKPOINT_RECORD_BYTES = CHECKPOINT_RECORD_HEAD.length + 8;
const FOREIGN_SHADOW = /Database ID for temporary file '([^']+)' does not match the current database/;

/**
 * If `openError` is LadybugDB refusing `databasePath` for an emptied shadow file left by a
 * checkpoint cut off after it had written everything (see above), removes the finished
 * checkpoint's write log and the empty shadow file, as the library would have done next,
 * and says what it did (for the log). Anything else: leaves every file alone, undefined.
 */
export function finishInterruptedCheckpoint(databasePath: string, openError: unknown): string | undefined {
  const shadow = `${databasePath}.shadow`;
  const checkpointLog = `${databasePath}.wal.checkpoint`;
  const refused = FOREIGN_SHADOW.exec(String((openError as Error | undefined)?.message ?? openError));
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

/** Whether the write log's last record is a CHECKPOINT record (see above for its layout). */
function endsWithCheckpointRecord(logPath: string): boolean {
  const size = statSync(logPath).size;
  if (size < CHECKPOINT_RECORD_BYTES) return false;
  const tail = Buffer.alloc(CHECKPOINT_RECORD_HEAD.length);
  const fd = openSync(logPath, 'r');
  try {
    readSync(fd, tail, 0, tail.length, size - CHECKPOINT_RECORD_BYTES);
  } finally {
    closeSync(fd);
  }
  return tail.equals(CHECKPOINT_RECORD_HEAD);
}
