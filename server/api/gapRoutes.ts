import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_GAP_PAGE, GapParams, type GapResponse } from '../../model/index.js';
import { ANALYSES, catalogue, defaultGapInput } from '../gaps/analyses.js';
import { planShortNames } from '../graph/planNames.js';
import { cached } from '../graph/readCache.js';
import type { SavedAnalyses } from '../analyses/savedAnalyses.js';
import type { GraphStore } from '../store/port.js';
import { notFound } from './errors.js';
import { parseRequest } from './validateRequest.js';

const GapId = z.object({ id: z.string().regex(/^[a-z0-9-]+$/, 'must be an analysis id such as unserved-outcomes') }).strict();

/** GET /api/gaps (the catalogue) and GET /api/gaps/:id (one analysis run); saved analyses (issue 16) beside the ready-made ones. */
export function gapRoutes(store: GraphStore, saved?: SavedAnalyses): Router {
  const router = Router();
  router.get('/gaps', async (_req, res) => {
    res.json({ analyses: [...catalogue(), ...(saved ? await saved.catalogue() : [])] });
  });
  router.get('/gaps/:id', async (req, res) => {
    const { id } = parseRequest(GapId, { id: req.params.id }, 'path');
    const analysis = ANALYSES.find((a) => a.id === id);
    const savedAnalysis = !analysis && saved ? await saved.get(id) : null;
    if (savedAnalysis) {
      res.json(await saved!.run(savedAnalysis, req.query));
      return;
    }
    if (!analysis) throw notFound(`no gap analysis ${id}; the catalogue at /api/gaps lists them`);
    const { limit = DEFAULT_GAP_PAGE, offset = 0, ...params } = parseRequest(GapParams, req.query, 'query');
    const input = defaultGapInput(params);
    // A gap list is a read model of the current graph: computed once, kept until a change affects what it read
    // (the plan's short name in its summary line included, so it is read through the recording store too).
    const result = await cached(store, `gap:${id}:${input.plan}:${input.asOf}:${input.threshold}:${input.basis}`, async (reading) => {
      const planName = input.plan ? ((await planShortNames(reading)).get(input.plan) ?? 'the chosen plan') : undefined;
      return analysis.run(reading, planName ? { ...input, planName } : input);
    });
    const body: GapResponse = {
      id: analysis.id,
      title: analysis.title,
      ...result,
      // A slice of the cached list: the page costs what it holds, however long the list has grown.
      rows: result.rows.slice(offset, offset + limit),
      page: { offset, limit, total: result.rows.length },
      input: { plan: input.plan || null, asOf: input.asOf, threshold: input.threshold, basis: input.basis },
    };
    res.json(body);
  });
  return router;
}
