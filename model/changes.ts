import { z } from 'zod';
import { NodeId } from './ids.js';
import { NodeKindSchema, type NodeKind } from './nodes.js';
import { Provenance } from './provenance.js';
import { RelationshipTypeSchema, type RelationshipType } from './relationships.js';

/**
 * A change to the graph, as every writer hands it to the change pipeline
 * (server/changes/pipeline.ts): a list of operations, an optional reason, and whether
 * it is a dry run. The shape is validated here; what the operations mean for the
 * domain model (which fields a kind has, which kinds a relationship joins, whether
 * the ids exist) is checked by the pipeline, which names the field path of every
 * problem from `operations.<i>` down.
 */

const props = z.record(z.string(), z.unknown());
const version = z.int('must be a whole number').min(1, 'must be at least 1');
const fieldName = z.string().min(1, 'must name a field');

export const CreateOperation = z
  .object({
    op: z.literal('create'),
    node: z
      .object({
        kind: NodeKindSchema,
        id: NodeId,
        props,
        /** Left out for edits: the pipeline records the author, time and reason. */
        provenance: Provenance.optional(),
      })
      .strict(),
  })
  .strict();

export const UpdateOperation = z
  .object({
    op: z.literal('update'),
    id: NodeId,
    /** The version the author saw; a stale one refuses the whole change (409). */
    expectedVersion: version.optional(),
    /** Only the fields that change. */
    set: props.default({}),
    unset: z.array(fieldName).default([]),
  })
  .strict()
  .refine((u) => Object.keys(u.set).length > 0 || u.unset.length > 0, { message: 'must set or unset at least one field', path: ['set'] });

export const DeleteOperation = z
  .object({
    op: z.literal('delete'),
    id: NodeId,
    expectedVersion: version.optional(),
  })
  .strict();

export const LinkOperation = z
  .object({
    op: z.literal('link'),
    type: RelationshipTypeSchema,
    from: NodeId,
    to: NodeId,
    props: props.default({}),
    provenance: Provenance.optional(),
  })
  .strict();

export const UnlinkOperation = z
  .object({
    op: z.literal('unlink'),
    type: RelationshipTypeSchema,
    from: NodeId,
    to: NodeId,
  })
  .strict();

export const AddProgressOperation = z
  .object({
    op: z.literal('addProgress'),
    action: NodeId,
    /** A ProgressUpdate's properties: period, asOf?, status, statusAsPrinted?, narrative, scope? */
    progress: props,
    /** The new ProgressUpdate's id; made from the action and the period when left out. */
    id: NodeId.optional(),
    expectedVersion: version.optional().describe('the version of the action the author saw'),
  })
  .strict();

export const ChangeOperation = z.discriminatedUnion('op', [CreateOperation, UpdateOperation, DeleteOperation, LinkOperation, UnlinkOperation, AddProgressOperation]);
export type ChangeOperation = z.infer<typeof ChangeOperation>;
export type ChangeOperationInput = z.input<typeof ChangeOperation>;
export const CHANGE_OPERATIONS = ['create', 'update', 'delete', 'link', 'unlink', 'addProgress'] as const;

/** Operations per change sent over HTTP: a seminar's or an import's batch fits. */
export const MAX_OPERATIONS = 1000;

