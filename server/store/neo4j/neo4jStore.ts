import neo4j, { isRetryableError, Neo4jError, type Config, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { queries, statementsOf, type QueryRegistry } from '../../cypher/registry.js';
import { StoreError, type AdHocLimits, type AdHocResult, type GraphStore, type Params, type Row, type Transaction } from '../port.js';
import { judgeNeo4jPlan } from './planPolicy.js';
import { rowOf, toNeo4jParams } from './values.js';

/**
 * Neo4j over Bolt. One driver per process; the database is named on every call;
 * reads are routed as reads (a cluster or Aura spreads them over secondaries) and
 * writes go through the driver's retrying transaction functions, so every write the
 * product makes is idempotent (MERGE on stable ids, SET of whole values).
 *
 * Errors: inside a transaction function an error the driver retries (deadlock, leader
 * switch, expired session) is passed to the driver untouched so that it does retry; every
 * other error is turned into a StoreError there, which the driver does not retry. Whatever
 * the driver gives up on is translated once into the port's error kinds.
 */

export type Neo4jOptions = {
  uri: string;
  user: string;
  password: string;
  database: string;
  registry?: QueryRegistry;
  /** Analysts' queries that may run at once; more are refused as busy. */
  queryConcurrency?: number;
  /** How long the driver keeps retrying a transaction after a transient error (the driver's default is 30 s). */
  maxTransactionRetryTimeMs?: number;
  /** Makes the driver; the default is neo4j-driver's own. Tests pass one built over the driver's error and record classes. */
  connect?: (uri: string, auth: ReturnType<typeof neo4j.auth.basic>, config: Config) => Driver;
};

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private driver?: Driver;
  private opening?: Promise<void>;
  private closed = false;
  private adHocRunning = 0;
  private readonly registry: QueryRegistry;

  constructor(private readonly options: Neo4jOptions) {
    this.registry = options.registry ?? queries();
  }

  open(): Promise<void> {
    // A failed open is forgotten, so that the next call tries again once Neo4j is back.
    this.opening ??= this.openOnce().catch((err: unknown) => {
      this.opening = undefined;
      throw err;
    });
    return this.opening;
  }

  private async openOnce(): Promise<void> {
    const { uri, user, password, database } = this.options;
    const connect = this.options.connect ?? neo4j.driver;
    const driver = connect(uri, neo4j.auth.basic(user, password), {
      userAgent: 'golden-thread',
      ...(this.options.maxTransactionRetryTimeMs !== undefined ? { maxTransactionRetryTime: this.options.maxTransactionRetryTimeMs } : {}),
    });
    try {
      await driver.verifyConnectivity({ database });
    } catch (err) {
      await closeDriver(driver);
      throw new StoreError(`cannot reach Neo4j at ${uri} (database ${database}): ${(err as Error).message}; check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE`, undefined, 'unavailable');
    }
    // The domain schema, then the system tables' constraints (model/system.ts).
    try {
      for (const schema of ['schema/schema', 'schema/system'].filter((name) => this.registry.has(name))) {
        for (const statement of statementsOf(this.registry.text(schema, 'neo4j'))) {
          await driver.executeQuery(statement, {}, { database, routing: neo4j.routing.WRITE });
        }
      }
    } catch (err) {
      await closeDriver(driver);
      throw translate(err, 'schema/schema');
    }
    this.driver = driver;
  }

  async engineVersion(): Promise<string> {
    const info = await (await this.ready()).getServerInfo({ database: this.options.database });
    return `Neo4j ${info.agent ?? 'unknown'} (protocol ${info.protocolVersion?.toString() ?? '?'})`;
  }

  async read(name: string, params: Params = {}): Promise<Row[]> {
    const driver = await this.ready();
    const session = driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    return inSession(
      session,
      () => name,
      () =>
        session.executeRead(async (managed: ManagedTransaction) => {
          try {
            const result = await managed.run(this.registry.text(name, 'neo4j'), toNeo4jParams(params));
            return result.records.map(rowOf);
          } catch (err) {
            throw passToDriver(err, name);
          }
        }),
    );
  }

  async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const driver = await this.ready();
    const session = driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    // The query that failed last, so that an error the driver gave up on still names its file.
    let failing = 'write';
    return inSession(
      session,
      () => failing,
      () =>
        session.executeWrite((managed: ManagedTransaction) =>
          work({
            run: async (name, params = {}) => {
              try {
                const result = await managed.run(this.registry.text(name, 'neo4j'), toNeo4jParams(params));
                return result.records.map(rowOf);
              } catch (err) {
                failing = name;
                throw passToDriver(err, name);
              }
            },
          }),
        ),
    );
  }

  async readOnlyQuery(cypher: string, params: Params, limits: AdHocLimits): Promise<AdHocResult> {
    const driver = await this.ready();
    const concurrency = this.options.queryConcurrency ?? 2;
    if (this.adHocRunning >= concurrency) {
      throw new StoreError(`the console already runs ${concurrency} queries, its most at once; try again in a moment`, 'ad hoc', 'busy');
    }
    this.adHocRunning++;
    const session = driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    // The transaction timeout is Neo4j's; this one holds even if the server ignores it.
    const cap = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new StoreError('the query ran over its time cap', 'ad hoc', 'timeout'));
        void session.close().catch(() => undefined);
      }, limits.timeoutMs + 1000);
    });
    try {
      return await Promise.race([cap, this.explainAndRun(session, cypher, params, limits)]);
    } catch (err) {
      throw adHocError(err);
    } finally {
      clearTimeout(timer);
      this.adHocRunning--;
      await session.close().catch(() => undefined);
    }
  }

  /** Asks Neo4j for the plan of exactly this text, and runs the text only if the plan only reads. */
  private async explainAndRun(session: Session, cypher: string, params: Params, limits: AdHocLimits): Promise<AdHocResult> {
    const neo4jParams = toNeo4jParams(params);
    return session.executeRead(
      passingToDriver('ad hoc', async (tx: ManagedTransaction) => {
        const explained = await tx.run(`EXPLAIN ${cypher}`, neo4jParams);
        const verdict = judgeNeo4jPlan(explained.summary.plan);
        if (!verdict.allowed) throw new StoreError(verdict.reason, 'ad hoc', 'refused');
        if (limits.explainOnly) return { columns: [], rows: [], truncated: false };
        const result = tx.run(cypher, neo4jParams);
        const rows: Row[] = [];
        let bytes = 2;
        let truncated = false;
        for await (const record of result) {
          const row = rowOf(record);
          const size = Buffer.byteLength(JSON.stringify(row)) + 1;
          if (rows.length >= limits.maxRows || bytes + size > (limits.maxBytes ?? Number.MAX_SAFE_INTEGER)) {
            truncated = true;
            break;
          }
          bytes += size;
          rows.push(row);
        }
        const columns = (await result.keys()).map(String);
        return { columns, rows, truncated };
      }),
      { timeout: limits.timeoutMs },
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.opening?.catch(() => undefined);
    await this.driver?.close().catch(() => undefined);
  }

  private async ready(): Promise<Driver> {
    if (this.closed) throw new StoreError('the store is closed', undefined, 'unavailable');
    await this.open();
    return this.driver!;
  }
}

