import { describe, expect, it } from 'vitest';
import { apiAs, serverWithPeople, signInFromHeader } from './accounts.js';
import { openExplorer, screenshot } from './harness.js';

/**
 * One's own account from the header's menu, in a real Chromium against the real server:
 * where one is signed in (this browser and a laptop signed in over the API), signing the
 * others out with the password, and changing the password, after which this browser's
 * writes still pass (its CSRF token followed the new session). At the three screen sizes,
 * with no page error and nothing past the viewport.
 */

const ADMIN_PASSWORD = 'correct horse battery staple';
const SAM = { username: 'sam', name: 'Sam Reid', role: 'viewer', password: 'sam-viewer-passphrase' };
const NEW_PASSWORD = 'a new passphrase for sam';
const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const running = serverWithPeople(ADMIN_PASSWORD, [SAM]);

const signedIn = async (api: Awaited<ReturnType<typeof apiAs>>) => ((await (await api('GET', '/api/auth/session')).json()) as { signedIn: boolean }).signedIn;

describe('the account menu', () => {
  for (const size of SIZES) {
    it(`lists where one is signed in and signs the others out, at ${size.width}x${size.height}`, async () => {
      const password = size.width === 1920 ? NEW_PASSWORD : SAM.password;
      const laptop = await apiAs(running.server, SAM.username, password);
      const { page, errors, close } = await openExplorer(running.browser, running.server.url + '/', size);
      await signInFromHeader(page, { ...SAM, password });
      await page.click('#account-button');
      await page.click('#sessions-panel summary');
      const rows = page.locator('#sessions-panel .session');
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      await expect.poll(() => page.locator('#sessions-panel .session.current').textContent()).toContain('This browser');
      const overflow = await page.evaluate(() => [...document.querySelectorAll('#account-menu *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).length);
      expect(overflow).toBe(0);
      await screenshot(page, `account-sessions-${size.width}x${size.height}`);

      await page.fill('#sessions-password', 'not the password');
      await page.click('#sessions-end-others');
      await page.locator('#sessions-panel .error', { hasText: 'The password is wrong.' }).waitFor();
      expect(await signedIn(laptop)).toBe(true);
      await page.fill('#sessions-password', password);
      await page.click('#sessions-end-others');
      await page.locator('#sessions-panel [role="status"]', { hasText: 'signed out' }).waitFor();
      expect(await rows.count()).toBe(1);
      expect(await signedIn(laptop)).toBe(false);

      if (size.width === 1366) {
        // Change the password here; the 1920 run signs in with the new one.
        const other = await apiAs(running.server, SAM.username, SAM.password);
        await page.click('#password-panel summary');
        await page.fill('#password-current', 'not the password');
        await page.fill('#password-new', NEW_PASSWORD);
        await page.click('.password-change button[type="submit"]');
        await page.locator('#password-status', { hasText: 'The current password is wrong.' }).waitFor();
        await page.fill('#password-current', SAM.password);
        await page.fill('#password-new', NEW_PASSWORD);
        await page.click('.password-change button[type="submit"]');
        await page.locator('#password-status', { hasText: 'Changed.' }).waitFor();
        await screenshot(page, `account-password-changed-${size.width}x${size.height}`);
        expect(await signedIn(other)).toBe(false);
        // A write from this browser still carries the right CSRF token: signing out everywhere else is one.
        const fresh = await apiAs(running.server, SAM.username, NEW_PASSWORD);
        // Closed and opened again, the list is asked for afresh.
        await page.click('#sessions-panel summary');
        await page.click('#sessions-panel summary');
        await page.locator('#sessions-end-others').waitFor();
        await page.fill('#sessions-password', NEW_PASSWORD);
        await page.click('#sessions-end-others');
        await page.locator('#sessions-panel [role="status"]', { hasText: '1 session signed out' }).waitFor();
        expect(await signedIn(fresh)).toBe(false);
      }
      // The browser logs each refused request; the wrong passwords above are the only ones.
      const refused = 'Failed to load resource: the server responded with a status of 401 (Unauthorized)';
      expect(errors.filter((e) => e !== refused)).toEqual([]);
      expect(errors.filter((e) => e === refused)).toHaveLength(size.width === 1366 ? 2 : 1);
      await close();
    });
  }
});
