import { z } from 'zod';
import {
  NodeId,
  NodeInput,
  RelationshipInput,
  RelationshipTypeSchema,
  allowsEndpoints,
  relationshipId,
  type NodeKind,
  type NodeInputDraft,
} from '../../model/index.js';
import { kebab } from '../cypher/fromModel.js';
import type { GraphStore, NodeValue, Transaction } from '../store/port.js';
import { invalidateReadCaches } from './readCache.js';
import { nodeParams, relationshipParams, sameColumns } from './records.js';
import { ValidationError, parseOrThrow } from './validationError.js';

/**
 * The one place writes go through. Every change is validated against the domain
 * model before anything runs, then applied in a single transaction: all of it or
 * none of it. Upserts are idempotent: a node whose values are unchanged keeps its
 * version; a changed one gets version + 1.
 */

export type ChangeSet = {
  nodes?: (NodeInput | NodeInputDraft)[];
  relationships?: unknown[];
  deleteNodes?: string[];
  deleteRelationships?: { type: string; from: string; to: string }[];
};

export type ChangeSummary = {
  created: number;
  updated: number;
  unchanged: number;
  relationshipsWritten: number;
  deleted: number;
};

const RelationshipKey = z.object({ type: RelationshipTypeSchema, from: NodeId, to: NodeId }).strict();

type Validated = {
  nodes: NodeInput[];
  relationships: RelationshipInput[];
  deleteNodes: string[];
  deleteRelationships: z.infer<typeof RelationshipKey>[];
};

function validate(changes: ChangeSet): Validated {
  const issues: ValidationError['issues'] = [];
  const collect = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ValidationError) issues.push(...err.issues);
      else throw err;
      return undefined;
    }
  };
  const nodes = (changes.nodes ?? []).map((n, i) => collect(() => parseOrThrow(NodeInput, n, ['nodes', i])));
  const relationships = (changes.relationships ?? []).map((r, i) =>
    collect(() => parseOrThrow(RelationshipInput, r, ['relationships', i]) as RelationshipInput),
  );
  const deleteNodes = (changes.deleteNodes ?? []).map((id, i) => collect(() => parseOrThrow(NodeId, id, ['deleteNodes', i])));
  const deleteRelationships = (changes.deleteRelationships ?? []).map((key, i) =>
    collect(() => parseOrThrow(RelationshipKey, key, ['deleteRelationships', i])),
  );
  if (issues.length) throw new ValidationError(issues);
  return {
    nodes: nodes as NodeInput[],
    relationships: relationships as RelationshipInput[],
    deleteNodes: deleteNodes as string[],
    deleteRelationships: deleteRelationships as Validated['deleteRelationships'],
  };
}

/** Rows per batch statement: large enough to amortise a call, small enough to keep memory flat. */
const BATCH = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** The stored nodes behind a set of ids, whatever their kinds, in one query per batch. */
async function storedNodes(tx: Transaction, ids: string[]): Promise<Map<string, NodeValue>> {
  const found = new Map<string, NodeValue>();
  for (const batch of chunks([...new Set(ids)])) {
    for (const row of await tx.run('graph/nodes-by-id', { ids: batch })) {
      const node = row.n as NodeValue;
      found.set(String(node.properties.id), node);
    }
  }
  return found;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export class GraphWriter {
  constructor(private readonly store: GraphStore) {}

  /** Validates and applies a change set in one transaction. */
  async apply(changes: ChangeSet): Promise<ChangeSummary> {
    const valid = validate(changes);
    const summary = await this.store.write(async (tx) => {
      const summary: ChangeSummary = { created: 0, updated: 0, unchanged: 0, relationshipsWritten: 0, deleted: 0 };
      const relIds = valid.relationships.flatMap((r) => [r.from, r.to]);
      const delIds = [...valid.deleteNodes, ...valid.deleteRelationships.flatMap((d) => [d.from, d.to])];
      const existing = await storedNodes(tx, [...valid.nodes.map((n) => n.id), ...relIds, ...delIds]);
      const kinds = new Map<string, NodeKind>([...existing].map(([id, n]) => [id, n.label as NodeKind]));

      // Nodes: unchanged ones are left alone (so their version stays); the rest are written in batches per kind.
      const toWrite: { kind: NodeKind; params: Record<string, unknown> }[] = [];
      for (const [i, node] of valid.nodes.entries()) {
        const stored = existing.get(node.id);
        if (stored && stored.label !== node.kind) {
          throw new ValidationError([{ field: `nodes.${i}.id`, reason: `${node.id} is already a ${stored.label}, not a ${node.kind}` }]);
        }
        const params = nodeParams(node, 0);
        if (stored && sameColumns(stored.properties, params)) {
          summary.unchanged++;
        } else {
          params.version = stored ? Number(stored.properties.version ?? 0) + 1 : 1;
          toWrite.push({ kind: node.kind, params });
          if (stored) summary.updated++;
          else summary.created++;
        }
        kinds.set(node.id, node.kind);
      }
      for (const [kind, group] of groupBy(toWrite, (w) => w.kind)) {
        for (const batch of chunks(group)) {
          await tx.run(`nodes/upsert-${kebab(kind)}`, { rows: batch.map((w) => w.params) });
        }
      }

      // Relationships: both ends must exist (in the store or in this change set) and be kinds the type joins.
      const issues: ValidationError['issues'] = [];
      const resolved = valid.relationships.map((rel, i) => {
        const fromKind = kinds.get(rel.from);
        const toKind = kinds.get(rel.to);
        if (!fromKind) issues.push({ field: `relationships.${i}.from`, reason: `no node with id ${rel.from}` });
        if (!toKind) issues.push({ field: `relationships.${i}.to`, reason: `no node with id ${rel.to}` });
        if (fromKind && toKind && !allowsEndpoints(rel.type, fromKind, toKind)) {
          issues.push({ field: `relationships.${i}.type`, reason: `${rel.type} cannot join a ${fromKind} to a ${toKind}` });
        }
        return { rel, query: `relationships/upsert-${kebab(rel.type)}-${kebab(fromKind ?? 'Plan')}-to-${kebab(toKind ?? 'Plan')}` };
      });
      if (issues.length) throw new ValidationError(issues);
      for (const [query, group] of groupBy(resolved, (r) => r.query)) {
        for (const batch of chunks(group)) {
          await tx.run(query, { rows: batch.map(({ rel }) => relationshipParams(rel, relationshipId(rel.from, rel.type, rel.to))) });
          summary.relationshipsWritten += batch.length;
        }
      }

      for (const [i, del] of valid.deleteRelationships.entries()) {
        const fromKind = kinds.get(del.from);
        const toKind = kinds.get(del.to);
        if (!fromKind || !toKind || !allowsEndpoints(del.type, fromKind, toKind)) {
          throw new ValidationError([{ field: `deleteRelationships.${i}`, reason: `no ${del.type} from ${del.from} to ${del.to}` }]);
        }
        await tx.run(`relationships/delete-${kebab(del.type)}-${kebab(fromKind)}-to-${kebab(toKind)}`, { from: del.from, to: del.to });
        summary.deleted++;
      }

      for (const [i, id] of valid.deleteNodes.entries()) {
        const kind = kinds.get(id);
        if (!kind) throw new ValidationError([{ field: `deleteNodes.${i}`, reason: `no node with id ${id}` }]);
        await tx.run(`nodes/delete-${kebab(kind)}`, { id });
        kinds.delete(id);
        summary.deleted++;
      }
      return summary;
    });
    invalidateReadCaches(this.store);
    return summary;
  }
}
