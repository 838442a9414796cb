import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ChangeOperation, ChangeRequest, isEmptyDiff, type ChangeDiff, type ChangeOperationInput, type ChangeOrigin, type ChangeRequestInput } from '../../model/changes.js';
import type { Actor } from '../../model/roles.js';
import type { PendingChangeRow } from '../../model/system.js';
import { parseOrThrow } from '../graph/validationError.js';
import { updateReadModels } from '../graph/readCache.js';
import { searchIndexChanged } from '../search/searchNodes.js';
import type { GraphStore, Transaction } from '../store/port.js';
import { auditRow, nextSeq, nodeChangeRows, readChange, readSystemRow, touchedNodeIds, writeSystemRow, writeSystemRows, type AuditInput } from './audit.js';
import { ChangeBus } from './bus.js';
import { ConflictError, NotFoundError } from './errors.js';
import { checkPartnerScope } from './partnerScope.js';
import { applyOperations, idsOf, type PlanContext } from './planOperations.js';
import { applyInverse, revertLoads } from './planRevert.js';
import { invertRecord, planRecord, writeRecords, type RecordOperation } from './recordChanges.js';
import { writeDiff, type DiffWrites } from './writeDiff.js';
import { WorkingGraph, type Reader } from './workingGraph.js';

/**
 * The one way anything is written to the graph: validate the operations against the
 * domain model, plan them against the current graph into a before/after diff, commit
 * the diff in one transaction with its actor, reason and the versions the author saw,
 * write the audit entry in that same transaction, and announce the commit on the bus.
 *
 * Planning for a commit happens inside the write transaction, reading through it, so
 * the versions checked and the diff written are those of the graph being written.
 *
 * Errors: ValidationError (server/graph/validationError.ts, 400, every field path
 * named), ConflictError (409, with the current values), NotFoundError (404),
 * ForbiddenError (403) from server/changes/errors.ts. Nothing is written in any of them.
 */

export type SubmitResult = { changeId: string; committed: boolean; diff: ChangeDiff };
export type ProposeResult = { pendingId: string; diff: ChangeDiff };

export type SubmitOptions = {
  /**
   * Seed and import only: `create` of a node that exists replaces its properties
   * (an update in the diff, or nothing when they are the same) instead of a 400.
   */
  upsert?: boolean;
};

const Operations = z.array(ChangeOperation);

type Planner = (read: Reader, ctx: PlanContext) => Promise<DiffWrites>;

export class ChangePipeline {
  constructor(
    readonly store: GraphStore,
    readonly bus: ChangeBus,
  ) {}

  /** The diff the operations would make now, without writing anything. */
  async plan(operations: ChangeOperationInput[], actor: Actor, origin: ChangeOrigin = { kind: 'edit' }, options: SubmitOptions = {}): Promise<ChangeDiff> {
    const ops = parseOrThrow(Operations, operations, ['operations']);
    const ctx = this.context(actor, origin, undefined, options);
    return (await planOperations(ops)((name, params) => this.store.read(name, params), ctx)).diff;
  }

  /** Validates, plans and commits a change (or only plans it when dryRun is true). */
  async submit(request: ChangeRequestInput, actor: Actor, origin: ChangeOrigin = { kind: 'edit' }, options: SubmitOptions = {}): Promise<SubmitResult> {
    const req = parseOrThrow(ChangeRequest, request);
    if (req.dryRun) {
      const diff = await this.plan(req.operations, actor, origin, options);
      return { changeId: newChangeId(), committed: false, diff };
    }
    return this.commit(this.context(actor, origin, req.reason, options), planOperations(req.operations));
  }

  /** Commits the inverse of a committed change as a new change (origin revert); 409 naming the fields a later change touched. */
  async revert(changeId: string, actor: Actor, reason?: string): Promise<SubmitResult> {
    const planner: Planner = async (read, ctx) => {
      const original = await readChange(read, changeId);
      if (!original) throw new NotFoundError(`no change with id ${changeId}`, [{ field: 'id', reason: `no change with id ${changeId}` }]);
      const graph = new WorkingGraph(read);
      const loads = revertLoads(original.diff);
      await graph.loadNodes(loads.nodes);
      await graph.loadRelationships(loads.relsOut, 'out');
      await graph.loadRelationships(loads.relsBoth, 'both');
      applyInverse(graph, original.diff, changeId);
      const { diff, relKinds } = graph.diff();
      const records = await Promise.all((original.diff.records ?? []).map((r) => invertRecord(read, r, changeId, actor, ctx.at)));
      if (records.length) diff.records = records;
      return { diff, nodes: graph.nodesToWrite(diff), relKinds };
    };
    return this.commit(this.context(actor, { kind: 'revert', ref: changeId }, reason ?? `undo ${changeId}`, {}), planner);
  }

