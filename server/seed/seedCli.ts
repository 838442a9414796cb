import { loadConfig, ConfigError } from '../config.js';
import { countGraph } from '../graph/graphReader.js';
import { createStore } from '../store/createStore.js';
import { StoreError } from '../store/port.js';
import { runMigrations } from '../migrations/index.js';
import { loadSeed } from './loadSeed.js';

/** `npm run seed`: loads the curated dataset into the configured store and prints what changed. */
async function main(): Promise<number> {
  const config = loadConfig();
  const store = createStore(config.store);
  try {
    await store.open();
    await runMigrations(store);
    const reports = await loadSeed(store);
    for (const r of reports) {
      if (r.loaded) {
        const s = r.summary!;
        console.log(`${r.file}: loaded (${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.relationshipsWritten} relationships)`);
      } else {
        console.error(`${r.file}: NOT loaded, nothing of it was written`);
        for (const p of r.problems) console.error(`  ${p}`);
      }
    }
    const counts = await countGraph(store);
    console.log(`${store.kind} store now holds ${counts.nodes} nodes and ${counts.relationships} relationships`);
    return reports.every((r) => r.loaded) ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof StoreError) console.error(`golden-thread seed: ${err.message}`);
    else console.error(err);
    process.exit(1);
  },
);
