import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadResponse } from '../../model/api.js';
import { buildClient, DOWNLOADS, launchChromium, screenshot, startServer, waitForExplorer, type RunningServer } from './harness.js';
import { ARROW_ZOOM } from '../../client/map/style.js';

/**
 * The explorer in a real Chromium against the real server on freshly seeded data:
 * no mocks, no stubbed API. Each state a planner would see is saved as a screenshot
 * in test-artifacts/screenshots/.
 */

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let threadAction: string;

type AppStateLike = {
  selected: string | null;
  mode: string;
  view: string;
  filters: { plan: string | null };
  camera: { x: number; y: number; w: number; h: number } | null;
  gap: string | null;
  cell: { row: string; col: string } | null;
  layout: string;
  asOf: string | null;
  styleBy: string;
  neighbourhood: { steps: number } | null;
};

beforeAll(async () => {
  await buildClient();
  server = await startServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true, locale: 'en-GB' });
  // An action whose thread reaches a national outcome, straight from the API.
  const res = await fetch(`${server.url}/api/thread/no:9`);
  const thread = (await res.json()) as ThreadResponse;
  threadAction = thread.paths[0]!.nodes[0]!;
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

// A test that fails leaves its pages open, and an open explorer (the WebGL one above all, drawn
// in software here) keeps the shared CPU busy, so the next tests time out one after another.
afterEach(async () => {
  for (const page of context?.pages() ?? []) await page.close().catch(() => undefined);
});

type Opened = { page: Page; errors: string[] };

async function open(path = '/'): Promise<Opened> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  await waitForExplorer(page);
  return { page, errors };
}

const state = (page: Page) => page.evaluate(() => (window as unknown as { goldenThread: { state(): AppStateLike } }).goldenThread.state());

/** Classes of map elements, read from Cytoscape through the explorer's debug hook. */
function mapQuery<T>(page: Page, fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    ([body, a]) => {
      const cy = (window as unknown as { goldenThread: { cy(): unknown } }).goldenThread.cy();
      return new Function('cy', 'arg', body)(cy, a) as T;
    },
    [fn, arg] as const,
  );
}

/** Where a node is on the screen, in page pixels. */
/** Waits until zoom and pan stop changing: a click computed mid-animation lands on another node. */
async function settledViewport(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await mapQuery<string>(page, 'return JSON.stringify([cy.zoom(), cy.pan()]);');
    if (now === last) return;
    last = now;
    await page.waitForTimeout(120);
  }
}

async function nodeOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  await settledViewport(page);
  const box = (await page.locator('#map').boundingBox())!;
  const p = await mapQuery<{ x: number; y: number }>(page, 'return cy.getElementById(arg).renderedPosition();', id);
  return { x: box.x + p.x, y: box.y + p.y };
}

/**
 * Waits until a condition on the explorer's state (`s`) holds. The condition is checked
 * here, not in the page: the explorer's Content Security Policy rightly forbids eval there.
 */
async function waitForState(page: Page, test: string, timeout = 15_000): Promise<void> {
  const check = new Function('s', `return ${test};`) as (s: AppStateLike) => boolean;
  const until = Date.now() + timeout;
  for (;;) {
    if (check(await state(page))) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${test}; state is ${JSON.stringify(await state(page))}`);
    await page.waitForTimeout(80);
  }
}

/** Waits until a condition on the map (`cy`) holds. */
async function waitForMap(page: Page, test: string, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await mapQuery<boolean>(page, `return !!cy && (${test});`)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for the map: ${test}`);
    await page.waitForTimeout(80);
  }
}