  /**
   * Creates, updates or deletes a versioned system record (a saved analysis) as a change of
   * its own: planned in the write transaction (409 on a stale expectedVersion, 404 on an
   * unknown id), written with its audit entry, announced, and undone by revert like any other.
   */
  async submitRecord(op: RecordOperation, actor: Actor, reason?: string): Promise<SubmitResult> {
    const planner: Planner = async (read, ctx) => {
      const diff = { nodes: { added: [], updated: [], removed: [] }, relationships: { added: [], removed: [] }, records: [await planRecord(read, op, ctx.actor, ctx.at)] };
      return { diff, nodes: [], relKinds: new Map() };
    };
    return this.commit(this.context(actor, { kind: 'edit', ref: op.id }, reason, {}), planner);
  }

  // ---------------------------------------------------------------- the approval queue

  /**
   * A partner editor's change: planned and checked against what their organisation may
   * change (403 otherwise), then stored in the queue, not applied.
   */
  async propose(request: ChangeRequestInput, actor: Actor): Promise<ProposeResult> {
    const req = parseOrThrow(ChangeRequest, request);
    const diff = await this.plan(req.operations, actor);
    await checkPartnerScope((name, params) => this.store.read(name, params), actor, diff);
    const pendingId = `pending:${randomUUID()}`;
    if (req.dryRun) return { pendingId, diff };
    const at = new Date().toISOString();
    const row: PendingChangeRow = {
      id: pendingId,
      submittedAt: at,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      ...(actor.organisationId ? { actorOrganisation: actor.organisationId } : {}),
      status: 'pending',
      request: JSON.stringify({ operations: req.operations, ...(req.reason ? { reason: req.reason } : {}) }),
      diff: JSON.stringify(diff),
      nodeIds: touchedNodeIds(diff),
    };
    await this.store.write((tx) => writeSystemRow(tx, 'PendingChange', row));
    this.bus.emit('pending', { pendingId, actor, status: 'pending', at });
    return { pendingId, diff };
  }

  /** Commits a queued change as its author's, recording the approving editor; the queue entry closes in the same transaction. */
  async approve(pendingId: string, editor: Actor, note?: string): Promise<SubmitResult> {
    const row = await this.pendingRow(pendingId);
    const author: Actor = { id: row.actorId, name: row.actorName, role: row.actorRole as Actor['role'], ...(row.actorOrganisation ? { organisationId: row.actorOrganisation } : {}) };
    const req = parseOrThrow(ChangeRequest, JSON.parse(row.request));
    const at = new Date().toISOString();
    const ctx = { ...this.context(author, { kind: 'edit', ref: pendingId }, req.reason, {}), approvedBy: editor.id };
    const result = await this.commit(ctx, planOperations(req.operations), async (tx, changeId, read) => {
      const now = await readSystemRow(read, 'PendingChange', pendingId);
      if (now?.status !== 'pending') throw new ConflictError(`${pendingId} was ${now?.status ?? 'removed'} meanwhile`, [{ field: 'id', reason: `is ${now?.status}` }], []);
      await writeSystemRow(tx, 'PendingChange', { ...row, status: 'approved', decidedBy: editor.id, decidedAt: at, ...(note ? { decisionNote: note } : {}), ...(changeId ? { changeId } : {}) });
    });
    this.bus.emit('pending', { pendingId, actor: author, status: 'approved', at });
    return result;
  }

  async reject(pendingId: string, editor: Actor, note?: string): Promise<void> {
    const row = await this.pendingRow(pendingId);
    const at = new Date().toISOString();
    await this.store.write((tx) => writeSystemRow(tx, 'PendingChange', { ...row, status: 'rejected', decidedBy: editor.id, decidedAt: at, ...(note ? { decisionNote: note } : {}) }));
    this.bus.emit('pending', { pendingId, actor: editor, status: 'rejected', at });
  }

  private async pendingRow(pendingId: string): Promise<PendingChangeRow> {
    const row = await readSystemRow((name, params) => this.store.read(name, params), 'PendingChange', pendingId);
    if (!row) throw new NotFoundError(`no pending change with id ${pendingId}`, [{ field: 'id', reason: `no pending change with id ${pendingId}` }]);
    if (row.status !== 'pending') throw new ConflictError(`${pendingId} is already ${row.status}`, [{ field: 'id', reason: `is already ${row.status}` }], []);
    return row;
  }

