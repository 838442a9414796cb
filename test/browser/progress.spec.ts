import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, launchChromium, screenshot, startServer, waitForExplorer, type RunningServer } from './harness.js';

/**
 * The progress panel in a real Chromium against the real server: the Lanarkshire Q2 2010
 * figures as the document prints them, the report links, and a phone-sized screen.
 */

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

async function open(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/?panel=progress`);
  await waitForExplorer(page);
  await page.waitForSelector('table.progress-counts', { state: 'attached' });
  return { page, errors };
}

const counts = (page: Page) =>
  page.$$eval('table.progress-counts tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.querySelector('th')!.textContent.replace(/^\S+\s/, ''), Number(r.querySelector('td')!.textContent)])));

describe('the progress panel', () => {
  it.each([
    [1366, 768],
    [390, 844],
  ])(
    'at %ix%i shows the Lanarkshire Q2 2010 statuses as the report prints them, with nothing off screen',
    async (width, height) => {
      const { page, errors } = await open(width, height);
      if (width < 600) await page.click('#toggle-panels');
      // Lines 9-27 of the report: five on target (with "On track", "Ontrack" and "exceeded"), two ongoing, one part complete, one with no status word.
      expect(await counts(page)).toEqual({ 'on target': 5, 'part complete': 1, ongoing: 2, unknown: 1, 'no update': 0 });
      const links = await page.$$eval('.progress-reports a', (as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(['html', 'pdf', 'docx', 'xlsx'].map((f) => `/api/reports/plan%3Alcja-2010?period=2010-11-Q2&format=${f}`));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, `progress-panel-${width}x${height}`);
      expect(errors).toEqual([]);
      await page.close();
    },
    90_000,
  );

  it('a quarter before the report shows every action without an update', async () => {
    const { page } = await open(1366, 768);
    await page.selectOption('#progress-period', '2010-11-Q1');
    await page.waitForFunction(() => document.querySelector('table.progress-counts caption')?.textContent?.includes('Quarter 1 2010-11'));
    expect(await counts(page)).toEqual({ 'no update': 9 });
    await page.close();
  }, 90_000);

  it('for the partnership: what needs updating per lead across every plan, the CSV link, and a baseline column saying "not printed"', async () => {
    const { page, errors } = await open(1366, 768);
    await page.selectOption('#progress-period', '2010-11-Q2');
    await page.selectOption('#progress-plan', 'partnership');
    await page.waitForSelector('table.progress-missing-leads', { state: 'attached' });
    const rows = await page.$$eval('table.progress-missing-leads tbody tr', (trs) =>
      trs.map((r) => [r.querySelector('th')!.textContent, Number(r.querySelector('td')!.textContent), r.querySelector('td.plans')!.textContent]),
    );
    // July-September 2010: the 2010 report updated its nine rows; the 2008-09 plan's nine unfinished actions are owed,
    // six of them the LCJA chief officer's (lines 61, 167, 181, 193, 219, 291); L&B's and Glasgow's 118 unled actions print no progress.
    expect(rows).toContainEqual(['Lanarkshire Community Justice Authority', 6, 'LCJA 2008']);
    expect(rows).toContainEqual(['no lead printed', 118, 'GCJSWS 2013, L&BCJA 2011']);
    expect(await page.locator('table.progress-missing-leads caption').textContent()).toBe('135 updates owed for Quarter 2 2010-11: July - September 2010');
    expect(await page.locator('#progress-missing-csv').getAttribute('href')).toBe('/api/missing-updates?period=2010-11-Q2&format=csv');
    // Glasgow's indicator table (lines 587-593) prints no baseline.
    const baselines = await page.$$eval('table.progress-indicators tbody tr', (trs) => trs.map((r) => r.querySelectorAll('td')[1]!.textContent));
    expect(baselines.length).toBeGreaterThanOrEqual(5);
    expect(new Set(baselines)).toEqual(new Set(['not printed']));
    await page.locator('#progress-missing').scrollIntoViewIfNeeded();
    await screenshot(page, 'progress-partnership-missing-1366x768');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
