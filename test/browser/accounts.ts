import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type RunningServer } from './harness.js';

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
