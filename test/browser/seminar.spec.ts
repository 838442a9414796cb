import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse } from '../../model/api.js';
import { buildClient, launchChromium, startServer, waitForExplorer, type RunningServer } from './harness.js';

/**
 * A seminar in a real Chromium against the real server: a facilitator's page at
 * 1920x1080, a participant's laptop at 1366x768 and a participant's phone at 390x844,
 * each its own browser context (its own cookies and storage, as three devices). The
 * facilitator signs in and starts the seminar from the map; the others join with the
 * code and a name; both follow the facilitator's golden thread; a link proposed from the
 * phone is accepted and drawn on all three maps. Screenshots go to /work/screens/issue-12/.
 */

const SCREENS = process.env.SEMINAR_SCREENS ?? '/work/screens/issue-12';
const ADMIN = { username: 'seminar-facilitator', password: 'a long enough password 12' };
const NASSO = 'lcja-2008:action:2.5.7';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let target = '';

beforeAll(async () => {
  await buildClient();
  process.env.GT_ADMIN_USER = ADMIN.username;
  process.env.GT_ADMIN_PASSWORD = ADMIN.password;
  server = await startServer();
  browser = await launchChromium();
  // A national outcome the NASSO action does not serve yet: the link the phone proposes.
  const graph = (await (await fetch(`${server.url}/api/graph`)).json()) as GraphResponse;
  const served = new Set(graph.elements.edges.filter((e) => e.data.source === NASSO && e.data.type === 'SERVES').map((e) => e.data.target));
  target = graph.elements.nodes.map((n) => n.data).find((n) => n.kind === 'NationalOutcome' && !served.has(n.id))!.id;
  mkdirSync(SCREENS, { recursive: true });
}, 240_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

type Device = { page: Page; errors: string[] };

async function device(viewport: { width: number; height: number }, path: string, phone = false): Promise<Device> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', ...(phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}) });
  contexts.push(context);
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

type S = { selected: string | null; mode: string; camera: { x: number; y: number; w: number; h: number } | null; panel: string };
const state = (page: Page) => page.evaluate(() => (window as unknown as { goldenThread: { state(): S } }).goldenThread.state());
async function until(page: Page, what: string, check: (s: S) => boolean, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await state(page);
    if (check(s)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; state is ${JSON.stringify(s)}`);
    await page.waitForTimeout(80);
  }
}
function onMap<T>(page: Page, body: string, arg?: unknown): Promise<T> {
  return page.evaluate(([b, a]) => new Function('cy', 'arg', b)((window as unknown as { goldenThread: { cy(): unknown } }).goldenThread.cy(), a) as T, [body, arg] as const);
}
async function untilMap(page: Page, what: string, body: string, arg?: unknown, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await onMap<boolean>(page, `return !!cy && (${body});`, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for the map: ${what}`);
    await page.waitForTimeout(100);
  }
}
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

