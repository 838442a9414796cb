import { error as driverErrors } from 'neo4j-driver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../server/graph/validationError.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4jStore.js';
import { StoreError } from '../../server/store/port.js';
import { neo4jError, ScriptedNeo4j } from '../fixtures/scriptedNeo4j.js';

/**
 * The Neo4j adapter's fault paths, with the driver's own error classes and codes injected at
 * each step: transient errors are retried by the driver (its TransactionExecutor, as in a real
 * session), and whatever it gives up on is translated once into the port's error kinds.
 */

const { SERVICE_UNAVAILABLE, SESSION_EXPIRED } = driverErrors;
const DEADLOCK = 'Neo.TransientError.Transaction.DeadlockDetected';
const OUT_OF_MEMORY = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
const SYNTAX = 'Neo.ClientError.Statement.SyntaxError';
const CONSTRAINT = 'Neo.ClientError.Schema.ConstraintValidationFailed';
const TIMED_OUT = 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';
const ACCESS_MODE = 'Neo.ClientError.Statement.AccessMode';

function storeOver(script: ScriptedNeo4j, maxTransactionRetryTimeMs = 200) {
  return new Neo4jStore({ uri: 'neo4j://127.0.0.1:7687', user: 'neo4j', password: 'x', database: 'neo4j', connect: script.connect, maxTransactionRetryTimeMs });
}

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  );

/** A write of one named query, as the graph writer makes them. */
const writeOne = (store: Neo4jStore) => store.write((tx) => tx.run('stats/count-nodes'));

afterEach(() => vi.restoreAllMocks());

describe('opening', () => {
  it('a connection refused is "unavailable", closes its driver, and is tried again on the next call', async () => {
    const script = new ScriptedNeo4j().inject('verify', () => neo4jError(SERVICE_UNAVAILABLE, 'Could not perform discovery'));
    const store = storeOver(script);
    const err = await failureOf(store.open());
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^cannot reach Neo4j at neo4j:\/\/127\.0\.0\.1:7687 \(database neo4j\): Could not perform discovery; check NEO4J_URI/),
    });
    expect(script.counts).toMatchObject({ drivers: 1, driversClosed: 1 });
    // Neo4j is back: the failure was not cached.
    await store.open();
    expect(await store.engineVersion()).toBe('Neo4j Neo4j/5.26.0 (protocol 5.7)');
    expect(script.counts).toMatchObject({ drivers: 2, driversClosed: 1 });
    await store.close();
    expect(script.counts.driversClosed).toBe(2);
  });

  it('a schema statement that fails closes the driver and is translated, and the next open tries again', async () => {
    const script = new ScriptedNeo4j().inject('schema', () => neo4jError('Neo.ClientError.Security.Forbidden', 'Schema operations are not allowed for user'));
    const store = storeOver(script);
    const err = await failureOf(store.open());
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'query', query: 'schema/schema', message: 'query schema/schema failed: Schema operations are not allowed for user' });
    expect(script.counts).toMatchObject({ drivers: 1, driversClosed: 1 });
    await store.open();
    expect(script.counts.drivers).toBe(2);
    await store.close();
  });
});