  // ---------------------------------------------------------------- internal

  private context(actor: Actor, origin: ChangeOrigin, reason: string | undefined, options: SubmitOptions): PlanContext & { approvedBy?: string } {
    return { actor, origin, at: new Date().toISOString(), upsert: options.upsert === true, ...(reason ? { reason } : {}) };
  }

  /**
   * Plans inside the write transaction, writes the diff, the audit entry and anything
   * `alsoWrite` adds, all or nothing; then announces the commit. An empty diff writes
   * nothing and is not announced (a second seed load, an edit to the same value).
   */
  private async commit(ctx: PlanContext & { approvedBy?: string }, planner: Planner, alsoWrite?: (tx: Transaction, changeId: string | null, read: Reader) => Promise<void>): Promise<SubmitResult> {
    const changeId = newChangeId();
    const { diff, committed } = await this.store.write(async (tx) => {
      const read: Reader = (name, params) => tx.run(name, params);
      const planned = await planner(read, ctx);
      if (isEmptyDiff(planned.diff)) {
        await alsoWrite?.(tx, null, read);
        return { diff: planned.diff, committed: false };
      }
      const touched = touchedNodeIds(planned.diff);
      const plansBefore = await plansOf(read, touched);
      await writeDiff(tx, planned);
      await writeRecords(tx, planned.diff.records ?? []);
      const plansAfter = await plansOf(
        read,
        planned.diff.nodes.added.map((n) => n.id),
      );
      const planIds = [...new Set([...plansBefore, ...plansAfter, ...plansIn(planned.diff)])];
      const seq = await nextSeq(read);
      const audit: AuditInput = {
        changeId,
        seq,
        at: ctx.at,
        actor: ctx.actor,
        ...(ctx.reason ? { reason: ctx.reason } : {}),
        origin: ctx.origin,
        ...(ctx.approvedBy ? { approvedBy: ctx.approvedBy } : {}),
        diff: planned.diff,
        planIds,
      };
      await writeSystemRow(tx, 'AuditEntry', auditRow(audit));
      await writeSystemRows(tx, 'NodeChange', nodeChangeRows(audit));
      await alsoWrite?.(tx, changeId, read);
      return { diff: planned.diff, committed: true };
    });
    if (committed) this.bus.emit('committed', { changeId, actor: ctx.actor, at: ctx.at, reason: ctx.reason ?? null, origin: ctx.origin, diff });
    return { changeId, committed, diff };
  }
}

function newChangeId(): string {
  return `change:${randomUUID()}`;
}

function planOperations(ops: ChangeOperation[]): Planner {
  return async (read, ctx) => {
    const graph = new WorkingGraph(read);
    const ids = idsOf(ops);
    await graph.loadNodes(ids.nodes);
    await graph.loadRelationships(ids.relsOut, 'out');
    await graph.loadRelationships(ids.relsBoth, 'both');
    applyOperations(graph, ops, ctx);
    const { diff, relKinds } = graph.diff();
    return { diff, nodes: graph.nodesToWrite(diff), relKinds };
  };
}

async function plansOf(read: Reader, ids: string[]): Promise<string[]> {
  const plans = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await read('graph/plan-of', { ids: ids.slice(i, i + 500) })) plans.add(String(row.plan));
  }
  return [...plans];
}

// ---------------------------------------------------------------- one pipeline per store

const pipelines = new WeakMap<GraphStore, ChangePipeline>();

/**
 * The store's pipeline: every writer of a store (the API, the seed loader, imports,
 * seminars) shares one, so every listener on its bus hears every commit.
 */
export function changePipelineFor(store: GraphStore): ChangePipeline {
  let pipeline = pipelines.get(store);
  if (!pipeline) {
    pipelines.set(store, (pipeline = new ChangePipeline(store, new ChangeBus())));
    pipeline.bus.on('committed', (change) => updateReadModels(store, change));
    // After the read models (the plan index the search index is built from among them): search finds the change.
    pipeline.bus.on('committed', (change) => searchIndexChanged(store, change.diff));
  }
  return pipeline;
}

/** Plans the change itself adds, changes or removes. */
function plansIn(diff: ChangeDiff): string[] {
  return [...diff.nodes.added, ...diff.nodes.updated, ...diff.nodes.removed].filter((n) => n.kind === 'Plan').map((n) => n.id);
}
