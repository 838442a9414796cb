import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../server/auth/auth.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { DEFAULT_AUTH_SETTINGS } from '../../server/auth/settings.js';
import { storeRepositories } from '../../server/auth/storeRepositories.js';
import { randomToken, sessionIdOf } from '../../server/auth/tokens.js';
import { MIGRATIONS, runMigrations } from '../../server/migrations/index.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { writeOldRelease } from '../fixtures/oldReleaseDirectory.js';
import { PASSWORDS } from './authServer.js';

/**
 * A data directory from before multi-factor authentication (migration 3) and back-channel
 * logout (migration 4): its User table has no authenticator columns, its Session table no
 * provider columns. Opened by this version, those two migrations alone run; the account
 * keeps every value and its password, reads as having no second factor, and can set one
 * up, which survives an update of the account; its session stays signed in, is not one
 * a provider's session id can name, and new sessions record their provider.
 */

const TOTP_COLUMNS = /, totpSecret STRING, totpEnabledAt STRING, totpLastStep INT64, recoveryCodeHashes STRING/;
const OIDC_SESSION_COLUMNS = /, oidcProviderId STRING, oidcSid STRING/;

describe('accounts and sessions of a data directory from before migrations 3 and 4', () => {
  const SCHEMA = readFileSync(new URL('../../cypher/schema/schema.ladybug.cypher', import.meta.url), 'utf8');
  const SYSTEM = readFileSync(new URL('../../cypher/schema/system.ladybug.cypher', import.meta.url), 'utf8');
  const OLD_SYSTEM = SYSTEM.replace(TOTP_COLUMNS, '').replace(OIDC_SESSION_COLUMNS, '');
  const token = randomToken();
  const dir = mkdtempSync(join(tmpdir(), 'gt-auth-upgrade-'));
  const at = '2026-11-01T09:00:00.000Z';
  let store: LadybugStore;
  let auth: Auth;
  let applied: number[];

  beforeAll(async () => {
    const passwordHash = await hashPassword(PASSWORDS.editor);
    await writeOldRelease(join(dir, 'golden-thread.lbug'), `${SCHEMA}\n${OLD_SYSTEM}`, async (w) => {
      await w.run("CREATE (u:User {id: 'jane', name: 'Jane Doe', role: 'editor', passwordHash: $passwordHash, createdAt: $at, updatedAt: $at})", { passwordHash, at });
      await w.run('CREATE (s:Session {id: $id, username: $username, createdAt: $createdAt, expiresAt: $expiresAt, lastSeenAt: $createdAt})', {
        id: sessionIdOf(token),
        username: 'jane',
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      await w.migrated(
        MIGRATIONS.filter((m) => m.id !== 3 && m.id !== 4),
        '2026-12-01T10:00:00.000Z',
      );
    });
    store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
    await store.open();
    applied = (await runMigrations(store)).applied.map((m) => m.id);
    auth = createAuth(storeRepositories(store), DEFAULT_AUTH_SETTINGS);
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the fixture lacks the columns, and migrations 3 and 4 alone run', () => {
    expect(OLD_SYSTEM).not.toMatch(/totpSecret|oidcSid/);
    expect(SYSTEM).toMatch(TOTP_COLUMNS);
    expect(SYSTEM).toMatch(OIDC_SESSION_COLUMNS);
    expect(applied).toEqual([3, 4]);
  });

  it('keeps the session signed in, out of reach of a provider session id, and records the provider of new ones', async () => {
    expect((await auth.sessions.resolve(token))?.user.username).toBe('jane');
    await auth.sessions.endForProviderSession('council', 'any-sid');
    expect((await auth.sessions.resolve(token))?.user.username).toBe('jane');
    const { token: fresh } = await auth.sessions.start('jane', undefined, { providerId: 'council', sid: 'sid-1' });
    expect((await auth.sessions.resolve(fresh))?.session).toMatchObject({ oidcProviderId: 'council', oidcSid: 'sid-1' });
    await auth.sessions.endForProviderSession('council', 'sid-1');
    expect(await auth.sessions.resolve(fresh)).toBeUndefined();
    expect(await auth.sessions.resolve(token)).toBeDefined();
  });

  it('keeps the account with every value, signs it in with its password alone', async () => {
    expect(await auth.accounts.find('jane')).toMatchObject({ username: 'jane', name: 'Jane Doe', role: 'editor', organisationId: null, createdAt: at, updatedAt: at });
    expect((await auth.accounts.authenticate('jane', PASSWORDS.editor))?.username).toBe('jane');
    expect(await auth.mfa.status('jane')).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    expect(await auth.mfa.check('jane', {})).toBe('not_needed');
  });

  it('sets up an authenticator app in the new columns, kept when the account is updated', async () => {
    const user = (await auth.accounts.find('jane'))!;
    const { secret } = await auth.mfa.beginEnrolment(user);
    const { recoveryCodes } = await auth.mfa.confirm('jane', await generate({ secret }));
    await auth.accounts.update('jane', { name: 'Jane Renamed' });
    expect(await auth.mfa.status('jane')).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect(await auth.mfa.check('jane', {})).toBe('missing');
    expect(await auth.mfa.check('jane', { recoveryCode: recoveryCodes[0] })).toBe('passed');
  });
});
