import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.js';
import { ANALYSES } from '../server/gaps/analyses.js';
import { countGraph } from '../server/graph/graphReader.js';
import { invalidateReadCaches } from '../server/graph/readCache.js';
import { GraphWriter } from '../server/graph/graphWriter.js';
import { checkSeedSet } from '../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../server/seed/seedFiles.js';
import { LadybugStore } from '../server/store/ladybug/ladybugStore.js';
import { changePipelineFor } from '../server/changes/pipeline.js';
import { measureConcurrent } from './concurrency.js';
import { measure, measureAfter, type Figures } from './latency.js';
import { syntheticPlans, type SyntheticFile } from './syntheticPlans.js';

/**
 * API benchmark: loads synthetic plans at a given multiple of the seed into a temporary
 * embedded store and times every endpoint and every gap analysis over real HTTP.
 */

export type ApiBenchResult = {
  factor: number;
  nodes: number;
  relationships: number;
  loadMs: number;
  rssMb: number;
  /** Repeated calls, cached read models warm. */
  figures: Map<string, Figures>;
  /** Gap analyses and threads with every cached read model dropped before each call. */
  coldFigures: Map<string, Figures>;
  /** 50 clients at once, each call timed on its own. */
  concurrentFigures: Map<string, Figures>;
  /** Gap analyses and threads each read right after a one-field edit (an action's timescale) committed through the pipeline. */
  afterEditFigures: Map<string, Figures>;
  /** The one-field edit itself: POST-equivalent commit through the pipeline, audit entry and checkpoint included. */
  editFigures: Figures;
};

/** Searches a planner makes: a reference, names, words of a local target, a typo, a plural. */
export const SEARCH_QUERIES = ['2.5.7', 'victim support', 'evidence best value', 'accomodation', 'learning disabilities'];

/** 300 different two-word searches (words of the plans, some mistyped), so that nearly every call under load is a first ask. */
const WORDS = [
  'accommodation',
  'victims',
  'housing',
  'employment',
  'prison',
  'throughcare',
  'mental',
  'health',
  'substance',
  'misuse',
  'women',
  'offenders',
  'community',
  'payback',
  'training',
  'information',
  'sharing',
  'partnership',
  'reoffending',
  'sentencers',
  'families',
  'learning',
  'disabilities',
  'performance',
  'framework',
];
const mistype = (w: string) => (w.length > 6 ? `${w.slice(0, 3)}${w.slice(4)}` : w);
export const DISTINCT_QUERIES = WORDS.flatMap((a, i) => WORDS.slice(i + 1).map((b, j) => `${(i + j) % 4 === 0 ? mistype(a) : a} ${b}`)).slice(0, 300);
const CLIENTS = 50;

