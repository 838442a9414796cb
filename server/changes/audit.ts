import type { ChangeDiff, ChangeFeedParams, ChangeOrigin, ChangeRecord, ChangeOriginKind, DiffFieldChange, NodeHistoryEntry } from '../../model/changes.js';
import type { Actor } from '../../model/roles.js';
import { SYSTEM_TABLES, systemQueryName, type AuditEntryRow, type NodeChangeRow, type SystemRowOf, type SystemTable } from '../../model/system.js';
import type { NodeValue, Transaction } from '../store/port.js';
import type { Reader } from './workingGraph.js';

/**
 * The audit log: one AuditEntry per committed change, written in the change's own
 * transaction, read back for the feed, a node's history and reverts.
 */

/** A system row as stored (absent values are null) back to its zod shape (absent values left out). */
export function systemRowOf<T extends SystemTable>(table: T, node: NodeValue): SystemRowOf<T> {
  const present = Object.fromEntries(Object.entries(node.properties).filter(([, v]) => v !== null && v !== undefined));
  return SYSTEM_TABLES[table].parse(present) as SystemRowOf<T>;
}

/** Every column set (null where absent), as the generated upsert query expects. */
export function systemParams<T extends SystemTable>(table: T, row: SystemRowOf<T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SYSTEM_TABLES[table].shape)) out[key] = (row as Record<string, unknown>)[key] ?? null;
  return out;
}

export async function writeSystemRow<T extends SystemTable>(tx: Transaction, table: T, row: SystemRowOf<T>): Promise<void> {
  await writeSystemRows(tx, table, [row]);
}

export async function writeSystemRows<T extends SystemTable>(tx: Transaction, table: T, rows: SystemRowOf<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((row) => systemParams(table, SYSTEM_TABLES[table].parse(row) as SystemRowOf<T>));
    await tx.run(systemQueryName('upsert', table), { rows: batch });
  }
}

export async function readSystemRow<T extends SystemTable>(read: Reader, table: T, id: string): Promise<SystemRowOf<T> | null> {
  const node = (await read(systemQueryName('get', table), { id }))[0]?.n as NodeValue | undefined;
  return node ? systemRowOf(table, node) : null;
}

export async function nextSeq(read: Reader): Promise<number> {
  const seq = (await read('system/audit-last-seq'))[0]?.seq;
  return (typeof seq === 'number' ? seq : 0) + 1;
}

export type AuditInput = {
  changeId: string;
  seq: number;
  at: string;
  actor: Actor;
  reason?: string;
  origin: ChangeOrigin;
  approvedBy?: string;
  diff: ChangeDiff;
  planIds: string[];
};

export function touchedNodeIds(diff: ChangeDiff): string[] {
  const ids = new Set<string>();
  for (const n of [...diff.nodes.added, ...diff.nodes.updated, ...diff.nodes.removed]) ids.add(n.id);
  for (const r of [...diff.relationships.added, ...diff.relationships.removed]) ids.add(r.from).add(r.to);
  return [...ids];
}

