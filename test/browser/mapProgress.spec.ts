import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, launchChromium, screenshot, startServer, waitForExplorer, type RunningServer } from './harness.js';

/**
 * Progress on the map in a real Chromium against the real server: each action's status
 * badge as at the chosen period (symbol, shape and colour), the period in the URL, the
 * roll-up on the outcomes and in the detail panel, the partnership's dashboard, and a
 * progress update for Lanarkshire 2.5.7 entered in the Progress panel reaching the badge,
 * the roll-up of the outcomes above it and the next report. Figures from the documents.
 */

const SCREENS = process.env.GT_SCREENS_DIR ?? '';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await buildClient();
  // The first administrator, created at start (README: GT_ADMIN_USER / GT_ADMIN_PASSWORD).
  process.env.GT_ADMIN_USER = 'coordinator';
  process.env.GT_ADMIN_PASSWORD = 'coordinator-password-123';
  server = await startServer();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string, width = 1366, height = 768): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${path}`);
  await waitForExplorer(page);
  return { page, errors };
}

async function shoot(page: Page, name: string) {
  const path = await screenshot(page, name);
  if (SCREENS) {
    mkdirSync(SCREENS, { recursive: true });
    copyFileSync(path, `${SCREENS}/${name}.png`);
  }
}

/** The Progress box over the map opens by itself only on wide screens. */
async function openBox(page: Page) {
  if (!(await page.locator('#map-progress').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('#map-progress summary').click();
}

const badge = (page: Page, id: string) => page.locator(`.map-badge[data-node="${id}"]`);
const badgeOf = async (page: Page, id: string) => {
  const b = badge(page, id);
  await b.waitFor({ state: 'attached' });
  return { status: await b.getAttribute('data-status'), basis: await b.getAttribute('data-basis'), overdue: await b.getAttribute('data-overdue'), text: (await b.textContent())?.trim() };
};
const rollupTexts = (page: Page) => page.$$eval('.map-badge.badge-rollup', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-node')!, e.textContent.trim()])));

describe('status badges on the map', () => {
  it("show each action's status as at the chosen period, by symbol and shape as well as colour", async () => {
    const { page, errors } = await open('/?period=2008-09-Q3');
    await page.waitForFunction(() => document.querySelector('.map-frame')?.getAttribute('data-badges-period') === '2008-09-Q3');
    // Every action of the five documents has a badge (147, as the partnership dashboard counts them).
    expect(await page.locator('.map-badges .map-badge.badge-status').count()).toBe(147);
    // Implementation plan 2008-09 line 127: the Q2 note on 2.5.7 reads as ongoing (inferred from the narrative);
    // its milestone was due August 2008 (line 124), so by December it is overdue.
    expect(await badgeOf(page, 'lcja-2008:action:2.5.7')).toEqual({ status: 'ongoing', basis: 'inferred', overdue: 'true', text: '↻◷' });
    // The 2010 report had not been written: no update yet.
    expect(await badgeOf(page, 'lcja-2010:action:2')).toMatchObject({ status: 'no update', text: '·' });
    // The shape differs by status, not only the colour.
    expect(await badge(page, 'lcja-2008:action:2.5.7').getAttribute('class')).toContain('badge-shape-circle');
    expect(await badge(page, 'lcja-2008:action:2.5.9').getAttribute('class')).toContain('badge-shape-square');
    // The key names every status with its symbol.
    expect(await page.locator('#map-progress .status-key li').allTextContents()).toContain('↻ongoing');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('the period picker changes the badges and the URL', async () => {
    const { page } = await open('/?period=2008-09-Q3');
    await openBox(page);
    await page.selectOption('#map-period', '2010-11-Q2');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('period') === '2010-11-Q2');
    await page.waitForFunction(() => document.querySelector('.map-badge[data-node="lcja-2010:action:2"]')?.getAttribute('data-status') === 'on target');
    // 2010 report line 11: "On target", printed.
    expect(await badgeOf(page, 'lcja-2010:action:2')).toMatchObject({ status: 'on target', basis: 'printed', text: '▶' });
    expect(await page.locator('#map-progress-summary').textContent()).toBe('Progress as at 2010-09-30');
    await page.close();
  }, 90_000);

  it('the roll-up on the outcomes counts the actions beneath each, and the detail panel says the same', async () => {
    const { page } = await open('/?period=2010-11-Q2&sel=lcja-2010:local-outcome:2');
    await openBox(page);
    await page.check('#map-rollup');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('rollup') === '1');
    await page.locator('.map-badge.badge-rollup[data-node="lcja-2010:local-outcome:2"]').waitFor({ state: 'attached' });
    // 2010 report lines 11-13, local outcome 2: "On target" twice and "Part complete".
    expect((await rollupTexts(page))['lcja-2010:local-outcome:2']).toBe('3: ▶2 ◐1');
    const section = page.locator('#detail-rollup');
    await page.waitForFunction(() => document.querySelector('#detail-rollup')?.getAttribute('data-summary') === '3: ▶2 ◐1');
    expect(await section.locator('tr[data-status]').allTextContents()).toEqual(['▶ on target2', '◐ part complete1']);
    expect(await section.locator('[data-count="overdue"]').textContent()).toBe('◷ Overdue: 0');
    expect(await section.locator('[data-count="no-update"]').textContent()).toBe('No update this period: 0');
    // A quarter earlier nothing had been reported: the section follows the period.
    await page.selectOption('#map-period', '2010-11-Q1');
    await page.waitForFunction(() => document.querySelector('#detail-rollup')?.getAttribute('data-summary') === '3: ·3');
    expect(await section.locator('[data-count="no-update"]').textContent()).toBe('No update this period: 3');
    await page.close();
  }, 90_000);

  it.each([
    [390, 844],
    [1366, 768],
    [1920, 1080],
  ])(
    'screenshots at %ix%i: the map with badges and roll-up, and the partnership dashboard',
    async (width, height) => {
      const { page, errors } = await open('/?period=2010-11-Q2&rollup=1&plan=plan:lcja-2010', width, height);
      await page.waitForFunction(() => document.querySelector('.map-frame')?.getAttribute('data-badges-period') === '2010-11-Q2');
      await page.locator('.map-badge.badge-rollup').first().waitFor({ state: 'attached' });
      // Filtered to the 2010 report, National Outcome 9 counts its five rows (lines 9-13): three
      // on target, one part complete, one with no status word.
      await page.waitForFunction(() => document.querySelector('.map-badge.badge-rollup[data-node="no:9"]')?.textContent === '5: ▶3 ◐1 ?1');
      await openBox(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await shoot(page, `map-badges-${width}x${height}`);
      if (width < 600) {
        // On a phone the overview's nodes are too small to carry a badge; zoomed in, they show.
        await page.locator('#map-progress summary').click();
        for (let i = 0; i < 3; i++) await page.click('#zoom-in');
        await page.waitForFunction(() => [...document.querySelectorAll('.map-badges .badge-status')].some((b) => !(b as HTMLElement).hidden));
        await shoot(page, `map-badges-${width}x${height}-zoomed`);
      }
      await page.goto(`${server.url}/?panel=progress&period=2010-11-Q2`);
      await waitForExplorer(page);
      if (width < 900) await page.locator('#toggle-panels').click();
      await page.waitForSelector('table.progress-counts', { state: 'attached' });
      await page.selectOption('#progress-plan', 'partnership');
      await page.waitForSelector('table.progress-plans', { state: 'attached' });
      expect(await page.$$eval('table.progress-plans tbody tr', (rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelectorAll('td')[0]!.textContent]))).toContainEqual([
        'LCJA 2010',
        '9',
      ]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await shoot(page, `dashboard-partnership-${width}x${height}`);
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );
});

describe('a progress update for 2.5.7 entered in the explorer', () => {
  it('changes its badge, the roll-up of the outcomes above it, and the next report', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const login = await page.request.post(`${server.url}/api/auth/login`, { data: { username: 'coordinator', password: 'coordinator-password-123' } });
    expect(login.status()).toBe(200);
    await page.goto(`${server.url}/?panel=progress&period=2008-09-Q3&rollup=1`);
    await waitForExplorer(page);
    await page.waitForFunction(() => document.querySelector('.map-badge[data-node="lcja-2008:action:2.5.7"]')?.getAttribute('data-status') === 'ongoing');
    await page.locator('.map-badge.badge-rollup').first().waitFor({ state: 'attached' });
    const before = await rollupTexts(page);
    const rollup = (await (await page.request.get(`${server.url}/api/rollup?period=2008-09-Q3`)).json()) as { rows: { target: { id: string }; actionIds: string[] }[] };
    const above = rollup.rows.filter((r) => r.actionIds.includes('lcja-2008:action:2.5.7')).map((r) => r.target.id);
    expect(above.length).toBeGreaterThan(0);

    await page.selectOption('#progress-plan', 'plan:lcja-2008');
    await page.waitForSelector('#progress-update-form');
    await page.waitForFunction(() => !!document.querySelector('#update-action option[value="lcja-2008:action:2.5.7"]'));
    await page.selectOption('#update-action', 'lcja-2008:action:2.5.7');
    await page.selectOption('#update-status', 'complete');
    await page.fill('#update-printed', 'Complete');
    await page.fill('#update-narrative', 'NASSO fully integrated within MAPPA arrangements; reported in the MAPPA annual report.');
    await page.click('#update-submit');
    await page.waitForFunction(() => document.querySelector('#update-message')?.textContent === 'Saved.');

    // The badge: complete (square), as printed, no longer overdue.
    await page.waitForFunction(() => document.querySelector('.map-badge[data-node="lcja-2008:action:2.5.7"]')?.getAttribute('data-status') === 'complete');
    expect(await badgeOf(page, 'lcja-2008:action:2.5.7')).toEqual({ status: 'complete', basis: 'printed', overdue: 'false', text: '✔' });
    // The roll-up of every outcome above it changed, and of no other.
    await page.waitForFunction((ids) => ids.some((id) => document.querySelector(`.map-badge.badge-rollup[data-node="${id}"]`)?.textContent?.includes('✔')), above);
    const after = await rollupTexts(page);
    for (const id of Object.keys(before)) {
      if (above.includes(id)) expect(after[id], id).not.toBe(before[id]);
      else expect(after[id], id).toBe(before[id]);
    }
    // The next report prints it, as entered.
    const report = await (await page.request.get(`${server.url}/api/reports/lcja-2008?period=2008-09-Q3&format=json`)).json();
    const row = report.groups.flatMap((g: { rows: unknown[] }) => g.rows).find((r: { actionId: string }) => r.actionId === 'lcja-2008:action:2.5.7');
    expect(row.progress).toMatchObject({ status: 'complete', statusAsPrinted: 'Complete', period: '2008-09 Q3' });
    await page.close();
  }, 120_000);
});
