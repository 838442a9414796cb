import { execSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, startServer } from '../../test/browser/harness.js';

/**
 * Start-up of the real explorer against the real server on loopback (seeded store):
 * time to interactive and the JavaScript sent on first load. Figures only, never
 * pass or fail. `npx tsx bench/browser/startup.ts` runs it alone;
 * `npx tsx bench/browser/startup.ts --compare main` builds `main`'s explorer too and
 * loads the two in turn against the same server, so that a busy machine slows both
 * alike and the ratio still means something.
 *
 * Time to interactive: from navigation start until the explorer marks the page ready
 * (`<html data-ready>`: the graph is loaded, laid out and drawn, and it answers keys
 * and clicks). It is read in the page by a MutationObserver installed before any
 * script runs, so polling from here adds nothing to it. Each load is a fresh browser
 * context: no HTTP cache and no stored layouts, as a first visit.
 */

const TARGET_MS = 1000;
// A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
// The init script runs before <html> exists, so it watches the whole document.
// After ready, the first animation frame's callbacks (the map's own drawing among them) and
// then a task: when that task runs, the frame after ready has been drawn and the page can
// take a click. Long tasks from then on are work a click made just after ready would wait behind.
const TTI_PROBE = `window.__longTasks = [];
try { new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
new MutationObserver(() => {
  if (document.documentElement && document.documentElement.dataset.ready === 'true' && window.__tti === undefined) {
    window.__tti = performance.now();
    requestAnimationFrame(() => setTimeout(() => (window.__painted = performance.now())));
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });`;
// Also a string: the explorer's marks, when the entry script and the graph arrived, and when the script began to run.
const MARKS_PROBE = `(() => {
  const out = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('gt:') && out[m.name.slice(3)] === undefined) out[m.name.slice(3)] = m.startTime;
  for (const r of performance.getEntriesByType('resource')) {
    const path = new URL(r.name).pathname;
    if (path === '/api/graph' && out['graph-response'] === undefined) { out['graph-response'] = r.responseEnd; }
    if (/^\\/assets\\/index-.*\\.js$/.test(path)) out['entry-script'] = r.responseEnd;
  }
  return out;
})()`;
export const VIEWPORT = { width: 1366, height: 768 };
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export type StartupFigures = {
  label: string;
  ttiMs: number[];
  /** Until the first frame after ready has been drawn (a task after that frame's animation callbacks ran), in ms from navigation. */
  paintedMs: number[];
  /** Main-thread long tasks (over 50 ms) in the two seconds after ready, summed. */
  busyAfterMs: number[];
  /** Scripts requested before the page was ready: bytes as served and gzip-compressed. */
  scripts: { url: string; bytes: number; gzipBytes: number }[];
  /** Requests to /api made before ready, and in the two seconds after. */
  apiBefore: string[];
  apiAfter: string[];
  /** Where the time went, per load: the explorer's own marks (gt:*), the graph's response and the entry script's start, in ms from navigation. */
  marks: Record<string, number>[];
};

export async function runStartupBench(options: { runs?: number; compare?: string | null; print?: boolean } = {}): Promise<StartupFigures[]> {
  const runs = options.runs ?? 7;
  const print = options.print ?? true;
  const work = mkdtempSync(join(tmpdir(), 'golden-thread-startup-'));
  const builds: { label: string; dir: string }[] = [{ label: 'this branch', dir: join(work, 'this') }];
  await buildExplorer(join(ROOT, 'client'), builds[0]!.dir);
  if (options.compare) {
    // The other explorer's sources beside node_modules, so that its imports resolve.
    const src = join(ROOT, 'node_modules', '.cache', 'golden-thread-startup', options.compare.replace(/[^\w.-]/g, '_'));
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src, { recursive: true });
    execSync(`git archive ${options.compare} client model | tar -x -C ${JSON.stringify(src)}`, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    builds.push({ label: options.compare, dir: join(work, 'other') });
    await buildExplorer(join(src, 'client'), builds[1]!.dir);
  }
  const api = await startServer();
  const statics = await Promise.all(builds.map((b) => serve(b.dir, api.url)));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const figures: StartupFigures[] = builds.map((b) => ({ label: b.label, ttiMs: [], paintedMs: [], busyAfterMs: [], scripts: [], apiBefore: [], apiAfter: [], marks: [] }));
  try {
    // One warm-up load each (the server's read models, Chromium's own start), then turn about.
    for (let i = 0; i <= runs; i++) {
      for (let b = 0; b < builds.length; b++) {
        const address = statics[b]!.address();
        const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
        const run = await loadOnce(browser, url);
        if (i === 0) continue;
        const f = figures[b]!;
        f.ttiMs.push(run.tti);
        f.paintedMs.push(run.painted);
        f.busyAfterMs.push(run.busyAfter);
        f.marks.push(run.marks);
        f.scripts = run.scripts;
        f.apiBefore = run.apiBefore;
        f.apiAfter = run.apiAfter;
      }
    }
  } finally {
    await browser.close();
    await Promise.all(statics.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    await api.stop();
    rmSync(work, { recursive: true, force: true });
  }
  if (print) printStartup(figures);
  return figures;
}

async function loadOnce(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(TTI_PROBE);
  const scripts: StartupFigures['scripts'] = [];
  const apiBefore: string[] = [];
  const apiAfter: string[] = [];
  let ready = false;
  page.on('response', (res) => {
    const u = new URL(res.url());
    if (u.pathname.startsWith('/api/')) (ready ? apiAfter : apiBefore).push(u.pathname);
    if (ready || res.request().resourceType() !== 'script') return;
    void res.body().then(
      (body) => scripts.push({ url: u.pathname, bytes: body.length, gzipBytes: gzipSync(body).length }),
      () => undefined,
    );
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __tti?: number }).__tti !== undefined, null, { timeout: 60_000 });
  ready = true;
  const tti = await page.evaluate(() => (window as unknown as { __tti: number }).__tti);
  const marks = await page.evaluate(MARKS_PROBE);
  // What the page asks for in the two seconds after it is ready (the gap analyses used to all load here).
  await page.waitForTimeout(2000);
  const after = await page.evaluate(
    `(() => ({ painted: window.__painted ?? NaN, busy: window.__longTasks.filter(([s, d]) => s + d > window.__tti && s < window.__tti + 2000).reduce((a, [s, d]) => a + Math.min(s + d, window.__tti + 2000) - Math.max(s, window.__tti), 0) }))()`,
  );
  await context.close();
  const { painted, busy } = after as { painted: number; busy: number };
  return { tti, painted, busyAfter: busy, scripts, apiBefore, apiAfter, marks: marks as Record<string, number> };
}

