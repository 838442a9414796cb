import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, DOWNLOADS, launchChromium, startServer, type RunningServer } from './harness.js';

/**
 * The explorer on the three screens a partnership uses: a phone (390x844), a council
 * laptop (1366x768) and a projector or desk (1920x1080). On each, a planner's round:
 * search "2.5.7", show its golden thread and walk it with the arrow keys, open a gap
 * analysis, open the matrix, export the map (SVG and PDF); nothing overflows the
 * screen (checked by element bounds) and the console stays clean. The exported SVG and
 * PDF are opened in Chromium, and the PDF is turned into a PNG with pdftoppm.
 * Screenshots go to SCREENS_DIR (default test-artifacts/screens) to be looked at.
 */

const SCREENS = process.env.SCREENS_DIR || join(DOWNLOADS, '..', 'screens');
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'desk', width: 1920, height: 1080 },
] as const;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await buildClient();
  server = await startServer();
  browser = await launchChromium();
  mkdirSync(SCREENS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type State = { selected: string | null; mode: string; view: string; gap: string | null; panel: string };
const state = (page: Page) => page.evaluate(() => (window as unknown as { goldenThread: { state(): State } }).goldenThread.state());

async function until(page: Page, test: (s: State) => boolean, what: string, timeout = 15_000): Promise<State> {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await state(page);
    if (test(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; state is ${JSON.stringify(s)}`);
    await page.waitForTimeout(80);
  }
}

/**
 * Every visible control and text block that sticks out of the screen, or out of the
 * scrolling box it sits in. A string so that it runs in the page as written.
 */
const OVERFLOW_PROBE = `(() => {
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  const out = [];
  if (document.documentElement.scrollWidth > vw + 1) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
  const els = document.querySelectorAll('header *, button, select, input, a, h1, h2, h3, .banner, .status-bar, .band, .callout, [role="tab"]');
  for (const el of els) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || el.closest('[hidden]') || el.closest('.visually-hidden')) continue;
    if (el.closest('.callouts') && !el.classList.contains('callout')) continue;
    if (el.classList.contains('skip-link') && el !== document.activeElement) continue;
    let box = { left: 0, top: 0, right: vw, bottom: vh };
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ps = getComputedStyle(p);
      if (/(auto|scroll|hidden)/.test(ps.overflowX + ps.overflowY) && p.scrollHeight + p.scrollWidth > 0) {
        const pr = p.getBoundingClientRect();
        // Inside a scrolling box, an element may scroll out of sight; the box itself must fit.
        if (/(auto|scroll)/.test(ps.overflowX + ps.overflowY)) { box = null; break; }
        box = { left: Math.max(0, pr.left), top: Math.max(0, pr.top), right: Math.min(vw, pr.right), bottom: Math.min(vh, pr.bottom) };
        break;
      }
    }
    if (!box) continue;
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < -1 || r.bottom > vh + 1) {
      out.push((el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + el.className) + ' ' + Math.round(r.left) + ',' + Math.round(r.top) + '-' + Math.round(r.right) + ',' + Math.round(r.bottom));
    }
  }
  return out;
})()`;

async function noOverflow(page: Page, where: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the probe is a string evaluated in the page, so evaluate() cannot infer its result
  const problems = (await page.evaluate(OVERFLOW_PROBE)) as string[];
  expect(problems, `overflow at ${where}`).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(650);
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

describe.each(SIZES)('on a $name ($width x $height)', ({ name, width, height }) => {
  it('searches 2.5.7, shows and walks its thread, opens a gap and the matrix, exports, with nothing overflowing', async () => {
    const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
    await shot(page, `${name}-overview`);
    await noOverflow(page, 'the overview');

    // Search: Enter selects, and focus moves to the map with the node on it.
    await page.locator('#search-input').fill('2.5.7');
    await page.locator('[role="option"]', { hasText: '2.5.7' }).first().waitFor();
    await noOverflow(page, 'the search suggestions');
    await page.keyboard.press('Enter');
    await until(page, (s) => s.selected === 'lcja-2008:action:2.5.7', 'the search result selected');
    await page.waitForFunction(() => document.activeElement?.id === 'map');
    await shot(page, `${name}-search-selected`);

    // The thread: T on the map; the arrow keys walk along it and stay in thread mode.
    await page.keyboard.press('t');
    await until(page, (s) => s.mode === 'thread', 'thread mode');
    await page.locator('.banner.thread-banner').waitFor();
    await page.waitForFunction(() => !document.querySelector('.banner-text')?.textContent?.startsWith('Tracing'));
    await shot(page, `${name}-thread`);
    await noOverflow(page, 'the thread');
    const onThread = await page.evaluate(() => {
      const cy = (window as unknown as { goldenThread: { cy(): { nodes(sel: string): { map(f: (n: { id(): string }) => string): string[] } } } }).goldenThread.cy();
      return cy.nodes('.em-path, .em-origin').map((n) => n.id());
    });
    await page.keyboard.press('ArrowUp');
    const walked = await until(page, (s) => s.selected !== 'lcja-2008:action:2.5.7', 'a step along the thread');
    expect(walked.mode).toBe('thread');
    expect(onThread).toContain(walked.selected);
    await page.keyboard.press('Escape');
    await until(page, (s) => s.mode === 'explore', 'back out of the thread');

    // A gap analysis: on a phone the side panels are a drawer.
    if (width < 900) await page.locator('#toggle-panels').click();
    await page.locator('#side-tab-gaps').click();
    // The list is drawn again as each analysis's count arrives: click once they all have.
    await page.locator('#gap-actions-without-lead').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.gap-count')].every((c) => c.textContent !== '…'), null, { timeout: 30_000 });
    await page.locator('#gap-actions-without-lead').click();
    await until(page, (s) => s.gap === 'actions-without-lead', 'the gap analysis chosen');
    await page.locator('.gap-table').waitFor();
    await shot(page, `${name}-gap`);
    await noOverflow(page, 'the gap list');
    if (width < 900) await page.locator('#panels-drawer .drawer-close').click();

    // The matrix.
    await page.locator('#view-tab-matrix').click();
    await page.locator('.cell-button').first().waitFor();
    await shot(page, `${name}-matrix`);
    await noOverflow(page, 'the matrix');
    await page.locator('#view-tab-map').click();
    await until(page, (s) => s.view === 'map', 'the map again');

    // Exports: the board-paper SVG and an A4 PDF of what the map shows.
    const save = async (id: string, file: string) => {
      if (await page.locator('#export-menu').isHidden()) await page.locator('#export-button').click();
      await noOverflow(page, 'the export menu');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator(`#export-${id}`).click()]);
      const path = join(SCREENS, file);
      await download.saveAs(path);
      return path;
    };
    const svgPath = await save('svg', `${name}-export.svg`);
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(svg).toContain('Actions with no lead, or only a vague lead');
    expect(svg).toContain('Sources');
    expect(svg).toContain('>NATIONAL OUTCOMES<');
    expect(svg).toContain('>ACTIONS<');
    const pdfPath = await save('pdf-a4', `${name}-export-a4.pdf`);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    await page.keyboard.press('Escape');

    expect(errors).toEqual([]);
    await context.close();

    // The SVG opens in Chromium with no console error, and the PDF renders to a PNG.
    const viewer = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const viewerErrors: string[] = [];
    viewer.on('console', (m) => {
      if (m.type() === 'error') viewerErrors.push(m.text());
    });
    viewer.on('pageerror', (e) => viewerErrors.push(e.message));
    await viewer.goto(`file://${svgPath}`);
    await viewer.screenshot({ path: join(SCREENS, `${name}-export-svg.png`), timeout: 60_000 });
    expect(viewerErrors).toEqual([]);
    await viewer.close();
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, join(SCREENS, `${name}-export-a4`)]);
      expect(existsSync(join(SCREENS, `${name}-export-a4.png`))).toBe(true);
    } else {
      writeFileSync(join(SCREENS, `${name}-export-a4.txt`), 'pdftoppm is not installed (apt-get install poppler-utils): the PDF was not rendered.');
    }
  }, 180_000);
});