describe('writing', () => {
  it.each([
    ['a deadlock', () => neo4jError(DEADLOCK)],
    ['a lost connection', () => neo4jError(SERVICE_UNAVAILABLE, 'Connection was closed by server')],
    ['an expired session (leader switch)', () => neo4jError(SESSION_EXPIRED, 'No longer possible to write to server')],
  ])('%s inside the transaction reaches the driver, which retries it', async (_name, error) => {
    const script = new ScriptedNeo4j().inject('run', error);
    script.answer = () => ({ keys: ['kind', 'count'], rows: [['Plan', 5]] });
    const store = storeOver(script);
    expect(await writeOne(store)).toEqual([{ kind: 'Plan', count: 5 }]);
    expect(script.counts).toMatchObject({ attempts: 2, rollbacks: 1, commits: 1, sessionsClosed: 1 });
    await store.close();
  });

  it('a deadlock at commit is retried too', async () => {
    const script = new ScriptedNeo4j().inject('commit', () => neo4jError(DEADLOCK));
    const store = storeOver(script);
    await writeOne(store);
    expect(script.counts).toMatchObject({ attempts: 2, commits: 1 });
    await store.close();
  });

  it('a deadlock that outlasts the driver’s retries is "unavailable", named', async () => {
    const script = new ScriptedNeo4j().inject('run', () => neo4jError(DEADLOCK, 'ForsetiClient can not acquire ExclusiveLock'), Infinity);
    const store = storeOver(script, 30);
    const err = await failureOf(writeOne(store));
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'unavailable', query: 'stats/count-nodes', message: 'Neo4j could not complete stats/count-nodes after retrying: ForsetiClient can not acquire ExclusiveLock' });
    expect(script.counts.attempts).toBeGreaterThanOrEqual(2);
    expect(script.counts.sessionsClosed).toBe(1);
    await store.close();
  });

  it('a syntax error is translated once and not retried', async () => {
    const script = new ScriptedNeo4j().inject('run', () => neo4jError(SYNTAX, 'Invalid input'));
    const store = storeOver(script);
    const err = await failureOf(writeOne(store));
    expect(err).toMatchObject({ code: 'query', query: 'stats/count-nodes', message: 'query stats/count-nodes failed: Invalid input' });
    expect(script.counts).toMatchObject({ attempts: 1, rollbacks: 1, commits: 0 });
    await store.close();
  });

  it('running out of memory is "too-large" at once, not retried for half a minute', async () => {
    const script = new ScriptedNeo4j().inject('run', () => neo4jError(OUT_OF_MEMORY, 'The allocation of an extra 2 MiB would use more than the limit'), Infinity);
    const store = storeOver(script, 2_000);
    const err = await failureOf(writeOne(store));
    expect(err).toMatchObject({ code: 'too-large', query: 'stats/count-nodes' });
    expect(script.counts.attempts).toBe(1);
    await store.close();
  });

  it('a constraint violation at commit is a StoreError, not a raw driver error', async () => {
    const script = new ScriptedNeo4j().inject('commit', () => neo4jError(CONSTRAINT, 'Node(12) already exists with label `Action` and property `id`'));
    const store = storeOver(script);
    const err = await failureOf(writeOne(store));
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'query', query: 'write', message: 'query write failed: Node(12) already exists with label `Action` and property `id`' });
    expect(script.counts.attempts).toBe(1);
    await store.close();
  });

  it('an error of the work itself passes unchanged and is not retried', async () => {
    const script = new ScriptedNeo4j();
    const store = storeOver(script);
    const refusal = new ValidationError([{ field: 'nodes.0.id', reason: 'taken' }]);
    const err = await failureOf(
      store.write(async () => {
        throw refusal;
      }),
    );
    expect(err).toBe(refusal);
    expect(script.counts).toMatchObject({ attempts: 1, rollbacks: 1 });
    await store.close();
  });

  it('a session that fails to close after a commit does not undo the outcome, and says so in the log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const script = new ScriptedNeo4j().inject('close', () => neo4jError(SERVICE_UNAVAILABLE, 'Connection was closed by server'));
    script.answer = () => ({ keys: ['kind', 'count'], rows: [['Plan', 5]] });
    const store = storeOver(script);
    expect(await writeOne(store)).toEqual([{ kind: 'Plan', count: 5 }]);
    expect(warn).toHaveBeenCalledWith('closing the Neo4j session of write failed: Connection was closed by server');
    await store.close();
  });

  it('a session that fails to close after a failure leaves the first error to be reported', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const script = new ScriptedNeo4j().inject('run', () => neo4jError(SYNTAX, 'Invalid input')).inject('close', () => neo4jError(SESSION_EXPIRED));
    const store = storeOver(script);
    expect(await failureOf(writeOne(store))).toMatchObject({ code: 'query', message: 'query stats/count-nodes failed: Invalid input' });
    await store.close();
  });
});

