import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, DOWNLOADS, launchChromium, screenshot, startServer, waitForExplorer, type RunningServer } from './harness.js';

/**
 * Progress on the map, the remaining parts of issue 14, in a real Chromium against the real
 * server: the board export draws the status badges of the chosen period with their key; the
 * hover tooltip says the chosen period's status, not the latest; the progress box leaves the
 * map's nodes and controls uncovered at fitted zoom. Statuses from the documents:
 * - Lanarkshire 2010 report line 11: action 2 "On target", printed, for July-September 2010;
 *   nothing about it before then (so at the end of 2008 it has no update).
 * - Implementation plan 2008-09 line 127: the Q2 note on 2.5.7 reads as ongoing (inferred),
 *   and its milestone was due August 2008 (line 124): overdue by December 2008.
 */

const SCREENS = '/work/screens/issue-14';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await buildClient();
  server = await startServer();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, width = 1366, height = 768): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${path}`);
  await waitForExplorer(page);
  return { page, errors };
}

const badgesFor = (page: Page, period: string) => page.waitForFunction((p) => document.querySelector('.map-frame')?.getAttribute('data-badges-period') === p, period);

type Cy = {
  getElementById(id: string): { renderedPosition(): { x: number; y: number }; renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number } };
  nodes(sel: string): { map<T>(fn: (n: { id(): string; renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number } }) => T): T[] };
  zoom(o?: unknown): number;
  center(e: unknown): void;
  animated(): boolean;
};

/** Moves the real mouse onto a node, after bringing it to the middle of the map at a readable zoom. */
async function hover(page: Page, id: string): Promise<void> {
  await page.mouse.move(2, 2);
  const at = await page.evaluate((nodeId) => {
    const cy = (window as unknown as { goldenThread: { cy(): Cy } }).goldenThread.cy();
    const n = cy.getElementById(nodeId);
    cy.zoom({ level: 1.4 });
    cy.center(n);
    const p = n.renderedPosition();
    const r = document.querySelector('#map')!.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await page.locator('.map-tooltip:not([hidden])').waitFor();
}

describe('the board export draws the status badges', () => {
  it('the SVG holds a badge per action drawn, as at the chosen period, and the badge key in the legend, with no console error', async () => {
    mkdirSync(DOWNLOADS, { recursive: true });
    const { page, errors } = await open('/?period=2008-09-Q3');
    await badgesFor(page, '2008-09-Q3');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      (async () => {
        await page.locator('#export-button').click();
        await page.locator('#export-svg').click();
      })(),
    ]);
    const path = join(DOWNLOADS, 'map-with-badges.svg');
    await download.saveAs(path);
    const svg = readFileSync(path, 'utf8');
    const badges = [...svg.matchAll(/<g class="status-badge" data-status="([^"]+)" data-node="([^"]+)" data-overdue="(true|false)" data-basis="(\w+)"/g)].map((m) => ({
      status: m[1],
      id: m[2],
      overdue: m[3],
      basis: m[4],
    }));
    // Every action of the five documents is on the unfiltered map: 147 (as the partnership dashboard counts them).
    expect(badges).toHaveLength(147);
    expect(badges.find((b) => b.id === 'lcja-2008:action:2.5.7')).toEqual({ status: 'ongoing', id: 'lcja-2008:action:2.5.7', overdue: 'true', basis: 'inferred' });
    // The 2010 report had not been written by December 2008: its action 2 has no update yet (not its latest "on target").
    expect(badges.find((b) => b.id === 'lcja-2010:action:2')).toMatchObject({ status: 'no update' });
    // The key: the period, and an entry per status drawn, with the overdue mark and the dashed edge explained.
    expect(svg).toContain('>Progress at 2008-12-31</text>');
    const key = [...svg.matchAll(/<g class="status-key" data-status="([^"]+)"/g)].map((m) => m[1]);
    expect(key).toEqual(
      [...new Set(['complete', 'ongoing', 'not required', 'delayed', 'no update'].filter((s) => badges.some((b) => b.status === s)))].sort((a, b) => key.indexOf(a) - key.indexOf(b)),
    );
    expect(new Set(key)).toEqual(new Set(badges.map((b) => b.status)));
    expect(svg).toContain('overdue at the end of the period');
    expect(svg).toContain('dashed: read from the narrative');
    // The PNG is drawn from the same SVG.
    const [png] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      (async () => {
        if (await page.locator('#export-menu').isHidden()) await page.locator('#export-button').click();
        await page.locator('#export-png').click();
      })(),
    ]);
    const pngPath = join(DOWNLOADS, 'map-with-badges.png');
    await png.saveAs(pngPath);
    expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('the hover tooltip', () => {
  it("says the chosen period's status of an action, and follows the period picker", async () => {
    const { page, errors } = await open('/?period=2008-09-Q3');
    await badgesFor(page, '2008-09-Q3');
    await hover(page, 'lcja-2010:action:2');
    const tip = page.locator('.map-tooltip [data-tooltip-status]');
    expect(await tip.textContent()).toBe('At 2008-12-31: No progress update by the end of the period');
    // Pick July-September 2010 in the map's period picker: the 2010 report's "On target" (line 11).
    if (!(await page.locator('#map-progress').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('#map-progress summary').click();
    await page.selectOption('#map-period', '2010-11-Q2');
    await badgesFor(page, '2010-11-Q2');
    await hover(page, 'lcja-2010:action:2');
    expect(await tip.textContent()).toBe('At 2010-09-30: on target, as printed, update of 2010-09-30');
    // 2.5.7 at the end of 2008: ongoing, read from the narrative, overdue.
    await page.selectOption('#map-period', '2008-09-Q3');
    await badgesFor(page, '2008-09-Q3');
    await hover(page, 'lcja-2008:action:2.5.7');
    expect(await tip.textContent()).toMatch(/^At 2008-12-31: ongoing, read from the narrative \(not printed\), update of [\d-]+; overdue$/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('the progress box leaves the map uncovered at fitted zoom', () => {
  it.each([
    [390, 844],
    [1366, 768],
    [1920, 1080],
  ])(
    'at %ix%i no node and no zoom control lies under it',
    async (width, height) => {
      mkdirSync(SCREENS, { recursive: true });
      const { page, errors } = await open('/?period=2010-11-Q2', width, height);
      await badgesFor(page, '2010-11-Q2');
      await page.waitForFunction(() => !(window as unknown as { goldenThread: { cy(): Cy } }).goldenThread.cy().animated());
      await page.waitForTimeout(500);
      const overlaps = await page.evaluate(() => {
        const cy = (window as unknown as { goldenThread: { cy(): Cy } }).goldenThread.cy();
        const box = document.querySelector('#map-progress')!.getBoundingClientRect();
        const map = document.querySelector('#map')!.getBoundingClientRect();
        const under = (r: { left: number; top: number; right: number; bottom: number }) => r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
        const nodes = cy.nodes(':visible').map((n) => {
          const b = n.renderedBoundingBox();
          return { id: n.id(), left: map.left + b.x1, top: map.top + b.y1, right: map.left + b.x2, bottom: map.top + b.y2 };
        });
        const controls = [...document.querySelectorAll('.map-controls button')].map((b) => b.getBoundingClientRect());
        return { nodes: nodes.filter(under).map((n) => n.id), controls: controls.filter(under).length, open: (document.querySelector('#map-progress') as HTMLDetailsElement).open };
      });
      expect(overlaps.nodes).toEqual([]);
      expect(overlaps.controls).toBe(0);
      // Open by itself only where there is room beside the map; one tap opens or closes it elsewhere.
      expect(overlaps.open).toBe(width >= 1600);
      await screenshot(page, `issue-14-map-${width}x${height}`);
      await page.screenshot({ path: `${SCREENS}/map-progress-${width}x${height}.png` });
      if (!overlaps.open) {
        await page.locator('#map-progress summary').click();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${SCREENS}/map-progress-${width}x${height}-opened.png` });
        await page.locator('#map-progress summary').click();
        expect(await page.locator('#map-progress').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      }
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );
});