export async function buildExplorer(root: string, outDir: string, minify = true): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: false, root, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000, minify } });
}

/** The built explorer as static files, with /api passed through to the real server. */
export function serve(dir: string, apiUrl: string): Promise<Server> {
  const api = new URL(apiUrl);
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/api/')) {
        const upstream = request({ host: api.hostname, port: api.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        upstream.on('error', () => res.writeHead(502).end());
        req.pipe(upstream);
        return;
      }
      const file = normalize(join(dir, path.endsWith('/') ? join(path, 'index.html') : path));
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function printStartup(all: StartupFigures[]): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(`Explorer start-up on loopback, ${VIEWPORT.width}x${VIEWPORT.height}, seeded store, ${all[0]?.ttiMs.length ?? 0} cold loads each`);
  for (const f of all) {
    const sorted = [...f.ttiMs].sort((a, b) => a - b);
    const total = f.scripts.reduce((a, s) => a + s.bytes, 0);
    const gz = f.scripts.reduce((a, s) => a + s.gzipBytes, 0);
    console.log(`\n  ${f.label}`);
    console.log(
      `    time to interactive: median ${Math.round(median(f.ttiMs))} ms (min ${Math.round(sorted[0] ?? 0)}, max ${Math.round(sorted[sorted.length - 1] ?? 0)}); under ${TARGET_MS} ms: ${median(f.ttiMs) < TARGET_MS ? 'yes' : 'NO'}`,
    );
    console.log(`    first frame after ready drawn: median ${Math.round(median(f.paintedMs))} ms; long tasks in the 2 s after ready: median ${Math.round(median(f.busyAfterMs))} ms`);
    console.log(`    JavaScript on first load: ${f.scripts.length} files, ${kb(total)} (${kb(gz)} gzip)`);
    for (const s of [...f.scripts].sort((a, b) => b.bytes - a.bytes)) console.log(`      ${s.url.padEnd(44)} ${kb(s.bytes).padStart(10)} ${kb(s.gzipBytes).padStart(10)} gzip`);
    const names = [...new Set(f.marks.flatMap((m) => Object.keys(m)))].sort((a, b) => median(f.marks.map((m) => m[a] ?? 0)) - median(f.marks.map((m) => m[b] ?? 0)));
    if (names.length) console.log(`    where the time goes (median ms from navigation): ${names.map((n) => `${n} ${Math.round(median(f.marks.map((m) => m[n] ?? 0)))}`).join(', ')}`);
    console.log(`    API calls before ready: ${f.apiBefore.length}; in the 2 s after: ${f.apiAfter.length}${f.apiAfter.length ? ` (${[...new Set(f.apiAfter)].length} distinct)` : ''}`);
  }
  if (all.length === 2) {
    const [a, b] = all as [StartupFigures, StartupFigures];
    const js = (f: StartupFigures) => f.scripts.reduce((x, s) => x + s.gzipBytes, 0);
    console.log(`\n  ratio ${a.label} / ${b.label}: time to interactive ${(median(a.ttiMs) / median(b.ttiMs)).toFixed(2)}, first-load JavaScript (gzip) ${(js(a) / js(b)).toFixed(2)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--compare');
  runStartupBench({ compare: i > 0 ? (process.argv[i + 1] ?? 'main') : null, runs: Number(process.env.BENCH_RUNS ?? 7) }).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
