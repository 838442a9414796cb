import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Prepared, Recorded, RunFigures } from './page.js';

/**
 * Browser benchmark of the explorer's map: synthetic graphs of 1,000, 5,000 and 10,000
 * elements drawn by the explorer's own map module in Chromium, with the canvas renderer
 * (plain, and with the large-graph options the explorer turns on) and with WebGL.
 * Figures and ratios only, never pass or fail. `npx tsx bench/browser/index.ts` runs it alone.
 */

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SIZES = [1_000, 5_000, 10_000];
/** How long each configuration is panned for. */
const PAN_MS = 2_500;
const CONFIGS = [
  { name: 'canvas, plain', renderer: 'canvas', plain: true },
  { name: 'canvas, large-graph options', renderer: 'canvas', plain: false },
  { name: 'WebGL', renderer: 'webgl', plain: false },
] as const;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export type BrowserBenchRow = RunFigures & { config: string };

export async function runBrowserBench(options: { sizes?: number[]; print?: boolean } = {}): Promise<BrowserBenchRow[]> {
  const sizes = options.sizes ?? SIZES;
  const print = options.print ?? true;
  const out = mkdtempSync(join(tmpdir(), 'golden-thread-map-bench-'));
  const { build } = await import('vite');
  await build({ configFile: false, root: HERE, logLevel: 'warn', build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
  const server = await serve(out);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  const rows: BrowserBenchRow[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 960 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { mapBench?: { ready: boolean } }).mapBench?.ready === true);
    const gpu = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl ? String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'no WebGL 2';
    });
    if (print) console.log(`Chromium ${browser.version()}, 1280x960 map, WebGL: ${gpu}\n`);
    for (const size of sizes) {
      for (const c of CONFIGS) {
        type Bench = { prepare(...a: unknown[]): Promise<unknown>; startRecording(): void; stopRecording(): unknown };
        // Warm-up (JIT, fonts, shaders) on a small graph before the measured one.
        await page.evaluate(([r, p]) => (window as unknown as { mapBench: Bench }).mapBench.prepare(1000, r, p), [c.renderer, c.plain] as const);
        const prepared = (await page.evaluate(([s, r, p]) => (window as unknown as { mapBench: Bench }).mapBench.prepare(s, r, p), [size, c.renderer, c.plain] as const)) as Prepared;
        // Pan as a planner does, by dragging with the mouse, so that the renderer's
        // viewport optimisations (texture while panning, hidden edges) take part.
        const { grab, ...figures } = prepared;
        await page.mouse.move(grab.x, grab.y);
        await page.mouse.down();
        await page.evaluate(() => (window as unknown as { mapBench: Bench }).mapBench.startRecording());
        const started = Date.now();
        for (let i = 0; Date.now() - started < PAN_MS; i++) {
          const phase = Math.floor(i / 40) % 2 === 0 ? 1 : -1;
          await page.mouse.move(grab.x + phase * ((i % 40) * 8), grab.y + 3 * (i % 7));
        }
        const recorded = (await page.evaluate(() => (window as unknown as { mapBench: Bench }).mapBench.stopRecording())) as Recorded;
        await page.mouse.up();
        rows.push({ ...figures, ...recorded, config: c.name });
      }
    }
    if (problems.length > 0) throw new Error(`the benchmark page failed: ${problems.join('; ')}`);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(out, { recursive: true, force: true });
  }
  if (print) printRows(rows);
  return rows;
}

function printRows(rows: BrowserBenchRow[]): void {
  const f = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString()).padStart(8);
  console.log(
    `${'elements'.padStart(8)} ${'nodes'.padStart(6)}  ${'renderer'.padEnd(28)} ${'layout'.padStart(8)} ${'mount'.padStart(8)} ${'1st frame'.padStart(9)} ${'frame avg'.padStart(9)} ${'frame p95'.padStart(9)} ${'draw avg'.padStart(8)} ${'draw p95'.padStart(8)}`,
  );
  for (const r of rows) {
    console.log(
      `${String(r.elements).padStart(8)} ${String(r.nodes).padStart(6)}  ${r.config.padEnd(28)} ${f(r.layoutMs)} ${f(r.mountMs)} ${f(r.firstFrameMs).padStart(9)} ${f(r.frameMeanMs).padStart(9)} ${f(r.frameP95Ms).padStart(9)} ${f(r.renderMeanMs)} ${f(r.renderP95Ms)}`,
    );
  }
  console.log(
    `(milliseconds; layout: the layered layout, computed once; mount: add elements, positions, classes, fit; 1st frame: until drawn; frame: interval between frames while dragging the map for ${PAN_MS / 1000} s at 2.5x the fitted zoom; draw: the renderer's own drawing per frame)`,
  );
  console.log('');
  const sizes = [...new Set(rows.map((r) => r.elements))];
  const get = (size: number, config: string) => rows.find((r) => r.elements === size && r.config === config)!;
  console.log('ratios');
  for (const s of sizes) {
    const plain = get(s, 'canvas, plain');
    const large = get(s, 'canvas, large-graph options');
    const webgl = get(s, 'WebGL');
    console.log(
      `  ${String(s).padStart(6)} elements: WebGL / plain canvas frame ${(webgl.frameMeanMs / plain.frameMeanMs).toFixed(2)}, draw ${(webgl.renderMeanMs / plain.renderMeanMs).toFixed(2)}; ` +
        `large-graph canvas / plain canvas draw ${(large.renderMeanMs / plain.renderMeanMs).toFixed(2)}; WebGL / plain canvas first frame ${(webgl.firstFrameMs / plain.firstFrameMs).toFixed(2)}`,
    );
  }
  if (sizes.length > 1) {
    const a = sizes[0]!;
    const b = sizes[sizes.length - 1]!;
    for (const c of CONFIGS) {
      console.log(
        `  ${c.name}: ${b} / ${a} elements: layout ${(get(b, c.name).layoutMs / get(a, c.name).layoutMs).toFixed(1)}x, draw ${(get(b, c.name).renderMeanMs / get(a, c.name).renderMeanMs).toFixed(1)}x, frame ${(get(b, c.name).frameMeanMs / get(a, c.name).frameMeanMs).toFixed(1)}x`,
      );
    }
  }
}

function serve(dir: string): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
      const file = path.endsWith('/') ? join(path, 'index.html') : path;
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBrowserBench().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
