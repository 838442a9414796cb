/**
 * Mutation testing with StrykerJS and its vitest runner, one folder at a time, and the
 * score printed per folder (and per file under it). Not part of `npm test`: a run over
 * every folder takes a long while on a shared machine, so CI keeps its budget.
 *
 *   npm run test:mutation                      every folder below, one after another
 *   npm run test:mutation -- client/filters    only the folders named
 *   npm run test:mutation -- server/gaps/textSimilarity.ts   only that file (a folder too slow whole)
 *   npm run test:mutation -- server/gaps/analyses.ts:21-120   only those lines (a file too slow whole)
 *   npm run test:mutation -- --partial server/gaps   the folder's score from every mutant logged under it
 *
 * Incremental: each folder (or file) keeps its results in reports/mutation/<name>.incremental.json,
 * and the next run keeps each killed mutant whose killing test is unchanged, re-testing
 * only the survivors and what changed: after tests are added, only the survivors run again.
 * Those files are written only when a run ends; each mutant is also logged as it is tested
 * (scripts/mutant-log.mjs, reports/mutation/<name>.mutants.jsonl), so a run stopped early still has a score.
 * Set MUTATION_FULL=1 to re-test every mutant.
 *
 * Stryker runs with concurrency 1 (the machine is shared; MUTATION_CONCURRENCY=2 allows two) and, for each mutant, only the
 * tests vitest finds related to the mutated file. Reports land in reports/mutation/.
 *
 * "Related" is narrower than it sounds for server code: on server/thread it found only
 * spec files that import the module (test/gaps/exactRowsGlasgow2013.spec.ts), not the
 * HTTP-level specs in test/api/ that reach it through the app, so 141 of its 304 mutants
 * were "no coverage" though test/api/thread.spec.ts runs that code. A folder's score
 * counts the specs that import its modules; tests meant to lift it must do so.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';

/** The folders whose score the team tracks (issue 17); a folder that does not exist yet is skipped, saying so. */
export const MUTATION_FOLDERS = ['model', 'server/gaps', 'server/thread', 'server/search', 'server/query', 'server/changes', 'client/state', 'client/filters'] as const;

/**
 * Files that draw the explorer's DOM: their tests are the browser tests (test/browser/), which
 * Stryker's vitest runner does not run, so every mutant in them would survive untested.
 * Left out of the score and listed when the folder's score is printed.
 */
export const BROWSER_ONLY = ['client/filters/panel.ts'];

/**
 * The spec files Stryker may run for a folder, where vitest's related files are too many.
 * For server/gaps "related" takes in every spec that reaches the gap analyses through the app
 * (auth, seminars, backups, fuzzing: 30-odd files), and Stryker's vitest runner runs them all in
 * one worker thread, where LadybugDB's native module, opened again file after file, took V8
 * down in the dry run (a fatal error in its concurrent marker, SIGTRAP). The list is the specs
 * that import the folder's modules, and its own HTTP spec; vitest still keeps, of these, only
 * those related to the mutated file.
 *
 * Left out of server/gaps: test/gaps/readModelsKeptCurrent.spec.ts, a property over the read
 * cache's patching (server/graph/cachedRows.ts) that commits dozens of edits to a store on disk.
 * It runs every analysis, so Stryker ran its 42 s for nearly every mutant; the analyses' own rows
 * are checked exactly by the exactRows specs, and the property stays in `npm test`.
 */
const GAP_SPECS = readdirSync('test/gaps')
  .filter((f) => f.endsWith('.spec.ts') && f !== 'readModelsKeptCurrent.spec.ts')
  .map((f) => `test/gaps/${f}`);

export const TEST_FILES: Record<string, string[]> = {
  'server/gaps': [...GAP_SPECS, 'test/seed/basisGaps.spec.ts', 'test/changes/readModels.spec.ts', 'test/api/gaps.spec.ts'],
  'server/search': ['test/search/**/*.spec.ts', 'test/changes/systemTables.spec.ts', 'test/api/search.spec.ts'],
};

