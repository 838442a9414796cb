import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4jStore.js';
import type { GraphStore } from '../../server/store/port.js';

/**
 * The stores the contract suite runs against: the embedded one always, Neo4j when
 * NEO4J_URI is set (it must point at a database the tests may empty).
 */
export type StoreFactory = { name: string; available: boolean; why?: string; create(): Promise<GraphStore>; dispose(): Promise<void> };

export function embeddedFactory(): StoreFactory {
  let dir: string | undefined;
  let store: GraphStore | undefined;
  return {
    name: 'embedded (LadybugDB)',
    available: true,
    async create() {
      dir = mkdtempSync(join(tmpdir(), 'gt-store-'));
      store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
      await store.open();
      return store;
    },
    async dispose() {
      await store?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function neo4jFactory(): StoreFactory {
  const uri = process.env.NEO4J_URI;
  let store: Neo4jStore | undefined;
  return {
    name: 'neo4j',
    available: Boolean(uri),
    why: uri ? undefined : 'NEO4J_URI is not set, so the Neo4j runs of this suite are skipped',
    async create() {
      store = new Neo4jStore({
        uri: uri!,
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? '',
        database: process.env.NEO4J_DATABASE ?? 'neo4j',
      });
      await store.open();
      await store.write((tx) => tx.run('test/delete-everything'));
      return store;
    },
    async dispose() {
      await store?.close();
    },
  };
}

export const STORE_FACTORIES = [embeddedFactory, neo4jFactory];