export function auditRow(input: AuditInput): AuditEntryRow {
  return {
    id: input.changeId,
    seq: input.seq,
    at: input.at,
    actorId: input.actor.id,
    actorName: input.actor.name,
    actorRole: input.actor.role,
    ...(input.actor.organisationId ? { actorOrganisation: input.actor.organisationId } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    originKind: input.origin.kind,
    ...(input.origin.ref ? { originRef: input.origin.ref } : {}),
    ...(input.approvedBy ? { approvedBy: input.approvedBy } : {}),
    // Records (saved analyses) by their ids too, so the feed filtered by one finds its changes.
    nodeIds: [...touchedNodeIds(input.diff), ...(input.diff.records ?? []).map((r) => r.id)],
    planIds: input.planIds,
    diff: JSON.stringify(input.diff),
  };
}

export function changeRecordOf(row: AuditEntryRow): ChangeRecord {
  return {
    changeId: row.id,
    seq: row.seq,
    at: row.at,
    actor: { id: row.actorId, name: row.actorName, role: row.actorRole, ...(row.actorOrganisation ? { organisationId: row.actorOrganisation } : {}) },
    reason: row.reason ?? null,
    origin: { kind: row.originKind as ChangeOriginKind, ...(row.originRef ? { ref: row.originRef } : {}) },
    approvedBy: row.approvedBy ?? null,
    diff: JSON.parse(row.diff) as ChangeDiff,
  };
}

export async function readChange(read: Reader, changeId: string): Promise<ChangeRecord | null> {
  const row = await readSystemRow(read, 'AuditEntry', changeId);
  return row ? changeRecordOf(row) : null;
}

/** ISO UTC, the form every stored time has, so that text order is time order. */
export const utc = (time: string) => new Date(time).toISOString();

/** The feed, newest first, one page; `next` is the `before` of the following page. */
export async function readFeed(read: Reader, params: Omit<ChangeFeedParams, 'status'>): Promise<{ changes: ChangeRecord[]; next: number | null }> {
  const rows = await read('system/audit-feed', {
    node: params.node ?? '',
    author: params.author ?? '',
    plan: params.plan ?? '',
    since: params.since ? utc(params.since) : '',
    until: params.until ? utc(params.until) : '',
    before: params.before ?? 0,
    cap: params.limit + 1,
  });
  const changes = rows.slice(0, params.limit).map((r) => changeRecordOf(systemRowOf('AuditEntry', r.e as NodeValue)));
  return { changes, next: rows.length > params.limit ? changes.at(-1)!.seq : null };
}

// ---------------------------------------------------------------- a node's provenance history

/** Each node's part in a change, one row per node the diff touches. */
export function nodeChangeRows(input: AuditInput): NodeChangeRow[] {
  const rows = new Map<string, NodeChangeRow>();
  const rowFor = (nodeId: string, action: NodeChangeRow['action']) => {
    let row = rows.get(nodeId);
    if (!row) {
      row = {
        id: `${input.changeId}|${nodeId}`,
        changeId: input.changeId,
        nodeId,
        seq: input.seq,
        at: input.at,
        actorId: input.actor.id,
        actorName: input.actor.name,
        ...(input.reason ? { reason: input.reason } : {}),
        originKind: input.origin.kind,
        ...(input.origin.ref ? { originRef: input.origin.ref } : {}),
        action,
        fields: '[]',
        relationships: '[]',
      };
      rows.set(nodeId, row);
    }
    return row;
  };
  for (const n of input.diff.nodes.added) {
    rowFor(n.id, 'created').fields = JSON.stringify(
      Object.entries(n.props)
        .filter(([, v]) => v !== null)
        .map(([field, after]) => ({ field, before: null, after })),
    );
  }
  for (const u of input.diff.nodes.updated) rowFor(u.id, 'updated').fields = JSON.stringify(u.fields);
  for (const n of input.diff.nodes.removed) {
    rowFor(n.id, 'removed').fields = JSON.stringify(
      Object.entries(n.props)
        .filter(([, v]) => v !== null)
        .map(([field, before]) => ({ field, before, after: null })),
    );
  }
  const links = new Map<string, { type: string; from: string; to: string; change: 'added' | 'removed' }[]>();
  for (const [change, list] of [
    ['added', input.diff.relationships.added],
    ['removed', input.diff.relationships.removed],
  ] as const) {
    for (const r of list) {
      for (const end of new Set([r.from, r.to])) {
        rowFor(end, change === 'added' ? 'linked' : 'unlinked');
        links.set(end, [...(links.get(end) ?? []), { type: r.type, from: r.from, to: r.to, change }]);
      }
    }
  }
  for (const [id, list] of links) rows.get(id)!.relationships = JSON.stringify(list);
  return [...rows.values()];
}

export function historyEntryOf(row: NodeChangeRow): NodeHistoryEntry {
  return {
    changeId: row.changeId,
    at: row.at,
    author: row.actorName,
    reason: row.reason ?? null,
    origin: { kind: row.originKind as ChangeOriginKind, ...(row.originRef ? { ref: row.originRef } : {}) },
    action: row.action,
    fields: JSON.parse(row.fields) as DiffFieldChange[],
    relationships: JSON.parse(row.relationships) as NodeHistoryEntry['relationships'],
  };
}

export async function readNodeHistory(read: Reader, id: string, cap = 500): Promise<NodeHistoryEntry[]> {
  const rows = await read('system/node-history', { id, cap });
  return rows.map((r) => historyEntryOf(systemRowOf('NodeChange', r.h as NodeValue)));
}
