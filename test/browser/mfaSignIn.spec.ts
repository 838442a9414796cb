import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverWithPeople } from './accounts.js';
import { openExplorer } from './harness.js';

/**
 * Two-step sign-in in a real Chromium against the real server: a signed-in person sets up
 * an authenticator app from the account menu (QR code, key, a code computed from the key
 * as the app would), sees the recovery codes once, signs out, and signing in again asks
 * for the code before letting them in. No page error and no Content-Security-Policy
 * violation on the way.
 */

const ADMIN_PASSWORD = 'correct horse battery staple';
const JANE = { username: 'jane', name: 'Jane Doe', role: 'editor', password: 'jane-editor-passphrase' };
const STEP = 30;
const codeAt = (secret: string, steps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * STEP });

const running = serverWithPeople(ADMIN_PASSWORD, [JANE]);

async function submitSignIn(page: Page, password: string): Promise<void> {
  await page.fill('#sign-in-username', JANE.username);
  await page.fill('#sign-in-password', password);
  await page.click('.sign-in-form button[type="submit"]');
}

describe('two-step sign-in from the account menu', () => {
  it('sets up an authenticator app, then asks for its code at the next sign-in', async () => {
    const { page, errors, close } = await openExplorer(running.browser, running.server.url + '/', { width: 1366, height: 768 });

    await page.click('#account-button');
    await submitSignIn(page, JANE.password);
    await page.waitForFunction((name) => document.querySelector('#account-button')?.textContent?.includes(name), JANE.name);

    await page.click('#account-button');
    await page.click('#mfa-panel summary');
    await page.click('#mfa-begin');
    await page.waitForSelector('img.mfa-qr');
    expect(await page.$eval('img.mfa-qr', (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true);
    const secret = (await page.textContent('code.mfa-secret'))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.fill('#mfa-confirm-code', await codeAt(secret, 0));
    await page.click('.mfa-confirm button[type="submit"]');
    await page.waitForSelector('.mfa-recovery-codes li');
    expect(await page.$$eval('.mfa-recovery-codes li', (lis) => lis.length)).toBe(10);

    await page.click('#sign-out');
    await page.waitForFunction(() => document.querySelector('#account-button')?.textContent?.includes('Sign in'));
    await page.click('#account-button');
    await submitSignIn(page, JANE.password);
    await page.waitForSelector('#sign-in-code:visible');
    expect(await page.textContent('.sign-in-form .error')).toMatch(/6-digit code/);
    await page.fill('#sign-in-code', await codeAt(secret, 1));
    await page.click('.sign-in-form button[type="submit"]');
    await page.waitForFunction((name) => document.querySelector('#account-button')?.textContent?.includes(name), JANE.name);
    // The sign-in that asked for the code was a 401, which Chromium logs as a failed load; anything else (a CSP refusal among them) is a fault.
    expect(errors.filter((e) => !/the server responded with a status of 401/.test(e))).toEqual([]);
    await close();
  }, 120_000);
});
