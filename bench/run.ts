import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apiBench, type ApiBenchResult } from './apiBench.js';
import { consoleSaturationBench, printSaturation } from './consoleSaturation.js';
import { importExportBench } from './importExportBench.js';
import { runReportBench } from './reportBench.js';
import { seminarBench } from './seminarBench.js';

/**
 * `npm run bench`: figures and ratios, never pass or fail (these machines are shared
 * and noisy). API at 10x and 100x the seed; then the explorer in a real browser.
 * Targets are printed beside the figures they concern.
 */

const TARGET_MS = 50;
const fmt = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString()).padStart(7);

function printAfterEdit(small: ApiBenchResult, large: ApiBenchResult): void {
  console.log(
    `${'right after a one-field edit (timescale)'.padEnd(46)} ${'p95 10x'.padStart(7)} ${'/warm'.padStart(6)} ${'p95 100x'.padStart(8)} ${'/warm'.padStart(6)} ${'100x/10x'.padStart(8)}  target`,
  );
  for (const [name, e10] of small.afterEditFigures) {
    const e100 = large.afterEditFigures.get(name)!;
    const w10 = small.figures.get(name)!;
    const w100 = large.figures.get(name)!;
    const ratio = e100.p95 / e10.p95;
    const target = `p95 10x under ${TARGET_MS} ms: ${e10.p95 <= TARGET_MS ? 'yes' : 'NO'}; 100x/10x at most 10: ${ratio <= 10 ? 'yes' : 'NO'}`;
    console.log(
      `${name.padEnd(46)} ${fmt(e10.p95)} ${(e10.p95 / w10.p95).toFixed(1).padStart(6)} ${fmt(e100.p95).padStart(8)} ${(e100.p95 / w100.p95).toFixed(1).padStart(6)} ${ratio.toFixed(1).padStart(8)}  ${target}`,
    );
  }
  console.log(
    `(milliseconds; each read follows a committed edit. The edit itself: p50 ${small.editFigures.p50.toFixed(0)} / p95 ${small.editFigures.p95.toFixed(0)} ms at 10x, p50 ${large.editFigures.p50.toFixed(0)} / p95 ${large.editFigures.p95.toFixed(0)} ms at 100x)`,
  );
}

