/**
 * The one port through which Golden Thread reaches a graph database. Two adapters
 * implement it: LadybugDB embedded in the process (the default) and Neo4j over Bolt.
 * Nothing outside `server/store/` imports an engine package.
 *
 * Queries are named (see `server/cypher/registry.ts`); values come back as plain
 * JavaScript whatever the engine: integers as numbers, nodes, relationships and
 * paths as the tagged objects below.
 */

export const STORE_KINDS = ['embedded', 'neo4j'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export type NodeValue = { readonly graph: 'node'; label: string; properties: Record<string, Value> };
export type RelationshipValue = { readonly graph: 'relationship'; type: string; properties: Record<string, Value> };
export type PathValue = { readonly graph: 'path'; nodes: NodeValue[]; relationships: RelationshipValue[] };
export type Value = null | boolean | number | string | Value[] | NodeValue | RelationshipValue | PathValue | { [key: string]: Value };
export type Row = Record<string, Value>;
export type Params = Record<string, unknown>;

export interface Transaction {
  /** Runs a named query inside the transaction. */
  run(name: string, params?: Params): Promise<Row[]>;
}

export type AdHocLimits = {
  timeoutMs: number;
  maxRows: number;
  /** Size cap of the rows as JSON; unset means no cap. */ maxBytes?: number;
  /** Only ask the engine for its plan and judge it (a console's check, a saved analysis before it is kept): no rows. */
  explainOnly?: boolean;
};
export type AdHocResult = { columns: string[]; rows: Row[]; truncated: boolean };

export interface GraphStore {
  readonly kind: StoreKind;
  /** Connects and creates the schema derived from the domain model. Safe to call again. */
  open(): Promise<void>;
  /** The engine's own version string. */
  engineVersion(): Promise<string>;
  /** Runs a named read query. */
  read(name: string, params?: Params): Promise<Row[]>;
  /**
   * Runs `work` in one write transaction: all of it is committed or none of it.
   * On Neo4j the driver may call `work` again after a transient failure, so it must be idempotent.
   */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Runs analyst-supplied Cypher only if the engine's own plan for it reads and nothing
   * else, away from the server's own work, within a time cap and row and size caps.
   * Refusals are StoreErrors with code 'refused'; a full console is 'busy'.
   */
  readOnlyQuery(cypher: string, params: Params, limits: AdHocLimits): Promise<AdHocResult>;
  /** Releases the database. Safe to call twice. */
  close(): Promise<void>;
}

/** A problem the engine reported, with the query name so that logs say which file failed. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly query?: string,
    readonly code: 'timeout' | 'too-large' | 'unavailable' | 'query' | 'read-only' | 'refused' | 'busy' | 'crashed' = 'query',
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
