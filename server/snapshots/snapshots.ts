import { snapshotIdOf, type SnapshotCreateBody } from '../../model/snapshots.js';
import { SnapshotGraphRow, SnapshotRow, systemQueryName } from '../../model/system.js';
import type { Actor } from '../../model/roles.js';
import { readExportGraph, type ExportGraph } from '../export/readGraph.js';
import type { GraphStore, NodeValue, Row } from '../store/port.js';
import { decodeSnapshotGraph, encodeSnapshotGraph } from './snapshotCodec.js';

/**
 * Named snapshots kept in the graph store (system tables Snapshot and SnapshotGraph):
 * freeze the whole domain graph under a name, list them, read one back. A snapshot is
 * a record, not a change to the plans, so it does not go through the change pipeline;
 * its row and its graph are written in one transaction, or not at all.
 */

const Q = {
  get: systemQueryName('get', 'Snapshot'),
  all: systemQueryName('all', 'Snapshot'),
  upsert: systemQueryName('upsert', 'Snapshot'),
  remove: systemQueryName('delete', 'Snapshot'),
  getGraph: systemQueryName('get', 'SnapshotGraph'),
  upsertGraph: systemQueryName('upsert', 'SnapshotGraph'),
  removeGraph: systemQueryName('delete', 'SnapshotGraph'),
} as const;

export class SnapshotExists extends Error {
  constructor(readonly id: string) {
    super(`a snapshot named like that already exists: ${id}`);
    this.name = 'SnapshotExists';
  }
}

const props = (row: Row | undefined) => {
  const p = (row?.n as NodeValue | undefined)?.properties;
  return p ? Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null)) : undefined;
};

export async function createSnapshot(store: GraphStore, body: SnapshotCreateBody, actor: Pick<Actor, 'id' | 'name'>, now = new Date()): Promise<SnapshotRow> {
  const graph = await readExportGraph(store);
  const at = now.toISOString();
  const row = SnapshotRow.parse({
    id: snapshotIdOf(body.name),
    name: body.name,
    ...(body.note ? { note: body.note } : {}),
    createdAt: at,
    createdBy: actor.id,
    createdByName: actor.name,
    nodes: graph.nodes.length,
    relationships: graph.relationships.length,
  });
  const graphRow = SnapshotGraphRow.parse({ id: row.id, graph: encodeSnapshotGraph(graph, at) });
  return store.write(async (tx) => {
    // Checked inside the transaction that writes, so two people freezing the same name cannot both win.
    if ((await tx.run(Q.get, { id: row.id })).length > 0) throw new SnapshotExists(row.id);
    await tx.run(Q.upsert, { rows: [{ ...row, note: row.note ?? null }] });
    await tx.run(Q.upsertGraph, { rows: [graphRow] });
    return row;
  });
}

/** Newest first. */
export async function listSnapshots(store: GraphStore): Promise<SnapshotRow[]> {
  const rows = (await store.read(Q.all)).map((r) => SnapshotRow.parse(props(r)));
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1));
}

export async function getSnapshot(store: GraphStore, id: string): Promise<SnapshotRow | undefined> {
  const p = props((await store.read(Q.get, { id }))[0]);
  return p ? SnapshotRow.parse(p) : undefined;
}

export async function snapshotGraph(store: GraphStore, id: string): Promise<ExportGraph | undefined> {
  const p = props((await store.read(Q.getGraph, { id }))[0]);
  return p ? decodeSnapshotGraph(SnapshotGraphRow.parse(p).graph) : undefined;
}

/** Answers whether there was one to delete. */
export function deleteSnapshot(store: GraphStore, id: string): Promise<boolean> {
  return store.write(async (tx) => {
    if ((await tx.run(Q.get, { id })).length === 0) return false;
    await tx.run(Q.remove, { id });
    await tx.run(Q.removeGraph, { id });
    return true;
  });
}

/** One side of a comparison, read: `current` is the graph now. */
export async function graphOfSide(store: GraphStore, side: string): Promise<{ label: string; graph: ExportGraph } | undefined> {
  if (side === 'current') return { label: 'the graph now', graph: await readExportGraph(store) };
  const [row, graph] = await Promise.all([getSnapshot(store, side), snapshotGraph(store, side)]);
  return row && graph ? { label: row.name, graph } : undefined;
}
