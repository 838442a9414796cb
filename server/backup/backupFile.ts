import { createHash } from 'node:crypto';
import { z } from 'zod';
import { NodeKindSchema, RelationshipTypeSchema } from '../../model/index.js';
import { SYSTEM_TABLE_NAMES, type SystemTable } from '../../model/system.js';
import { exportJson } from '../export/exportJson.js';
import type { ExportGraph } from '../export/readGraph.js';

/**
 * A backup: the whole store as one JSON file, read through the store port so that it is
 * the same for LadybugDB and Neo4j and restores into either. Nodes and relationships are
 * kept as stored (every property, versions included, so expected versions and the
 * audit log still agree after a restore); system rows as their zod shapes
 * (model/system.ts). Sessions are left out: a restore signs everyone out.
 *
 * `checksum` is the SHA-256 of the JSON export (server/export/exportJson.ts) of the
 * domain graph at the moment of the backup, with its `exportedAt` fixed, so that a
 * restore can prove it brought back the same graph.
 */

export const BACKUP_FORMAT = 'golden-thread-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** System tables a backup carries: all but sessions and sign-in failure counts (a restore signs everyone out and forgets the counts). */
const NOT_BACKED_UP = ['Session', 'SignInFailure'] as const;
// filter() cannot narrow without a type predicate: the assertion is the narrowing.
export const BACKED_UP_TABLES = SYSTEM_TABLE_NAMES.filter((t) => !(NOT_BACKED_UP as readonly string[]).includes(t)) as Exclude<SystemTable, (typeof NOT_BACKED_UP)[number]>[];

const Properties = z.record(z.string(), z.unknown());

export const BackupFile = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    takenAt: z.string(),
    store: z.object({ kind: z.string(), engineVersion: z.string() }).strict(),
    counts: z.object({ nodes: z.int().min(0), relationships: z.int().min(0), system: z.record(z.string(), z.int().min(0)) }).strict(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
    nodes: z.array(z.object({ kind: NodeKindSchema, properties: Properties.refine((p) => typeof p.id === 'string', 'must have an id') }).strict()),
    relationships: z.array(z.object({ type: RelationshipTypeSchema, fromKind: NodeKindSchema, toKind: NodeKindSchema, from: z.string(), to: z.string(), properties: Properties }).strict()),
    system: z.object(Object.fromEntries(BACKED_UP_TABLES.map((t) => [t, z.array(Properties)])) as Record<(typeof BACKED_UP_TABLES)[number], z.ZodArray<typeof Properties>>).strict(),
  })
  .strict();
export type BackupFile = z.infer<typeof BackupFile>;

const CHECKSUM_TIME = '1970-01-01T00:00:00.000Z';

/** SHA-256 of the graph's JSON export, independent of when it was taken. */
export function graphChecksum(graph: ExportGraph): string {
  return createHash('sha256').update(exportJson(graph, CHECKSUM_TIME)).digest('hex');
}
