import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../model/auth.js';
import { buildClient, launchChromium, startServer, waitForExplorer, type RunningServer } from './harness.js';

/**
 * The Compare panel in a real Chromium against the real server on seeded data.
 *
 * Two plans: Lanarkshire's 2008-09 implementation plan against its 2010 progress
 * report. The themes the 2010 report carries over, worked out from the two documents
 * in seed/sources/: MAPPA arrangements (2008-09 2.5.7 "Ensure NASSO fully integrated
 * within MAPPA arrangements" → 2010 action 1, MAPPAs), substance misuse (2.5.1 → 2010
 * action 2, "Reduce and stabilise substance misuse") and staff training (2.5.9, whose
 * milestone is the training and development of staff → 2010 action 4, "Be responsive
 * to training needs"). 2008-09 has 12 actions and 2010 has 9, so some are dropped and
 * some are new.
 *
 * A snapshot and now: freeze the graph, edit 2.5.7's objective and delete one of its
 * milestones, and the diff view marks the action changed and still draws the deleted
 * milestone, which the graph no longer holds.
 */

const SCREENS = process.env.GT_SCREENS_DIR ?? '/work/screens/issue-13';
const ADMIN = { user: 'compare-admin', password: 'compare admin password 1' };
const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const ACTION = 'lcja-2008:action:2.5.7';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await buildClient();
  process.env.GT_ADMIN_USER = ADMIN.user;
  process.env.GT_ADMIN_PASSWORD = ADMIN.password;
  try {
    server = await startServer();
  } finally {
    delete process.env.GT_ADMIN_USER;
    delete process.env.GT_ADMIN_PASSWORD;
  }
  browser = await launchChromium();
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** `panel`: on a phone, open the side-panel drawer for the picture (the tables); the diff view is on the map. */
async function shoot(page: Page, name: string, panel: boolean): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    const drawer = panel && size.width < 900 && (await page.getAttribute('#toggle-panels', 'aria-expanded')) !== 'true';
    if (drawer) await page.click('#toggle-panels');
    if (!panel) await page.click('#compare-map-fit');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENS, `compare-${name}-${size.width}x${size.height}.png`) });
    if (drawer) await page.click('#toggle-panels');
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

type DiffCy = { getElementById(id: string): { length: number; hasClass(c: string): boolean; data(k: string): unknown } };
const marked = (page: Page, id: string) =>
  page.evaluate((nodeId) => {
    const cy = (window as unknown as { goldenThread: { diffCy?: () => DiffCy | null } }).goldenThread.diffCy?.();
    const n = cy?.getElementById(nodeId);
    if (!n || n.length === 0) return null;
    return { classes: ['d-continued', 'd-added', 'd-removed', 'd-changed', 'd-gained', 'd-lost', 'd-context'].filter((c) => n.hasClass(c)), short: String(n.data('short')) };
  }, id);
const legend = (page: Page) =>
  page.$$eval('#compare-legend li', (lis) => Object.fromEntries(lis.map((li) => [li.getAttribute('data-mark'), Number(li.querySelector('.compare-legend-count')?.textContent)])));
/** The row whose first reference is exactly `ref`, as its references and its whole text. */
const rowWith = (page: Page, table: string, ref: string) =>
  page.$$eval(
    `#${table} tbody tr`,
    (trs, r) => {
      const rows = trs.map((tr) => ({ refs: [...tr.querySelectorAll('.compare-ref')].map((x) => x.textContent ?? ''), text: tr.textContent ?? '' }));
      return rows.find((x) => x.refs[0] === r) ?? null;
    },
    ref,
  );