// Each test drives a real browser against a real server: on a shared, busy machine that takes longer than unit tests.
describe('the explorer', { timeout: 120_000 }, () => {
  it('loads with no console errors and draws the layered map', async () => {
    const { page, errors } = await open('/');
    expect(await page.title()).toBe('Golden Thread');
    // Every node of the graph is on the map, and exactly those of the kinds the legend ticks by default are shown.
    const graph = (await (await fetch(`${server.url}/api/graph`)).json()) as { elements: { nodes: { data: { kind: string } }[] } };
    const kinds = await mapQuery<{ shown: string[]; hidden: string[]; total: number }>(
      page,
      "return { shown: [...new Set(cy.nodes().not('.hidden').map((n) => n.data('kind')))].sort(), hidden: [...new Set(cy.nodes('.hidden').map((n) => n.data('kind')))].sort(), total: cy.nodes().length };",
    );
    expect(kinds.total).toBe(graph.elements.nodes.length);
    expect(kinds.shown).toEqual(expect.arrayContaining(['Action', 'LocalOutcome', 'NationalOutcome', 'Organisation']));
    for (const hiddenKind of ['Milestone', 'ProgressUpdate', 'Plan']) expect(kinds.shown).not.toContain(hiddenKind);
    expect(kinds.hidden).toEqual(expect.arrayContaining(['Milestone', 'Plan']));
    // Bottom to top: an action below a local outcome below a national outcome.
    const ys = await mapQuery<{ a: number; l: number; n: number }>(
      page,
      "const y = (k) => cy.nodes('[kind = \"' + k + '\"]').not('.hidden')[0].position().y; return { a: y('Action'), l: y('LocalOutcome'), n: y('NationalOutcome') };",
    );
    expect(ys.a).toBeGreaterThan(ys.l);
    expect(ys.l).toBeGreaterThan(ys.n);
    expect(await page.locator('.legend li').first().textContent()).toContain('National Outcomes');
    await screenshot(page, 'overview');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds an action by its reference, "2.5.7", and selects it', async () => {
    const { page, errors } = await open('/');
    await page.locator('#search-input').fill('2.5.7');
    const option = page.locator('[role="option"]', { hasText: '2.5.7' }).first();
    await option.waitFor();
    await screenshot(page, 'search-suggestions');
    await page.keyboard.press('Enter');
    await waitForState(page, "s.selected === 'lcja-2008:action:2.5.7'");
    await page.locator('#detail-heading', { hasText: 'NASSO' }).waitFor();
    expect(page.url()).toContain('sel=lcja-2008:action:2.5.7');
    expect(await mapQuery<boolean>(page, "return cy.getElementById('lcja-2008:action:2.5.7').hasClass('sel');")).toBe(true);
    // The detail panel: properties, lead, progress history and provenance with the quoted source.
    const detail = page.locator('.node-detail');
    await detail.locator('dt', { hasText: 'Lead as printed' }).waitFor();
    await detail.locator('h3', { hasText: 'Led by' }).waitFor();
    await detail.locator('h3', { hasText: 'Progress history' }).waitFor();
    await detail.locator('.progress-list li').first().waitFor();
    expect(await detail.locator('.provenance[open] summary').last().textContent()).toContain('lanarkshire-cja-implementation-plan-2008-09-q2.txt');
    expect(await detail.locator('.provenance[open] blockquote').last().textContent()).toContain('2.5.7 Ensure the effective implementation of NASSO.');
    await screenshot(page, 'search-selected');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lights up an action’s golden thread up to a national outcome, and says it in words', async () => {
    const { page, errors } = await open(`/?sel=${threadAction}`);
    await page.locator('.node-detail button', { hasText: 'Show the golden thread' }).click();
    await page.locator('.banner.thread-banner').waitFor();
    await waitForMap(page, "cy.nodes('.em-origin').length > 0");
    const lit = await mapQuery<{ national: number; dimmed: number; origin: string[] }>(
      page,
      "return { national: cy.nodes('.em-path[kind = \"NationalOutcome\"]').length, dimmed: cy.nodes('.dim').length, origin: cy.nodes('.em-origin').map((n) => n.id()) };",
    );
    expect(lit.national).toBeGreaterThanOrEqual(1);
    expect(lit.dimmed).toBeGreaterThan(10);
    expect(lit.origin).toEqual([threadAction]);
    expect(await page.locator('#thread-live').textContent()).toMatch(/serves National Outcome 9/);
    expect(await page.locator('#thread-live').getAttribute('aria-live')).toBe('polite');
    await screenshot(page, 'thread-up');
    // One click back out.
    await page.locator('#banner-exit').click();
    await waitForState(page, "s.mode === 'explore'");
    expect(await mapQuery<number>(page, "return cy.elements('.dim, .em-path').length;")).toBe(0);
    expect((await state(page)).selected).toBe(threadAction);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lights up every action beneath a national outcome, grouped by organisation', async () => {
    const { page, errors } = await open('/?sel=no:9');
    await page.locator('#map').focus();
    await page.keyboard.press('t');
    await page.locator('.thread-group h3').first().waitFor();
    const actions = await mapQuery<number>(page, 'return cy.nodes(\'.em-path[kind = "Action"]\').length;');
    expect(actions).toBeGreaterThan(5);
    const groups = await page.locator('.thread-group h3').allTextContents();
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.some((g) => g.startsWith('Scottish Prison Service'))).toBe(true);
    await screenshot(page, 'thread-down');
    await page.keyboard.press('Escape');
    await waitForState(page, "s.mode === 'explore'");
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a gap analysis: its nodes light up, and a row focuses the map on its node', async () => {
    const { page, errors } = await open('/');
    await page.locator('#side-tab-gaps').click();
    const button = page.locator('#gap-overdue-actions');
    // The gap list is redrawn as each analysis's count arrives; a click before the last count can be lost.
    await expect.poll(() => page.locator('.gap-count').evaluateAll((els) => els.length > 0 && els.every((e) => /^\d{1,3}(,\d{3})*$/.test(e.textContent ?? ''))), { timeout: 30_000 }).toBe(true);
    await button.click();
    const rows = page.locator('.gap-table tbody tr');
    await rows.first().waitFor();
    await page.locator('#gap-asof').waitFor();
    const hits = await mapQuery<number>(page, "return cy.nodes('.em-hit').length;");
    expect(hits).toBe(await rows.count());
    await screenshot(page, 'gaps');
    const target = (await rows.nth(2).getAttribute('data-node'))!;
    await rows.nth(2).click();
    await waitForState(page, `s.selected === ${JSON.stringify(target)}`);
    await page.waitForTimeout(700);
    const p = await nodeOnScreen(page, target);
    const box = (await page.locator('#map').boundingBox())!;
    expect(p.x).toBeGreaterThan(box.x);
    expect(p.x).toBeLessThan(box.x + box.width);
    expect(p.y).toBeGreaterThan(box.y);
    expect(p.y).toBeLessThan(box.y + box.height);
    // An earlier "as of" date finds fewer overdue actions.
    const before = await rows.count();
    await page.locator('#gap-asof').fill('2009-01-01');
    await page.locator('#gap-asof').dispatchEvent('change');
    await waitForState(page, "s.asOf === '2009-01-01'");
    await page.locator('.gap-summary', { hasText: '2009-01-01' }).waitFor();
    expect(await rows.count()).toBeLessThan(before);
    await screenshot(page, 'gaps-as-of');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists a long gap list a page at a time, counts it whole, and puts all of it in the CSV', async () => {
    // At threshold 0 near-duplicates lists every pair of actions in different plans sharing a word: thousands.
    const total = ((await (await fetch(`${server.url}/api/gaps/near-duplicate-actions?threshold=0&limit=1`)).json()) as { page: { total: number } }).page.total;
    expect(total).toBeGreaterThan(1000);
    const { page, errors } = await open('/');
    await page.locator('#side-tab-gaps').click();
    await expect.poll(() => page.locator('.gap-count').evaluateAll((els) => els.length > 0 && els.every((e) => /^\d{1,3}(,\d{3})*$/.test(e.textContent ?? ''))), { timeout: 30_000 }).toBe(true);
    await page.locator('#gap-near-duplicate-actions').click();
    const threshold = page.locator('#gap-param-0');
    await expect.poll(() => threshold.inputValue()).toBe('0.35');
    await threshold.fill('0');
    await threshold.dispatchEvent('change');
    const rows = page.locator('.gap-table tbody tr');
    await page.locator('.gap-more', { hasText: `of ${total.toLocaleString('en-GB')} rows` }).waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(500);
    // The count beside the analysis is the whole list's, not the page's.
    expect(await page.locator('#gap-near-duplicate-actions-count').textContent()).toBe(total.toLocaleString('en-GB'));
    await page.locator('#gap-more').click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1000);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.locator('#gap-csv').click()]);
    mkdirSync(DOWNLOADS, { recursive: true });
    const path = join(DOWNLOADS, 'near-duplicates.csv');
    await download.saveAs(path);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFAlike,Action,Alike action');
    expect(lines.length - 1).toBe(total);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the coverage matrix, and a cell puts its actions on the map', async () => {
    const { page, errors } = await open('/');
    await page.locator('#view-tab-matrix').click();
    const cell = page.locator('.cell-button').first();
    await cell.waitFor();
    expect(await page.locator('.heatmap td.empty').count()).toBeGreaterThan(10);
    await screenshot(page, 'matrix');
    const row = (await cell.getAttribute('data-row'))!;
    const col = (await cell.getAttribute('data-col'))!;
    const count = Number(await cell.textContent());
    await cell.click();
    await waitForState(page, `s.view === 'map' && s.cell && s.cell.row === ${JSON.stringify(row)}`);
    await page.locator('.banner', { hasText: count === 1 ? '1 action' : `${count} actions` }).waitFor();
    const shown = await mapQuery<{ ids: string[]; hits: number }>(page, "return { ids: cy.nodes().not('.hidden').map((n) => n.id()), hits: cy.nodes('.em-hit[kind = \"Action\"]').length };");
    expect(shown.ids).toContain(row);
    expect(shown.ids).toContain(col);
    expect(shown.hits).toBe(count);
    expect(shown.ids.length).toBeLessThan(40);
    await screenshot(page, 'matrix-cell-on-map');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the map as PNG and SVG, and the gap list and matrix as CSV', async () => {
    mkdirSync(DOWNLOADS, { recursive: true });
    const { page, errors } = await open('/?sel=no:9&mode=thread');
    await page.locator('.banner.thread-banner').waitFor();
    const save = async (click: () => Promise<void>, name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), click()]);
      const path = join(DOWNLOADS, name);
      await download.saveAs(path);
      return { path, suggested: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const png = await save(async () => {
      await page.locator('#export-button').click();
      await page.locator('#export-png').click();
    }, 'map.png');
    expect(png.suggested).toMatch(/^golden-thread-thread-\d{4}-\d{2}-\d{2}\.png$/);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(20_000);
    // The export menu closes once a file is saved; open it again for the next one.
    const svg = await save(async () => {
      if (await page.locator('#export-menu').isHidden()) await page.locator('#export-button').click();
      await page.locator('#export-svg').click();
    }, 'map.svg');
    await page.keyboard.press('Escape');
    expect(svg.suggested).toMatch(/\.svg$/);
    expect(svg.bytes.toString()).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(svg.bytes.length).toBeGreaterThan(5_000);

    await page.locator('#side-tab-gaps').click();
    // The gap list is redrawn as each analysis's count arrives; a click before the last count can be lost.
    await expect.poll(() => page.locator('.gap-count').evaluateAll((els) => els.length > 0 && els.every((e) => /^\d{1,3}(,\d{3})*$/.test(e.textContent ?? ''))), { timeout: 30_000 }).toBe(true);
    await page.locator('#gap-unserved-outcomes').click();
    await page.locator('#gap-csv').waitFor();
    const gapCsv = await save(() => page.locator('#gap-csv').click(), 'gap.csv');
    const gapText = gapCsv.bytes.toString('utf8');
    // The columns the panel shows, and no node id.
    expect(gapText.split('\r\n')[0]).toBe('\uFEFFKind,Ref,Outcome');
    expect(gapText).toContain('National Outcome,NO1,');
    expect(gapText).not.toMatch(/\bno:1\b/);

    await page.locator('#view-tab-matrix').click();
    await page.locator('.cell-button').first().waitFor();
    const matrixCsv = await save(() => page.locator('#matrix-csv').click(), 'matrix.csv');
    expect(matrixCsv.bytes.toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFOrganisations \\ National Outcomes,NO1 We live in a Scotland/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reopens the same selection, filters, mode and camera from a pasted link; back and forward work', async () => {
    const { page, errors } = await open('/');
    await page.locator('#filter-plan').selectOption('plan:lcja-2008');
    await waitForState(page, "s.filters.plan === 'plan:lcja-2008'");
    await page.locator('#search-input').fill('2.5.7');
    await page.locator('[role="option"]', { hasText: '2.5.7' }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitForState(page, "s.selected === 'lcja-2008:action:2.5.7'");
    await page.locator('#map').focus();
    await page.keyboard.press('+');
    await page.waitForTimeout(500);
    await page.waitForFunction(() => /[?&]cam=/.test(location.search));
    // The camera in the state (and the URL) once the map has stopped moving and reported it.
    await settledViewport(page);
    await expect
      .poll(
        async () => {
          const s = await state(page);
          const c = await mapQuery<{ x: number; y: number }>(page, 'const e = cy.extent(); return { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 };');
          return s.camera !== null && Math.abs(s.camera.x - c.x) < 1 && Math.abs(s.camera.y - c.y) < 1 && page.url().includes(`cam=${s.camera.x.toFixed(1).replace(/\.0$/, '')}`);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const url = page.url();
    const before = await state(page);

    const again = await open(url.slice(server.url.length));
    const after = await state(again.page);
    expect(after.selected).toBe(before.selected);
    expect(after.filters).toEqual(before.filters);
    expect(after.mode).toBe(before.mode);
    // The same area of the graph, in graph coordinates: centre and size to within a pixel of rounding.
    expect(after.camera!.x).toBeCloseTo(before.camera!.x, 0);
    expect(after.camera!.w).toBeCloseTo(before.camera!.w, 0);
    const centre = await mapQuery<{ x: number; y: number }>(again.page, 'const e = cy.extent(); return { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 };');
    expect(Math.abs(centre.x - before.camera!.x)).toBeLessThan(2);
    expect(Math.abs(centre.y - before.camera!.y)).toBeLessThan(2);
    await again.page.locator('#detail-heading', { hasText: 'NASSO' }).waitFor();
    await screenshot(again.page, 'shared-link');
    expect(again.errors).toEqual([]);
    await again.page.close();

    // Back: the selection before; forward: the selection again.
    await page.goBack();
    await waitForState(page, 's.selected === null');
    await page.goBack();
    await waitForState(page, 's.filters.plan === null');
    await page.goForward();
    await page.goForward();
    await waitForState(page, "s.selected === 'lcja-2008:action:2.5.7' && s.filters.plan === 'plan:lcja-2008'");
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects by clicking in the WebGL renderer, despite its different hit-testing', async () => {
    const { page, errors } = await open('/?r=webgl');
    expect(await page.evaluate(() => (window as unknown as { goldenThread: { renderer(): string } }).goldenThread.renderer())).toBe('webgl');
    expect(await page.locator('#map canvas[data-id="layer3-webgl"]').count()).toBe(1);
    await page.waitForTimeout(600);
    // A national outcome: large enough to hit at overview zoom.
    const target = 'no:9';
    const p = await nodeOnScreen(page, target);
    await page.mouse.click(p.x, p.y);
    await waitForState(page, `s.selected === '${target}'`);
    expect(await mapQuery<boolean>(page, `return cy.getElementById('${target}').hasClass('sel');`)).toBe(true);
    // Near the edge of a node still hits it (the picking buffer covers the whole shape).
    const r = await mapQuery<number>(page, "return cy.getElementById('aim:2').renderedOuterWidth();");
    const aim = await nodeOnScreen(page, 'aim:2');
    await page.mouse.click(aim.x, aim.y + r * 0.2);
    await waitForState(page, "s.selected === 'aim:2'");
    // Empty map deselects.
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + box.width - 8, box.y + 8);
    await waitForState(page, 's.selected === null');
    // An action drawn small is still hit after zooming in.
    await page.goto(`${server.url}/?r=webgl&sel=${threadAction}`);
    await waitForExplorer(page);
    await page.locator('#map').focus();
    // Opening on a selection moves the camera to it; a key pressed while that is under way is
    // undone by it. So wait until the camera stands still, then zoom, and check it zoomed.
    const zoom = () => mapQuery<number>(page, 'return cy.zoom();');
    for (let last = NaN, now = await zoom(); now !== last; await page.waitForTimeout(300)) [last, now] = [now, await zoom()];
    const fitted = await zoom();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await expect.poll(zoom, { timeout: 10_000 }).toBeGreaterThan(fitted * 1.5);
    await page.keyboard.press('Escape');
    await waitForState(page, 's.selected === null');
    // Zoomed in round the selection, the action can end up just past the map's lower edge
    // (under the key help): bring it to the middle, where a click lands on the map.
    await mapQuery(page, 'cy.center(cy.getElementById(arg)); return null;', threadAction);
    // The WebGL renderer picks from a buffer drawn with the frame: give it a frame after the camera settles.
    await page.waitForTimeout(300);
    const a = await nodeOnScreen(page, threadAction);
    const map = (await page.locator('#map').boundingBox())!;
    expect(a.y > map.y && a.y < map.y + map.height && a.x > map.x && a.x < map.x + map.width).toBe(true);
    await page.mouse.click(a.x, a.y);
    await waitForState(page, `s.selected === ${JSON.stringify(threadAction)}`);
    await screenshot(page, 'webgl-selected');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws arrowheads only once zoomed in far enough to see them, and drops them again at the overview', async () => {
    const { page, errors } = await open('/');
    const looks = () =>
      mapQuery<{ curve: string[]; heads: string[] }>(
        page,
        "const e = cy.edges().not('.hidden'); return { curve: [...new Set(e.map((x) => x.pstyle('curve-style').value))], heads: [...new Set(e.map((x) => x.pstyle('target-arrow-shape').value))] };",
      );
    expect(await mapQuery<number>(page, 'return cy.zoom();')).toBeLessThan(ARROW_ZOOM);
    expect(await looks()).toEqual({ curve: ['haystack'], heads: ['none'] });
    // Zoomed in past the threshold, the next label pass (once the camera settles) restyles.
    await mapQuery(page, 'cy.zoom({ level: 0.6, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); return null;');
    await expect.poll(async () => (await looks()).curve, { timeout: 10_000 }).toEqual(['bezier']);
    expect((await looks()).heads).toContain('triangle');
    await mapQuery(page, 'cy.zoom({ level: 0.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); return null;');
    await expect.poll(async () => (await looks()).heads, { timeout: 10_000 }).toEqual(['none']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('can be driven by keyboard: arrows move along links, Enter opens details, T threads, Escape backs out', async () => {
    const { page, errors } = await open('/?sel=lcja-2008:action:2.5.7');
    await page.locator('#map').focus();
    const outline = await page.evaluate(() => getComputedStyle(document.getElementById('map')!).boxShadow);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => (window as unknown as { goldenThread: { state(): AppStateLike } }).goldenThread.state().selected !== 'lcja-2008:action:2.5.7');
    const moved = (await state(page)).selected!;
    const linked = await mapQuery<{ linked: boolean; higher: boolean }>(
      page,
      "const a = cy.getElementById('lcja-2008:action:2.5.7'); const b = cy.getElementById(arg); return { linked: a.neighborhood().contains(b), higher: b.position().y < a.position().y };",
      moved,
    );
    expect(linked).toEqual({ linked: true, higher: true });
    expect(await page.locator('#live').textContent()).toMatch(/linked nodes? on the map/);
    await page.keyboard.press('ArrowDown');
    await waitForState(page, "s.selected === 'lcja-2008:action:2.5.7'");
    await page.keyboard.press('t');
    await waitForState(page, "s.mode === 'thread'");
    await page.keyboard.press('Escape');
    await waitForState(page, "s.mode === 'explore'");
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'detail-heading');
    await screenshot(page, 'keyboard');
    // "/" jumps to the search box; Tab reaches the views and tools.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.press('Escape');
    const reached = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
    }
    expect([...reached]).toEqual(expect.arrayContaining(['view-tab-map', 'tools-button', 'export-button']));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('expands a node’s neighbourhood from its context menu and with N, and colours nodes by data', async () => {
    const { page, errors } = await open('/?sel=lcja-2008:action:2.5.7');
    await page.locator('#map').focus();
    await page.keyboard.press('Shift+F10');
    await page.locator('.context-menu').waitFor();
    await page.locator('#context-family').selectOption({ label: 'what it serves and what serves it' });
    await page.locator('.context-menu [role="menuitem"]', { hasText: '2 links out' }).click();
    await waitForState(page, 's.neighbourhood !== null && s.neighbourhood.steps === 2');
    expect(((await state(page)) as unknown as { neighbourhood: { types: string[] } }).neighbourhood.types).toEqual(['SERVES']);
    // Two SERVES links up from 2.5.7: its local outcomes, then O2 and O8 (worked out from the 2008-09 plan).
    await waitForMap(page, "cy.getElementById('nsmo:O2').hasClass('em-hit') && cy.getElementById('nsmo:O8').hasClass('em-hit')");
    expect(await mapQuery<boolean>(page, "return cy.getElementById('no:1').hasClass('dim');")).toBe(true);
    await screenshot(page, 'neighbourhood');
    await page.locator('#map').focus();
    await page.keyboard.press('n');
    await waitForState(page, 's.neighbourhood !== null && s.neighbourhood.steps === 3');
    await page.keyboard.press('Escape');
    await waitForState(page, 's.neighbourhood === null');
    // Colour by due date: 2.5.7 was due by 31 August 2008 and is not complete, so it is overdue.
    await page.locator('#tools-button').click();
    await page.locator('#style-select').selectOption('due');
    await waitForState(page, "s.styleBy === 'due'");
    await waitForMap(page, "cy.getElementById('lcja-2008:action:2.5.7').style('background-color') === 'rgb(213,94,0)'");
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps an arrangement a planner makes: drag, lock, save as a named view, reopen exactly', async () => {
    const { page, errors } = await open('/?plan=plan:lcja-2007');
    const id = 'aim:1';
    const from = await nodeOnScreen(page, id);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 140, from.y + 90, { steps: 8 });
    await page.mouse.up();
    await page.locator('.status-bar', { hasText: 'arranged by hand' }).waitFor();
    const dragged = await mapQuery<{ x: number; y: number }>(page, `return cy.getElementById('${id}').position();`);
    await page.locator('#side-tab-views').click();
    await page.locator('#lock-arrangement').check();
    await page.locator('#view-name').fill('Seminar layout');
    await page.locator('.save-view button[type="submit"]').click();
    await page.locator('.views-message', { hasText: 'Saved “Seminar layout”' }).waitFor();
    await screenshot(page, 'named-view-saved');
    // Somewhere else entirely, then back to the view.
    await page.locator('#filter-plan').selectOption('');
    await page.locator('.views button', { hasText: 'Reset to the layout' }).click();
    await page.locator('.views-list button', { hasText: 'Open' }).click();
    await waitForState(page, "s.filters.plan === 'plan:lcja-2007'");
    await page.waitForTimeout(600);
    const reopened = await mapQuery<{ p: { x: number; y: number }; locked: boolean }>(page, `return { p: cy.getElementById('${id}').position(), locked: cy.autolock() };`);
    expect(reopened.p.x).toBeCloseTo(dragged.x, 0);
    expect(reopened.p.y).toBeCloseTo(dragged.y, 0);
    expect(reopened.locked).toBe(true);
    // And in a new tab, by name in the link.
    const again = await open(`/?nv=${encodeURIComponent('Seminar layout')}&plan=plan:lcja-2007`);
    // Views may come from the server now (GET /api/views), so the view can open just after the first render.
    await again.page
      .waitForFunction(
        ([n, x]) =>
          Math.abs(
            (window as unknown as { goldenThread: { cy(): { getElementById(i: string): { position(): { x: number } } } } }).goldenThread
              .cy()
              .getElementById(n as string)
              .position().x - x,
          ) < 0.5,
        [id, dragged.x] as const,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    const p2 = await mapQuery<{ x: number; y: number }>(again.page, `return cy.getElementById('${id}').position();`);
    expect(p2.x).toBeCloseTo(dragged.x, 0);
    expect(again.errors).toEqual([]);
    await again.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the same filtered data as a sortable table, linked both ways with the map', async () => {
    const { page, errors } = await open('/?plan=plan:lcja-2008');
    await page.locator('#view-tab-table').click();
    const rows = page.locator('.nodes-table tbody tr');
    await rows.first().waitFor();
    const mapCount = await mapQuery<number>(page, "return cy.nodes().not('.hidden').length;");
    expect(await rows.count()).toBe(mapCount);
    await page.locator('#sort-ref').click();
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toMatch(/Reference/);
    await page.locator('#sort-ref').click();
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/Reference/);
    const row = page.locator('.nodes-table tbody tr', { hasText: 'NASSO' }).first();
    await row.click();
    await waitForState(page, "s.selected === 'lcja-2008:action:2.5.7'");
    await screenshot(page, 'table');
    await row.press('Enter');
    await waitForState(page, "s.view === 'map'");
    expect(await mapQuery<boolean>(page, "return cy.getElementById('lcja-2008:action:2.5.7').hasClass('sel');")).toBe(true);
    // And back: a node chosen on the map is the highlighted row.
    await page.locator('#map').focus();
    await page.keyboard.press('0');
    await page.waitForTimeout(600);
    const p = await nodeOnScreen(page, 'nsmo:O2');
    await page.mouse.click(p.x, p.y);
    await waitForState(page, "s.selected === 'nsmo:O2'");
    await page.locator('#view-tab-table').click();
    await page.locator('.nodes-table tr.is-selected', { hasText: 'O2' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by plan, organisation, framework, status and year band, with counts that follow', async () => {
    const { page, errors } = await open('/');
    const summary = page.locator('.filter-summary');
    const all = await summary.textContent();
    await page.locator('#filter-plan').selectOption('plan:lbcja-2011');
    await expect.poll(() => summary.textContent()).not.toBe(all);
    await page.locator('#filter-framework').selectOption('national-outcomes');
    await page.locator('label[for="status-unknown"]').click();
    await waitForState(page, "s.filters.framework === 'national-outcomes' && s.filters.statuses.length === 1");
    const text = (await summary.textContent())!;
    const [matched, total] = /(\d+) of (\d+) actions/.exec(text)!.slice(1).map(Number);
    expect(matched).toBeGreaterThan(0);
    expect(matched).toBeLessThan(total!);
    const frameworkNodes = await mapQuery<string[]>(page, "return cy.nodes('[kind = \"FrameworkOutcome\"]').not('.hidden').map((n) => n.id());");
    expect(frameworkNodes).toEqual([]);
    await screenshot(page, 'filtered');
    await page.locator('.filters button', { hasText: 'Clear filters' }).click();
    await expect.poll(() => summary.textContent()).toBe(all);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to the force-directed layout and back', async () => {
    const { page, errors } = await open('/?plan=plan:lcja-2008');
    await page.locator('#tools-button').click();
    await page.locator('#layout-select').selectOption('force');
    await waitForState(page, "s.layout === 'force'");
    await page.waitForTimeout(800);
    await screenshot(page, 'force-layout');
    expect(await page.locator('.band').count()).toBe(0);
    if (await page.locator('#tools-menu').isHidden()) await page.locator('#tools-button').click();
    await page.locator('#layout-select').selectOption('layered');
    await page.locator('.band').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes itself down cleanly, and a second teardown is harmless', async () => {
    const { page, errors } = await open('/');
    const result = await page.evaluate(() => {
      const gt = (window as unknown as { goldenThread: { destroy(): void; cy(): { destroyed(): boolean } | null } }).goldenThread;
      const cy = gt.cy()!;
      gt.destroy();
      gt.destroy();
      return { cyDestroyed: cy.destroyed(), children: document.getElementById('app')!.children.length, hook: 'goldenThread' in window };
    });
    expect(result).toEqual({ cyDestroyed: true, children: 0, hook: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('references carry their plan while more than one plan is on the map', () => {
  // Lanarkshire 2008-09 plan, action 2.1.3 (seed/lanarkshire-cja-implementation-plan-2008-09-q2.yaml);
  // its short name is the body's initials and the period's first year: Lanarkshire Community Justice Authority, 2008-09.
  const ACTION = 'lcja-2008:action:2.1.3';
  const label = (page: Page, id: string) => mapQuery<string>(page, 'return String(cy.getElementById(arg).style("label"));', id);

  it('prefixes the plan with every plan shown, and nothing once filtered to one plan', async () => {
    const all = await open('/');
    await expect.poll(() => label(all.page, ACTION)).toBe('LCJA 2008 · 2.1.3');
    // Another plan's 2.2.1 (Lothian & Borders 2011-14) reads with its own plan, so the two cannot be confused.
    expect(await label(all.page, 'lbcja-2011:action:2.2.1-a')).toMatch(/^L&BCJA 2011 · 2\.2\.1/);
    expect(all.errors).toEqual([]);
    await all.page.close();

    const one = await open('/?plan=plan:lcja-2008');
    await expect.poll(() => label(one.page, ACTION)).toBe('2.1.3');
    const prefixed = await mapQuery<string[]>(one.page, "return cy.nodes().not('.hidden').map((n) => String(n.style('label'))).filter((l) => l.includes(' · '));");
    expect(prefixed).toEqual([]);
    expect(one.errors).toEqual([]);
    await one.page.close();
  });
});

describe('start-up', { timeout: 120_000 }, () => {
  it('is drawn, links and all, by the time it says it is ready', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Read in the same task that sets data-ready (a MutationObserver's microtask), before any later frame could draw.
    await page.addInitScript(`new MutationObserver(() => {
      if (document.documentElement?.dataset.ready !== 'true' || window.__atReady) return;
      const inked = [...document.querySelectorAll('#map canvas')].some((c) => {
        const g = c.width && c.height ? c.getContext('2d') : null;
        if (!g) return false;
        const d = g.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
        return false;
      });
      window.__atReady = { inked, links: window.goldenThread.cy().edges().not('.hidden').length };
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });`);
    await page.goto(server.url + '/');
    await waitForExplorer(page);
    // Every link the map shows once it has settled was there when it said ready.
    await expect.poll(async () => (await state(page)).camera).not.toBeNull();
    const links = await mapQuery<number>(page, "return cy.edges().not('.hidden').length;");
    expect(links).toBeGreaterThan(300);
    expect(await page.evaluate(() => (window as unknown as { __atReady: unknown }).__atReady)).toEqual({ inked: true, links });
    expect(errors).toEqual([]);
  });

  it('draws the links of a kind hidden at first once the kind is shown', async () => {
    const { page, errors } = await open('/');
    const graph = (await (await fetch(`${server.url}/api/graph`)).json()) as { elements: { edges: { data: { type: string } }[] } };
    const milestoneLinks = graph.elements.edges.filter((e) => e.data.type === 'HAS_MILESTONE').length;
    const shownMilestoneLinks = () => mapQuery<number>(page, "return cy.edges('[type = \"HAS_MILESTONE\"]').not('.hidden').length;");
    expect(milestoneLinks).toBeGreaterThan(0);
    expect(await shownMilestoneLinks()).toBe(0);
    await page.locator('label[for="kind-Milestone"]').click();
    await expect.poll(shownMilestoneLinks).toBe(milestoneLinks);
    await page.locator('label[for="kind-Milestone"]').click();
    await expect.poll(shownMilestoneLinks).toBe(0);
    expect(errors).toEqual([]);
  });

  it('restyles only the labels a camera move shows or hides, not every node', async () => {
    const { page, errors } = await open('/');
    // The first framing settles (its label pass and camera report) before counting.
    await expect.poll(async () => (await state(page)).camera).not.toBeNull();
    const before = (await state(page)).camera;
    await page.evaluate(() => {
      const w = window as unknown as { goldenThread: { cy(): { on(e: string, s: string, f: () => void): void; panBy(p: { x: number; y: number }): void } }; restyled: number };
      w.restyled = 0;
      w.goldenThread.cy().on('style', 'node', () => (w.restyled += 1));
      w.goldenThread.cy().panBy({ x: 24, y: 0 });
    });
    await expect.poll(async () => (await state(page)).camera).not.toEqual(before);
    const shown = await mapQuery<number>(page, "return cy.nodes().not('.hidden').length;");
    const restyled = await page.evaluate(() => (window as unknown as { restyled: number }).restyled);
    // A label pass used to re-add or re-remove lod-hide on every labelled node: all of them restyled and redrawn.
    expect(shown).toBeGreaterThan(300);
    expect(restyled).toBeLessThan(shown / 10);
    expect(errors).toEqual([]);
  });
});
