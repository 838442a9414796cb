import { Router } from 'express';
import { z } from 'zod';
import { SnapshotCompareParams, SnapshotCreateBody, SnapshotId } from '../../model/snapshots.js';
import { diffGraphs } from '../compare/diffGraphs.js';
import { EXPORT_MEDIA, bodyOf, exportFilesOf } from '../export/exportGraph.js';
import { requireCapability } from '../auth/middleware.js';
import { SnapshotExists, createSnapshot, deleteSnapshot, getSnapshot, graphOfSide, listSnapshots, snapshotGraph } from '../snapshots/snapshots.js';
import type { GraphStore } from '../store/port.js';
import { HttpError, notFound } from './errors.js';
import { ExportParams } from './exportRoutes.js';
import { parseRequest } from './validateRequest.js';

/**
 * Named snapshots of the whole graph:
 * - GET /api/snapshots: every snapshot, newest first (name, who, when, counts);
 * - POST /api/snapshots {name, note?}: freezes the graph now (editors and administrators);
 * - GET /api/snapshots/compare?from=&to=: what changed between two snapshots, or a
 *   snapshot and the graph now (`current`, the default `to`);
 * - GET /api/snapshots/:id, GET /api/snapshots/:id/export?format=: one snapshot, and its
 *   graph in any export format;
 * - DELETE /api/snapshots/:id: editors and administrators.
 * Reading follows the anonymous-read gate in front of every route.
 */

export const SnapshotIdParam = z.object({ id: SnapshotId }).strict();

export function snapshotRoutes(store: GraphStore): Router {
  const router = Router();

  router.get('/snapshots', async (_req, res) => {
    res.json({ snapshots: await listSnapshots(store) });
  });
  router.post('/snapshots', requireCapability('edit'), async (req, res) => {
    const body = parseRequest(SnapshotCreateBody, req.body ?? {}, 'body');
    try {
      res.status(201).json(await createSnapshot(store, body, req.actor!));
    } catch (err) {
      if (err instanceof SnapshotExists) throw new HttpError(409, 'conflict', err.message, [{ field: 'name', reason: `is taken by ${err.id}` }]);
      throw err;
    }
  });
  router.get('/snapshots/compare', async (req, res) => {
    const { from, to } = parseRequest(SnapshotCompareParams, req.query, 'query');
    const [a, b] = await Promise.all([graphOfSide(store, from), graphOfSide(store, to)]);
    if (!a) throw notFound(`no snapshot ${from}`);
    if (!b) throw notFound(`no snapshot ${to}`);
    res.json({ from: { id: from, label: a.label }, to: { id: to, label: b.label }, ...diffGraphs(a.graph, b.graph) });
  });
  router.get('/snapshots/:id', async (req, res) => {
    const { id } = parseRequest(SnapshotIdParam, req.params, 'path');
    const row = await getSnapshot(store, id);
    if (!row) throw notFound(`no snapshot ${id}`);
    res.json(row);
  });
  router.get('/snapshots/:id/export', async (req, res) => {
    const { id } = parseRequest(SnapshotIdParam, req.params, 'path');
    const { format } = parseRequest(ExportParams, req.query, 'query');
    const [row, graph] = await Promise.all([getSnapshot(store, id), snapshotGraph(store, id)]);
    if (!row || !graph) throw notFound(`no snapshot ${id}`);
    const media = EXPORT_MEDIA[format];
    res.setHeader('content-type', media.contentType);
    res.setHeader('content-disposition', `attachment; filename="${id.slice('snapshot:'.length)}-${media.file}"`);
    // The export carries the time the snapshot was taken, not the time of the download.
    res.send(await bodyOf(exportFilesOf(graph, format, row.createdAt), format));
  });
  router.delete('/snapshots/:id', requireCapability('edit'), async (req, res) => {
    const { id } = parseRequest(SnapshotIdParam, req.params, 'path');
    if (!(await deleteSnapshot(store, id))) throw notFound(`no snapshot ${id}`);
    res.status(204).end();
  });
  return router;
}
