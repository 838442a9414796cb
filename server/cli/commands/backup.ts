import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fetchBackup } from '../../backup/fetchBackup.js';
import { takeBackup } from '../../backup/takeBackup.js';
import type { BackupFile } from '../../backup/backupFile.js';
import { StoreError } from '../../store/port.js';
import { CliError, openStore, type CliCommand } from '../command.js';

/** `npm run cli -- backup FILE [--server URL --user NAME]`. */

const usage = `usage: npm run cli -- backup FILE [--server URL --user NAME]

Writes the whole store (every node and relationship with its version and provenance,
the audit log, node histories, queued changes, migrations and accounts; not sessions)
to FILE as JSON, taken in one transaction so that it is consistent while edits go on.

  without --server   opens the store the settings name (GT_DATA_DIR or NEO4J_URI);
                     with the embedded store, only while the server is stopped
  --server URL       asks the running server for it (GET /api/backup) as the
  --user NAME        administrator NAME; the password is asked for at the terminal
                     or read as the first line of standard input

FILE holds password hashes: keep it where the store itself is kept.
Restore with: npm run cli -- restore FILE

example: printf '%s\\n' "$ADMIN_PASSWORD" | npm run cli -- backup backups/gt-$(date +%F).json --server http://127.0.0.1:3000 --user jane`;

export const command: CliCommand = {
  summary: 'write a consistent copy of the whole store to a file (also while the server runs)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { server: { type: 'string' }, user: { type: 'string' } } });
    if (positionals.length !== 1) throw new CliError('name one file to write: backup FILE');
    const file = positionals[0]!;
    if (values.server && !values.user) throw new CliError('--server needs --user NAME, an administrator');
    let backup: BackupFile;
    if (values.server) {
      const password = await io.readSecret(`password for ${values.user}: `);
      backup = await fetchBackup(values.server, values.user!, password);
    } else {
      const store = await openStore().catch((err: unknown) => {
        if (err instanceof StoreError && /another Golden Thread process/.test(err.message)) {
          throw new CliError('the server is using the embedded store; take the backup through it: backup FILE --server http://127.0.0.1:PORT --user ADMIN');
        }
        throw err;
      });
      try {
        backup = await takeBackup(store);
      } finally {
        await store.close();
      }
    }
    // Written beside, then renamed: a backup interrupted half-way never replaces a good one.
    const text = JSON.stringify(backup);
    writeFileSync(`${file}.partial`, text);
    renameSync(`${file}.partial`, file);
    const system = Object.entries(backup.counts.system)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ');
    io.out(`wrote ${file}: ${backup.counts.nodes} nodes, ${backup.counts.relationships} relationships, ${system}; graph checksum ${backup.checksum} (${Buffer.byteLength(text)} bytes)`);
    return 0;
  },
};
