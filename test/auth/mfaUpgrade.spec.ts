import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth, type Auth } from '../../server/auth/auth.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { DEFAULT_AUTH_SETTINGS } from '../../server/auth/settings.js';
import { storeRepositories } from '../../server/auth/storeRepositories.js';
import { MIGRATIONS, runMigrations } from '../../server/migrations/index.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { writeOldRelease } from '../fixtures/oldReleaseDirectory.js';
import { PASSWORDS } from './authServer.js';

/**
 * A data directory from before multi-factor authentication (migration 3): its User table
 * has no authenticator columns. Opened by this version, migration 3 alone runs, the
 * account keeps every value and its password, reads as having no second factor, and can
 * set one up, which survives an update of the account.
 */

const TOTP_COLUMNS = /, totpSecret STRING, totpEnabledAt STRING, totpLastStep INT64, recoveryCodeHashes STRING/;

describe('accounts of a data directory from before migration 3', () => {
  const SCHEMA = readFileSync(new URL('../../cypher/schema/schema.ladybug.cypher', import.meta.url), 'utf8');
  const SYSTEM = readFileSync(new URL('../../cypher/schema/system.ladybug.cypher', import.meta.url), 'utf8');
  const OLD_SYSTEM = SYSTEM.replace(TOTP_COLUMNS, '');
  const dir = mkdtempSync(join(tmpdir(), 'gt-mfa-upgrade-'));
  const at = '2026-11-01T09:00:00.000Z';
  let store: LadybugStore;
  let auth: Auth;
  let applied: number[];

  beforeAll(async () => {
    const passwordHash = await hashPassword(PASSWORDS.editor);
    await writeOldRelease(join(dir, 'golden-thread.lbug'), `${SCHEMA}\n${OLD_SYSTEM}`, async (w) => {
      await w.run("CREATE (u:User {id: 'jane', name: 'Jane Doe', role: 'editor', passwordHash: $passwordHash, createdAt: $at, updatedAt: $at})", { passwordHash, at });
      await w.migrated(
        MIGRATIONS.filter((m) => m.id !== 3),
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

  it('the fixture lacks the columns, and migration 3 alone runs', () => {
    expect(OLD_SYSTEM).not.toMatch(/totpSecret/);
    expect(SYSTEM).toMatch(TOTP_COLUMNS);
    expect(applied).toEqual([3]);
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
