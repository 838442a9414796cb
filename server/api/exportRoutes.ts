import { Router } from 'express';
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_MEDIA, exportBody } from '../export/exportGraph.js';
import type { GraphStore } from '../store/port.js';
import { parseRequest } from './validateRequest.js';

/**
 * GET /api/export?format=json|csv|graphml|neo4j: the whole graph as a download (CSV as a
 * zip of one file per kind and type). Readable by whoever may read the graph (the
 * anonymous-read gate in front of every route decides).
 */

export const ExportParams = z.object({ format: z.enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` }) }).strict();

export function exportRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/export', async (req, res) => {
    const { format } = parseRequest(ExportParams, req.query, 'query');
    const body = await exportBody(store, format);
    res.setHeader('content-type', EXPORT_MEDIA[format].contentType);
    res.setHeader('content-disposition', `attachment; filename="${EXPORT_MEDIA[format].file}"`);
    res.send(body);
  });
  return router;
}
