import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildClient, CHROMIUM_ARGS, startServer } from '../../test/browser/harness.js';

/**
 * Start-up of the real explorer against the real server on loopback (seeded store):
 * time to interactive and the JavaScript sent on first load. Figures only, never
 * pass or fail. `npx tsx bench/browser/startup.ts` runs it alone.
 *
 * Time to interactive: from navigation start until the explorer marks the page ready
 * (`<html data-ready>`: the graph is loaded, laid out and drawn, and it answers keys
 * and clicks). It is read in the page by a MutationObserver installed before any
 * script runs, so polling from here adds nothing to it.
 */

const TARGET_MS = 1000;
const TTI_PROBE = `new MutationObserver(() => {
  if (document.documentElement && document.documentElement.dataset.ready === 'true' && window.__tti === undefined) window.__tti = performance.now();
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });`;
const VIEWPORT = { width: 1366, height: 768 };

export type StartupFigures = {
  runs: number;
  ttiMs: number[];
  /** Scripts requested before the page was ready: bytes as served and gzip-compressed. */
  scripts: { url: string; bytes: number; gzipBytes: number }[];
  /** Requests to /api made before ready, and in the two seconds after. */
  apiCalls: string[];
  apiAfter: string[];
  /** The last run's resource timings (ms from navigation start), to see where the time goes. */
  resources: { name: string; start: number; end: number }[];
};

export async function runStartupBench(options: { runs?: number; print?: boolean } = {}): Promise<StartupFigures> {
  const runs = options.runs ?? 7;
  const print = options.print ?? true;
  await buildClient();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const ttiMs: number[] = [];
  let scripts: StartupFigures['scripts'] = [];
  let apiCalls: string[] = [];
  let apiAfter: string[] = [];
  let resources: { name: string; start: number; end: number }[] = [];
  try {
    // One warm-up load: the server's read models and Chromium's own start-up are not the explorer's cost.
    for (let i = 0; i <= runs; i++) {
      // A fresh context each run: no HTTP cache, no stored layouts, as a first visit.
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
      // The init script runs before <html> exists, so it watches the whole document.
      await page.addInitScript(TTI_PROBE);
      const runScripts: StartupFigures['scripts'] = [];
      const runApi: string[] = [];
      let ready = false;
      const runApiAfter: string[] = [];
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (url.pathname.startsWith('/api/')) (ready ? runApiAfter : runApi).push(url.pathname + url.search);
        if (ready) return;
        if (res.request().resourceType() === 'script') {
          void res.body().then((body) => runScripts.push({ url: url.pathname, bytes: body.length, gzipBytes: gzipSync(body).length }), () => undefined);
        }
      });
      await page.goto(server.url);
      await page.waitForFunction(() => (window as unknown as { __tti?: number }).__tti !== undefined, null, { timeout: 30_000 });
      ready = true;
      const tti = await page.evaluate(() => (window as unknown as { __tti: number }).__tti);
      const timings = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ name: new URL(r.name).pathname, start: Math.round(r.startTime), end: Math.round(r.responseEnd) })),
      );
      // What the page asks for in the two seconds after it is ready (the gap analyses used to all load here).
      await page.waitForTimeout(2000);
      if (i > 0) ttiMs.push(tti);
      resources = timings;
      apiAfter = runApiAfter;
      scripts = runScripts;
      apiCalls = runApi;
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const figures = { runs, ttiMs, scripts, apiCalls, apiAfter, resources };
  if (print) printStartup(figures);
  return figures;
}

function printStartup(f: StartupFigures): void {
  const sorted = [...f.ttiMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const total = f.scripts.reduce((a, s) => a + s.bytes, 0);
  const gz = f.scripts.reduce((a, s) => a + s.gzipBytes, 0);
  console.log(`Explorer start-up on loopback, ${VIEWPORT.width}x${VIEWPORT.height}, seeded store, ${f.runs} cold loads`);
  console.log(`  time to interactive: median ${Math.round(median)} ms, min ${Math.round(sorted[0] ?? 0)} ms, max ${Math.round(sorted[sorted.length - 1] ?? 0)} ms; target under ${TARGET_MS} ms: ${median < TARGET_MS ? 'yes' : 'NO'}`);
  console.log(`  JavaScript on first load: ${f.scripts.length} files, ${kb(total)} (${kb(gz)} gzip)`);
  for (const s of [...f.scripts].sort((a, b) => b.bytes - a.bytes)) console.log(`    ${s.url.padEnd(48)} ${kb(s.bytes).padStart(10)} ${kb(s.gzipBytes).padStart(10)} gzip`);
  console.log(`  API calls before ready: ${f.apiCalls.length} (${f.apiCalls.join(', ')}); in the 2 s after: ${f.apiAfter.length}${f.apiAfter.length ? ` (${f.apiAfter.join(', ')})` : ''}`);
  console.log(`  last load: ${f.resources.map((r) => `${r.name} ${r.start}-${r.end} ms`).join('; ')}; ready at ${Math.round(f.ttiMs[f.ttiMs.length - 1] ?? 0)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runStartupBench().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
