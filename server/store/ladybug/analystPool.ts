import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError, type AdHocLimits, type AdHocResult, type Params } from '../port.js';
import { AnalystWorkerProcess } from './analystWorkerProcess.js';
import { guardBeforeExplain } from './bindGuard.js';
import { analystEngineError } from './engineMessages.js';
import { readExplainPlan } from './explainPlan.js';
import { judgeLadybugPlan } from './planPolicy.js';

/**
 * Analysts' queries on the embedded store, run where they can be killed.
 *
 * The server keeps a read-only replica of the database for analysts: a copy of the
 * database file taken right after a checkpoint on the writer connection, refreshed
 * lazily when the graph has changed since. A few worker processes (analystWorker.ts)
 * open that copy read-only. Each query is guarded (bindGuard.ts), explained by the
 * worker, judged from the plan (planPolicy.ts) and only then run, all within the time
 * cap; past the cap and a short grace the worker is killed and replaced. Beyond the
 * concurrency limit a query is refused at once as busy.
 *
 * Because the replica is a read-only copy, even a write that slipped past the plan
 * check could not touch the real data; that is defence in depth, not the check.
 */

export type AnalystPoolOptions = {
  concurrency: number;
  /** Buffer pool of each worker's database. */
  bufferPoolMb: number;
  /** Resident memory at which a worker kills itself. */
  memoryLimitMb: number;
  /** Copies the database into `dir` (after a checkpoint) and says which file and graph version it holds. */
  snapshot(dir: string): Promise<{ databasePath: string; version: number }>;
  /** The version of the graph now: it goes up with every committed write. */
  currentVersion(): number;
};

/** Time a worker gets past the engine's own time cap before it is killed (a loaded machine is slow to interrupt). */
const KILL_GRACE_MS = 1000;

type Replica = { dir: string; databasePath: string; version: number; workers: number };

export class AnalystPool {
  private active = 0;
  private idle: AnalystWorkerProcess[] = [];
  /** Workers started ahead of need and not yet ready. */
  private warming: AnalystWorkerProcess[] = [];
  private readonly everyWorker = new Set<AnalystWorkerProcess>();
  private readonly replicas = new Map<number, Replica>();
  private refreshing?: Promise<Replica>;
  private closed = false;

  constructor(private readonly options: AnalystPoolOptions) {}

  async query(cypher: string, params: Params, limits: AdHocLimits): Promise<AdHocResult> {
    if (this.closed) throw new StoreError('the store is closed', 'ad hoc', 'unavailable');
    const guard = guardBeforeExplain(cypher);
    if (guard) throw new StoreError(guard.reason, 'ad hoc', 'refused');
    if (this.active >= this.options.concurrency) {
      throw new StoreError(`the console already runs ${this.options.concurrency} queries, its most at once; try again in a moment`, 'ad hoc', 'busy');
    }
    this.active++;
    let worker: AnalystWorkerProcess | undefined;
    try {
      worker = await this.acquire();
      return await this.withTimeCap(worker, limits.timeoutMs + KILL_GRACE_MS, () => this.explainAndRun(worker!, cypher, params, limits));
    } finally {
      this.active--;
      if (worker) this.release(worker);
    }
  }

  /** The process ids of the workers alive now (for operators and the tests that kill one). */
  workerPids(): number[] {
    return [...this.everyWorker]
      .filter((w) => w.alive)
      .map((w) => w.pid)
      .filter((pid): pid is number => pid !== undefined);
  }

