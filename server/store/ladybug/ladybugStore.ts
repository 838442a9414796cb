import { accessSync, constants, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import lbug from '@ladybugdb/core';
import { SYSTEM_TABLE_NAMES } from '../../../model/system.js';
import { queries, statementsOf, type QueryRegistry } from '../../cypher/registry.js';
import { SerialQueue } from '../serialQueue.js';
import { AnalystPool } from './analystPool.js';
import { finishInterruptedCheckpoint } from './interruptedCheckpoint.js';
import { StoreError, type AdHocLimits, type AdHocResult, type GraphStore, type Params, type Row, type Transaction } from '../port.js';
import { fromLadybug, toLadybugParams } from './values.js';

/**
 * The embedded store: LadybugDB in this process, in one database file under the data
 * directory. It keeps two connections, each used by one task at a time: one for
 * writes (transactions must not interleave) and one for named reads. Analysts' ad-hoc
 * queries never run in this process: they go to worker processes over a read-only
 * copy of the database (analystPool.ts).
 */

export type LadybugOptions = {
  /** Folder for the database file, or ':memory:' for a throwaway store. */
  dataDir: string;
  bufferPoolMb: number;
  registry?: QueryRegistry;
  /**
   * Skip the checkpoint after each write until `endBulkLoad()`: for loading a large
   * synthetic graph into a throwaway store (the benchmark's 100x graph, 600 writes,
   * did not load in 46 minutes with a checkpoint after each). Never for a store that
   * serves users: a crash during a bulk load can lose the lot (see checkpoint()).
   */
  bulkLoad?: boolean;
  /** Limits of the analysts' workers; the defaults suit the seed data. */
  analysts?: { concurrency?: number; bufferPoolMb?: number; memoryLimitMb?: number };
  /**
   * LadybugDB's own automatic checkpoint: when a commit leaves the write log larger than
   * this many bytes, the commit checkpoints (default: the library's, 16 MB). Only the
   * crash suite sets it small, to force checkpoints inside commits as well as after them.
   */
  checkpointThresholdBytes?: number;
};

type Conn = { conn: lbug.Connection; queue: SerialQueue; prepared: Map<string, lbug.PreparedStatement> };

/** Database files open in this process: LadybugDB's lock only keeps other processes out. */
const OPEN_PATHS = new Set<string>();

/** One line, whatever the engine put in its message. */
const oneLine = (message: string) => message.replace(/\s*\n\s*/g, ' ').trim();

/** Runs a statement and releases its result at once: an open result pins the database's memory map. */
async function run(conn: lbug.Connection, statement: string): Promise<void> {
  const result = await conn.query(statement);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
}

const PARAM_NAME = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

export class LadybugStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private db?: lbug.Database;
  private writer?: Conn;
  private reader?: Conn;
  private analysts?: AnalystPool;
  /** Goes up with every committed write, so the analysts' copy knows when it is stale. */
  private version = 0;
  private opening?: Promise<void>;
  private openPath?: string;
  private closed = false;
  private readonly registry: QueryRegistry;
  private bulkLoading: boolean;

  constructor(private readonly options: LadybugOptions) {
    this.registry = options.registry ?? queries();
    this.bulkLoading = options.bulkLoad ?? false;
  }

  /** Ends a bulk load: one checkpoint folds everything loaded into the file, and every later write is checkpointed again. */
  async endBulkLoad(): Promise<void> {
    this.bulkLoading = false;
    const writer = await this.ready(() => this.writer);
    await writer.queue.run(() => this.checkpoint(writer));
  }

  open(): Promise<void> {
    this.opening ??= this.openOnce();
    return this.opening;
  }

  private async openOnce(): Promise<void> {
    const path = this.options.dataDir === ':memory:' ? ':memory:' : this.databasePath();
    if (path !== ':memory:' && OPEN_PATHS.has(path)) {
      throw new StoreError(`the embedded database at ${path} is already open in this process`, undefined, 'unavailable');
    }
    try {
      this.db = await this.openDatabase(path).catch(async (err: unknown) => {
        const finished = path === ':memory:' ? undefined : finishInterruptedCheckpoint(path, err);
        if (!finished) throw err;
        console.warn(`embedded store: ${finished}`);
        return this.openDatabase(path);
      });
    } catch (err) {
      const message = oneLine((err as Error).message);
      const locked = /lock|temporarily unavailable/i.test(message);
      throw new StoreError(
        `cannot open the embedded database at ${path}: ${message}` + (locked ? '; another Golden Thread process is using this GT_DATA_DIR: stop it or choose another folder' : ''),
        undefined,
        'unavailable',
      );
    }
    if (path !== ':memory:') {
      OPEN_PATHS.add(path);
      this.openPath = path;
    }
    const connect = (): Conn => ({ conn: new lbug.Connection(this.db!), queue: new SerialQueue(), prepared: new Map() });
    this.writer = connect();
    this.reader = connect();
    if (path !== ':memory:') {
      const analysts = this.options.analysts ?? {};
      this.analysts = new AnalystPool({
        concurrency: analysts.concurrency ?? 2,
        bufferPoolMb: analysts.bufferPoolMb ?? 128,
        memoryLimitMb: analysts.memoryLimitMb ?? 768,
        snapshot: (dir) => this.snapshotTo(dir),
        currentVersion: () => this.version,
      });
    }
    // The domain schema, then the system tables (model/system.ts) beside it.
    for (const schema of ['schema/schema', 'schema/system']) {
      if (!this.registry.has(schema)) continue;
      try {
        for (const statement of statementsOf(this.registry.text(schema, 'ladybug'))) await run(this.writer.conn, statement);
      } catch (err) {
        throw this.translate(err, schema);
      }
    }
  }

  /** One attempt at opening the database file; a failed attempt is closed, so its lock does not outlive it. */
  private async openDatabase(path: string): Promise<lbug.Database> {
    // throwOnWalReplayFailure off: a write log torn by a crash mid-commit is replayed up to its last whole
    // transaction instead of refusing to open (see write(): every acknowledged write is checkpointed first).
    const db = new lbug.Database(path, this.options.bufferPoolMb * 1024 * 1024, true, false, 0, true, this.options.checkpointThresholdBytes ?? -1, false);
    try {
      await db.init();
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    return db;
  }

  private databasePath(): string {
    const dir = this.options.dataDir;
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (err) {
      throw new StoreError(
        `the data directory ${dir} cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); set GT_DATA_DIR to a folder you can write to`,
        undefined,
        'unavailable',
      );
    }
    return join(dir, 'golden-thread.lbug');
  }

  async engineVersion(): Promise<string> {
    return `LadybugDB ${lbug.Database.getVersion()}`;
  }

  async read(name: string, params: Params = {}): Promise<Row[]> {
    const reader = await this.ready(() => this.reader);
    return reader.queue.run(() => this.execute(reader, name, this.registry.text(name, 'ladybug'), params));
  }

  async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const writer = await this.ready(() => this.writer);
    return writer.queue.run(async () => {
      await run(writer.conn, 'BEGIN TRANSACTION');
      const tx: Transaction = {
        run: (name, params = {}) => this.execute(writer, name, this.registry.text(name, 'ladybug'), params),
      };
      try {
        const result = await work(tx);
        await run(writer.conn, 'COMMIT');
        await this.checkpoint(writer);
        this.version++;
        return result;
      } catch (err) {
        await run(writer.conn, 'ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  async readOnlyQuery(cypher: string, params: Params, limits: AdHocLimits): Promise<AdHocResult> {
    await this.ready(() => this.writer);
    if (!this.analysts) throw new StoreError('the query console needs a store on disk (GT_DATA_DIR), not an in-memory one', 'ad hoc', 'unavailable');
    return this.analysts.query(cypher, params, limits);
  }

  /** The process ids of the analysts' workers alive now (for operators and tests). */
  analystWorkerPids(): number[] {
    return this.analysts?.workerPids() ?? [];
  }

  /**
   * Copies the database into `dir` for the analysts' workers. It runs in the writer's
   * queue, so no write interleaves: a checkpoint moves everything committed into the
   * database file, and the copy is taken before the next write starts.
   */
  private async snapshotTo(dir: string): Promise<{ databasePath: string; version: number }> {
    const writer = this.writer!;
    // Writer queue, then reader queue, as after a write: a checkpoint beside a running read has taken the process down.
    const snapshot = await writer.queue.run(() =>
      this.reader!.queue.run(async () => {
        await run(writer.conn, 'CHECKPOINT');
        const source = this.openPath!;
        const target = join(dir, basename(source));
        copyFileSync(source, target);
        if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${target}.wal`);
        return { databasePath: target, version: this.version };
      }),
    );
    await stripSystemTables(snapshot.databasePath);
    return snapshot;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.opening?.catch(() => undefined);
    await this.analysts?.close();
    for (const c of [this.writer, this.reader]) {
      if (c) await c.queue.run(() => c.conn.close()).catch(() => undefined);
    }
    await this.db?.close().catch(() => undefined);
    if (this.openPath) OPEN_PATHS.delete(this.openPath);
  }

  // ------------------------------------------------------------------ internal

  /**
   * Folds the write log into the database file before a write is acknowledged.
   * LadybugDB 0.19 cannot replay a log holding a value of more than about 4 KB (a
   * long diff, a plan's list of aims) after a crash: it refuses to open, or with
   * throwOnWalReplayFailure off drops that transaction. With every committed write
   * checkpointed before it is acknowledged, the log only ever holds the one write in
   * flight, so a crash loses at most a write nobody was told had succeeded: all or
   * nothing. A checkpoint that cannot run now (a long read in the way) is retried
   * after the next write; the commit itself stands.
   */
  private async checkpoint(writer: Conn): Promise<void> {
    if (this.options.dataDir === ':memory:' || this.bulkLoading) return;
    try {
      // Alone: a checkpoint running beside a read on another connection took the process down under load.
      // (Analysts' queries run in worker processes on a copy of the database, never beside it.)
      const reader = this.reader!;
      await reader.queue.run(() => run(writer.conn, 'CHECKPOINT'));
    } catch (err) {
      console.warn(`embedded store: checkpoint after a write did not run (${oneLine((err as Error).message)}); the next write retries it`);
    }
  }

  private async ready(which: () => Conn | undefined): Promise<Conn> {
    if (this.closed) throw new StoreError('the store is closed', undefined, 'unavailable');
    await this.open();
    return which()!;
  }

  private async execute(c: Conn, name: string, text: string, params: Params): Promise<Row[]> {
    try {
      let prepared = c.prepared.get(text);
      if (!prepared) {
        prepared = await c.conn.prepare(text);
        if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
        c.prepared.set(text, prepared);
      }
      const result = await c.conn.execute(prepared, toLadybugParams(onlyReferenced(text, params)));
      const results = Array.isArray(result) ? result : [result];
      const rows: Row[] = [];
      try {
        for (const r of results) for (const raw of await r.getAll()) rows.push(fromLadybug(raw) as Row);
      } finally {
        for (const r of results) r.close();
      }
      return rows;
    } catch (err) {
      throw this.translate(err, name);
    }
  }

  private translate(err: unknown, name: string): StoreError {
    if (err instanceof StoreError) return err;
    const message = oneLine((err as Error).message ?? String(err));
    if (/interrupt|timeout/i.test(message)) return new StoreError(`query ${name} ran over its time limit`, name, 'timeout');
    if (/read-only|read only/i.test(message)) return new StoreError(message, name, 'read-only');
    if (/buffer pool is full|unable to allocate memory/i.test(message)) {
      return new StoreError(`query ${name} needs more memory than the buffer pool allows; raise GT_BUFFER_POOL_MB`, name, 'too-large');
    }
    return new StoreError(`query ${name} failed: ${message}`, name);
  }
}

/**
 * The analysts' copy holds the graph and nothing else: Golden Thread's own records
 * (accounts with their password hashes, sessions, the audit log, pending changes) are
 * dropped from it before a worker opens it, so no query of theirs, `MATCH (n)` included,
 * can reach them. (The plan check refuses a scan of them too; this makes sure.)
 */
async function stripSystemTables(databasePath: string): Promise<void> {
  const db = new lbug.Database(databasePath, 128 * 1024 * 1024);
  await db.init();
  const conn = new lbug.Connection(db);
  try {
    for (const table of SYSTEM_TABLE_NAMES) await run(conn, `DROP TABLE IF EXISTS ${table}`);
    await run(conn, 'CHECKPOINT');
  } finally {
    await conn.close().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

/** LadybugDB refuses parameters a statement does not use; pass only those it names. */
function onlyReferenced(text: string, params: Params): Params {
  const names = new Set([...text.matchAll(PARAM_NAME)].map((m) => m[1]!));
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) if (names.has(k)) out[k] = v;
  return out;
}