// ---------------------------------------------------------------- errors

const codeOf = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? '');
/** Out of memory is a transient error to Neo4j, but the same query would run out again: not worth 30 s of retries. */
const isOutOfMemory = (code: string) => /OutOfMemory|MemoryLimit/.test(code);
const isTimeout = (code: string) => code.includes('TransactionTimedOut');

/** Whether the driver should see this error as it is, and so retry the transaction. */
export function retriedByDriver(err: unknown): boolean {
  const code = codeOf(err);
  return isRetryableError(err) && !isOutOfMemory(code) && !isTimeout(code);
}

/** Inside a transaction function: the driver's retriable errors go to it untouched; the rest become StoreErrors, which it does not retry. */
function passToDriver(err: unknown, name: string): unknown {
  return retriedByDriver(err) ? err : translate(err, name);
}

function passingToDriver<A, T>(name: string, work: (arg: A) => Promise<T>): (arg: A) => Promise<T> {
  return async (arg) => {
    try {
      return await work(arg);
    } catch (err) {
      throw passToDriver(err, name);
    }
  };
}

/**
 * Runs a transaction function in a session and closes it. Driver errors (the ones it gave up
 * retrying, or that came at commit) are translated; errors of the work itself (a ValidationError)
 * pass unchanged. A session that fails to close after its work does not undo the outcome.
 */
