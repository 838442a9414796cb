import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StoreError } from '../port.js';
import type { WorkerReply, WorkerRequest, WorkerStart } from './analystProtocol.js';

/**
 * The server's handle on one analyst worker process: starts it, sends it requests,
 * matches the replies, and turns its death (a crash, the memory watchdog, a kill at the
 * time cap) into a StoreError for whatever was waiting on it.
 */

const WORKER_ENTRY = fileURLToPath(new URL('./analystWorker.ts', import.meta.url));
// The worker is TypeScript like the rest of the server: load it through tsx whether the
// server itself runs under `npm start`, vitest or the CLI.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** The lowest priority there is, so the API keeps the processor whenever it wants it. */
const WORKER_NICENESS = 19;

/** Lowers a worker's priority; best effort, the worker runs either way. */
function lowerPriority(pid: number): void {
  try {
    setPriority(pid, WORKER_NICENESS);
  } catch {
    // Some systems refuse it.
  }
}

type Pending = { resolve: (reply: WorkerReply) => void; reject: (err: StoreError) => void };
export type DeathCause = 'timeout' | 'memory' | 'crash' | 'retired';

export class AnalystWorkerProcess {
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private cause?: DeathCause;
  private dead = false;
  readonly exited: Promise<void>;

  constructor(
    start: WorkerStart,
    readonly replicaVersion: number,
    cwd: string,
  ) {
    this.child = fork(WORKER_ENTRY, [JSON.stringify(start)], {
      execArgv: ['--import', TSX_LOADER],
      cwd,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // A session of its own: where the scheduler shares the processor by session (Linux's
      // autogroups), a busy worker then uses its own share, not the server's, and its
      // lower priority cannot starve it on a busy machine either. It still ends with the
      // server: it exits when the IPC channel closes.
      detached: true,
    });
    let opened: () => void;
    let failed: (err: StoreError) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    this.ready.catch(() => undefined);
    this.child.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        // Started at normal priority (starting is short and a busy machine would stretch it), then lowered for queries.
        if (this.child.pid) lowerPriority(this.child.pid);
        return opened();
      }
      if (reply.type === 'failed-to-open') return failed(new StoreError(`an analyst worker could not open its copy of the database: ${reply.message}`, 'ad hoc', 'unavailable'));
      if (reply.type === 'memory-exceeded') {
        this.cause = 'memory';
        return;
      }
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      waiting.resolve(reply);
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.dead = true;
        const err = this.deathError(code, signal);
        failed(err);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        resolve();
      });
    });
    // A send to a process that just died reports here; its exit handler rejects the waiters.
    this.child.on('error', () => undefined);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.dead && this.cause === undefined;
  }

  request(message: Omit<Extract<WorkerRequest, { type: 'explain' }>, 'id'> | Omit<Extract<WorkerRequest, { type: 'run' }>, 'id'>): Promise<WorkerReply> {
    if (this.dead) return Promise.reject(this.deathError(null, null));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...message, id });
    });
  }

  /** Ends the process at once; whatever waits on it is rejected with the cause. Safe to call twice. */
  kill(cause: DeathCause): Promise<void> {
    this.cause ??= cause;
    if (!this.dead) this.child.kill('SIGKILL');
    return this.exited;
  }

  private deathError(code: number | null, signal: NodeJS.Signals | null): StoreError {
    switch (this.cause) {
      case 'timeout':
        return new StoreError('the query ran over its time cap', 'ad hoc', 'timeout');
      case 'memory':
        return new StoreError('the query needed more memory than an analyst worker may use', 'ad hoc', 'too-large');
      case 'retired':
        return new StoreError('the analyst worker was stopped', 'ad hoc', 'unavailable');
      default:
        console.error(`analyst worker ${this.child.pid} died (exit code ${code}, signal ${signal})`);
        return new StoreError('the query stopped the analyst worker that ran it', 'ad hoc', 'crashed');
    }
  }
}
