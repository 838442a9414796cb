import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenProvider, type TestProvider } from '../auth/oidcProvider.js';
import { buildClient, launchChromium, startServer, waitForExplorer, type RunningServer } from './harness.js';

/**
 * Signing in through an organisation's identity provider in a real Chromium: the explorer's
 * sign-in menu offers one button per enabled provider (from GT_OIDC_PROVIDERS); pressing the
 * council's goes to the council's real OpenID provider (oidc-provider, in this process),
 * whose own sign-in and consent pages are filled in, and comes back to the explorer signed
 * in as a partner editor of the council. The disabled provider has no button.
 */

const SCREENS = '/work/screens/15';
let idp: TestProvider;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await buildClient();
  idp = await listenProvider();
  const providers = [
    { id: 'city-council', name: 'City of Edinburgh Council', issuer: idp.issuer, clientId: 'golden-thread', clientSecret: 'council secret', organisationId: 'org:city-of-edinburgh-council' },
    { id: 'nhs-lothian', name: 'NHS Lothian', issuer: idp.issuer, clientId: 'golden-thread', clientSecret: 'council secret', organisationId: 'org:nhs-lothian' },
    {
      id: 'police',
      name: 'Lothian and Borders Police',
      issuer: idp.issuer,
      clientId: 'golden-thread',
      clientSecret: 'council secret',
      organisationId: 'org:lothian-and-borders-police',
      enabled: false,
    },
  ];
  server = await startServer(180_000, { GT_OIDC_PROVIDERS: JSON.stringify(providers) });
  idp.configure({ clientId: 'golden-thread', clientSecret: 'council secret', redirectUris: ['city-council', 'nhs-lothian'].map((id) => `${server.url}/api/auth/oidc/${id}/callback`) });
  browser = await launchChromium();
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.close();
});

describe("signing in through the council's identity provider", () => {
  it('offers a button per enabled provider, and comes back signed in as a partner editor of the council', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '/');
    await waitForExplorer(page);
    await page.click('#account-button');
    await page.waitForSelector('.oidc-providers a.oidc-provider');
    const buttons = await page.$$eval('.oidc-providers a.oidc-provider', (as) => as.map((a) => a.textContent));
    expect(buttons).toEqual(['Sign in with City of Edinburgh Council', 'Sign in with NHS Lothian']);
    for (const [w, h] of [
      [390, 844],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SCREENS}/oidc-sign-in-menu-${w}x${h}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.click('a.oidc-provider[data-provider="city-council"]');
    // The provider's own pages (its development sign-in, then consent).
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    await page.fill('input[name="login"]', 'alice');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.waitForSelector('button[type="submit"]');
    if (page.url().startsWith(idp.issuer)) await page.click('button[type="submit"]');

    await page.waitForURL((u) => u.href.startsWith(server.url));
    await waitForExplorer(page);
    await page.waitForFunction(() => document.querySelector('#account-button')?.textContent?.includes('alice at'));
    expect(await page.textContent('#account-button .account-role')).toBe('partner-editor');
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session).toMatchObject({ signedIn: true, user: { role: 'partner-editor', organisationId: 'org:city-of-edinburgh-council' } });
    // The session cookie is HTTP-only: the page's script cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/gt_session/);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
