import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BackupFile } from '../../backup/backupFile.js';
import { restoreBackup, StoreNotEmptyError } from '../../backup/restoreBackup.js';
import { ValidationError } from '../../graph/validationError.js';
import { CliError, openStore, type CliCommand } from '../command.js';

/** `npm run cli -- restore FILE [--force]`. */

const usage = `usage: npm run cli -- restore FILE [--force]

Brings a backup made by "npm run cli -- backup" back into the store the settings name
(GT_DATA_DIR or NEO4J_URI), in one transaction, then runs the migrations the backup's
version lacked, and checks the restored graph against the checksum in FILE.
With the embedded store, stop the server first. Everyone signs in again afterwards.

  --force   replace a store that already holds nodes, changes or accounts
            (without it, such a store is left untouched and the restore refused)

example: GT_DATA_DIR=./data-restored npm run cli -- restore backups/gt-2026-12-02.json`;

export const command: CliCommand = {
  summary: 'bring a backup back into an empty store (or, with --force, replace one)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
    if (positionals.length !== 1) throw new CliError('name one backup file: restore FILE');
    const path = positionals[0]!;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new CliError(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(err as Error).message})`}`);
    }
    const parsed = BackupFile.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CliError(`${path}: not a Golden Thread backup: ${issue.path.join('.') || 'file'} ${issue.message}`);
    }
    const store = await openStore();
    try {
      const report = await restoreBackup(store, parsed.data, { force: values.force });
      const system = Object.entries(report.system)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ');
      io.out(`restored ${path}: ${report.nodes} nodes, ${report.relationships} relationships, ${system}`);
      if (report.migrationsApplied.length) io.out(`then applied migrations ${report.migrationsApplied.join(', ')} (the backup came from an earlier version)`);
      if (report.checksumMatches) io.out(`graph checksum ${report.checksum} matches the backup`);
      else if (!report.migrationsApplied.length) throw new CliError(`the restored graph's checksum ${report.checksum} differs from the backup's ${parsed.data.checksum}`);
      return 0;
    } catch (err) {
      if (err instanceof StoreNotEmptyError) throw new CliError(err.message);
      if (err instanceof ValidationError) throw new CliError(`${path}: ${err.issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`);
      throw err;
    } finally {
      await store.close();
    }
  },
};
