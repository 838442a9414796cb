import { z } from 'zod';
import { NodeId, NodeInput, RelationshipInput, RelationshipTypeSchema, type ChangeDiff, type ChangeOperation, type ChangeOrigin, type NodeInputDraft } from '../../model/index.js';
import type { Actor } from '../../model/roles.js';
import { SEED_ACTOR } from '../changes/actors.js';
import { NotFoundError } from '../changes/errors.js';
import { changePipelineFor } from '../changes/pipeline.js';
import type { GraphStore } from '../store/port.js';
import { ValidationError, parseOrThrow, type FieldIssue } from './validationError.js';

/**
 * Whole items in, through the change pipeline: the seed loader's and importers' view
 * of a write. A change set (nodes to create or replace, relationships to create or
 * replace, ids to delete) becomes one change of pipeline operations, so it is
 * validated, diffed, committed in one transaction with its audit entry, and announced
 * like any edit. Replacing a node with the same values changes nothing (its version
 * stays); a changed one gets version + 1. Problems are named by the change set's own
 * paths (`nodes.3.props.title`, `relationships.1.to`), so a seed file's line can be found.
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
  const issues: FieldIssue[] = [];
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
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets the inferred type that the code after it relies on (tsc fails without it)
    collect(() => parseOrThrow(RelationshipInput, r, ['relationships', i]) as RelationshipInput),
  );
  const deleteNodes = (changes.deleteNodes ?? []).map((id, i) => collect(() => parseOrThrow(NodeId, id, ['deleteNodes', i])));
  const deleteRelationships = (changes.deleteRelationships ?? []).map((key, i) => collect(() => parseOrThrow(RelationshipKey, key, ['deleteRelationships', i])));
  if (issues.length) throw new ValidationError(issues);
  return {
    nodes: nodes as NodeInput[],
    relationships: relationships as RelationshipInput[],
    deleteNodes: deleteNodes as string[],
    deleteRelationships: deleteRelationships as Validated['deleteRelationships'],
  };
}

/** A validated change set as pipeline operations, with the change-set path of each (for error messages). */
export function changeSetOperations(changes: ChangeSet): { operations: ChangeOperation[]; paths: string[] } {
  const valid = validate(changes);
  const operations: ChangeOperation[] = [];
  const paths: string[] = [];
  valid.nodes.forEach((node, i) => {
    operations.push({ op: 'create', node: { kind: node.kind, id: node.id, props: node.props, provenance: node.provenance } });
    paths.push(`nodes.${i}`);
  });
  valid.relationships.forEach((rel, i) => {
    operations.push({ op: 'link', type: rel.type, from: rel.from, to: rel.to, props: rel.props, provenance: rel.provenance });
    paths.push(`relationships.${i}`);
  });
  valid.deleteRelationships.forEach((key, i) => {
    operations.push({ op: 'unlink', ...key });
    paths.push(`deleteRelationships.${i}`);
  });
  valid.deleteNodes.forEach((id, i) => {
    operations.push({ op: 'delete', id });
    paths.push(`deleteNodes.${i}`);
  });
  return { operations, paths };
}

/** A pipeline problem (`operations.4.node.props.title`) renamed by the change set's path (`nodes.4.props.title`). */
export function remapIssues(issues: FieldIssue[], paths: string[], offset = 0): FieldIssue[] {
  return issues.map((issue) => {
    const m = /^operations\.(\d+)(?:\.(.*))?$/.exec(issue.field);
    const path = m ? paths[Number(m[1]) - offset] : undefined;
    if (!m || !path) return issue;
    const rest = (m[2] ?? '').replace(/^node\.?/, '');
    const field = path.startsWith('deleteNodes') ? path : [path, rest].filter(Boolean).join('.');
    return { field, reason: issue.reason };
  });
}

/** Pipeline refusals as the change set's ValidationError; anything else is rethrown. */
export function asChangeSetError(err: unknown, paths: string[], offset = 0): ValidationError {
  if (err instanceof ValidationError || err instanceof NotFoundError) return new ValidationError(remapIssues(err.issues, paths, offset));
  throw err;
}

export function summaryOf(diff: ChangeDiff, changes: ChangeSet, nodeIds?: Set<string>): ChangeSummary {
  const mine = <T extends { id: string }>(items: T[]) => (nodeIds ? items.filter((n) => nodeIds.has(n.id)) : items);
  const created = mine(diff.nodes.added).length;
  const updated = mine(diff.nodes.updated).length;
  const total = changes.nodes?.length ?? 0;
  return {
    created,
    updated,
    unchanged: total - created - updated,
    relationshipsWritten: changes.relationships?.length ?? 0,
    deleted: (changes.deleteNodes?.length ?? 0) + (changes.deleteRelationships?.length ?? 0),
  };
}

export class GraphWriter {
  constructor(
    private readonly store: GraphStore,
    private readonly actor: Actor = SEED_ACTOR,
    private readonly origin: ChangeOrigin = { kind: 'seed' },
  ) {}

  /** Validates and commits a change set as one change through the pipeline. */
  async apply(changes: ChangeSet, reason?: string): Promise<ChangeSummary> {
    const { operations, paths } = changeSetOperations(changes);
    if (operations.length === 0) return summaryOf({ nodes: { added: [], updated: [], removed: [] }, relationships: { added: [], removed: [] } }, changes);
    try {
      const result = await changePipelineFor(this.store).submit({ operations, ...(reason ? { reason } : {}) }, this.actor, this.origin, { upsert: true });
      return summaryOf(result.diff, changes);
    } catch (err) {
      throw asChangeSetError(err, paths);
    }
  }
}
