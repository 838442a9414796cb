import { NODE_KINDS, RELATIONSHIP_SCHEMAS } from '../../model/index.js';
import { SYSTEM_TABLE_NAMES, SYSTEM_TABLES, systemQueryName, type SystemTable } from '../../model/system.js';
import { writeSystemRows } from '../changes/audit.js';
import { endpointQueryName, kebab, nodeColumns, relationshipColumns } from '../cypher/fromModel.js';
import { readExportGraph } from '../export/readGraph.js';
import { ValidationError } from '../graph/validationError.js';
import { runMigrations } from '../migrations/index.js';
import type { GraphStore, NodeValue, Transaction } from '../store/port.js';
import { BACKED_UP_TABLES, graphChecksum, type BackupFile } from './backupFile.js';

/**
 * Brings a backup back into a store, in one write transaction: all of it or, if
 * anything fails, nothing. A store holding anything of its own (domain nodes, audit
 * entries, accounts, queued changes) is refused unless `force`, which first removes
 * everything in it. Migrations recorded in the store are replaced by the backup's, then
 * the migrations the backup's version lacked are run, so a backup from an earlier
 * version restores and upgrades. Finally the restored graph's export checksum is compared
 * with the one taken at backup time.
 */

export class StoreNotEmptyError extends Error {
  constructor(readonly holds: string) {
    super(`the store is not empty (it holds ${holds}); restore into an empty store, or pass --force to replace everything in it`);
    this.name = 'StoreNotEmptyError';
  }
}

export type RestoreReport = {
  nodes: number;
  relationships: number;
  system: Record<string, number>;
  migrationsApplied: number[];
  /** The restored graph's checksum equals the backup's (always expected unless a migration changed the data). */
  checksumMatches: boolean;
  checksum: string;
};

const OWN_DATA_TABLES: SystemTable[] = ['AuditEntry', 'NodeChange', 'PendingChange', 'User'];
const BATCH = 500;

async function whatItHolds(store: GraphStore): Promise<string | null> {
  const parts: string[] = [];
  const nodes = await store.read('export/all-nodes', { kinds: NODE_KINDS });
  if (nodes.length) parts.push(`${nodes.length} nodes`);
  for (const table of OWN_DATA_TABLES) {
    const rows = await store.read(systemQueryName('all', table));
    if (rows.length) parts.push(`${rows.length} ${table} rows`);
  }
  return parts.length ? parts.join(', ') : null;
}

/** Endpoints and tables the model does not know are refused before anything is written. */
function checkAgainstModel(file: BackupFile): void {
  const issues = file.relationships.flatMap((r, i) =>
    RELATIONSHIP_SCHEMAS[r.type].endpoints.some(([f, t]) => f === r.fromKind && t === r.toKind)
      ? []
      : [{ field: `relationships.${i}`, reason: `${r.type} does not run from ${r.fromKind} to ${r.toKind}` }],
  );
  for (const table of BACKED_UP_TABLES) {
    for (const [i, row] of file.system[table].entries()) {
      const parsed = SYSTEM_TABLES[table].safeParse(row);
      if (!parsed.success) issues.push({ field: `system.${table}.${i}.${parsed.error.issues[0]!.path.join('.')}`, reason: parsed.error.issues[0]!.message });
    }
  }
  if (issues.length) throw new ValidationError(issues.slice(0, 20));
}

async function removeEverything(tx: Transaction): Promise<void> {
  for (const row of await tx.run('export/all-nodes', { kinds: NODE_KINDS })) {
    const n = row.n as NodeValue;
    await tx.run(`nodes/delete-${kebab(n.label)}`, { id: n.properties.id });
  }
  for (const table of SYSTEM_TABLE_NAMES) {
    for (const row of await tx.run(systemQueryName('all', table))) await tx.run(systemQueryName('delete', table), { id: (row.n as NodeValue).properties.id });
  }
}

function grouped<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

async function inBatches(tx: Transaction, query: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.run(query, { rows: rows.slice(i, i + BATCH) });
}

/** Every column the upsert sets, null where the stored item had none. */
function fullRow(columns: { name: string }[], properties: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of columns) row[c.name] = properties[c.name] ?? null;
  return row;
}

export async function restoreBackup(store: GraphStore, file: BackupFile, options: { force?: boolean } = {}): Promise<RestoreReport> {
  checkAgainstModel(file);
  if (!options.force) {
    const holds = await whatItHolds(store);
    if (holds) throw new StoreNotEmptyError(holds);
  }
  await store.write(async (tx) => {
    if (options.force) await removeEverything(tx);
    else for (const row of await tx.run(systemQueryName('all', 'Migration'))) await tx.run(systemQueryName('delete', 'Migration'), { id: (row.n as NodeValue).properties.id });
    for (const [kind, nodes] of grouped(file.nodes, (n) => n.kind)) {
      await inBatches(
        tx,
        `nodes/upsert-${kebab(kind)}`,
        nodes.map((n) => fullRow(nodeColumns(n.kind), n.properties)),
      );
    }
    for (const [query, rels] of grouped(file.relationships, (r) => `relationships/upsert-${endpointQueryName(r.type, r.fromKind, r.toKind)}`)) {
      await inBatches(
        tx,
        query,
        rels.map((r) => ({ ...fullRow(relationshipColumns(r.type), r.properties), from: r.from, to: r.to })),
      );
    }
    for (const table of BACKED_UP_TABLES) await writeSystemRows(tx, table, file.system[table] as never[]);
  });
  const migrations = await runMigrations(store);
  const graph = await readExportGraph(store);
  const checksum = graphChecksum(graph);
  const system: Record<string, number> = {};
  for (const table of BACKED_UP_TABLES) system[table] = (await store.read(systemQueryName('all', table))).length;
  return {
    nodes: graph.nodes.length,
    relationships: graph.relationships.length,
    system,
    migrationsApplied: migrations.applied.map((m) => m.id),
    checksumMatches: checksum === file.checksum,
    checksum,
  };
}