describe('a live seminar on three devices', { timeout: 300_000 }, () => {
  it('starts, is joined from a laptop and a phone, follows the thread, and an accepted phone proposal reaches every map', async () => {
    // ---------------------------------------------------------------- the facilitator starts it from the map
    const fac = await device({ width: 1920, height: 1080 }, '/?panel=seminar');
    const fp = fac.page;
    await fp.locator('.sign-in input[name="username"]').fill(ADMIN.username);
    await fp.locator('.sign-in input[name="password"]').fill(ADMIN.password);
    await fp.locator('.sign-in button[type="submit"]').click();
    await fp.locator('.start-form input[name="title"]').fill('Lanarkshire partners’ seminar');
    await fp.locator('.start-form button[type="submit"]').click();
    const codeEl = fp.locator('.join-code', { hasText: /^[A-Z0-9]{6}$/ });
    await codeEl.waitFor({ timeout: 20_000 });
    const code = (await codeEl.textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await fp.locator('.join-link').textContent()).toContain(`join=${code}`);
    await fp.locator('.join-qr:not([hidden])').waitFor({ timeout: 15_000 });

    // ---------------------------------------------------------------- two participants join without an account
    const lap = await device({ width: 1366, height: 768 }, `/?join=${code}`);
    const phone = await device({ width: 390, height: 844 }, `/?join=${code}`, true);
    for (const [d, name] of [
      [lap, 'Morag (SPS)'],
      [phone, 'Iain (Sacro)'],
    ] as const) {
      await d.page.locator('.join-form input[name="code"]').waitFor();
      expect(await d.page.locator('.join-form input[name="code"]').inputValue()).toBe(code);
      await d.page.locator('.join-form input[name="displayName"]').fill(name);
      await d.page.locator('.join-form button[type="submit"]').click();
      await d.page.locator('.follow-bar .follow-status', { hasText: 'Following the facilitator' }).waitFor({ timeout: 20_000 });
    }
    await fp.locator('#seminar-presence-h', { hasText: 'Present (3)' }).waitFor({ timeout: 20_000 });
    // One map for the room: a node stands at the same graph position on every device.
    const at = (p: Page) => onMap<{ x: number; y: number }>(p, 'const q = cy.getElementById(arg).position(); return { x: Math.round(q.x), y: Math.round(q.y) };', NASSO);
    expect(await at(lap.page)).toEqual(await at(fp));
    expect(await at(phone.page)).toEqual(await at(fp));

    // ---------------------------------------------------------------- the facilitator lights a golden thread; both follow
    await fp.locator('#search-input').fill('2.5.7');
    await fp.locator('[role="option"]', { hasText: '2.5.7' }).first().waitFor();
    await fp.keyboard.press('Enter');
    await until(fp, 'the facilitator’s selection', (s) => s.selected === NASSO);
    await fp.locator('#map').focus();
    await fp.keyboard.press('t');
    await until(fp, 'the facilitator’s thread', (s) => s.mode === 'thread');
    for (const d of [lap, phone]) {
      await until(d.page, 'the participant following the thread', (s) => s.selected === NASSO && s.mode === 'thread');
      await untilMap(d.page, 'the thread lit', "cy.getElementById(arg).hasClass('em-origin')", NASSO);
    }
    // The facilitator's camera travels in graph coordinates: the laptop's map frames the same centre.
    // (The facilitator's camera settles after the thread's framing glides: compare the two as they are now.)
    const mapCentre = (p: Page) =>
      onMap<{ x: number; y: number; w: number; h: number }>(
        p,
        'const z = cy.zoom(), q = cy.pan(); return { x: (cy.width() / 2 - q.x) / z, y: (cy.height() / 2 - q.y) / z, w: cy.width() / z, h: cy.height() / z };',
      );
    const sameCentre = async () => {
      const [f, l] = [(await state(fp)).camera, await mapCentre(lap.page)];
      return !!f && Math.abs(l.x - f.x) < f.w * 0.05 && Math.abs(l.y - f.y) < f.h * 0.05 ? null : JSON.stringify({ f, l });
    };
    const untilSameCentre = async (what: string) => {
      for (let end = Date.now() + 20_000, last = await sameCentre(); last; last = await sameCentre()) {
        if (Date.now() > end) throw new Error(`${what}: ${last}`);
        await lap.page.waitForTimeout(150);
      }
    };
    await untilSameCentre("the laptop does not frame the facilitator's centre");

    // ---------------------------------------------------------------- a participant looks round, then comes back
    const box = (await lap.page.locator('#map').boundingBox())!;
    await lap.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await lap.page.mouse.wheel(0, -400);
    await lap.page.locator('.follow-back:not([hidden])').waitFor();
    await lap.page.locator('.follow-back').click();
    await lap.page.locator('.follow-bar:not(.free)').waitFor();

    await shot(phone.page, 'phone-following-390x844');

    // ---------------------------------------------------------------- the phone proposes a new link, with one thumb
    await phone.page.locator('.follow-quick button', { hasText: 'Propose' }).tap();
    const form = phone.page.locator('#seminar-propose');
    await form.locator('.propose-about', { hasText: '2.5.7' }).waitFor();
    await form.locator('select[name="to"]').selectOption(target);
    await form.locator('textarea[name="rationale"]').fill('MAPPA protects the public: this action serves community safety.');
    await shot(phone.page, 'phone-propose-390x844');
    await form.locator('.propose-send').tap();
    await form.locator('.propose-message', { hasText: 'Proposal sent' }).waitFor({ timeout: 20_000 });

    // ---------------------------------------------------------------- the facilitator sees the exact diff and accepts
    // Lighting the thread opened Details: the notice on the map brings the proposals back.
    await fp.locator('.proposal-toast', { hasText: '1 proposal waits' }).click({ timeout: 20_000 });
    const card = fp.locator('.proposal-open').first();
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.proposal-comment').textContent()).toContain('MAPPA protects the public');
    expect(await card.locator('.seminar-diff').textContent()).toMatch(/SERVES/);
    await shot(fp, 'facilitator-proposal-1920x1080');
    await card.locator('button.accept').click();

    // ---------------------------------------------------------------- on all three maps
    const edge = `${NASSO}|SERVES|${target}`;
    for (const d of [fac, lap, phone]) {
      await untilMap(d.page, `the accepted link on the map`, 'cy.getElementById(arg).nonempty()', edge, 30_000);
    }
    // Everyone sees the outcome live, on the map's bar, whichever panel is open.
    for (const d of [lap, phone]) {
      await d.page.locator('.follow-decision', { hasText: 'Accepted' }).waitFor({ timeout: 20_000 });
      await d.page.locator('.proposal-accepted').first().waitFor({ state: 'attached', timeout: 20_000 });
    }
    await shot(phone.page, 'phone-accepted-390x844');
    // The drawer closed, the phone's map shows the accepted link on the thread, under the thumb bar's latest decision.
    await phone.page.locator('.right .drawer-close').tap();
    await shot(phone.page, 'phone-accepted-map-390x844');

    // ---------------------------------------------------------------- following locked: a drag on the laptop is undone
    await fp.locator('button', { hasText: 'Lock following' }).click();
    await lap.page.locator('.follow-bar .follow-status', { hasText: 'locked' }).waitFor({ timeout: 20_000 });
    await untilSameCentre('the locked laptop does not frame the facilitator’s centre');
    const drag = (await lap.page.locator('#map').boundingBox())!;
    await lap.page.mouse.move(drag.x + drag.width * 0.3, drag.y + drag.height * 0.85);
    await lap.page.mouse.down();
    await lap.page.mouse.move(drag.x + drag.width * 0.3 + 300, drag.y + drag.height * 0.85 - 120, { steps: 8 });
    await lap.page.mouse.up();
    await lap.page.waitForTimeout(100);
    expect(await sameCentre()).not.toBeNull();
    await untilSameCentre('the drag under the lock is not undone');
    expect(await lap.page.locator('.follow-bar.free').count()).toBe(0);
    await fp.locator('button', { hasText: 'Release following' }).click();
    await lap.page.locator('.follow-bar .follow-status', { hasText: /^● Following the facilitator · / }).waitFor({ timeout: 20_000 });

    // ---------------------------------------------------------------- the presenter view, on two projectors
    await fp.locator('button', { hasText: 'Presenter view' }).click();
    await fp.locator(`.presenter-code[aria-label="Join code ${code.split('').join(' ')}"]`).waitFor();
    expect(await fp.locator('.app-header').isVisible()).toBe(false);
    expect(await fp.locator('.presenter-count').textContent()).toBe('3 present');
    await shot(fp, 'presenter-1920x1080');
    await fp.setViewportSize({ width: 1366, height: 768 });
    await shot(fp, 'presenter-1366x768');
    await fp.keyboard.press('Escape');
    await fp.locator('.app-header').waitFor();

    for (const d of [fac, lap, phone]) expect(d.errors).toEqual([]);
  });
});
