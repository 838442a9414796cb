import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, openSync, closeSync, writeSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSystemRow } from '../../server/changes/audit.js';
import { appliedMigrations } from '../../server/migrations/index.js';
import { finishInterruptedCheckpoint } from '../../server/store/ladybug/interruptedCheckpoint.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { REPO_ROOT } from '../fixtures/processes.js';

/**
 * A kill in the last steps of a LadybugDB checkpoint (issue 15): after the library has
 * copied the shadow file into the database file and emptied it, before it removes the
 * checkpoint's write log. The crash suite's checkpoint scenario met it 2 times in about
 * 140 kills; here strace puts the SIGKILL exactly there, on the process's first unlink
 * of `<db>.wal.checkpoint` (in the checkpoint that follows a write's commit), so the
 * directory is the one a real kill leaves, not one made up by the test.
 */

const STRACE_WORKS = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true']).status === 0;
const root = mkdtempSync(join(tmpdir(), 'gt-interrupted-checkpoint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const database = (dir: string) => join(dir, 'golden-thread.lbug');

/** A store with one write acknowledged and closed: the state every kill below starts from. */
async function storeWithOneWrite(name: string): Promise<string> {
  const dir = join(root, name);
  const first = new LadybugStore({ dataDir: dir, bufferPoolMb: 128 });
  await first.open();
  await first.write((tx) => writeSystemRow(tx, 'Migration', { id: '1', migrationId: 1, name: 'acknowledged before', appliedAt: new Date().toISOString() }));
  await first.close();
  return dir;
}

/**
 * Runs test/fixtures/writeThenDie.ts on `dir` under strace, which sends SIGKILL on the first
 * `syscall` touching `path` in a thread (strace counts per thread); the write must not have been answered.
 */
async function writeKilledAt(dir: string, syscall: string, path: string, fixtureArgs: string[]): Promise<void> {
  const child = spawn(
    'strace',
    [
      '-f',
      '-qq',
      '-o',
      '/dev/null',
      '-P',
      path,
      '-e',
      `trace=${syscall}`,
      '-e',
      `inject=${syscall}:signal=KILL:when=1`,
      process.execPath,
      '--import',
      'tsx',
      'test/fixtures/writeThenDie.ts',
      dir,
      ...fixtureArgs,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // strace ends as its tracee did: killed, never as a clean exit, and before the write was answered.
  expect(exit.signal === 'SIGKILL' || exit.code === 137, `strace/child ended ${JSON.stringify(exit)}: ${out}`).toBe(true);
  expect(out).not.toContain('acknowledged');
}

/** The store with one write acknowledged and closed, then a second write killed in its checkpoint's last step. */
async function killedInCheckpointsLastStep(name: string): Promise<string> {
  const dir = await storeWithOneWrite(name);
  const checkpointLog = `${database(dir)}.wal.checkpoint`;
  await writeKilledAt(dir, 'unlink', checkpointLog, ['100']);
  // The state of the defect: the checkpoint's write log still there, its shadow file emptied.
  expect(existsSync(checkpointLog)).toBe(true);
  expect(statSync(`${database(dir)}.shadow`).size).toBe(0);
  return dir;
}

describe.skipIf(!STRACE_WORKS)('a store killed after a checkpoint emptied its shadow file, before it removed its write log', () => {
  it('opens again with the acknowledged write and the committed one, and the leftover files gone', async () => {
    const dir = await killedInCheckpointsLastStep('emptied');
    const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 128 });
    await store.open();
    try {
      // Migration 9999 was committed and its checkpoint had put it in the database file: it must not be lost either.
      expect((await appliedMigrations(store)).map((r) => r.migrationId).sort((a, b) => a - b)).toEqual([1, 9999]);
      expect(existsSync(`${database(dir)}.wal.checkpoint`)).toBe(false);
      expect(existsSync(`${database(dir)}.shadow`)).toBe(false);
      // And it goes on working: a write after the recovery, checkpointed as ever.
      await store.write((tx) => writeSystemRow(tx, 'Migration', { id: '2', migrationId: 2, name: 'after', appliedAt: new Date().toISOString() }));
      expect((await appliedMigrations(store)).map((r) => r.migrationId).sort((a, b) => a - b)).toEqual([1, 2, 9999]);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('still refuses, touching nothing, when the shadow file has a whole header page: it may be another database’s', async () => {
    const dir = await killedInCheckpointsLastStep('foreign');
    // A header page of zeros: a shadow file the store cannot prove stale.
    writeFileSync(`${database(dir)}.shadow`, Buffer.alloc(4096));
    const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 128 });
    await expect(store.open()).rejects.toThrow(/Database ID for temporary file .*\.shadow' does not match/);
    await store.close();
    expect(existsSync(`${database(dir)}.wal.checkpoint`)).toBe(true);
    expect(statSync(`${database(dir)}.shadow`).size).toBe(4096);
  }, 120_000);

  it('still refuses, touching nothing, when the checkpoint’s write log does not end in a CHECKPOINT record', async () => {
    const dir = await killedInCheckpointsLastStep('no-record');
    // The log cut just before its CHECKPOINT record (17 bytes with its checksum): the library would not read the shadow file then,
    // so this refusal can only come from elsewhere, and the log may still be needed.
    const checkpointLog = `${database(dir)}.wal.checkpoint`;
    truncateSync(checkpointLog, statSync(checkpointLog).size - 17);
    const before = statSync(checkpointLog).size;
    expect(finishInterruptedCheckpoint(database(dir), new Error(`Runtime exception: Database ID for temporary file '${database(dir)}.shadow' does not match the current database.`))).toBeUndefined();
    expect(statSync(checkpointLog).size).toBe(before);
    expect(existsSync(`${database(dir)}.shadow`)).toBe(true);
  }, 120_000);
});

/**
 * A checkpoint with nothing to fold in (the store's own, after a commit LadybugDB had already
 * checkpointed by itself) killed after it wrote its 42-byte write log, before truncating it:
 * the library applies the shadow file at the next open, removes it, then looks for it again,
 * and refuses that open and every later one.
 */
async function killedInEmptyCheckpoint(name: string): Promise<string> {
  const dir = await storeWithOneWrite(name);
  // The write's own checkpoint renames the log; the empty one after it writes and truncates a fresh `.wal`.
  await writeKilledAt(dir, 'ftruncate', `${database(dir)}.wal`, ['20000', 'auto-checkpoint']);
  expect(statSync(`${database(dir)}.wal`).size).toBe(42);
  expect(statSync(`${database(dir)}.shadow`).size).toBeGreaterThanOrEqual(4096);
  return dir;
}

describe.skipIf(!STRACE_WORKS)('a store killed in a checkpoint with nothing to fold in, after it wrote its write log', () => {
  let killed = '';
  const copy = async (name: string) => {
    killed ||= await killedInEmptyCheckpoint('empty-checkpoint');
    const dir = join(root, name);
    cpSync(killed, dir, { recursive: true });
    return dir;
  };
  const refusal = (dir: string) => new Error(`IO exception: Cannot open file ${database(dir)}.shadow: No such file or directory`);

  it('opens again with the acknowledged write and the committed one, then goes on writing and reopening', async () => {
    const dir = await copy('empty-reopened');
    for (const round of [1, 2]) {
      const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 128 });
      await store.open();
      try {
        // Migration 9999 was committed and checkpointed by the commit itself, before the kill.
        const expected = round === 1 ? [1, 9999] : [1, 3, 9999];
        expect((await appliedMigrations(store)).map((r) => r.migrationId).sort((a, b) => a - b)).toEqual(expected);
        expect(existsSync(`${database(dir)}.shadow`)).toBe(false);
        if (round === 1) await store.write((tx) => writeSystemRow(tx, 'Migration', { id: '3', migrationId: 3, name: 'after', appliedAt: new Date().toISOString() }));
      } finally {
        await store.close();
      }
    }
  }, 120_000);

  // What the library leaves after its failed open (the shadow file applied and removed), made by hand from the killed state.
  const afterLibraryOpen = async (name: string) => {
    const dir = await copy(name);
    rmSync(`${database(dir)}.shadow`);
    return dir;
  };

  it('removes nothing when the log holds more than its header and a CHECKPOINT record', async () => {
    const dir = await afterLibraryOpen('empty-longer-log');
    appendFileSync(`${database(dir)}.wal`, Buffer.alloc(1));
    expect(finishInterruptedCheckpoint(database(dir), refusal(dir))).toBeUndefined();
    expect(statSync(`${database(dir)}.wal`).size).toBe(43);
  });

  it("removes nothing when the log's database ID is not the database file's", async () => {
    const dir = await afterLibraryOpen('empty-foreign-log');
    const fd = openSync(`${database(dir)}.wal`, 'r+');
    writeSync(fd, Buffer.from([0xff, 0xff]), 0, 2, 0);
    closeSync(fd);
    expect(finishInterruptedCheckpoint(database(dir), refusal(dir))).toBeUndefined();
    expect(statSync(`${database(dir)}.wal`).size).toBe(42);
  });

  it('removes nothing when the shadow file is still there, or the refusal is about another file', async () => {
    const withShadow = await copy('empty-with-shadow');
    expect(finishInterruptedCheckpoint(database(withShadow), refusal(withShadow))).toBeUndefined();
    expect(statSync(`${database(withShadow)}.wal`).size).toBe(42);
    const dir = await afterLibraryOpen('empty-other-file');
    expect(finishInterruptedCheckpoint(database(dir), new Error(`IO exception: Cannot open file ${database(dir)}.wal: No such file or directory`))).toBeUndefined();
    expect(statSync(`${database(dir)}.wal`).size).toBe(42);
    // The one case it is for, on the same files: then the log goes.
    expect(finishInterruptedCheckpoint(database(dir), refusal(dir))).toMatch(/held only the CHECKPOINT record/);
    expect(existsSync(`${database(dir)}.wal`)).toBe(false);
  });
});

// Registered only where strace cannot trace (not Linux, or ptrace refused), so that a run with strace shows no skip at all.
if (!STRACE_WORKS) {
  describe('a store killed in a checkpoint’s last step', () => {
    it.skip('needs strace (with ptrace allowed) to put the kill there', () => undefined);
  });
}
