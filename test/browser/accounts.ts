import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildClient, launchChromium, startServer, type RunningServer } from './harness.js';

/**
 * Accounts for the browser tests that edit: a server whose first administrator comes from
 * GT_ADMIN_USER at its first start, a signed-in API caller (cookie and CSRF token) to make
 * users with, and sign-in through the explorer's header form.
 */

export type Api = (method: string, path: string, body?: unknown) => Promise<Response>;
export type Person = { username: string; password: string; name: string };

/** A seeded server with the administrator `root` / `adminPassword`. */
export function startServerWithAdmin(adminPassword: string): Promise<RunningServer> {
  return startServer(120_000, { GT_ADMIN_USER: 'root', GT_ADMIN_PASSWORD: adminPassword });
}

/** Signs in over the API and answers a caller that sends that session's cookie and CSRF token. */
export async function apiAs(server: RunningServer, username: string, password: string): Promise<Api> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return (method, path, body) =>
    fetch(`${server.url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
}

/** Signs in from the header's account menu and waits until the header names the person. */
export async function signInFromHeader(page: Page, who: Person): Promise<void> {
  await page.click('#account-button');
  await page.fill('#sign-in-username', who.username);
  await page.fill('#sign-in-password', who.password);
  await page.click('.sign-in-form button[type="submit"]');
  await page.waitForFunction((name) => document.querySelector('#account-button')?.textContent?.includes(name), who.name);
}

/**
 * For a spec file: the built explorer, a server with the administrator `root`, these
 * people's accounts made through the API, and a Chromium; closed after the file.
 * Read `server` and `browser` inside the tests (they exist once beforeAll has run).
 */
export function serverWithPeople(adminPassword: string, people: (Person & { role: string })[]): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await buildClient();
    server = await startServerWithAdmin(adminPassword);
    const admin = await apiAs(server, 'root', adminPassword);
    for (const p of people) expect((await admin('POST', '/api/users', p)).status).toBe(201);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}
