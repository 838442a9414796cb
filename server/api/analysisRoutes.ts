import { Router, type Request } from 'express';
import { SavedAnalysisBody, SavedAnalysisDelete, SavedAnalysisId, SavedAnalysisPatch, type SavedAnalysisResponse } from '../../model/analyses.js';
import { roleCan, type Actor } from '../../model/roles.js';
import type { SavedAnalyses } from '../analyses/savedAnalyses.js';
import { signInRequired } from '../auth/middleware.js';
import type { ConsoleMode } from '../config.js';
import { HttpError } from './errors.js';
import { parseRequest } from './validateRequest.js';

/**
 * GET /api/analyses (every saved analysis and template, with its query),
 * GET /api/analyses/:id, and for roles that may save analyses (analyst, editor,
 * facilitator, administrator): POST /api/analyses, PATCH and DELETE /api/analyses/:id.
 * Each write is a change of the change pipeline; they run under GET /api/gaps/:id.
 */
export function analysisRoutes(saved: SavedAnalyses, consoleMode: ConsoleMode = 'auto'): Router {
  const router = Router();

  const saver = (req: Request): Actor => {
    if (consoleMode === 'off') throw new HttpError(403, 'console_off', 'the query console is turned off on this server (GT_CONSOLE=off), and a saved analysis is a console query');
    if (!req.actor) throw signInRequired();
    if (!roleCan(req.actor.role, 'saveAnalysis')) throw new HttpError(403, 'forbidden', `the role ${req.actor.role} may not save, change or delete analyses`);
    return req.actor;
  };

  router.get('/analyses', async (_req, res) => {
    res.json({ analyses: await saved.list() });
  });

  router.get('/analyses/:id', async (req, res) => {
    const id = req.params.id;
    const analysis = await saved.get(id);
    if (!analysis) throw new HttpError(404, 'not_found', `no saved analysis ${id}`);
    res.json({ analysis });
  });

  router.post('/analyses', async (req, res) => {
    const actor = saver(req);
    const body = parseRequest(SavedAnalysisBody, req.body ?? {}, 'body');
    const answer: SavedAnalysisResponse = await saved.create(body, actor);
    res.status(201).json(answer);
  });

  router.patch('/analyses/:id', async (req, res) => {
    const actor = saver(req);
    const { id } = parseRequest(SavedAnalysisId, { id: req.params.id }, 'path');
    const patch = parseRequest(SavedAnalysisPatch, req.body ?? {}, 'body');
    const answer: SavedAnalysisResponse = await saved.update(id, patch, actor);
    res.json(answer);
  });

  router.delete('/analyses/:id', async (req, res) => {
    const actor = saver(req);
    const { id } = parseRequest(SavedAnalysisId, { id: req.params.id }, 'path');
    const { expectedVersion } = parseRequest(SavedAnalysisDelete, req.query, 'query');
    res.json(await saved.remove(id, expectedVersion, actor));
  });

  return router;
}