/**
 * Folders whose code the seed load runs (the change pipeline and the model it validates with).
 * Every other folder's specs open a copy of one seeded database file (GT_SEED_CACHE, see
 * test/helpers/seededStore.ts) instead of loading the seed again for each spec file and each
 * mutant: about 3 s saved per spec file a mutant runs. For these folders a copy made before the
 * mutant was active would hide the mutant from every spec that reads the seed, so they load it afresh.
 */
export const SEED_LOAD_RUNS = ['model', 'server/changes', 'server/seed', 'server/graph', 'server/store'];

const seedLoadRuns = (folder: string) => SEED_LOAD_RUNS.some((f) => folder === f || folder.startsWith(`${f}/`));

/** One tested mutant, as Stryker reports it at the end or scripts/mutant-log.mjs logs it as it goes. */
type Tested = Pick<MutantResult, 'fileName' | 'status' | 'mutatorName' | 'replacement'> & { line: number; column: number };

/** A target's name in reports/mutation/: `server/gaps/analyses.ts:21-120` is `server-gaps-analyses.ts-21-120`. */
const nameOf = (target: string) => target.replaceAll(/[/:]/g, '-');
const logFile = (target: string) => `reports/mutation/${nameOf(target)}.mutants.jsonl`;
/** A file with a line range (`file.ts:21-120`, as Stryker's `mutate` takes it), or a file, or a folder. */
const pathOf = (target: string) => target.replace(/:\d+-\d+$/, '');
const isFile = (target: string) => pathOf(target).endsWith('.ts');

type Tally = { killed: number; survived: number; noCoverage: number; timeout: number; other: number };

function tally(results: Tested[]): Tally {
  const t: Tally = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, other: 0 };
  for (const r of results) {
    if (r.status === 'Killed') t.killed++;
    else if (r.status === 'Survived') t.survived++;
    else if (r.status === 'NoCoverage') t.noCoverage++;
    else if (r.status === 'Timeout') t.timeout++;
    else t.other++;
  }
  return t;
}

/** Stryker's own definition: detected (killed or timed out) over every valid mutant. */
function score(t: Tally): number {
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return valid === 0 ? 100 : (100 * (t.killed + t.timeout)) / valid;
}

function optionsFor(folder: string): PartialStrykerOptions {
  const name = nameOf(folder);
  const mutate = isFile(folder) ? [folder] : [`${folder}/**/*.ts`, `!${folder}/**/*.d.ts`, ...BROWSER_ONLY.filter((f) => f.startsWith(`${folder}/`)).map((f) => `!${f}`)];
  const testFiles = TEST_FILES[folder] ?? Object.entries(TEST_FILES).find(([f]) => folder.startsWith(`${f}/`))?.[1];
  return {
    ...(testFiles ? { testFiles } : {}),
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner', resolve('scripts/mutant-log.mjs')],
    vitest: { configFile: 'vitest.mutation.config.ts', related: true },
    mutate,
    incremental: true,
    incrementalFile: `reports/mutation/${name}.incremental.json`,
    force: process.env.MUTATION_FULL === '1',
    // MUTATION_CONCURRENCY=2 on a machine that can spare a second core; never more than two on the shared one.
    concurrency: Math.min(2, Math.max(1, Number(process.env.MUTATION_CONCURRENCY ?? 1) || 1)),
    coverageAnalysis: 'perTest',
    // No bail: vitest stopping the run at the first failing test tore down spec files with an embedded
    // database still open, and the worker died (SIGSEGV) on 12 of the first 32 mutants; each crash costs
    // a new worker, far more than finishing the few tests that cover a mutant.
    disableBail: true,
    // Stryker rewrites tsconfig references through the TypeScript JS API, which TypeScript 7 no
    // longer ships; vitest needs no tsconfig, so point Stryker at a file that does not exist.
    tsconfigFile: 'stryker-has-no-tsconfig.json',
    disableTypeChecks: isFile(folder) ? pathOf(folder) : `${folder}/**/*.ts`,
    // Anchored at the root: a bare 'reports' also left cypher/reports/ out of the sandbox.
    ignorePatterns: ['/data', '/dist', '/test-artifacts', '/reports', '/bench'],
    reporters: ['json', 'progress', 'mutant-log'],
    mutantLog: { fileName: logFile(folder) },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    timeoutMS: 20_000,
    logLevel: 'warn' as PartialStrykerOptions['logLevel'],
  };
}

