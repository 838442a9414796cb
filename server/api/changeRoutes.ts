import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  ChangeFeedParams,
  ChangeIdParam,
  ChangeRequestBody,
  NodeIdParam,
  summariseDiff,
  type ChangeDiff,
  type ChangeFeedResponse,
  type ChangeRecord,
  type ChangeResponse,
  type NodeHistoryResponse,
} from '../../model/index.js';
import { roleCan, type Actor } from '../../model/roles.js';
import type { PendingChangeRow } from '../../model/system.js';
import { signInRequired } from '../auth/middleware.js';
import { readChange, readFeed, readNodeHistory, readSystemRow, systemRowOf } from '../changes/audit.js';
import { changePipelineFor } from '../changes/pipeline.js';
import { storedNodeOf } from '../graph/records.js';
import type { GraphStore, NodeValue } from '../store/port.js';
import { HttpError, notFound } from './errors.js';
import { parseRequest } from './validateRequest.js';

/**
 * The change API: POST /api/changes (edit, or queue a partner editor's change),
 * GET /api/changes (the feed, or the approval queue with ?status=pending),
 * GET /api/changes/:id, POST /api/changes/:id/revert|approve|reject and
 * GET /api/nodes/:id/history. Every write goes through the store's change pipeline.
 * Roles (model/roles.ts): `edit` commits, `editOwnOrganisation` queues, `approve`
 * decides; anonymous callers get 401 and other roles 403.
 */

export const DecisionBody = z.object({ note: z.string().trim().min(1, 'must not be empty when given').max(2000, 'must be at most 2000 characters').optional() }).strict();
export const RevertBody = z.object({ reason: z.string().trim().min(1, 'must not be empty when given').max(2000, 'must be at most 2000 characters').optional() }).strict();

/** A diff over this size (the seed's first load) is left out of the feed; GET /api/changes/:id has it whole. */
const FEED_DIFF_MAX_CHARS = 64_000;

function actorOf(req: Request): Actor {
  if (!req.actor) throw signInRequired();
  return req.actor;
}

function forbidden(actor: Actor, what: string): HttpError {
  return new HttpError(403, 'forbidden', `the role ${actor.role} may not ${what}`);
}

function pendingRecord(row: PendingChangeRow) {
  return {
    changeId: row.id,
    status: row.status,
    submittedAt: row.submittedAt,
    actor: { id: row.actorId, name: row.actorName, role: row.actorRole, ...(row.actorOrganisation ? { organisationId: row.actorOrganisation } : {}) },
    request: JSON.parse(row.request) as unknown,
    diff: JSON.parse(row.diff) as ChangeDiff,
    decidedBy: row.decidedBy ?? null,
    decidedAt: row.decidedAt ?? null,
    decisionNote: row.decisionNote ?? null,
    committedAs: row.changeId ?? null,
  };
}

function feedEntry(change: ChangeRecord) {
  const large = JSON.stringify(change.diff).length > FEED_DIFF_MAX_CHARS;
  return { ...change, summary: summariseDiff(change.diff), diff: large ? null : change.diff };
}