function printApi(small: ApiBenchResult, large: ApiBenchResult): void {
  for (const r of [small, large]) {
    console.log(
      `${r.factor}x seed: ${r.nodes} nodes, ${r.relationships} relationships; loaded in ${(r.loadMs / 1000).toFixed(1)} s (${Math.round((r.nodes + r.relationships) / (r.loadMs / 1000))} items/s); process RSS ${Math.round(r.rssMb)} MB`,
    );
  }
  console.log('');
  console.log(`${'endpoint'.padEnd(46)} ${'p50 10x'.padStart(7)} ${'p95 10x'.padStart(7)} ${'p50 100x'.padStart(8)} ${'p95 100x'.padStart(8)} ${'100x/10x'.padStart(8)}  target`);
  for (const [name, f10] of small.figures) {
    const f100 = large.figures.get(name)!;
    const targeted = name.startsWith('GET /api/gaps/') || name.startsWith('GET /api/thread') || name.startsWith('GET /api/search');
    const target = targeted ? (f10.p95 <= TARGET_MS ? `p95 10x under ${TARGET_MS} ms: yes` : `p95 10x under ${TARGET_MS} ms: NO`) : '';
    console.log(`${name.padEnd(46)} ${fmt(f10.p50)} ${fmt(f10.p95)} ${fmt(f100.p50).padStart(8)} ${fmt(f100.p95).padStart(8)} ${(f100.p50 / f10.p50).toFixed(1).padStart(8)}  ${target}`);
  }
  console.log('(milliseconds; warm: repeated calls with the cached read models in place)');
  console.log('');
  console.log(
    `${'cold, every cache dropped before each call'.padEnd(46)} ${'p50 10x'.padStart(7)} ${'p95 10x'.padStart(7)} ${'p50 100x'.padStart(8)} ${'p95 100x'.padStart(8)} ${'100x/10x'.padStart(8)}  target`,
  );
  for (const [name, f10] of small.coldFigures) {
    const f100 = large.coldFigures.get(name)!;
    const target = f10.p95 <= TARGET_MS ? `p95 10x under ${TARGET_MS} ms: yes` : `p95 10x under ${TARGET_MS} ms: NO`;
    console.log(`${name.padEnd(46)} ${fmt(f10.p50)} ${fmt(f10.p95)} ${fmt(f100.p50).padStart(8)} ${fmt(f100.p95).padStart(8)} ${(f100.p50 / f10.p50).toFixed(1).padStart(8)}  ${target}`);
  }
  console.log('(milliseconds)');
  console.log('');
  console.log(`${'under load'.padEnd(46)} ${'p50 10x'.padStart(7)} ${'p95 10x'.padStart(7)} ${'p50 100x'.padStart(8)} ${'p95 100x'.padStart(8)} ${'100x/10x'.padStart(8)}  target`);
  for (const [name, f10] of small.concurrentFigures) {
    const f100 = large.concurrentFigures.get(name)!;
    const target = f10.p95 <= TARGET_MS ? `p95 10x under ${TARGET_MS} ms: yes` : `p95 10x under ${TARGET_MS} ms: NO`;
    console.log(`${name.padEnd(46)} ${fmt(f10.p50)} ${fmt(f10.p95)} ${fmt(f100.p50).padStart(8)} ${fmt(f100.p95).padStart(8)} ${(f100.p50 / f10.p50).toFixed(1).padStart(8)}  ${target}`);
  }
  console.log('(milliseconds; each call timed on its own while the others wait their turn)');
  console.log('');
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 20);
  console.log('# Golden Thread benchmark\n');
  if (process.argv.includes('--seminar-only')) {
    console.log('## Live seminars: follow latency\n');
    await seminarBench();
    return;
  }
  if (process.argv.includes('--import-export')) {
    console.log('## Import and export\n');
    return importExportBench();
  }
  if (process.argv.includes('--after-edit')) {
    console.log('## Reads right after an edit, on the embedded store\n');
    const small = await apiBench(10, runs, { afterEditOnly: true });
    // The 10x figures at once: loading 100x takes long on a small machine, and a stopped run should still have said something.
    console.log(`10x seed: ${small.nodes} nodes, ${small.relationships} relationships; loaded in ${(small.loadMs / 1000).toFixed(1)} s`);
    // p50 beside p95: on a shared machine one slow sample in ten is the p95, and p50 tells a recomputed read model from noise.
    for (const [name, e] of small.afterEditFigures)
      console.log(
        `${name.padEnd(46)} after an edit p50 ${fmt(e.p50)} p95 ${fmt(e.p95)} ms (warm p95 ${fmt(small.figures.get(name)!.p95)})  p95 10x under ${TARGET_MS} ms: ${e.p95 <= TARGET_MS ? 'yes' : 'NO'}`,
      );
    console.log(`(the edit itself: p50 ${small.editFigures.p50.toFixed(0)} / p95 ${small.editFigures.p95.toFixed(0)} ms)\n`);
    // 10x alone: a few minutes, for a quiet window on a shared machine (the 100x load takes a quarter of an hour or more).
    if (process.argv.includes('--10x-only')) return;
    const large = await apiBench(100, Math.max(5, Math.floor(runs / 2)), { afterEditOnly: true });
    for (const r of [small, large]) console.log(`${r.factor}x seed: ${r.nodes} nodes, ${r.relationships} relationships; loaded in ${(r.loadMs / 1000).toFixed(1)} s`);
    return printAfterEdit(small, large);
  }
  if (!process.argv.includes('--console-only')) {
    console.log('## API on the embedded store\n');
    const small = await apiBench(10, runs);
    const large = await apiBench(100, Math.max(5, Math.floor(runs / 2)));
    printApi(small, large);
    console.log('');
    printAfterEdit(small, large);
  }

  console.log('\n## The API while the query console is saturated\n');
  printSaturation(await consoleSaturationBench(Math.max(20, runs * 2)));
  if (process.argv.includes('--console-only')) return;

  console.log('\n## Import and export\n');
  await importExportBench();

  console.log('\n## Progress reports\n');
  await runReportBench(10);

  console.log('\n## Live seminars: follow latency\n');
  await seminarBench();

  const browserBench = fileURLToPath(new URL('./browser/index.ts', import.meta.url));
  if (existsSync(browserBench) && !process.argv.includes('--api-only')) {
    console.log('\n## Explorer in Chromium\n');
    // Imported by path: the browser bench belongs to the explorer and is loaded only when present.
    const { runBrowserBench } = (await import(pathToFileURL(browserBench).href)) as { runBrowserBench: () => Promise<void> };
    await runBrowserBench();
    console.log('\n## Explorer start-up\n');
    const { runStartupBench } = (await import(pathToFileURL(fileURLToPath(new URL('./browser/startup.ts', import.meta.url))).href)) as {
      runStartupBench: (o: { compare: string | null }) => Promise<unknown>;
    };
    await runStartupBench({ compare: process.env.BENCH_COMPARE ?? null });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
