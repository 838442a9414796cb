import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore, type LadybugOptions } from '../../server/store/ladybug/ladybugStore.js';

/**
 * A real embedded store with the whole seed loaded, for the specs that read the seed.
 *
 * Normally each call loads the seed afresh through the change pipeline (about 3 s: the quote
 * check against the sources, then one commit). A mutation run (scripts/mutation.ts) runs the
 * same spec files once per mutant, so that load is most of its time; there GT_SEED_CACHE names
 * a folder, the first call loads the seed into a database file there, and every later call opens
 * a copy of that file instead (about 0.2 s). The copy is the same database the load wrote, not a
 * stand-in. The mutation script sets GT_SEED_CACHE only for folders whose code the seed load
 * does not run, and builds the file during the dry run, before any mutant is active.
 */
export async function openSeededStore(options: LadybugOptions): Promise<LadybugStore> {
  const cache = process.env.GT_SEED_CACHE;
  if (!cache) {
    const store = new LadybugStore(options);
    await store.open();
    await loadWhole(store);
    return store;
  }
  const built = join(cache, 'seeded');
  if (!existsSync(built)) await buildCache(cache, built, options.bufferPoolMb);
  // A caller asking for memory gets a copy on disk: the cache is a file, and memory cannot be opened from one.
  const dataDir = options.dataDir === ':memory:' ? mkdtempSync(join(cache, 'copy-')) : options.dataDir;
  mkdirSync(dataDir, { recursive: true });
  cpSync(built, dataDir, { recursive: true });
  const store = new LadybugStore({ ...options, dataDir });
  await store.open();
  return store;
}

async function loadWhole(store: LadybugStore): Promise<void> {
  const failed = (await loadSeed(store)).filter((r) => !r.loaded);
  if (failed.length) throw new Error(`seed did not load: ${failed.map((r) => `${r.file}: ${r.problems.join('; ')}`).join('; ')}`);
}

/** Loads the seed into a folder of its own, then renames it into place: two workers building at once both finish, one wins. */
async function buildCache(cache: string, built: string, bufferPoolMb: number): Promise<void> {
  mkdirSync(cache, { recursive: true });
  const building = mkdtempSync(join(cache, 'building-'));
  const store = new LadybugStore({ dataDir: building, bufferPoolMb });
  await store.open();
  await loadWhole(store);
  await store.close();
  try {
    renameSync(building, built);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
}
