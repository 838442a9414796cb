import express, { Router } from 'express';
import { z } from 'zod';
import { ImportMapping, ImportPlanOptions } from '../../model/importMapping.js';
import type { ChangeDiff } from '../../model/changes.js';
import { requireCapability } from '../auth/middleware.js';
import { DEFAULT_IMPORT_LIMITS, ImportError, formatPlace } from '../imports/importError.js';
import { runImport, type ImportResult } from '../imports/runImport.js';
import { StagedImports } from '../imports/stagedImports.js';
import type { GraphStore } from '../store/port.js';
import { HttpError, notFound } from './errors.js';
import { parseRequest } from './validateRequest.js';

/**
 * The import API, in the wizard's steps:
 * - POST /api/imports?file=NAME&plan=KEY[&title=&body=&period=&planType=&progressPeriod=]
 *   with the file as the request body (any content type, at most 20 MB): stages it and
 *   answers its preview, the change pipeline's dry run (what would be created, changed
 *   and linked), with the headings recognised, per-row problems and unmatched values.
 * - POST /api/imports/:id/preview {mapping}: the preview again, with a column or
 *   organisation mapping the user chose.
 * - POST /api/imports/:id/commit {mapping}: the commit, one atomic change with origin import.
 * - GET /api/imports/:id: where the preview or commit has got to (stage, done, total).
 * Editors and administrators only (the `edit` capability). A bad file is a 400 whose
 * issue names the file, row and column.
 */

export const ImportUpload = ImportPlanOptions.omit({ key: true, planType: true })
  .extend({
    file: z
      .string()
      .trim()
      .min(1, 'must name the file')
      .max(200)
      .regex(/^[^\\/\u0000-\u001f]+$/, 'must be a file name without folders'),
    plan: ImportPlanOptions.shape.key,
    planType: ImportPlanOptions.shape.planType,
  })
  .strict();
export const ImportStep = z.object({ mapping: ImportMapping.optional() }).strict();
const IdParam = z.object({ id: z.string().regex(/^import:[0-9a-f-]{36}$/, 'must be an import id such as import:0f8e…') }).strict();

function badFile(err: ImportError): HttpError {
  return new HttpError(400, 'bad_file', err.message, [{ field: formatPlace(err.place), reason: err.reason }]);
}

function previewOf(id: string, result: ImportResult) {
  const { interpretation, graph, tables } = result.prepared;
  const added = (kind: string) => result.diff.nodes.added.filter((n) => n.kind === kind).length;
  return {
    importId: id,
    committed: result.committed,
    changeId: result.committed ? result.changeId : null,
    file: result.prepared.file,
    tables,
    headings: { recognised: interpretation.recognisedHeadings, unrecognised: interpretation.unrecognisedHeadings },
    problems: interpretation.problems,
    unmatched: graph.unmatched,
    inferredLinks: graph.links
      .filter((l) => l.inferred)
      .map((l) => ({ type: l.type, from: l.from, to: l.to, printedAs: l.props.printedAs ?? null, score: l.score ?? null, table: l.provenance.table, row: l.provenance.rows[0] })),
    counts: {
      ...graph.counts,
      actionsAdded: added('Action'),
      nodesAdded: result.diff.nodes.added.length,
      nodesUpdated: result.diff.nodes.updated.length,
      linksAdded: result.diff.relationships.added.length,
      linksRemoved: result.diff.relationships.removed.length,
    },
    diff: result.diff satisfies ChangeDiff,
  };
}

/** What the preview and commit steps answer (the explorer's import wizard reads it). */
export type ImportPreview = ReturnType<typeof previewOf>;

export function importRoutes(store: GraphStore): Router {
  const router = Router();
  const staged = new StagedImports();
  const upload = express.raw({ type: () => true, limit: DEFAULT_IMPORT_LIMITS.maxFileBytes });

  const step = async (id: string, ownerId: string, mapping: ImportMapping | undefined, actor: NonNullable<Express.Request['actor']>, dryRun: boolean) => {
    const item = staged.get(id, ownerId);
    if (!item) throw notFound(`no staged import with id ${id} (uploads are kept for 30 minutes)`);
    if (item.committedAs) throw notFound(`the import ${id} was committed already, as ${item.committedAs}`);
    try {
      const result = await runImport(
        store,
        { buffer: item.buffer, file: item.file, plan: item.plan, ...(mapping ? { mapping } : {}), onProgress: (stage, done, total) => (item.progress = { stage, done, total }) },
        actor,
        { dryRun },
      );
      if (!dryRun) staged.finish(id, result.committed ? result.changeId : 'nothing');
      return previewOf(id, result);
    } catch (err) {
      if (err instanceof ImportError) throw badFile(err);
      throw err;
    }
  };

  router.post('/imports', requireCapability('edit'), upload, async (req, res) => {
    const q = parseRequest(ImportUpload, req.query, 'query');
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new HttpError(400, 'bad_request', 'send the file as the request body', [{ field: 'body', reason: 'is empty' }]);
    const { file, plan, ...rest } = q;
    const item = staged.add(req.actor!.id, file, req.body, { key: plan, ...rest });
    res.status(201).json(await step(item.id, req.actor!.id, undefined, req.actor!, true));
  });
  router.get('/imports/:id', requireCapability('edit'), (req, res) => {
    const { id } = parseRequest(IdParam, req.params, 'path');
    const item = staged.get(id, req.actor!.id);
    if (!item) throw notFound(`no staged import with id ${id}`);
    res.json({ importId: id, file: item.file, progress: item.progress });
  });
  router.post('/imports/:id/preview', requireCapability('edit'), async (req, res) => {
    const { id } = parseRequest(IdParam, req.params, 'path');
    const { mapping } = parseRequest(ImportStep, req.body ?? {}, 'body');
    res.json(await step(id, req.actor!.id, mapping, req.actor!, true));
  });
  router.post('/imports/:id/commit', requireCapability('edit'), async (req, res) => {
    const { id } = parseRequest(IdParam, req.params, 'path');
    const { mapping } = parseRequest(ImportStep, req.body ?? {}, 'body');
    res.json(await step(id, req.actor!.id, mapping, req.actor!, false));
  });
  return router;
}
