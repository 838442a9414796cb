import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { queries, statementsOf, type QueryRegistry } from '../../cypher/registry.js';
import {
  StoreError,
  type AdHocLimits,
  type AdHocResult,
  type GraphStore,
  type Params,
  type Row,
  type Transaction,
} from '../port.js';
import { rowOf, toNeo4jParams } from './values.js';

/**
 * Neo4j over Bolt. One driver per process; the database is named on every call;
 * reads are routed as reads (a cluster or Aura spreads them over secondaries) and
 * writes go through the driver's retrying transaction functions, so every write the
 * product makes is idempotent (MERGE on stable ids, SET of whole values).
 */

export type Neo4jOptions = {
  uri: string;
  user: string;
  password: string;
  database: string;
  registry?: QueryRegistry;
};

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private driver?: Driver;
  private opening?: Promise<void>;
  private closed = false;
  private readonly registry: QueryRegistry;

  constructor(private readonly options: Neo4jOptions) {
    this.registry = options.registry ?? queries();
  }

  open(): Promise<void> {
    this.opening ??= this.openOnce();
    return this.opening;
  }

  private async openOnce(): Promise<void> {
    const { uri, user, password, database } = this.options;
    this.driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { userAgent: 'golden-thread' });
    try {
      await this.driver.verifyConnectivity({ database });
    } catch (err) {
      await this.driver.close().catch(() => undefined);
      this.driver = undefined;
      throw new StoreError(
        `cannot reach Neo4j at ${uri} (database ${database}): ${(err as Error).message}; check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE`,
        undefined,
        'unavailable',
      );
    }
    // The domain schema, then the system tables' constraints (model/system.ts).
    for (const schema of ['schema/schema', 'schema/system'].filter((name) => this.registry.has(name))) {
      for (const statement of statementsOf(this.registry.text(schema, 'neo4j'))) {
        await this.driver.executeQuery(statement, {}, { database, routing: neo4j.routing.WRITE });
      }
    }
  }

  async engineVersion(): Promise<string> {
    const info = await (await this.ready()).getServerInfo({ database: this.options.database });
    return `Neo4j ${info.agent ?? 'unknown'} (protocol ${info.protocolVersion ?? '?'})`;
  }

  async read(name: string, params: Params = {}): Promise<Row[]> {
    const driver = await this.ready();
    try {
      const result = await driver.executeQuery(this.registry.text(name, 'neo4j'), toNeo4jParams(params), {
        database: this.options.database,
        routing: neo4j.routing.READ,
      });
      return result.records.map(rowOf);
    } catch (err) {
      throw translate(err, name);
    }
  }

  async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const driver = await this.ready();
    const session = driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((managed: ManagedTransaction) =>
        work({
          run: async (name, params = {}) => {
            try {
              const result = await managed.run(this.registry.text(name, 'neo4j'), toNeo4jParams(params));
              return result.records.map(rowOf);
            } catch (err) {
              throw translate(err, name);
            }
          },
        }),
      );
    } finally {
      await session.close();
    }
  }

  async readOnlyQuery(cypher: string, params: Params, limits: AdHocLimits): Promise<AdHocResult> {
    const driver = await this.ready();
    const session = driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(
        async (tx) => {
          const result = tx.run(cypher, toNeo4jParams(params));
          const rows: Row[] = [];
          let truncated = false;
          for await (const record of result) {
            if (rows.length >= limits.maxRows) {
              truncated = true;
              break;
            }
            rows.push(rowOf(record));
          }
          const columns = (await result.keys()).map(String);
          return { columns, rows, truncated };
        },
        { timeout: limits.timeoutMs },
      );
    } catch (err) {
      throw translate(err, 'ad hoc');
    } finally {
      await session.close();
    }
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

/** Neo4j's error codes as the port's error kinds. */
export function translate(err: unknown, name: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  const message = (err as Error).message ?? String(err);
  if (code.includes('TransactionTimedOut')) return new StoreError(`query ${name} ran over its time limit`, name, 'timeout');
  if (code.includes('AccessMode') || code.includes('ForbiddenDueToTransactionType')) {
    return new StoreError(`query ${name} tried to write in a read-only transaction`, name, 'read-only');
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new StoreError(`Neo4j is unavailable: ${message}`, name, 'unavailable');
  }
  return new StoreError(`query ${name} failed: ${message}`, name);
}