describe('reading a named query', () => {
  it('an expired session is retried by the driver', async () => {
    const script = new ScriptedNeo4j().inject('stream', () => neo4jError(SESSION_EXPIRED, 'Server at 10.0.0.2:7687 is no longer available'));
    script.answer = () => ({
      keys: ['kind', 'count'],
      rows: [
        ['Plan', 5],
        ['Action', 286],
      ],
    });
    const store = storeOver(script);
    expect(await store.read('stats/count-nodes')).toEqual([
      { kind: 'Plan', count: 5 },
      { kind: 'Action', count: 286 },
    ]);
    expect(script.counts.attempts).toBe(2);
    await store.close();
  });

  it('running out of memory is "too-large" at once', async () => {
    const script = new ScriptedNeo4j().inject('run', () => neo4jError(OUT_OF_MEMORY), Infinity);
    const store = storeOver(script, 2_000);
    expect(await failureOf(store.read('stats/count-nodes'))).toMatchObject({ code: 'too-large', query: 'stats/count-nodes' });
    expect(script.counts.attempts).toBe(1);
    await store.close();
  });

  it('Neo4j down for longer than the retries is "unavailable"', async () => {
    const script = new ScriptedNeo4j().inject('run', () => neo4jError(SERVICE_UNAVAILABLE, 'Connection refused'), Infinity);
    const store = storeOver(script, 20);
    expect(await failureOf(store.read('stats/count-nodes'))).toMatchObject({ code: 'unavailable', message: 'Neo4j is unavailable: Connection refused' });
    await store.close();
  });
});

