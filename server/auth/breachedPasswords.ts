import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * New passwords checked against breached ones (ASVS V6.2.12) without asking anyone: the
 * file GT_BREACHED_PASSWORDS_FILE is Have I Been Pwned's downloadable Pwned Passwords,
 * SHA-1 ordered, one `HASH:COUNT` line per password (40 upper-case hex digits), tens of
 * gigabytes. It is never loaded: a binary search reads a few hundred bytes at about forty
 * offsets, so no password, nor any part of its hash, leaves the server.
 *
 * The search is written once as a generator that asks for byte ranges; `inFile` answers
 * them with positioned reads of an open file (the server, not blocking other requests)
 * and `inFileSync` the same synchronously (the settings, checked before the server starts).
 */

/** Longer than any line: 40 hex digits, a colon, a count of up to 20 digits, CR LF. */
const MAX_LINE = 64;
/** Below this many bytes the search reads the rest at once and scans it. */
const SCAN_BYTES = 4096;
const LINE = /^[0-9A-F]{40}:\d+\r?$/;

type Read = { position: number; length: number };

export const sha1Hex = (password: string) => createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();

/** The first line that starts after a newline in `bytes` (read from file offset `from`): its offset, its text, and the offset of the line after it. */
function lineAfterNewline(bytes: Buffer, from: number): { start: number; text: string; next: number } | undefined {
  const begin = bytes.indexOf(0x0a) + 1;
  if (begin === 0 || begin >= bytes.length) return undefined;
  const end = bytes.indexOf(0x0a, begin);
  // Without a newline it is the file's last line (the read is long enough to hold a whole line).
  const text = bytes.toString('latin1', begin, end === -1 ? bytes.length : end).replace(/\r$/, '');
  return { start: from + begin, text, next: from + (end === -1 ? bytes.length : end + 1) };
}

/**
 * Whether `hash` is a line of the sorted file of `size` bytes. `lo` and `hi` bound where
 * the line could start: `lo` is always a line start, and no line starting at or after
 * `hi` can be the one.
 */
function* search(hash: string, size: number): Generator<Read, boolean, Buffer> {
  let lo = 0;
  let hi = size;
  while (hi - lo > SCAN_BYTES) {
    const mid = Math.floor((lo + hi) / 2);
    // From the byte before mid (a line that starts exactly at mid is found, not skipped), long enough for the rest of that line and a whole next one.
    const line = lineAfterNewline(yield { position: mid - 1, length: 2 * MAX_LINE + 1 }, mid - 1);
    if (!line || line.start >= hi) {
      hi = mid;
      continue;
    }
    const lineHash = line.text.slice(0, 40);
    if (lineHash === hash) return true;
    if (lineHash < hash) lo = line.next;
    else hi = line.start;
  }
  const rest = yield { position: lo, length: Math.min(size, hi + MAX_LINE) - lo };
  let start = 0;
  while (start < rest.length && lo + start < hi) {
    const end = rest.indexOf(0x0a, start);
    if (rest.toString('latin1', start, start + 40) === hash) return true;
    if (end === -1) break;
    start = end + 1;
  }
  return false;
}

/** Why the file cannot be the breached-password list, or undefined when its first line is of the format. */
function formatProblem(first: Buffer, size: number): string | undefined {
  if (size === 0) return 'is empty';
  const line = first.toString('latin1').split('\n')[0]!;
  return LINE.test(line) ? undefined : 'does not start with a HASH:COUNT line (40 upper-case hex digits of SHA-1, a colon, a count)';
}

export class BreachedPasswords {
  constructor(readonly file: string) {}

  /** Whether the password is in the list. */
  includes(password: string): Promise<boolean> {
    return this.includesHash(sha1Hex(password));
  }

  /** Whether the upper-case hex SHA-1 `hash` is a line of the list. */
  async includesHash(hash: string): Promise<boolean> {
    const handle = await open(this.file, 'r');
    try {
      const { size } = await handle.stat();
      const walk = search(hash, size);
      for (let step = walk.next(); ;) {
        if (step.done) return step.value;
        const buffer = Buffer.alloc(step.value.length);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, step.value.position);
        step = walk.next(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  }
}

/**
 * For the settings: opens the file and checks its first line, then, when `password` is
 * given, whether it is in it. Throws what is wrong with the file in one phrase.
 */
export function checkBreachedFileSync(file: string, password?: string): { breached: boolean } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new Error(`cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('is not a file');
    const readAt = ({ position, length }: Read) => {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
    };
    const problem = formatProblem(readAt({ position: 0, length: MAX_LINE }), stat.size);
    if (problem) throw new Error(problem);
    if (password === undefined) return { breached: false };
    const walk = search(sha1Hex(password), stat.size);
    let step = walk.next();
    while (!step.done) step = walk.next(readAt(step.value));
    return { breached: step.value };
  } finally {
    closeSync(fd);
  }
}

export const BREACHED_PASSWORD = 'is in a list of passwords exposed in data breaches (Have I Been Pwned); choose another';