export function changeRoutes(store: GraphStore): Router {
  const router = Router();
  const pipeline = changePipelineFor(store);
  const read = (name: string, params?: Record<string, unknown>) => store.read(name, params);

  router.post('/changes', async (req, res) => {
    const actor = actorOf(req);
    const body = parseRequest(ChangeRequestBody, req.body ?? {}, 'body');
    if (roleCan(actor.role, 'edit')) {
      const result = await pipeline.submit(body, actor, { kind: 'edit' });
      const answer: ChangeResponse = { changeId: result.changeId, committed: result.committed, status: result.committed ? 'committed' : 'pending', diff: result.diff };
      res.status(result.committed ? 201 : 200).json(answer);
      return;
    }
    if (roleCan(actor.role, 'editOwnOrganisation')) {
      const { pendingId, diff } = await pipeline.propose(body, actor);
      const answer: ChangeResponse = { changeId: pendingId, committed: false, status: 'pending', diff };
      res.status(body.dryRun ? 200 : 202).json(answer);
      return;
    }
    throw forbidden(actor, 'change the graph');
  });

  router.get('/changes', async (req, res) => {
    const params = parseRequest(ChangeFeedParams, req.query, 'query');
    if (params.status === 'committed') {
      const { changes, next } = await readFeed(read, params);
      const body: Omit<ChangeFeedResponse, 'changes'> & { changes: ReturnType<typeof feedEntry>[] } = { changes: changes.map(feedEntry), next };
      res.json(body);
      return;
    }
    // The queue is not public: editors see all of it, a partner editor their own submissions.
    const actor = actorOf(req);
    const all = roleCan(actor.role, 'approve');
    if (!all && !roleCan(actor.role, 'editOwnOrganisation')) throw forbidden(actor, 'see the approval queue');
    const rows = (await read('system/pending-by-status', { status: params.status, cap: 1000 })).map((r) => systemRowOf('PendingChange', r.p as NodeValue));
    const visible = rows.filter((row) => all || row.actorId === actor.id).filter((row) => !params.node || row.nodeIds.includes(params.node));
    res.json({ changes: visible.slice(0, params.limit).map(pendingRecord), next: null });
  });

  router.get('/changes/:id', async (req, res) => {
    const { id } = parseRequest(ChangeIdParam, { id: req.params.id }, 'path');
    if (id.startsWith('pending:')) {
      const actor = actorOf(req);
      const row = await readSystemRow(read, 'PendingChange', id);
      if (!row || (!roleCan(actor.role, 'approve') && row.actorId !== actor.id)) throw notFound(`no pending change with id ${id}`);
      res.json(pendingRecord(row));
      return;
    }
    const change = await readChange(read, id);
    if (!change) throw notFound(`no change with id ${id}`);
    res.json({ ...change, summary: summariseDiff(change.diff) });
  });

  router.post('/changes/:id/revert', async (req, res) => {
    const actor = actorOf(req);
    const { id } = parseRequest(ChangeIdParam, { id: req.params.id }, 'path');
    const body = parseRequest(RevertBody, req.body ?? {}, 'body');
    if (!roleCan(actor.role, 'edit')) throw forbidden(actor, 'undo a change');
    if (!id.startsWith('change:')) throw notFound(`no committed change with id ${id}`);
    const result = await pipeline.revert(id, actor, body.reason);
    const answer: ChangeResponse = { changeId: result.changeId, committed: result.committed, status: 'committed', diff: result.diff };
    res.status(result.committed ? 201 : 200).json(answer);
  });

  for (const decision of ['approve', 'reject'] as const) {
    router.post(`/changes/:id/${decision}`, async (req, res) => {
      const actor = actorOf(req);
      const { id } = parseRequest(ChangeIdParam, { id: req.params.id }, 'path');
      const body = parseRequest(DecisionBody, req.body ?? {}, 'body');
      if (!roleCan(actor.role, 'approve')) throw forbidden(actor, `${decision} a partner editor's change`);
      if (!id.startsWith('pending:')) throw notFound(`no pending change with id ${id}`);
      if (decision === 'approve') {
        const result = await pipeline.approve(id, actor, body.note);
        const answer: ChangeResponse = { changeId: result.changeId, committed: result.committed, status: 'approved', diff: result.diff };
        res.status(201).json(answer);
      } else {
        await pipeline.reject(id, actor, body.note);
        res.json({ changeId: id, status: 'rejected' });
      }
    });
  }

  router.get('/nodes/:id/history', async (req, res) => {
    const { id } = parseRequest(NodeIdParam, { id: req.params.id }, 'path');
    const history = await readNodeHistory(read, id);
    const raw = (await store.read('nodes/get-node', { id }))[0]?.n as NodeValue | undefined;
    // A removed node keeps its history; an id that never existed has none.
    if (!raw && history.length === 0) throw notFound(`no node with id ${id}`);
    const body: NodeHistoryResponse = { id, provenance: raw ? storedNodeOf(raw).provenance : null, history };
    res.json(body);
  });

  return router;
}
