import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createAuth } from '../../server/auth/auth.js';
import { DEFAULT_AUTH_SETTINGS } from '../../server/auth/settings.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { memoryRepositories } from '../fixtures/memoryAuth.js';

/**
 * GT_TRUST_PROXY: the setting's forms and refusals, and what it is for: behind a
 * reverse proxy, failed sign-ins are counted per real client (X-Forwarded-For), not
 * all together under the proxy's address; with no proxy trusted, a client cannot
 * escape the count by sending that header itself.
 */

describe('GT_TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['loopback', 'loopback'],
    ['loopback, 10.0.0.0/8 ,::1', 'loopback, 10.0.0.0/8, ::1'],
  ])('%s is read as %s', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { GT_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['true', '10.0.0.0/99', 'proxy.local', '1.2.3'])('refuses %s, naming the setting', (value) => {
    expect(() => loadConfig({ GT_TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ GT_TRUST_PROXY: value })).toThrow(/GT_TRUST_PROXY/);
  });
});

let server: Server | undefined;
let store: LadybugStore | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  await store?.close();
});

async function failuresUntilRefused(trustProxy: false | string, from: (i: number) => string): Promise<number[]> {
  store = new LadybugStore({ dataDir: ':memory:', bufferPoolMb: 128 });
  await store.open();
  const auth = createAuth(memoryRepositories(), { ...DEFAULT_AUTH_SETTINGS, loginMaxFailures: 1000, loginMaxFailuresPerIp: 3 });
  const app = createApp(store, { queryTimeoutMs: 1000, queryMaxRows: 10, trustProxy }, { auth });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from(i) },
      body: JSON.stringify({ username: `nobody-${i}`, password: 'wrong password here' }),
    });
    statuses.push(res.status);
  }
  return statuses;
}

describe('failed sign-ins behind a proxy', () => {
  it('are counted per forwarded client when the proxy is trusted', async () => {
    // Four clients, one failure each, through the proxy on loopback: nobody is over the limit of 3.
    expect(await failuresUntilRefused('loopback', (i) => `203.0.113.${i + 1}`)).toEqual([401, 401, 401, 401]);
  });

  it('are counted per forwarded client: one client over the limit is refused', async () => {
    expect(await failuresUntilRefused('loopback', () => '203.0.113.9')).toEqual([401, 401, 401, 429]);
  });

  it('ignore X-Forwarded-For when no proxy is trusted, so a client cannot pick its own address', async () => {
    expect(await failuresUntilRefused(false, (i) => `203.0.113.${i + 1}`)).toEqual([401, 401, 401, 429]);
  });
});