describe('an analyst’s read-only query', () => {
  const QUERY = 'MATCH (n:Action) RETURN n.id AS id';
  const tenRows = () => ({ keys: ['id'], rows: Array.from({ length: 10 }, (_, i) => [`n${i}`]) });

  it('stops reading at the row cap, says it did, and leaves the rest of the stream unread', async () => {
    const script = new ScriptedNeo4j();
    script.answer = tenRows;
    const store = storeOver(script);
    const result = await store.readOnlyQuery(QUERY, {}, { timeoutMs: 1000, maxRows: 3 });
    expect(result).toEqual({ columns: ['id'], rows: [{ id: 'n0' }, { id: 'n1' }, { id: 'n2' }], truncated: true });
    // One record past the cap tells it the result was cut; the other six are never pulled.
    expect(script.counts).toMatchObject({ pulled: 4, streamsStopped: 1 });
    // The plan was asked for first, in the same transaction, and then the query itself ran.
    expect(script.runs).toEqual([`EXPLAIN ${QUERY}`, QUERY]);
    expect(script.counts.attempts).toBe(1);
    await store.close();
  });

  it('stops reading at the byte cap too, before the row that would pass it', async () => {
    const script = new ScriptedNeo4j();
    script.answer = tenRows;
    const store = storeOver(script);
    // Each row is {"id":"nX"} (11 bytes) and a separator; the array's brackets take 2: two rows
    // make 26 bytes, a third would make 38.
    const result = await store.readOnlyQuery(QUERY, {}, { timeoutMs: 1000, maxRows: 10, maxBytes: 30 });
    expect(result).toEqual({ columns: ['id'], rows: [{ id: 'n0' }, { id: 'n1' }], truncated: true });
    expect(script.counts).toMatchObject({ pulled: 3, streamsStopped: 1 });
    await store.close();
  });

  it('refuses a plan with a write operator before the query itself is ever run', async () => {
    const script = new ScriptedNeo4j();
    script.answer = tenRows;
    // What Neo4j plans for CREATE: the write is an operator of the plan, whatever the text looks like.
    script.plan = () => ({
      operatorType: 'ProduceResults@neo4j',
      arguments: { Details: 'n' },
      children: [{ operatorType: 'Create@neo4j', arguments: { Details: '(n:Action)' }, children: [] }],
    });
    const store = storeOver(script);
    const err = await failureOf(store.readOnlyQuery("CREATE (n:Action {id: 'x'}) RETURN n", {}, { timeoutMs: 1000, maxRows: 5 }));
    expect(err).toMatchObject({ code: 'refused', query: 'ad hoc', message: 'the plan uses Create, which is not a read operator: /api/query runs read-only queries over the graph' });
    expect(script.runs).toEqual(["EXPLAIN CREATE (n:Action {id: 'x'}) RETURN n"]);
    expect(script.counts).toMatchObject({ pulled: 0, attempts: 1, commits: 0 });
    await store.close();
  });

  it('is not truncated when the rows just fit', async () => {
    const script = new ScriptedNeo4j();
    script.answer = tenRows;
    const store = storeOver(script);
    const result = await store.readOnlyQuery(QUERY, {}, { timeoutMs: 1000, maxRows: 10 });
    expect(result.rows).toHaveLength(10);
    expect(result.truncated).toBe(false);
    await store.close();
  });

  it('runs under the time cap as the transaction’s timeout, and a timeout is "timeout", not retried', async () => {
    const script = new ScriptedNeo4j().inject('stream', () => neo4jError(TIMED_OUT, 'The transaction has been terminated'), Infinity);
    script.answer = tenRows;
    const store = storeOver(script, 2_000);
    const err = await failureOf(store.readOnlyQuery(QUERY, {}, { timeoutMs: 750, maxRows: 5 }));
    expect(err).toMatchObject({ code: 'timeout', query: 'ad hoc' });
    expect(script.txConfigs).toEqual([{ timeout: 750 }]);
    expect(script.counts.attempts).toBe(1);
    await store.close();
  });

  it('out of memory while streaming is "too-large" at once', async () => {
    const script = new ScriptedNeo4j().inject('stream', () => neo4jError(OUT_OF_MEMORY), Infinity);
    script.answer = tenRows;
    const store = storeOver(script, 2_000);
    expect(await failureOf(store.readOnlyQuery(QUERY, {}, { timeoutMs: 1000, maxRows: 5 }))).toMatchObject({ code: 'too-large' });
    expect(script.counts.attempts).toBe(1);
    await store.close();
  });

  it('a write the engine refuses is "read-only"', async () => {
    const script = new ScriptedNeo4j().inject('run', () => neo4jError(ACCESS_MODE, 'Writing in read access mode not allowed'));
    const store = storeOver(script);
    expect(await failureOf(store.readOnlyQuery("MATCH (a:Action) SET a.title = 'x'", {}, { timeoutMs: 1000, maxRows: 5 }))).toMatchObject({ code: 'read-only' });
    expect(script.counts.attempts).toBe(1);
    await store.close();
  });

  it('a lost connection mid-stream is retried by the driver and the rows come whole', async () => {
    const script = new ScriptedNeo4j().inject('stream', () => neo4jError(SERVICE_UNAVAILABLE, 'Connection was closed by server'));
    script.answer = tenRows;
    const store = storeOver(script);
    const result = await store.readOnlyQuery(QUERY, {}, { timeoutMs: 1000, maxRows: 20 });
    expect(result.rows).toHaveLength(10);
    expect(result.rows.at(-1)).toEqual({ id: 'n9' });
    expect(result.truncated).toBe(false);
    // The retry starts the transaction over: the plan is checked again before the query reruns.
    expect(script.counts.attempts).toBe(2);
    expect(script.runs).toEqual([`EXPLAIN ${QUERY}`, QUERY, `EXPLAIN ${QUERY}`, QUERY]);
    await store.close();
  });
});
