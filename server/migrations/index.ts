import { systemQueryName, type MigrationRow } from '../../model/system.js';
import { systemRowOf, writeSystemRow } from '../changes/audit.js';
import type { GraphStore, NodeValue } from '../store/port.js';
import { migration as m0001 } from './0001-serves-evidence.js';
import { migration as m0002 } from './0002-session-last-seen.js';
import { migration as m0003 } from './0003-user-totp.js';
import { migration as m0004 } from './0004-session-oidc.js';
import { migration as m0010 } from './0010-basis-columns.js';
import { migration as m0011 } from './0011-seed-bases-and-corrections.js';
import { migration as m0012 } from './0012-programmes-outputs-objectives.js';
import { migration as m0050 } from './0050-indicator-baseline.js';
import type { Migration } from './migration.js';

/**
 * The migrations, in id order, and the runner that brings a store up to date: a data
 * directory made by an earlier version opens and upgrades instead of being reset.
 * Add a migration by writing server/migrations/NNNN-name.ts and listing it here.
 */

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0010, m0011, m0012, m0050];

export type MigrationReport = { applied: { id: number; name: string }[]; alreadyApplied: number[] };

function checkOrder(migrations: readonly Migration[]): void {
  for (const [i, m] of migrations.entries()) {
    if (!Number.isInteger(m.id) || m.id < 1) throw new Error(`migration ${m.name} has id ${m.id}: ids are whole numbers from 1`);
    if (i > 0 && m.id <= migrations[i - 1]!.id) throw new Error(`migration ${m.id} (${m.name}) is listed after ${migrations[i - 1]!.id}: list them in increasing id order, each id once`);
  }
}

export async function appliedMigrations(store: GraphStore): Promise<MigrationRow[]> {
  return (await store.read(systemQueryName('all', 'Migration'))).map((r) => systemRowOf('Migration', r.n as NodeValue));
}

/** Runs every migration the store has not recorded, in id order, recording each as it completes. */
export async function runMigrations(store: GraphStore, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  checkOrder(migrations);
  const done = new Set((await appliedMigrations(store)).map((m) => m.migrationId));
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const m of migrations) {
    if (done.has(m.id)) {
      report.alreadyApplied.push(m.id);
      continue;
    }
    await m.up(store);
    // Recorded after it ran: a migration interrupted part way runs again, which its idempotence allows.
    const row: MigrationRow = { id: String(m.id).padStart(4, '0'), migrationId: m.id, name: m.name, appliedAt: new Date().toISOString() };
    await store.write((tx) => writeSystemRow(tx, 'Migration', row));
    report.applied.push({ id: m.id, name: m.name });
  }
  return report;
}
