import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/migrations/index.js';
import { runCli as cli } from '../fixtures/cli.js';
import { ACCOUNTS, startBackupServer, type BackupServer } from './backupServer.js';

/**
 * `npm run cli -- backup` and `restore` in real child processes: a backup from the
 * running server (password on standard input), restored into an empty data folder,
 * a second restore into it refused, and a file that is not a backup named as such.
 */

const root = mkdtempSync(join(tmpdir(), 'gt-backup-cli-'));
const file = join(root, 'backup.json');
const target = { GT_DATA_DIR: join(root, 'restored'), GT_BUFFER_POOL_MB: '192' };
let server: BackupServer;

beforeAll(async () => {
  // No seed: a handful of nodes keeps the child processes quick; the round trip of the seed is in backupRestore.spec.ts.
  server = await startBackupServer({ seed: false, accounts: true });
  const editor = await server.signIn(ACCOUNTS[1].username, ACCOUNTS[1].password);
  const res = await server.call(
    'POST',
    '/api/changes',
    { operations: [{ op: 'create', node: { kind: 'Organisation', id: 'org:cli-backup', props: { name: 'CLI backup', orgType: 'other' } } }], reason: 'for the cli' },
    editor,
  );
  expect(res.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run cli -- backup and restore', () => {
  it('backs up the running server and restores into an empty folder; a second restore there is refused', async () => {
    const taken = await cli(['backup', file, '--server', server.base, '--user', ACCOUNTS[0].username], {}, `${ACCOUNTS[0].password}\n`);
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    expect(taken.stdout).toMatch(
      new RegExp(
        `^wrote .*backup\\.json: 1 nodes, 0 relationships, 1 AuditEntry, 1 NodeChange, 0 PendingChange, ${MIGRATIONS.length} Migration, 2 User, 0 Snapshot, 0 SnapshotGraph, 0 NamedView, 0 SavedAnalysis, 0 Seminar, 0 SeminarEvent, 0 SeminarParticipant, 0 Proposal, 0 DotRound, 0 SeminarVote, 0 OidcIdentity; graph checksum [0-9a-f]{64}`,
      ),
    );
    expect(existsSync(`${file}.partial`)).toBe(false);

    const restored = await cli(['restore', file], target);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      new RegExp(
        `restored .*: 1 nodes, 0 relationships, 1 AuditEntry, 1 NodeChange, 0 PendingChange, ${MIGRATIONS.length} Migration, 2 User, 0 Snapshot, 0 SnapshotGraph, 0 NamedView, 0 SavedAnalysis, 0 Seminar, 0 SeminarEvent, 0 SeminarParticipant, 0 Proposal, 0 DotRound, 0 SeminarVote, 0 OidcIdentity\ngraph checksum [0-9a-f]{64} matches the backup`,
      ),
    );

    const again = await cli(['restore', file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/golden-thread restore: the store is not empty \(it holds 1 nodes, 1 AuditEntry rows, 1 NodeChange rows, 2 User rows\); .* --force/);
  }, 180_000);

  it('names what is wrong with a file that is not a backup, and a wrong password', async () => {
    const junk = join(root, 'junk.json');
    writeFileSync(junk, JSON.stringify({ format: 'golden-thread-graph' }));
    const res = await cli(['restore', junk], { GT_DATA_DIR: join(root, 'junk-target') });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/junk\.json: not a Golden Thread backup: format /);
    const denied = await cli(['backup', file, '--server', server.base, '--user', ACCOUNTS[0].username], {}, 'not the password\n');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/signing in to .* as backup-admin answered 401/);
  }, 120_000);
});