/** `afterEditOnly`: only what the after-edit table needs (warm figures of the same reads, then the reads after an edit). */
export async function apiBench(factor: number, runs: number, options: { afterEditOnly?: boolean } = {}): Promise<ApiBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), `gt-bench-${factor}x-`));
  // Loaded without a checkpoint per write (one at the end): the edits measured later are checkpointed as in service.
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 2048, bulkLoad: true });
  await store.open();
  const { files, problems } = checkSeedSet(seedFilePaths());
  if (problems.length) throw new Error(`seed files have problems: ${problems.length}`);
  const writer = new GraphWriter(store);
  const started = performance.now();
  // One change per copy of the plans, not per file: each change reads what it touches with queries whose cost grows
  // with the graph (the relationships leaving its nodes), so fewer, larger changes load 100x in bounded time.
  const copies = new Map<string, SyntheticFile[]>();
  for (const f of syntheticPlans(files, factor)) {
    const copy = / copy (\d+)$/.exec(f.name)?.[1] ?? 'frameworks';
    copies.set(copy, [...(copies.get(copy) ?? []), f]);
  }
  let loaded = 0;
  for (const group of copies.values()) {
    await writer.apply({ nodes: group.flatMap((f) => f.nodes), relationships: group.flatMap((f) => f.relationships) });
    if (++loaded % 10 === 0) process.stderr.write(`${factor}x: ${loaded} of ${copies.size} copies loaded in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  await store.endBulkLoad();
  const loadMs = performance.now() - started;
  const counts = await countGraph(store);

  const app = createApp(store, { queryTimeoutMs: 30_000, queryMaxRows: 1000 });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const get = async (path: string) => {
    const res = await fetch(base + path);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  const mid = Math.floor(factor / 2);
  const copy = (id: string) => (mid === 0 ? id : `${id}.s${mid}`);
  const endpoints: [string, () => Promise<unknown>][] = [
    ['GET /api/health', () => get('/api/health')],
    ...SEARCH_QUERIES.map((q): [string, () => Promise<unknown>] => [`GET /api/search?q=${q}`, () => get(`/api/search?q=${encodeURIComponent(q)}`)]),
    ['GET /api/nodes/:id (action)', () => get(`/api/nodes/${copy('lcja-2008:action:2.5.7')}`)],
    ['GET /api/graph?plan=', () => get(`/api/graph?plan=${copy('plan:lbcja-2011')}&depth=1`)],
    ['GET /api/graph (whole graph)', () => get('/api/graph')],
    ['GET /api/thread/:id (action, up)', () => get(`/api/thread/${copy('lcja-2008:action:2.5.7')}`)],
    ['GET /api/thread/no:9 (down)', () => get('/api/thread/no:9')],
    ['GET /api/gaps', () => get('/api/gaps')],
    ...ANALYSES.map((a): [string, () => Promise<unknown>] => [`GET /api/gaps/${a.id}`, () => get(`/api/gaps/${a.id}?asOf=2012-01-01`)]),
    ['GET /api/matrix', () => get('/api/matrix')],
    [
      'POST /api/query',
      () =>
        fetch(`${base}/api/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ cypher: 'MATCH (o:Organisation)-[:LEADS]->(a:Action) RETURN o.name AS name, count(a) AS n ORDER BY n DESC LIMIT 10' }),
        }).then((r) => r.json()),
    ],
  ];
  const figures = new Map<string, Figures>();
  const coldFigures = new Map<string, Figures>();
  const readAfterEdits = ([name]: [string, unknown]) => name.startsWith('GET /api/gaps/') || name.startsWith('GET /api/thread') || name === 'GET /api/search?q=2.5.7';
  for (const [name, call] of options.afterEditOnly ? endpoints.filter(readAfterEdits) : endpoints) {
    // The whole graph at 100x is tens of thousands of elements: fewer runs keep the bench short.
    figures.set(name, await measure(call, name.includes('whole graph') ? Math.max(3, Math.floor(runs / 5)) : runs));
    if (name.startsWith('GET /api/gaps/') || name.startsWith('GET /api/thread')) {
      // Cold: as after a write, with every cached read model (plan index included) dropped first.
      coldFigures.set(name, await measure(() => (invalidateReadCaches(store), call()), Math.max(5, Math.floor(runs / 2))));
    }
  }
  const concurrentFigures = new Map<string, Figures>();
  if (!options.afterEditOnly) await underLoad();
  async function underLoad(): Promise<void> {
    // Under load: every search of the list in turn, and one cached gap analysis to compare with.
    let turn = 0;
    const searchInTurn = () => get(`/api/search?q=${encodeURIComponent(SEARCH_QUERIES[turn++ % SEARCH_QUERIES.length]!)}`);
    concurrentFigures.set(`GET /api/search (${CLIENTS} clients)`, await measureConcurrent(searchInTurn, CLIENTS, 10));
    let fresh = 0;
    const searchFresh = () => get(`/api/search?q=${encodeURIComponent(DISTINCT_QUERIES[fresh++ % DISTINCT_QUERIES.length]!)}`);
    concurrentFigures.set(`GET /api/search, new queries (${CLIENTS} clients)`, await measureConcurrent(searchFresh, CLIENTS, 6));
    concurrentFigures.set(`GET /api/gaps/unserved-outcomes (${CLIENTS} clients)`, await measureConcurrent(() => get('/api/gaps/unserved-outcomes'), CLIENTS, 10));
    // One client, every search asked for the first time since the index was built.
    let first = 0;
    figures.set('GET /api/search, new queries (1 client)', await measure(() => get(`/api/search?q=${encodeURIComponent(`${DISTINCT_QUERIES[first++ % DISTINCT_QUERIES.length]} plan`)}`), runs));
  }
  // Reads right after a one-field edit, as during a seminar when edits keep coming.
  const pipeline = changePipelineFor(store);
  const editor = { id: 'bench', name: 'Bench Editor', role: 'editor' as const };
  const edited = copy('lcja-2008:action:2.5.7');
  let edits = 0;
  const edit = () => pipeline.submit({ operations: [{ op: 'update', id: edited, set: { timescale: `bench edit ${++edits}` } }] }, editor);
  const afterEditFigures = new Map<string, Figures>();
  // Search too: its index takes every commit in place (searchIndexChanged), so the next search finds the edit.
  for (const [name, call] of endpoints.filter(readAfterEdits)) {
    await call(); // warm first, as the room's screens would be
    afterEditFigures.set(name, await measureAfter(edit, call, Math.max(5, Math.floor(runs / 2))));
  }
  const editFigures = await measure(edit, Math.max(5, Math.floor(runs / 2)), 0);
  const rssMb = process.memoryUsage().rss / 1e6;
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { factor, nodes: counts.nodes, relationships: counts.relationships, loadMs, rssMb, figures, coldFigures, concurrentFigures, afterEditFigures, editFigures };
}