/** The printed lines for one folder: its score, each file's, and the survivors written beside the reports. */
function scoreLines(folder: string, results: Tested[], heading = ''): string[] {
  const byFile = new Map<string, Tested[]>();
  for (const r of results) byFile.set(r.fileName, [...(byFile.get(r.fileName) ?? []), r]);
  const t = tally(results);
  const lines = [
    `${folder.padEnd(18)} ${score(t).toFixed(1).padStart(5)}%  killed ${t.killed + t.timeout} of ${t.killed + t.timeout + t.survived + t.noCoverage} (survived ${t.survived}, no coverage ${t.noCoverage})${heading}`,
  ];
  for (const file of BROWSER_ONLY.filter((f) => f.startsWith(`${folder}/`))) lines.push(`  ${file.padEnd(40)} left out: browser tests only`);
  for (const [file, rs] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${file.replace(`${process.cwd()}/`, '').padEnd(40)} ${score(tally(rs)).toFixed(1).padStart(5)}%`);
  }
  const survivors = results
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map((r) => `${r.fileName.replace(`${process.cwd()}/`, '')}:${r.line}:${r.column} ${r.mutatorName} ${r.status}: ${JSON.stringify(r.replacement)}`);
  writeFileSync(`reports/mutation/${nameOf(folder)}.survivors.txt`, survivors.join('\n') + '\n');
  return lines;
}

/**
 * `--partial`: a folder's score from every mutant logged under it: its own runs, its files' and
 * their line ranges', whole or cut short. A mutant logged by several runs counts once, as the
 * newest log has it (after tests are added, a range run again replaces what it found before).
 */
function partial(folder: string): string[] {
  const prefix = nameOf(folder);
  const logs = readdirSync('reports/mutation')
    .filter((f) => f.endsWith('.mutants.jsonl') && (f === `${prefix}.mutants.jsonl` || f.startsWith(`${prefix}-`)))
    .map((f) => join('reports/mutation', f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  if (!logs.length) return [`${folder.padEnd(18)} no mutant log (${logFile(folder)} or one under it)`];
  const byMutant = new Map<string, Tested>();
  for (const log of logs) {
    for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
      const m = JSON.parse(line) as Tested;
      byMutant.set(`${m.fileName}:${m.line}:${m.column}:${m.mutatorName}:${m.replacement}`, m);
    }
  }
  const tested = [...byMutant.values()];
  return scoreLines(folder, tested, `; from ${logs.length} mutant log(s), ${tested.length} mutants`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const asked = args.filter((a) => a !== '--partial').map((a) => a.replace(/\/$/, ''));
  const folders = asked.length ? asked : [...MUTATION_FOLDERS];
  mkdirSync('reports/mutation', { recursive: true });
  const summary: string[] = [];
  for (const folder of folders) {
    if (args.includes('--partial')) {
      summary.push(...partial(folder));
      continue;
    }
    if (!existsSync(pathOf(folder))) {
      summary.push(`${folder.padEnd(18)} skipped: the folder does not exist on this branch`);
      continue;
    }
    const cache = seedLoadRuns(folder) ? undefined : mkdtempSync(join(tmpdir(), 'gt-seed-cache-'));
    if (cache) process.env.GT_SEED_CACHE = cache;
    else delete process.env.GT_SEED_CACHE;
    rmSync(logFile(folder), { force: true });
    const results = await new Stryker(optionsFor(folder)).runMutationTest().finally(() => cache && rmSync(cache, { recursive: true, force: true }));
    summary.push(
      ...scoreLines(
        folder,
        results.map((r) => ({ ...r, line: r.location.start.line, column: r.location.start.column + 1 })),
      ),
    );
  }
  console.log('\nMutation score per folder (killed or timed out / valid mutants)');
  console.log(summary.join('\n'));
}

await main();
