import type { GraphStore } from '../store/port.js';

/**
 * A numbered migration: run once per store, in id order, and recorded in the store's
 * Migration table (model/system.ts). `up` must be idempotent: it also runs on a fresh
 * store whose schema already has the change. DDL lives in cypher/migrations/ as named
 * queries. Id ranges: pipeline and auth 1-9, data fidelity 10-29, others 30 and up.
 */
export type Migration = { id: number; name: string; up(store: GraphStore): Promise<void> };
