import { Neo4jStore } from '../../server/store/neo4j/neo4jStore.js';

/**
 * Which store the crash suites kill the server over. The embedded store lives in the
 * data directory the killed server leaves behind; Neo4j (when NEO4J_URI is set) keeps
 * running while the server is killed, and must be a database the tests may empty, as for
 * the store contract suite (test/store/storeFactories.ts). Each scenario starts from an
 * empty store, so the recovery checks can count every node the scenario wrote.
 */

export type CrashStore = {
  name: 'embedded' | 'neo4j';
  available: boolean;
  why?: string;
  /** The server's environment for this store. */
  env(dataDir: string): Record<string, string>;
  /** Empties the store before a scenario (the embedded one starts in a fresh folder). */
  empty(): Promise<void>;
};

export const EMBEDDED_CRASH_STORE: CrashStore = {
  name: 'embedded',
  available: true,
  env: (dataDir) => ({ GT_DATA_DIR: dataDir, GT_BUFFER_POOL_MB: '192' }),
  empty: async () => undefined,
};

export function neo4jCrashStore(): CrashStore {
  const uri = process.env.NEO4J_URI;
  const settings = { uri: uri ?? '', user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE ?? 'neo4j' };
  return {
    name: 'neo4j',
    available: Boolean(uri),
    ...(uri ? {} : { why: 'NEO4J_URI is not set, so the crash runs against Neo4j are skipped' }),
    env: () => ({ NEO4J_URI: settings.uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password, NEO4J_DATABASE: settings.database }),
    async empty() {
      const store = new Neo4jStore(settings);
      await store.open();
      try {
        await store.write((tx) => tx.run('test/delete-everything'));
      } finally {
        await store.close();
      }
    },
  };
}

/** The embedded store always, Neo4j when NEO4J_URI is set (skipped, with the reason, when not). */
export const CRASH_STORES = (): CrashStore[] => [EMBEDDED_CRASH_STORE, neo4jCrashStore()];