async function signIn(context: BrowserContext): Promise<string> {
  const res = await context.request.post(`${server.url}/api/auth/login`, { data: { username: ADMIN.user, password: ADMIN.password } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

describe('the Compare panel', () => {
  it('compares Lanarkshire 2008-09 with 2010: the carried-over themes continued, with new and dropped, as a table and on the map', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?panel=compare`);
    await waitForExplorer(page);
    await page.waitForSelector('#compare-a option[value="plan:lcja-2008"]', { state: 'attached' });
    await page.selectOption('#compare-a', 'plan:lcja-2008');
    await page.selectOption('#compare-b', 'plan:lcja-2010');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-continued');

    // The three themes, each named by its plan's short name and reference, with its score.
    const mappa = await rowWith(page, 'compare-continued', 'LCJA 2008 · 2.5.7');
    expect(mappa?.refs[1]).toBe('LCJA 2010 · 1');
    expect(mappa?.text).toMatch(/MAPPA/);
    expect(mappa?.text).toMatch(/0\.\d\d/);
    const substance = await rowWith(page, 'compare-continued', 'LCJA 2008 · 2.5.1');
    expect(substance?.refs[1]).toBe('LCJA 2010 · 2');
    expect(substance?.text).toMatch(/substance misuse/i);
    const training = await rowWith(page, 'compare-continued', 'LCJA 2008 · 2.5.9');
    expect(training?.refs[1]).toBe('LCJA 2010 · 4');
    expect(training?.text).toMatch(/training/i);
    // 12 actions in 2008-09 and 9 in 2010, each accounted for once.
    const count = (id: string) => page.$$eval(`#${id} tbody tr`, (trs) => trs.length);
    const [continued, dropped, fresh] = [await count('compare-continued'), await count('compare-dropped'), await count('compare-new')];
    expect(continued + dropped).toBe(12);
    expect(continued + fresh).toBe(9);
    expect(dropped).toBeGreaterThan(0);
    expect(fresh).toBeGreaterThan(0);
    expect(await page.textContent('#compare-coverage')).toContain('NO 9');
    // Nobody reads an id.
    expect(await page.textContent('.compare-panel')).not.toMatch(/lcja-20\d\d:|plan:|org:/);
    await shoot(page, 'plans-table', true);

    // On the map: continued, new and dropped drawn distinctly, with the key.
    await page.click('#compare-show-map');
    await page.waitForSelector('#compare-legend');
    const key = await legend(page);
    expect(key['node:continued']! + key['node:changed']!).toBe(2 * continued);
    expect(key['node:added']).toBe(fresh);
    expect(key['node:removed']).toBe(dropped);
    expect(key['edge:continued-as']).toBe(continued);
    expect(await marked(page, 'lcja-2008:action:2.5.7')).toEqual({ classes: ['d-continued'], short: '= LCJA 2008 · 2.5.7' });
    expect((await marked(page, 'lcja-2010:action:1'))?.classes).toEqual([expect.stringMatching(/^d-(continued|changed)$/)]);
    const droppedId = await page.evaluate(() => {
      const cy = (window as unknown as { goldenThread: { diffCy: () => { nodes(s: string): { map<T>(f: (n: { id(): string }) => T): T[] } } } }).goldenThread.diffCy();
      return cy.nodes('.d-removed').map((n) => n.id());
    });
    expect(droppedId.every((id) => id.startsWith('lcja-2008:action:'))).toBe(true);
    expect((await marked(page, droppedId[0]!))?.short).toMatch(/^− LCJA 2008 · /);
    expect(await page.textContent('#compare-legend')).toContain('new in LCJA 2010');
    await shoot(page, 'plans-map', false);

    // And back to the normal map.
    await page.click('#compare-map-back');
    expect(await page.$('#compare-map')).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { goldenThread: { cy(): unknown } }).goldenThread.cy() !== null)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('compares a snapshot with now after an edit: the changed action marked, the deleted milestone still drawn', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    const csrf = await signIn(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?panel=compare`);
    await waitForExplorer(page);
    await page.check('#compare-mode-snapshots');
    await page.waitForSelector('#compare-snapshot-name', { state: 'visible' });
    await page.fill('#compare-snapshot-name', 'End of Q2 2010');
    await page.click('#compare-snapshot-take');
    await page.waitForFunction(() => document.querySelector('.compare-status')?.textContent?.startsWith('Snapshot “End of Q2 2010” frozen'));
    expect(await page.inputValue('#compare-from')).toBe('snapshot:end-of-q2-2010');

    // An edit after the snapshot, through the change pipeline: 2.5.7's objective, and one of its milestones deleted.
    const detail = (await (await context.request.get(`${server.url}/api/nodes/${ACTION}`)).json()) as { neighbours: Record<string, { id: string; label: string }[]> };
    const milestone = detail.neighbours['HAS_MILESTONE out']![0]!;
    const edit = await context.request.post(`${server.url}/api/changes`, {
      headers: { [CSRF_HEADER]: csrf },
      data: {
        operations: [
          { op: 'update', id: ACTION, set: { objective: 'All accommodation needs of registered sex offenders assessed within 10 days.' } },
          { op: 'delete', id: milestone.id },
        ],
        reason: 'compare browser test',
      },
    });
    expect(edit.status(), await edit.text()).toBe(201);

    await page.selectOption('#compare-to', 'current');
    await page.click('#compare-run');
    await page.waitForSelector('#compare-changed');
    const changed = await page.textContent('#compare-changed');
    expect(changed).toContain('LCJA 2008 · 2.5.7');
    expect(changed).toContain('objective');
    expect(changed).toContain('within 10 days');
    expect(await page.textContent('#compare-removed')).toContain(milestone.label.slice(0, 30));
    expect(await page.textContent('.compare-panel')).not.toMatch(/lcja-20\d\d:|plan:|snapshot:/);
    await shoot(page, 'snapshot-table', true);

    await page.click('#compare-show-map');
    await page.waitForSelector('#compare-legend');
    expect(await marked(page, ACTION)).toEqual({ classes: ['d-changed'], short: 'Δ LCJA 2008 · 2.5.7' });
    // Gone from the graph, still drawn from the comparison.
    expect(
      await page.evaluate((id) => (window as unknown as { goldenThread: { cy(): { getElementById(i: string): { length: number } } } }).goldenThread.cy().getElementById(id).length, milestone.id),
    ).toBe(0);
    expect((await marked(page, milestone.id))?.classes).toEqual(['d-removed']);
    const key = await legend(page);
    expect(key).toMatchObject({ 'node:changed': 1, 'node:removed': 1, 'node:added': 0 });
    expect(key['edge:removed']).toBeGreaterThanOrEqual(1);
    await shoot(page, 'snapshot-map', false);
    await page.keyboard.press('Escape');
    expect(await page.$('#compare-map')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
