import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFile } from '../../server/backup/backupFile.js';
import { restoreBackup, StoreNotEmptyError } from '../../server/backup/restoreBackup.js';
import { takeBackup } from '../../server/backup/takeBackup.js';
import { MIGRATIONS } from '../../server/migrations/index.js';
import { ACCOUNTS, openStoreAt, startBackupServer, type BackupServer } from './backupServer.js';

/**
 * Backup and restore on real stores: a backup taken over HTTP while an editor keeps
 * writing is consistent (every change in it has its audit entry and every audit entry
 * its change), restores whole into an empty store (every node with its version, every
 * relationship, audit entry, node history, migration and account, and the same export
 * checksum), and a restore never overwrites a store that holds anything without force.
 */

const root = mkdtempSync(join(tmpdir(), 'gt-backup-restore-'));
let server: BackupServer;
let backup: BackupFile;
const acknowledged: { key: string; changeId: string; at: number }[] = [];
let backupStartedAt = 0;

const comparable = (b: BackupFile) => ({ nodes: b.nodes, relationships: b.relationships, system: b.system, counts: b.counts, checksum: b.checksum });

beforeAll(async () => {
  server = await startBackupServer();
  const editor = await server.signIn(ACCOUNTS[1].username, ACCOUNTS[1].password);
  const admin = await server.signIn(ACCOUNTS[0].username, ACCOUNTS[0].password);
  let stop = false;
  const writer = (async () => {
    for (let i = 0; !stop; i++) {
      const key = `live-${i}`;
      const res = await server.call(
        'POST',
        '/api/changes',
        {
          operations: [
            { op: 'create', node: { kind: 'Organisation', id: `org:backup-${key}`, props: { name: `Backup ${key}`, orgType: 'third sector' } } },
            { op: 'link', type: 'PARTNERS_IN', from: `org:backup-${key}`, to: 'lcja-2008:action:2.5.7' },
          ],
          reason: key,
        },
        editor,
      );
      if (res.status !== 201) throw new Error(`edit ${key} answered ${res.status}`);
      acknowledged.push({ key, changeId: res.body.changeId, at: Date.now() });
    }
  })();
  while (acknowledged.length < 3) await new Promise((r) => setTimeout(r, 20));
  backupStartedAt = Date.now();
  const res = await server.call('GET', '/api/backup', undefined, admin);
  const countAtAnswer = acknowledged.length;
  while (acknowledged.length < countAtAnswer + 2) await new Promise((r) => setTimeout(r, 20));
  stop = true;
  await writer;
  expect(res.status).toBe(200);
  backup = BackupFile.parse(res.body);
}, 240_000);

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a backup taken while an editor writes', () => {
  it('holds every change acknowledged before it began, and each change it holds whole with its audit entry', () => {
    const audit = new Map(backup.system.AuditEntry.map((e) => [e.reason as string | undefined, e.id as string]));
    const liveNodes = new Set(backup.nodes.filter((n) => String(n.properties.id).startsWith('org:backup-live-')).map((n) => String(n.properties.id)));
    const liveLinks = new Set(backup.relationships.filter((r) => r.from.startsWith('org:backup-live-')).map((r) => r.from));
    for (const a of acknowledged.filter((a) => a.at < backupStartedAt)) expect(audit.get(a.key), a.key).toBe(a.changeId);
    const inBackup = acknowledged.filter((a) => audit.has(a.key));
    expect(inBackup.length).toBeGreaterThanOrEqual(3);
    // Edits went on after it: the backup is a moment, not the end state.
    expect(inBackup.length).toBeLessThan(acknowledged.length);
    expect([...liveNodes].sort()).toEqual(inBackup.map((a) => `org:backup-${a.key}`).sort());
    expect([...liveLinks].sort()).toEqual([...liveNodes].sort());
  });

  it('carries the seed, the accounts and the migrations, and no session', () => {
    expect(backup.counts.nodes).toBe(backup.nodes.length);
    expect(backup.nodes.length).toBeGreaterThan(300);
    expect(backup.system.User.map((u) => u.id).sort()).toEqual(ACCOUNTS.map((a) => a.username).sort());
    expect(backup.system.User.every((u) => String(u.passwordHash).startsWith('$argon2id$'))).toBe(true);
    // Every migration this version has, each recorded once (1, 10, 11, 12 today).
    expect(backup.system.Migration.map((m) => m.migrationId)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(backup.system).not.toHaveProperty('Session');
  });
});

describe('restoring it into an empty store', () => {
  it('brings back every node, relationship, audit entry, history, migration and account, with the same checksum', async () => {
    const store = await openStoreAt(join(root, 'empty'));
    try {
      const report = await restoreBackup(store, backup);
      expect(report).toMatchObject({ nodes: backup.counts.nodes, relationships: backup.counts.relationships, migrationsApplied: [], checksumMatches: true, checksum: backup.checksum });
      expect(comparable(await takeBackup(store))).toEqual(comparable(backup));
    } finally {
      await store.close();
    }
  }, 120_000);

  it('serves it: the accounts sign in with their passwords and the audit log answers', async () => {
    const dir = join(root, 'served');
    const store = await openStoreAt(dir);
    await restoreBackup(store, backup);
    await store.close();
    const restored = await startBackupServer({ seed: false, dir });
    try {
      const editor = await restored.signIn(ACCOUNTS[1].username, ACCOUNTS[1].password);
      const first = acknowledged[0]!;
      const change = await restored.call('GET', `/api/changes/${first.changeId}`, undefined, editor);
      expect(change.status).toBe(200);
      expect(change.body).toMatchObject({ changeId: first.changeId, reason: first.key, actor: { id: ACCOUNTS[1].username } });
      const node = await restored.call('GET', `/api/nodes/org:backup-${first.key}`, undefined, editor);
      expect(node.body.node.version).toBe(1);
      expect(node.body.history.map((h: { changeId: string }) => h.changeId)).toEqual([first.changeId]);
    } finally {
      await restored.close();
    }
  }, 120_000);
});

describe('restoring into a store that holds something', () => {
  it('is refused without force and leaves the store as it was; with force the store becomes the backup', async () => {
    const dir = join(root, 'occupied');
    const occupied = await startBackupServer({ dir });
    await occupied.close();
    const store = await openStoreAt(dir);
    try {
      const before = comparable(await takeBackup(store));
      await expect(restoreBackup(store, backup)).rejects.toThrow(StoreNotEmptyError);
      await expect(restoreBackup(store, backup)).rejects.toThrow(/holds \d+ nodes, \d+ AuditEntry rows, \d+ NodeChange rows, 2 User rows/);
      expect(comparable(await takeBackup(store))).toEqual(before);
      const report = await restoreBackup(store, backup, { force: true });
      expect(report.checksumMatches).toBe(true);
      expect(comparable(await takeBackup(store))).toEqual(comparable(backup));
    } finally {
      await store.close();
    }
  }, 180_000);

  it('refuses a backup naming a link the model does not allow, before writing anything', async () => {
    const store = await openStoreAt(join(root, 'bad-link'));
    try {
      const bad = structuredClone(backup);
      bad.relationships[0] = { ...bad.relationships[0]!, fromKind: 'Milestone', toKind: 'Plan' };
      await expect(restoreBackup(store, bad)).rejects.toThrow(/relationships\.0: \w+ does not run from Milestone to Plan/);
      expect((await takeBackup(store)).counts).toMatchObject({ nodes: 0, relationships: 0, system: { AuditEntry: 0, User: 0 } });
    } finally {
      await store.close();
    }
  }, 60_000);
});
