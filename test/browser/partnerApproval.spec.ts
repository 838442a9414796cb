import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, signInFromHeader, startServerWithAdmin } from './accounts.js';
import { buildClient, launchChromium, waitForExplorer, type RunningServer } from './harness.js';

/**
 * The two editing paths the editing browser test leaves out, in a real Chromium against
 * the real server on freshly seeded data:
 * - a partner editor's change waits in the approval queue, unseen by anyone else, until
 *   an editor approves it in the Changes panel; then a viewer's open explorer shows it
 *   without reloading;
 * - an editor whose form is out of date (someone committed meanwhile) gets the 409 in the
 *   form, with the value now stored beside what they typed, and can load it.
 *
 * Lanarkshire 2008-09 action 2.5.1 is led by the Alcohol and Drug Action Team (plan,
 * seed LEADS org:alcohol-and-drug-action-team → 2.5.1), so that team's partner editor may
 * change it; 2.5.7 is led by the MAPPA steering group, not by that team.
 */

const OWN_ACTION = 'lcja-2008:action:2.5.1';
const OTHER_ACTION = 'lcja-2008:action:2.5.7';
const ADMIN_PASSWORD = 'correct horse battery staple';
const PARTNER = { username: 'pat', name: 'Pat Partner', role: 'partner-editor', organisationId: 'org:alcohol-and-drug-action-team', password: 'pat-partner-passphrase' };
const EDITOR = { username: 'jane', name: 'Jane Doe', role: 'editor', password: 'jane-editor-passphrase' };

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** The node as an anonymous reader sees it. */
async function stored(id: string): Promise<{ version: number; props: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/nodes/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { node: { version: number; props: Record<string, unknown> } }).node;
}

beforeAll(async () => {
  await buildClient();
  server = await startServerWithAdmin(ADMIN_PASSWORD);
  const admin = await apiAs(server, 'root', ADMIN_PASSWORD);
  for (const u of [PARTNER, EDITOR]) expect((await admin('POST', '/api/users', u)).status).toBe(201);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

async function open(id: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${server.url}/?sel=${encodeURIComponent(id)}`);
  await waitForExplorer(page);
  await page.waitForSelector('#detail-heading');
  return { page, errors };
}

const timescaleInput = (page: Page) => page.locator('.node-form [data-field="timescale"] input, .node-form [data-field="timescale"] textarea').first();

describe('a partner editor’s change waits for an editor', () => {
  it('is queued, unseen by a viewer until approved, then reaches the viewer’s open map without reloading', async () => {
    const before = await stored(OWN_ACTION);
    const viewer = await open(OWN_ACTION);
    const partner = await open(OWN_ACTION);
    await signInFromHeader(partner.page, PARTNER);

    // The partner editor may edit their own organisation's action…
    await partner.page.click('[data-edit="fields"]');
    await timescaleInput(partner.page).fill('December 2008');
    await partner.page.fill('.node-form input[name="reason"]', 'the audit moved to December');
    const posted = partner.page.waitForResponse((r) => r.url().endsWith('/api/changes') && r.request().method() === 'POST');
    await partner.page.click('.node-form button[type="submit"]');
    expect((await posted).status()).toBe(202);
    await partner.page.waitForSelector('.edit-done:has-text("Sent for approval")');

    // …but it is stored nowhere a reader sees: same version, same timescale.
    const waiting = await stored(OWN_ACTION);
    expect(waiting.version).toBe(before.version);
    expect(waiting.props.timescale).toBe(before.props.timescale);

    // The partner sees it among their own waiting changes, with no approve button.
    await partner.page.click('#side-tab-changes');
    await expect.poll(() => partner.page.locator('.approval-queue h3').textContent(), { timeout: 10_000 }).toBe('Your changes waiting (1)');
    expect(await partner.page.locator('.pending-entry button:has-text("Approve")').count()).toBe(0);

    // …and may not edit an action their organisation neither leads nor partners in.
    const other = await open(OTHER_ACTION);
    await signInFromHeader(other.page, PARTNER);
    expect(await other.page.locator('[data-edit]').count()).toBe(0);

    // An editor approves it from the queue.
    const editor = await open(OWN_ACTION);
    await signInFromHeader(editor.page, EDITOR);
    await editor.page.click('#side-tab-changes');
    const pending = editor.page.locator('.pending-entry').first();
    await expect
      .poll(() => pending.textContent(), { timeout: 10_000 })
      .toMatch(/Pat Partner.*partner-editor, Alcohol and Drug Action Team.*timescale changed from .* to “December 2008”.*Because the audit moved to December/s);
    const approved = editor.page.waitForResponse((r) => r.url().includes('/approve'));
    await pending.locator('button:has-text("Approve")').click();
    expect((await approved).status()).toBe(201);

    const after = await stored(OWN_ACTION);
    expect(after.props.timescale).toBe('December 2008');
    expect(after.version).toBe(before.version + 1);
    // The viewer's explorer, open all along, shows the new timescale without a reload.
    await viewer.page.waitForFunction(() => document.querySelector('#detail')?.textContent?.includes('December 2008') ?? document.body.textContent?.includes('December 2008'), null, {
      timeout: 10_000,
    });
    await expect.poll(() => editor.page.locator('.approval-queue h3').textContent(), { timeout: 10_000 }).toBe('Waiting for approval (0)');
    for (const p of [viewer, partner, other, editor]) expect(p.errors).toEqual([]);
  }, 150_000);
});

describe('an editor whose form is out of date', () => {
  it('gets the 409 in the form with the value now stored, and can load it', async () => {
    const admin = await apiAs(server, 'root', ADMIN_PASSWORD);
    const editor = await open(OTHER_ACTION);
    await signInFromHeader(editor.page, EDITOR);
    await editor.page.click('[data-edit="fields"]');
    await timescaleInput(editor.page).fill('January 2009');

    // Meanwhile someone else commits a different timescale.
    const now = await stored(OTHER_ACTION);
    const meanwhile = await admin('POST', '/api/changes', {
      operations: [{ op: 'update', id: OTHER_ACTION, expectedVersion: now.version, set: { timescale: 'February 2009' } }],
      reason: 'the steering group agreed February',
    });
    expect(meanwhile.status).toBe(201);

    const posted = editor.page.waitForResponse((r) => r.url().endsWith('/api/changes') && r.request().method() === 'POST');
    await editor.page.click('.node-form button[type="submit"]');
    expect((await posted).status()).toBe(409);
    const conflict = editor.page.locator('.node-form .conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone changed this while you were editing.');
    // The table shows the field that differs: now February (theirs), typed January (mine).
    const row = conflict.locator('.conflict-values tbody tr', { hasText: 'February 2009' });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('January 2009');
    expect(await conflict.locator('caption').textContent()).toBe(`Now at version ${now.version + 1}`);
    // Nothing of mine was written.
    expect((await stored(OTHER_ACTION)).props.timescale).toBe('February 2009');

    await conflict.locator('button:has-text("Reload the current values")').click();
    await expect.poll(() => timescaleInput(editor.page).inputValue()).toBe('February 2009');
    expect(await editor.page.locator('.node-form .hint[role="status"]').textContent()).toBe(`Loaded version ${now.version + 1}. Make your change again and save.`);
    expect(editor.errors.filter((e) => !e.includes('409'))).toEqual([]);
  }, 120_000);
});
