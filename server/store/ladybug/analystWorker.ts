import lbug from '@ladybugdb/core';
import type { Row } from '../port.js';
import type { WorkerReply, WorkerRequest, WorkerStart } from './analystProtocol.js';
import { fromLadybug, toLadybugParams } from './values.js';

/**
 * An analyst worker: a child process of the server holding a read-only copy of the
 * embedded database (see analystPool.ts). It explains and runs the statements the
 * server sends, one at a time, with one engine thread and a small buffer pool, and
 * kills itself when its memory passes the limit. A crash, a hang or runaway memory here
 * costs this process only; the server replaces it.
 */

const start = JSON.parse(process.argv[2] ?? '{}') as WorkerStart;
const send = (reply: WorkerReply) => process.send?.(reply);

// The server going away (even killed) closes the IPC channel: never outlive it.
process.on('disconnect', () => process.exit(0));

const MEMORY_CHECK_MS = 20;
const watchdog = setInterval(() => {
  const rssMb = process.memoryUsage.rss() / (1024 * 1024);
  if (rssMb > start.memoryLimitMb) {
    send({ type: 'memory-exceeded', rssMb: Math.round(rssMb) });
    // SIGKILL: no destructor of the engine gets a chance to hang on the way out.
    process.kill(process.pid, 'SIGKILL');
  }
}, MEMORY_CHECK_MS);
watchdog.unref();

async function open(): Promise<lbug.Connection> {
  const db = new lbug.Database(start.databasePath, start.bufferPoolMb * 1024 * 1024, true, true);
  await db.init();
  const conn = new lbug.Connection(db, 1);
  // Warm up before saying ready, so the first analyst's query is not charged for loading the catalogue.
  for (const warmUp of ['EXPLAIN MATCH (n) RETURN count(n)', 'MATCH (n) RETURN count(n)']) {
    const result = await conn.query(warmUp);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }
  return conn;
}

async function explain(conn: lbug.Connection, req: Extract<WorkerRequest, { type: 'explain' }>): Promise<WorkerReply> {
  const prepared = await conn.prepare(`EXPLAIN ${req.cypher}`);
  if (!prepared.isSuccess()) return { type: 'engine-error', id: req.id, message: prepared.getErrorMessage() };
  const result = await conn.execute(prepared, toLadybugParams(req.params));
  const results = Array.isArray(result) ? result : [result];
  try {
    if (results.length !== 1) return { type: 'engine-error', id: req.id, message: 'several statements' };
    const rows = await results[0]!.getAll();
    const plan = rows.length === 1 ? Object.values(rows[0]!)[0] : undefined;
    if (typeof plan !== 'string') return { type: 'engine-error', id: req.id, message: 'EXPLAIN did not return one plan' };
    return { type: 'explained', id: req.id, plan };
  } finally {
    for (const r of results) r.close();
  }
}

async function run(conn: lbug.Connection, req: Extract<WorkerRequest, { type: 'run' }>): Promise<WorkerReply> {
  conn.setQueryTimeout(req.timeoutMs);
  const prepared = await conn.prepare(req.cypher);
  if (!prepared.isSuccess()) return { type: 'engine-error', id: req.id, message: prepared.getErrorMessage() };
  if (!prepared.isReadOnly()) return { type: 'engine-error', id: req.id, message: 'statement is not read-only' };
  const result = await conn.execute(prepared, toLadybugParams(req.params));
  const results = Array.isArray(result) ? result : [result];
  try {
    if (results.length !== 1) return { type: 'engine-error', id: req.id, message: 'several statements' };
    const r = results[0]!;
    const columns = await r.getColumnNames();
    const rows: Row[] = [];
    let bytes = 2;
    let truncated = false;
    while (r.hasNext()) {
      if (rows.length >= req.maxRows) {
        truncated = true;
        break;
      }
      const raw = await r.getNext();
      if (!raw) break;
      const row = fromLadybug(raw) as Row;
      const size = Buffer.byteLength(JSON.stringify(row)) + 1;
      if (bytes + size > req.maxBytes) {
        truncated = true;
        break;
      }
      bytes += size;
      rows.push(row);
    }
    return { type: 'result', id: req.id, columns, rows, truncated };
  } finally {
    for (const r of results) r.close();
  }
}

open().then(
  (conn) => {
    let tail = Promise.resolve();
    process.on('message', (req: WorkerRequest) => {
      tail = tail.then(async () => {
        const reply = await (req.type === 'explain' ? explain(conn, req) : run(conn, req)).catch((err: unknown): WorkerReply => ({
          type: 'engine-error',
          id: req.id,
          message: (err as Error).message ?? String(err),
        }));
        send(reply);
      });
    });
    send({ type: 'ready' });
  },
  (err: unknown) => {
    send({ type: 'failed-to-open', message: (err as Error).message ?? String(err) });
    process.exit(1);
  },
);
