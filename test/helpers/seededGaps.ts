import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { GapBasisChoice } from '../../model/index.js';
import { ANALYSES, defaultGapInput } from '../../server/gaps/analyses.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';
import type { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { openSeededStore } from './seededStore.js';

/**
 * What the exact-row gap specs share: the whole seed in an in-memory LadybugDB, opened
 * before the file's tests and closed after, and a source document read line by line, so
 * each spec can work its expectations out from the document instead of the code.
 */

/** The seed, loaded whole (every file must load) into an in-memory store for this spec file. */
export function seededStore(): { store: () => LadybugStore } {
  let store: LadybugStore;
  beforeAll(async () => {
    store = await openSeededStore({ dataDir: ':memory:', bufferPoolMb: 256 });
  }, 180_000);
  afterAll(async () => {
    await store.close();
  });
  return { store: () => store };
}

export type GapRunParams = { asOf?: string; basis?: GapBasisChoice; threshold?: number };

/** The rows of one catalogued analysis on one plan ('' for all plans), as the API would compute them. */
export function gapRows(store: () => LadybugStore, plan: string) {
  return async (id: string, params: GapRunParams = {}) => {
    const analysis = ANALYSES.find((a) => a.id === id);
    if (!analysis) throw new Error(`no gap analysis ${id}`);
    return (await analysis.run(store(), defaultGapInput({ plan, ...params }))).rows;
  };
}

/** A source document's lines (line n is `[n - 1]`). */
export const sourceLines = (file: string): string[] => readFileSync(join(SOURCES_DIR, file), 'utf8').split(/\r?\n/);

/** Row ids, sorted: for row sets compared as sets. */
export const rowIds = (rs: Record<string, unknown>[], key = 'id') => rs.map((r) => String(r[key])).sort();

/** Arrays inside rows compared as sets: the row set is exact, the order within a cell is the analysis's own. */
export const sortedCells = (rs: Record<string, unknown>[]) => rs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v])));
