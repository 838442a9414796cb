import { z } from 'zod';
import { EXPORT_FORMATS } from '../export/exportGraph.js';
import { SnapshotCompareParams, SnapshotCreateBody } from '../../model/snapshots.js';
import { CompareParams } from './compareRoutes.js';
import { ExportParams } from './exportRoutes.js';
import { ImportStep, ImportUpload } from './importRoutes.js';
import { errorResponse, ok, queryParams } from './openApi.js';

/**
 * The OpenAPI paths of import, export and plan comparison, from the schemas their
 * routes validate with. Listing the import routes here is also what puts them in the
 * role table of every write route (test/auth/writeRoutes.spec.ts).
 */

const importId = { name: 'id', in: 'path', required: true, description: 'an import id, import:<uuid>, as POST /api/imports answered', schema: { type: 'string' } } as const;
const snapshotId = { name: 'id', in: 'path', required: true, description: 'a snapshot id, made from its name: snapshot:end-of-q2-2010', schema: { type: 'string' } } as const;
const json = (schema: z.ZodType) => ({ required: false, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
/** A function, not a constant: openApi.ts imports this file, so its helpers exist only once both have loaded. */
const refusalsOf = () => ({
  400: errorResponse('a bad parameter, or a bad file: the issue names the file, row and column'),
  401: errorResponse('not signed in'),
  403: errorResponse('needs the edit capability (editors and administrators), or a missing x-csrf-token'),
});

export function importPaths() {
  const refusals = refusalsOf();
  return {
    '/api/imports': {
      post: {
        summary:
          'Stages a .docx, .xlsx, .csv or pasted tab-separated table (the request body, at most 20 MB) for the plan named by `plan`, and answers its preview: the change pipeline’s dry run (what would be created, changed and linked), the headings recognised and not, per-row problems (row, column, reason), unmatched values with suggestions, and links inferred by similarity. Nothing is written.',
        parameters: queryParams(ImportUpload),
        requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        responses: { 201: ok('the preview: importId, headings, problems, unmatched, inferredLinks, counts, diff'), ...refusals },
      },
    },
    '/api/imports/{id}': {
      get: {
        summary: 'Where the preview or commit of a staged import has got to: stage, done, total (for a progress bar)',
        parameters: [importId],
        responses: { 200: ok('importId, file, progress'), 401: refusals[401], 403: refusals[403], 404: errorResponse('no such staged import (kept 30 minutes, for its uploader only)') },
      },
    },
    '/api/imports/{id}/preview': {
      post: {
        summary: 'The preview again, with the column and organisation mapping the user chose (model/importMapping.ts); nothing is written',
        parameters: [importId],
        requestBody: json(ImportStep),
        responses: { 200: ok('the preview'), ...refusals, 404: errorResponse('no such staged import') },
      },
    },
    '/api/imports/{id}/commit': {
      post: {
        summary: 'Commits the staged import as one atomic change with origin import (the same file again changes nothing)',
        parameters: [importId],
        requestBody: json(ImportStep),
        responses: { 200: ok('committed, changeId and the diff'), ...refusals, 404: errorResponse('no such staged import'), 409: errorResponse('the graph changed under the preview') },
      },
    },
    '/api/export': {
      get: {
        summary: `The whole graph as a download: ${EXPORT_FORMATS.join(', ')} (JSON that imports back unchanged; CSV per node kind and relationship type in a zip, formula cells neutralised; GraphML; a Cypher load script for cypher-shell)`,
        parameters: queryParams(ExportParams),
        responses: { 200: { description: 'the file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, 400: errorResponse('an unknown format') },
      },
    },
    '/api/compare': {
      get: {
        summary: 'Two plans side by side: actions continued (by reference, else text similarity, with the score), dropped and new; leads changed; national outcomes that gained or lost coverage',
        parameters: queryParams(CompareParams),
        responses: { 200: ok('continued, dropped, added, coverage'), 400: errorResponse('a malformed plan id'), 404: errorResponse('neither id is a plan with actions') },
      },
    },
    '/api/snapshots': {
      get: { summary: 'Every named snapshot of the graph, newest first: id, name, note, who took it, when, node and relationship counts', responses: { 200: ok('snapshots') } },
      post: {
        summary: 'Freezes the whole graph now as a named snapshot (“end of Q2 2010”); its id is made from the name. Editors and administrators.',
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(SnapshotCreateBody, { io: 'input' }) } } },
        responses: { 201: ok('the snapshot'), 400: errorResponse('a bad name or note, named'), 401: refusals[401], 403: refusals[403], 409: errorResponse('a snapshot of that name exists') },
      },
    },
    '/api/snapshots/compare': {
      get: {
        summary:
          'What changed between two snapshots, or a snapshot and the graph now: nodes added, removed and changed (each field before and after), relationships added, removed and changed, counts per kind',
        parameters: queryParams(SnapshotCompareParams),
        responses: { 200: ok('from, to, counts, byKind, nodes, relationships'), 400: errorResponse('a malformed side, named'), 404: errorResponse('no such snapshot') },
      },
    },
    '/api/snapshots/{id}': {
      get: {
        summary: 'One snapshot (without its graph)',
        parameters: [snapshotId],
        responses: { 200: ok('the snapshot'), 400: errorResponse('a malformed id'), 404: errorResponse('no such snapshot') },
      },
      delete: {
        summary: 'Deletes a snapshot. Editors and administrators.',
        parameters: [snapshotId],
        responses: { 204: { description: 'deleted' }, 401: refusals[401], 403: refusals[403], 404: errorResponse('no such snapshot') },
      },
    },
    '/api/snapshots/{id}/export': {
      get: {
        summary: `A snapshot's graph as a download in any export format (${EXPORT_FORMATS.join(', ')}), dated when it was taken`,
        parameters: [snapshotId, ...queryParams(ExportParams)],
        responses: {
          200: { description: 'the file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          400: errorResponse('an unknown format'),
          404: errorResponse('no such snapshot'),
        },
      },
    },
  };
}