async function inSession<T>(session: Session, name: () => string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw err instanceof Neo4jError ? translate(err, name()) : err;
  } finally {
    await closeSession(session, name());
  }
}

async function closeSession(session: Session, name: string): Promise<void> {
  try {
    await session.close();
  } catch (err) {
    // The transaction has already committed or rolled back; the connection goes back to the pool or is dropped.
    console.warn(`closing the Neo4j session of ${name} failed: ${(err as Error).message}`);
  }
}

async function closeDriver(driver: Driver): Promise<void> {
  try {
    await driver.close();
  } catch (err) {
    console.warn(`closing the Neo4j driver failed: ${(err as Error).message}`);
  }
}

/** Neo4j's error codes as the port's error kinds. */
export function translate(err: unknown, name: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = codeOf(err);
  const message = (err as Error).message ?? String(err);
  if (isTimeout(code)) return new StoreError(`query ${name} ran over its time limit`, name, 'timeout');
  if (isOutOfMemory(code)) return new StoreError(`query ${name} needs more memory than Neo4j allows it: ${message}`, name, 'too-large');
  if (code.includes('AccessMode') || code.includes('ForbiddenDueToTransactionType')) {
    return new StoreError(`query ${name} tried to write in a read-only transaction`, name, 'read-only');
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new StoreError(`Neo4j is unavailable: ${message}`, name, 'unavailable');
  }
  // A deadlock or another transient error that outlasted the driver's retries: the client may try again later.
  if (isRetryableError(err)) return new StoreError(`Neo4j could not complete ${name} after retrying: ${message}`, name, 'unavailable');
  return new StoreError(`query ${name} failed: ${message}`, name);
}

/**
 * Neo4j's failures of an analyst's query as the kind of failure and a sentence of our
 * own; the engine's message goes to the log only.
 */
function adHocError(err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  console.error(`console query failed in Neo4j: ${code} ${(err as Error).message ?? String(err)}`);
  const translated = translate(err, 'ad hoc');
  if (translated.code === 'read-only') return new StoreError('the engine refused a write: /api/query runs read-only queries', 'ad hoc', 'refused');
  if (translated.code === 'timeout') return new StoreError('the query ran over its time cap', 'ad hoc', 'timeout');
  if (translated.code === 'unavailable') return new StoreError('Neo4j is unavailable', 'ad hoc', 'unavailable');
  if (code.includes('SyntaxError')) return new StoreError('the query has a syntax error', 'ad hoc');
  if (code.includes('ParameterMissing')) return new StoreError('the query uses a parameter that params does not give', 'ad hoc');
  if (code.includes('TypeError') || code.includes('ArgumentError')) return new StoreError('the query uses a value of the wrong type', 'ad hoc');
  if (code.includes('MemoryPoolOutOfMemory') || code.includes('TransactionOutOfMemory')) return new StoreError('the query needed more memory than Neo4j allows a transaction', 'ad hoc', 'too-large');
  return new StoreError('the engine could not run the query', 'ad hoc');
}
