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

async function kindOf(tx: Transaction, id: string, known: Map<string, NodeKind>): Promise<NodeKind | undefined> {
  const cached = known.get(id);
  if (cached) return cached;
  const rows = await tx.run('nodes/get-node', { id });
  const node = rows[0]?.n as NodeValue | undefined;
  if (node) known.set(id, node.label as NodeKind);
  return node?.label as NodeKind | undefined;
}

export class GraphWriter {
  constructor(private readonly store: GraphStore) {}

  /** Validates and applies a change set in one transaction. */
  async apply(changes: ChangeSet): Promise<ChangeSummary> {
    const valid = validate(changes);
    return this.store.write(async (tx) => {
      const summary: ChangeSummary = { created: 0, updated: 0, unchanged: 0, relationshipsWritten: 0, deleted: 0 };
      const known = new Map<string, NodeKind>();

      for (const [i, node] of valid.nodes.entries()) {
        const existing = (await tx.run('nodes/get-node', { id: node.id }))[0]?.n as NodeValue | undefined;
        if (existing && existing.label !== node.kind) {
          throw new ValidationError([
            { field: `nodes.${i}.id`, reason: `${node.id} is already a ${existing.label}, not a ${node.kind}` },
          ]);
        }
        const params = nodeParams(node, 0);
        if (existing && sameColumns(existing.properties, params)) {
          summary.unchanged++;
        } else {
          params.version = existing ? Number(existing.properties.version ?? 0) + 1 : 1;
          await tx.run(`nodes/upsert-${kebab(node.kind)}`, params);
          if (existing) summary.updated++;
          else summary.created++;
        }
        known.set(node.id, node.kind);
      }

      for (const [i, rel] of valid.relationships.entries()) {
        const fromKind = await kindOf(tx, rel.from, known);
        const toKind = await kindOf(tx, rel.to, known);
        const issues: ValidationError['issues'] = [];
        if (!fromKind) issues.push({ field: `relationships.${i}.from`, reason: `no node with id ${rel.from}` });
        if (!toKind) issues.push({ field: `relationships.${i}.to`, reason: `no node with id ${rel.to}` });
        if (fromKind && toKind && !allowsEndpoints(rel.type, fromKind, toKind)) {
          issues.push({ field: `relationships.${i}.type`, reason: `${rel.type} cannot join a ${fromKind} to a ${toKind}` });
        }
        if (issues.length) throw new ValidationError(issues);
        const id = relationshipId(rel.from, rel.type, rel.to);
        await tx.run(`relationships/upsert-${kebab(rel.type)}-${kebab(fromKind!)}-to-${kebab(toKind!)}`, relationshipParams(rel, id));
        summary.relationshipsWritten++;
      }

      for (const [i, del] of valid.deleteRelationships.entries()) {
        const fromKind = await kindOf(tx, del.from, known);
        const toKind = await kindOf(tx, del.to, known);
        if (!fromKind || !toKind || !allowsEndpoints(del.type, fromKind, toKind)) {
          throw new ValidationError([{ field: `deleteRelationships.${i}`, reason: `no ${del.type} from ${del.from} to ${del.to}` }]);
        }
        await tx.run(`relationships/delete-${kebab(del.type)}-${kebab(fromKind)}-to-${kebab(toKind)}`, { from: del.from, to: del.to });
        summary.deleted++;
      }

      for (const [i, id] of valid.deleteNodes.entries()) {
        const kind = await kindOf(tx, id, known);
        if (!kind) throw new ValidationError([{ field: `deleteNodes.${i}`, reason: `no node with id ${id}` }]);
        await tx.run(`nodes/delete-${kebab(kind)}`, { id });
        known.delete(id);
        summary.deleted++;
      }
      return summary;
    });
  }
}
