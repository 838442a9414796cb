import { NODE_KINDS, type NodeKind, type RelationshipType } from '../../model/index.js';
import { systemQueryName } from '../../model/system.js';
import { systemRowOf } from '../changes/audit.js';
import { readExportGraph } from '../export/readGraph.js';
import type { GraphStore, NodeValue, Params, RelationshipValue, Row } from '../store/port.js';
import { BACKED_UP_TABLES, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, graphChecksum, type BackupFile } from './backupFile.js';

/**
 * Takes a backup while the server runs and edits continue. Consistency comes from
 * reading everything inside one write transaction of the store: on LadybugDB writes are
 * serialised, so no change commits between the first read and the last (edits wait the
 * second or two the reads take; nothing is written, and the checkpoint after it folds
 * the write log into the file); on Neo4j it is one transaction's view, on the leader.
 * The graph's checksum is computed from the very rows the backup holds.
 */
export async function takeBackup(store: GraphStore): Promise<BackupFile> {
  const engineVersion = await store.engineVersion();
  return store.write(async (tx) => {
    // readExportGraph reads the two export queries; hand it the rows already read in this transaction.
    const seen = new Map<string, Row[]>();
    const read = async (name: string, params?: Params) => {
      if (!seen.has(name)) seen.set(name, await tx.run(name, params));
      return seen.get(name)!;
    };
    const nodeRows = await read('export/all-nodes', { kinds: NODE_KINDS });
    const relRows = await read('export/all-relationships', { kinds: NODE_KINDS });
    const checksum = graphChecksum(await readExportGraph({ read }));
    const system = {} as BackupFile['system'];
    for (const table of BACKED_UP_TABLES) {
      system[table] = (await tx.run(systemQueryName('all', table))).map((r) => systemRowOf(table, r.n as NodeValue) as Record<string, unknown>);
    }
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      takenAt: new Date().toISOString(),
      store: { kind: store.kind, engineVersion },
      counts: { nodes: nodeRows.length, relationships: relRows.length, system: Object.fromEntries(Object.entries(system).map(([t, rows]) => [t, rows.length])) },
      checksum,
      nodes: nodeRows.map((r) => {
        const n = r.n as NodeValue;
        return { kind: n.label as NodeKind, properties: present(n.properties) };
      }),
      relationships: relRows.map((r) => ({
        type: String(r.type) as RelationshipType,
        fromKind: String(r.fromKind) as NodeKind,
        toKind: String(r.toKind) as NodeKind,
        from: String(r.from),
        to: String(r.to),
        properties: present((r.r as RelationshipValue).properties),
      })),
      system,
    };
  }) satisfies Promise<BackupFile>;
}

/** Stored properties without the nulls (a column the row does not use). */
function present(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([k, v]) => v !== null && v !== undefined && !k.startsWith('_')));
}