  /** Kills every worker and removes every replica. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    await this.refreshing?.catch(() => undefined);
    await Promise.all([...this.everyWorker].map((w) => w.kill('retired')));
    this.idle = [];
    this.warming = [];
    for (const replica of this.replicas.values()) rmSync(replica.dir, { recursive: true, force: true });
    this.replicas.clear();
  }

  // ------------------------------------------------------------------ internal

  private async explainAndRun(worker: AnalystWorkerProcess, cypher: string, params: Params, limits: AdHocLimits): Promise<AdHocResult> {
    const explained = await worker.request({ type: 'explain', cypher, params });
    if (explained.type === 'engine-error') throw analystEngineError(explained.message);
    if (explained.type !== 'explained') throw new StoreError('the analyst worker answered out of turn', 'ad hoc', 'crashed');
    const plan = readExplainPlan(explained.plan);
    if (!plan.ok) {
      console.error(`console query refused, unreadable plan (${plan.reason}): ${JSON.stringify(cypher)}`);
      void worker.kill('retired');
      throw new StoreError(
        "the server could not read the engine's plan for this query, so it does not run it; simplify it (plain names, no line breaks or box-drawing characters in names and strings)",
        'ad hoc',
        'refused',
      );
    }
    const verdict = judgeLadybugPlan(plan.operators);
    if (!verdict.allowed) {
      if (verdict.replaceWorker) void worker.kill('retired');
      throw new StoreError(verdict.reason, 'ad hoc', 'refused');
    }
    if (limits.explainOnly) return { columns: [], rows: [], truncated: false };
    const result = await worker.request({
      type: 'run',
      cypher,
      params,
      maxRows: limits.maxRows,
      maxBytes: limits.maxBytes ?? Number.MAX_SAFE_INTEGER,
      timeoutMs: limits.timeoutMs,
    });
    if (result.type === 'engine-error') throw analystEngineError(result.message);
    if (result.type !== 'result') throw new StoreError('the analyst worker answered out of turn', 'ad hoc', 'crashed');
    return { columns: result.columns, rows: result.rows, truncated: result.truncated };
  }

  private async withTimeCap<T>(worker: AnalystWorkerProcess, capMs: number, work: () => Promise<T>): Promise<T> {
    const timer = setTimeout(() => void worker.kill('timeout'), capMs);
    try {
      return await work();
    } finally {
      clearTimeout(timer);
    }
  }

  private async acquire(): Promise<AnalystWorkerProcess> {
    const replica = await this.currentReplica();
    for (let w = this.idle.pop(); w; w = this.idle.pop()) {
      if (w.alive && w.replicaVersion === replica.version) return w;
      this.retire(w);
    }
    const warming = this.warming.findIndex((w) => w.replicaVersion === replica.version);
    const worker = warming >= 0 ? this.warming.splice(warming, 1)[0]! : this.spawn(replica);
    this.topUp();
    await worker.ready;
    return worker;
  }

  private spawn(replica: Replica): AnalystWorkerProcess {
    const dir = mkdtempSync(join(tmpdir(), 'gt-analyst-cwd-'));
    const worker = new AnalystWorkerProcess({ databasePath: replica.databasePath, bufferPoolMb: this.options.bufferPoolMb, memoryLimitMb: this.options.memoryLimitMb }, replica.version, dir);
    this.everyWorker.add(worker);
    replica.workers++;
    void worker.exited.then(() => {
      this.everyWorker.delete(worker);
      this.warming = this.warming.filter((w) => w !== worker);
      rmSync(dir, { recursive: true, force: true });
      const r = this.replicas.get(worker.replicaVersion);
      if (r && --r.workers === 0) this.dropReplicaIfStale(r);
      this.topUp();
    });
    return worker;
  }

  /**
   * Keeps as many workers started as may run at once, so that a query seldom waits
   * for a process to start. Workers start at a lower priority than the server.
   */
  private topUp(): void {
    if (this.closed) return;
    const replica = this.replicas.get(this.options.currentVersion());
    if (!replica) return;
    const current = (w: AnalystWorkerProcess) => w.alive && w.replicaVersion === replica.version;
    const started = this.active + this.idle.filter(current).length + this.warming.filter(current).length;
    for (let i = started; i < this.options.concurrency; i++) {
      const worker = this.spawn(replica);
      this.warming.push(worker);
      void worker.ready.then(
        () => {
          if (!this.warming.includes(worker)) return;
          this.warming = this.warming.filter((w) => w !== worker);
          this.release(worker);
        },
        () => undefined,
      );
    }
  }

  private release(worker: AnalystWorkerProcess): void {
    if (this.closed || !worker.alive || worker.replicaVersion !== this.options.currentVersion()) return this.retire(worker);
    this.idle.push(worker);
  }

  private retire(worker: AnalystWorkerProcess): void {
    void worker.kill('retired');
  }

  /** The replica of the graph as it is now, copying it afresh if it has changed since the last copy. */
  private currentReplica(): Promise<Replica> {
    const version = this.options.currentVersion();
    const existing = this.replicas.get(version);
    if (existing) return Promise.resolve(existing);
    this.refreshing ??= this.copy().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async copy(): Promise<Replica> {
    const dir = mkdtempSync(join(tmpdir(), 'gt-analyst-replica-'));
    try {
      const { databasePath, version } = await this.options.snapshot(dir);
      const replica: Replica = { dir, databasePath, version, workers: 0 };
      const same = this.replicas.get(version);
      if (same) {
        rmSync(dir, { recursive: true, force: true });
        return same;
      }
      this.replicas.set(version, replica);
      for (const r of this.replicas.values()) if (r.workers === 0) this.dropReplicaIfStale(r);
      return replica;
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }

  private dropReplicaIfStale(replica: Replica): void {
    const newest = Math.max(...this.replicas.keys());
    if (replica.version === newest || replica.workers > 0) return;
    this.replicas.delete(replica.version);
    rmSync(replica.dir, { recursive: true, force: true });
  }
}
