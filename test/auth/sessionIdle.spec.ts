import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRepository } from '../../server/auth/repositories.js';
import { Sessions } from '../../server/auth/sessions.js';
import { storeRepositories } from '../../server/auth/storeRepositories.js';
import { randomToken, sessionIdOf } from '../../server/auth/tokens.js';
import { MIGRATIONS, runMigrations } from '../../server/migrations/index.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { writeOldRelease } from '../fixtures/oldReleaseDirectory.js';

/**
 * ASVS V7.3.1: a session ends after a while without a request, as well as at the end of
 * its lifetime. On the real embedded store, with a clock the test moves: a session used
 * now and then outlives the idle time counted from sign-in; one left alone for the idle
 * time ends and is deleted; the last request is written at most once per touch interval;
 * and a data directory whose sessions predate the column (migration 2) keeps them.
 */

const MINUTE = 60_000;
const IDLE = 120 * MINUTE;
const TTL = 12 * 60 * MINUTE;
const T0 = Date.parse('2026-12-02T09:00:00.000Z');

/** The store's session repository, counting the touches it is asked for. */
function counting(repo: SessionRepository): SessionRepository & { touches: number } {
  const counted = Object.assign(Object.create(repo) as SessionRepository, { touches: 0 });
  counted.touch = async (id, at) => {
    counted.touches++;
    await repo.touch(id, at);
  };
  return counted;
}

describe('the inactivity timeout, on the embedded store', () => {
  let store: LadybugStore;
  let clock = T0;
  let sessions: Sessions;
  let repo: SessionRepository & { touches: number };
  const at = (minutes: number) => (clock = T0 + minutes * MINUTE);

  beforeAll(async () => {
    store = new LadybugStore({ dataDir: ':memory:', bufferPoolMb: 128 });
    await store.open();
    const repos = storeRepositories(store);
    await repos.users.create({ username: 'jane', name: 'Jane', role: 'editor', organisationId: null, passwordHash: 'x', createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString() });
    repo = counting(repos.sessions);
    sessions = new Sessions(repo, repos.users, TTL, IDLE, () => new Date(clock));
  });
  afterAll(() => store?.close());

  it('keeps a session in use past the idle time from sign-in, and ends one left alone', async () => {
    at(0);
    const { token } = await sessions.start('jane');
    at(119);
    expect((await sessions.resolve(token))?.user.username).toBe('jane');
    at(200);
    // 81 minutes after the last request: still alive, though 200 minutes after sign-in.
    expect((await sessions.resolve(token))?.session.lastSeenAt).toBe(new Date(clock).toISOString());
    at(200 + 119);
    expect(await sessions.resolve(token)).toBeDefined();
    at(200 + 119 + 120);
    expect(await sessions.resolve(token)).toBeUndefined();
    // Deleted, not only refused: the store no longer holds it.
    expect(await repo.find(sessionIdOf(token))).toBeUndefined();
  });

  it('writes the last request at most once per touch interval (five minutes here)', async () => {
    at(1000);
    const { token } = await sessions.start('jane');
    repo.touches = 0;
    for (let m = 0; m < 5; m++) {
      at(1000 + m);
      expect(await sessions.resolve(token)).toBeDefined();
    }
    expect(repo.touches).toBe(0);
    at(1005);
    await sessions.resolve(token);
    expect(repo.touches).toBe(1);
    expect((await repo.find(sessionIdOf(token)))?.lastSeenAt).toBe(new Date(clock).toISOString());
    at(1006);
    await sessions.resolve(token);
    expect(repo.touches).toBe(1);
  });

  it('still ends a session at the end of its lifetime, however busy', async () => {
    at(2000);
    const { token } = await sessions.start('jane');
    for (let m = 60; m < 12 * 60; m += 60) {
      at(2000 + m);
      expect(await sessions.resolve(token), `after ${m} minutes`).toBeDefined();
    }
    at(2000 + 12 * 60);
    expect(await sessions.resolve(token)).toBeUndefined();
  });

  it('never brings back a session that ended while a request was on its way', async () => {
    at(3000);
    const { token } = await sessions.start('jane');
    await sessions.end(token);
    await repo.touch(sessionIdOf(token), new Date(clock).toISOString());
    expect(await repo.find(sessionIdOf(token))).toBeUndefined();
  });
});

describe('sessions of a data directory from before migration 2', () => {
  const SCHEMA = readFileSync(new URL('../../cypher/schema/schema.ladybug.cypher', import.meta.url), 'utf8');
  const SYSTEM = readFileSync(new URL('../../cypher/schema/system.ladybug.cypher', import.meta.url), 'utf8');
  const OLD_SYSTEM = SYSTEM.replace(/(CREATE NODE TABLE IF NOT EXISTS Session\([^;]*?), lastSeenAt STRING/, '$1');
  const dir = mkdtempSync(join(tmpdir(), 'gt-session-idle-'));
  const recent = randomToken();
  const stale = randomToken();
  const now = Date.now();
  let store: LadybugStore;
  let applied: number[];

  beforeAll(async () => {
    await writeOldRelease(join(dir, 'golden-thread.lbug'), `${SCHEMA}\n${OLD_SYSTEM}`, async (w) => {
      await w.run("CREATE (u:User {id: 'jane', name: 'Jane', role: 'editor', passwordHash: 'x', createdAt: $at, updatedAt: $at})", { at: new Date(now).toISOString() });
      // Signed in 10 minutes ago, and three hours ago (longer than the idle time, within the lifetime).
      for (const [token, ago] of [
        [recent, 10],
        [stale, 180],
      ] as const) {
        await w.run('CREATE (s:Session {id: $id, username: $username, createdAt: $createdAt, expiresAt: $expiresAt})', {
          id: sessionIdOf(token),
          username: 'jane',
          createdAt: new Date(now - ago * MINUTE).toISOString(),
          expiresAt: new Date(now - ago * MINUTE + TTL).toISOString(),
        });
      }
      await w.migrated(
        MIGRATIONS.filter((m) => m.id !== 2),
        '2026-12-01T10:00:00.000Z',
      );
    });
    store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
    await store.open();
    applied = (await runMigrations(store)).applied.map((m) => m.id);
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the fixture lacks the column, and migration 2 alone runs', () => {
    expect(OLD_SYSTEM).not.toMatch(/Session\([^;]*lastSeenAt/);
    expect(SYSTEM).toMatch(/Session\([^;]*lastSeenAt STRING/);
    expect(applied).toEqual([2]);
  });

  it('keeps a recent session signed in and records its request; ends one idle since sign-in', async () => {
    const repos = storeRepositories(store);
    const sessions = new Sessions(repos.sessions, repos.users, TTL, IDLE);
    expect((await sessions.resolve(recent))?.user.username).toBe('jane');
    expect(Date.parse((await repos.sessions.find(sessionIdOf(recent)))!.lastSeenAt)).toBeGreaterThan(now - MINUTE);
    expect(await sessions.resolve(stale)).toBeUndefined();
    expect(await repos.sessions.find(sessionIdOf(stale))).toBeUndefined();
  });
});
