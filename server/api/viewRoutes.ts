import { Router } from 'express';
import { z } from 'zod';
import { requireCapability } from '../auth/middleware.js';
import type { GraphStore } from '../store/port.js';
import { ViewCreateBody, ViewId, ViewNameTaken, ViewPatchBody, createView, deleteView, getView, listViews, updateView } from '../views/namedViews.js';
import { HttpError, notFound } from './errors.js';
import { parseRequest } from './validateRequest.js';

/**
 * Named views of the map, shared on the server:
 * - GET /api/views, GET /api/views/:id: anyone who may read;
 * - POST /api/views {view}, PATCH /api/views/:id {name?, view?}, DELETE /api/views/:id:
 *   roles with the saveAnalysis capability (analysts, editors, facilitators,
 *   administrators). Everyone else keeps views in their own browser.
 */

export const ViewIdParam = z.object({ id: ViewId }).strict();

const taken = (err: unknown, field: string) => {
  if (err instanceof ViewNameTaken) return new HttpError(409, 'conflict', err.message, [{ field, reason: `is taken by ${err.id}` }]);
  return err;
};

export function viewRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/views', async (_req, res) => {
    res.json({ views: await listViews(store) });
  });
  router.get('/views/:id', async (req, res) => {
    const { id } = parseRequest(ViewIdParam, req.params, 'path');
    const view = await getView(store, id);
    if (!view) throw notFound(`no view ${id}`);
    res.json(view);
  });
  router.post('/views', requireCapability('saveAnalysis'), async (req, res) => {
    const { view } = parseRequest(ViewCreateBody, req.body ?? {}, 'body');
    try {
      res.status(201).json(await createView(store, view, req.actor!));
    } catch (err) {
      throw taken(err, 'view.name');
    }
  });
  router.patch('/views/:id', requireCapability('saveAnalysis'), async (req, res) => {
    const { id } = parseRequest(ViewIdParam, req.params, 'path');
    const patch = parseRequest(ViewPatchBody, req.body ?? {}, 'body');
    let updated;
    try {
      updated = await updateView(store, id, patch, req.actor!);
    } catch (err) {
      throw taken(err, patch.name !== undefined ? 'name' : 'view.name');
    }
    if (!updated) throw notFound(`no view ${id}`);
    res.json(updated);
  });
  router.delete('/views/:id', requireCapability('saveAnalysis'), async (req, res) => {
    const { id } = parseRequest(ViewIdParam, req.params, 'path');
    if (!(await deleteView(store, id))) throw notFound(`no view ${id}`);
    res.status(204).end();
  });
  return router;
}
