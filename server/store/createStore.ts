import type { StoreConfig } from '../config.js';
import { LadybugStore } from './ladybug/ladybugStore.js';
import { Neo4jStore } from './neo4j/neo4jStore.js';
import type { GraphStore } from './port.js';

/** The store the configuration asks for: Neo4j when NEO4J_URI is set, else the embedded one. */
export function createStore(config: StoreConfig): GraphStore {
  return config.kind === 'neo4j'
    ? new Neo4jStore(config)
    : new LadybugStore({
        dataDir: config.dataDir,
        bufferPoolMb: config.bufferPoolMb,
        analysts: { concurrency: config.queryConcurrency, memoryLimitMb: config.queryMemoryMb },
        ...(config.checkpointThresholdBytes ? { checkpointThresholdBytes: config.checkpointThresholdBytes } : {}),
      });
}
