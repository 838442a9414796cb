import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemQueryName } from '../../model/system.js';
import { TOO_MANY_SIGN_INS } from '../../server/auth/loginLimits.js';
import { StoreFailureCounts } from '../../server/auth/storeFailureCounts.js';
import type { NodeValue } from '../../server/store/port.js';
import { Browser, PASSWORDS, startAuthServer, type AuthServer } from './authServer.js';

/**
 * Failed sign-ins are counted in the graph store (SignInFailure), so a restart does not
 * forget them: guesses before a restart still count after it. Successful sign-ins leave
 * no count, the table names no username or address, and a window that ended starts
 * again and is swept out.
 */

const failureRows = async (server: AuthServer) => (await server.store.read(systemQueryName('all', 'SignInFailure'))).map((r) => (r.n as NodeValue).properties);

describe('failed sign-ins across a restart', () => {
  let server: AuthServer;

  beforeAll(async () => {
    server = await startAuthServer({ settings: { loginMaxFailures: 3 } });
    await server.auth.accounts.create({ username: 'jane', role: 'editor', password: PASSWORDS.editor });
  });
  afterAll(() => server?.close());

  it('leaves no count for successful sign-ins', async () => {
    for (let i = 0; i < 5; i++) expect((await new Browser(server.base).signIn('jane', PASSWORDS.editor)).status).toBe(200);
    // A success is taken back once its answer has gone out, so the last one may be a moment behind.
    await vi.waitFor(async () => expect((await failureRows(server)).map((r) => Number(r.hits))).toEqual([0, 0]));
  });

  it('still counts the guesses made before the restart', async () => {
    for (let i = 0; i < 3; i++) expect((await new Browser(server.base).signIn('jane', 'a wrong guess')).status).toBe(401);
    server = await server.restart();
    const after = await new Browser(server.base).signIn('jane', PASSWORDS.editor);
    expect(after.status).toBe(429);
    expect(after.body.error.message).toBe(TOO_MANY_SIGN_INS);
  });

  it('keeps the counts under hashes: no username or address in the table', async () => {
    const rows = await failureRows(server);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toMatch(/jane|127\.0\.0\.1/);
  });
});

describe('a count in the store', () => {
  let server: AuthServer;
  const WINDOW = 15 * 60_000;
  const T0 = new Date('2026-12-03T09:00:00.000Z');
  const at = (ms: number) => new Date(T0.getTime() + ms);

  beforeAll(async () => {
    server = await startAuthServer();
  });
  afterAll(() => server?.close());

  it('rises within its window, never falls below zero, and starts again when the window ends', async () => {
    const counts = new StoreFailureCounts(server.store);
    expect(await counts.increment('k', WINDOW, T0)).toEqual({ hits: 1, resetAt: at(WINDOW) });
    expect((await counts.increment('k', WINDOW, at(60_000))).hits).toBe(2);
    await counts.decrement('k');
    await counts.decrement('k');
    await counts.decrement('k');
    expect((await counts.increment('k', WINDOW, at(120_000))).hits).toBe(1);
    expect(await counts.increment('k', WINDOW, at(WINDOW + 1))).toEqual({ hits: 1, resetAt: at(2 * WINDOW + 1) });
    await counts.reset('k');
    expect((await counts.increment('k', WINDOW, at(WINDOW + 2))).hits).toBe(1);
  });

  it('sweeps out the counts of windows that ended', async () => {
    const counts = new StoreFailureCounts(server.store);
    await counts.increment('old one', WINDOW, T0);
    await counts.increment('old two', WINDOW, T0);
    const before = (await failureRows(server)).length;
    await counts.increment('new', WINDOW, at(3 * WINDOW));
    expect((await failureRows(server)).length).toBe(before - 2);
  });
});