/** A change as the pipeline takes it from any writer (the seed's first load is one change of a few thousand operations). */
export const ChangeRequest = z
  .object({
    operations: z.array(ChangeOperation).min(1, 'must hold at least one operation'),
    reason: z.string().trim().min(1, 'must not be empty when given').max(2000, 'must be at most 2000 characters').optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();
export type ChangeRequest = z.infer<typeof ChangeRequest>;

/** The body of POST /api/changes: a change, bounded in size. */
export const ChangeRequestBody = ChangeRequest.extend({
  operations: z.array(ChangeOperation).min(1, 'must hold at least one operation').max(MAX_OPERATIONS, `must hold at most ${MAX_OPERATIONS} operations`),
});
export type ChangeRequestInput = z.input<typeof ChangeRequest>;

export const CHANGE_ORIGINS = ['seed', 'edit', 'import', 'seminar', 'revert'] as const;
export type ChangeOriginKind = (typeof CHANGE_ORIGINS)[number];
export const ChangeOrigin = z.object({ kind: z.enum(CHANGE_ORIGINS), ref: z.string().optional() }).strict();
export type ChangeOrigin = z.infer<typeof ChangeOrigin>;

// ---------------------------------------------------------------- the diff

/** Property values as stored: flat values; absent is null. */
export type FieldValue = string | number | boolean | string[] | null;

/** A whole node, as added or as it was before removal (enough to restore it exactly). */
export type DiffNode = { id: string; kind: NodeKind; version: number; props: Record<string, FieldValue>; provenance: Provenance };
export type DiffFieldChange = { field: string; before: FieldValue; after: FieldValue };
export type DiffNodeUpdate = { id: string; kind: NodeKind; versionBefore: number; versionAfter: number; fields: DiffFieldChange[] };
/** A whole relationship, as added or as it was before removal. */
export type DiffRelationship = {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, FieldValue>;
  provenance: Provenance;
};

/**
 * A versioned system record (a saved analysis) that a change created, updated or deleted:
 * its whole row before (null when created) and after, as JSON. Records are never removed
 * (a delete sets `deleted`), so `after` always exists and an undo can restore `before`.
 */
export type DiffRecord = { table: 'SavedAnalysis'; id: string; versionBefore: number | null; versionAfter: number; before: string | null; after: string };

export type ChangeDiff = {
  nodes: { added: DiffNode[]; updated: DiffNodeUpdate[]; removed: DiffNode[] };
  relationships: { added: DiffRelationship[]; removed: DiffRelationship[] };
  /** System records the change wrote (absent in a change that wrote none). */
  records?: DiffRecord[];
};

export function emptyDiff(): ChangeDiff {
  return { nodes: { added: [], updated: [], removed: [] }, relationships: { added: [], removed: [] } };
}

export function isEmptyDiff(diff: ChangeDiff): boolean {
  return diff.nodes.added.length + diff.nodes.updated.length + diff.nodes.removed.length + diff.relationships.added.length + diff.relationships.removed.length + (diff.records?.length ?? 0) === 0;
}

/** Counts for feeds and live events, where the whole diff is too much. */
export type DiffSummary = { nodesAdded: number; nodesUpdated: number; nodesRemoved: number; relationshipsAdded: number; relationshipsRemoved: number; nodeIds: string[] };

export function summariseDiff(diff: ChangeDiff, maxIds = 50): DiffSummary {
  const ids = new Set<string>();
  for (const n of [...diff.nodes.added, ...diff.nodes.updated, ...diff.nodes.removed]) ids.add(n.id);
  for (const r of [...diff.relationships.added, ...diff.relationships.removed]) ids.add(r.from).add(r.to);
  return {
    nodesAdded: diff.nodes.added.length,
    nodesUpdated: diff.nodes.updated.length,
    nodesRemoved: diff.nodes.removed.length,
    relationshipsAdded: diff.relationships.added.length,
    relationshipsRemoved: diff.relationships.removed.length,
    nodeIds: [...ids].slice(0, maxIds),
  };
}

// ---------------------------------------------------------------- the audit log as the API answers it

export type ChangeStatus = 'committed' | 'pending' | 'approved' | 'rejected';

export type ChangeRecord = {
  changeId: string;
  seq: number;
  at: string;
  actor: { id: string; name: string; role: string; organisationId?: string };
  reason: string | null;
  origin: ChangeOrigin;
  approvedBy: string | null;
  diff: ChangeDiff;
};

export const ChangeFeedParams = z
  .object({
    node: NodeId.optional(),
    author: z.string().min(1).max(200).optional().describe('an actor id'),
    plan: NodeId.optional(),
    since: z.iso.datetime({ offset: true, message: 'must be a date-time such as 2026-03-03T09:00:00Z' }).optional(),
    until: z.iso.datetime({ offset: true, message: 'must be a date-time such as 2026-03-03T09:00:00Z' }).optional(),
    status: z.enum(['committed', 'pending', 'rejected', 'approved']).default('committed'),
    before: z.coerce.number().int('must be a whole number').min(1).optional().describe('page: changes committed before this seq'),
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  })
  .strict();
export type ChangeFeedParams = z.infer<typeof ChangeFeedParams>;

export const ChangeIdParam = z.object({ id: z.string().regex(/^(change|pending):[0-9a-f-]{36}$/, 'must be a change id such as change:0f8e…') }).strict();

export type ChangeResponse = { changeId: string; committed: boolean; status: ChangeStatus; diff: ChangeDiff };
export type ChangeFeedResponse = { changes: ChangeRecord[]; next: number | null };

/** One entry of a node's history: its document provenance first, then every committed change that touched it. */
export type NodeHistoryEntry = {
  changeId: string;
  at: string;
  author: string;
  reason: string | null;
  origin: ChangeOrigin;
  /** What happened to this node in that change. */
  action: 'created' | 'updated' | 'removed' | 'linked' | 'unlinked';
  fields: DiffFieldChange[];
  relationships: { type: RelationshipType; from: string; to: string; change: 'added' | 'removed' }[];
};
export type NodeHistoryResponse = { id: string; provenance: Provenance | null; history: NodeHistoryEntry[] };

/** What the live feed (GET /api/events) sends on every commit. */
export type CommittedEvent = {
  changeId: string;
  at: string;
  actor: string;
  reason: string | null;
  origin: ChangeOrigin;
  summary: DiffSummary;
  /** The whole diff when it is small (an edit, not a seed or an import), so explorers redraw without a read that waits behind the write. */
  diff?: ChangeDiff;
};
