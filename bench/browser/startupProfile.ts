import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, startServer } from '../../test/browser/harness.js';
import { buildExplorer, serve, VIEWPORT } from './startup.js';

/**
 * Where the explorer's start-up spends its time: a CPU profile (Chrome's own sampler, over
 * CDP) of cold loads of this branch's explorer, built unminified so that functions keep
 * their names, until `<html data-ready>`. Writes each profile to `test-artifacts/profiles/`
 * (open one in Chrome DevTools' Performance panel) and prints the functions with the most
 * time of their own, averaged over the loads. The sampler slows the page about twofold:
 * the shares matter, not the milliseconds. `npx tsx bench/browser/startupProfile.ts`;
 * PROFILE_RUNS sets the number of loads (3).
 */

type Profile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };

const runs = Number(process.env.PROFILE_RUNS ?? 3);
const out = join(ROOT, 'test-artifacts', 'profiles');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'golden-thread-profile-'));
await buildExplorer(join(ROOT, 'client'), work, false);
const api = await startServer();
const site = await serve(work, api.url);
const address = site.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const own = new Map<string, number>();
try {
  // One warm-up load (the server's read models, Chromium's own start), then the profiled ones.
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000 });
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('gt:'))
        .map((m) => `${m.name.slice(3)} ${Math.round(m.startTime)}`),
    );
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    await context.close();
    if (i === 0) continue;
    console.log(`load ${i}: ${marks.join(', ')}`);
    writeFileSync(join(out, `startup-${i}.cpuprofile`), JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, s) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\//, '')}:${f.lineNumber + 1}`;
      own.set(key, (own.get(key) ?? 0) + (profile.timeDeltas[s] ?? 0) / 1000 / runs);
    });
  }
} finally {
  await browser.close();
  site.close();
  await api.stop();
  rmSync(work, { recursive: true, force: true });
}
console.log(`\nself time, ms per load (profiles in ${out}):`);
for (const [k, v] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
