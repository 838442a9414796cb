import type { Row } from '../port.js';

/**
 * Messages between the server and an analyst worker (analystWorker.ts), a child
 * process that holds a read-only copy of the embedded database. The worker only
 * explains and runs what it is told; every decision is taken in the server.
 */

export type WorkerStart = {
  /** The database file of the read-only copy. */
  databasePath: string;
  bufferPoolMb: number;
  /** The worker kills itself when its resident memory passes this. */
  memoryLimitMb: number;
};

export type WorkerRequest =
  | { type: 'explain'; id: number; cypher: string; params: Record<string, unknown> }
  | { type: 'run'; id: number; cypher: string; params: Record<string, unknown>; maxRows: number; maxBytes: number; timeoutMs: number };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed-to-open'; message: string }
  | { type: 'explained'; id: number; plan: string }
  | { type: 'result'; id: number; columns: string[]; rows: Row[]; truncated: boolean }
  | { type: 'engine-error'; id: number; message: string }
  /** Sent just before the worker kills itself for using too much memory. */
  | { type: 'memory-exceeded'; rssMb: number };
