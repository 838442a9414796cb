import { z } from 'zod';
import { SavedAnalysisBody, SavedAnalysisPatch } from '../../model/analyses.js';
import { errorResponse, ok } from './openApi.js';

/** The OpenAPI paths of saved analyses (issue 16), from the schemas their routes validate with. */

const idParam = { name: 'id', in: 'path', required: true, description: 'a saved analysis id: saved-<slug>-<hex>', schema: { type: 'string' } } as const;
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
// A function, not a constant: openApi.ts imports this file, so its exports are not ready while this module loads.
const forbidden = () => errorResponse('the caller may not save analyses (viewer, partner editor) or the console is off');

export function analysisPaths() {
  return {
    '/api/analyses': {
      get: {
        summary: 'Every saved analysis, the templates shipped with Golden Thread first, with its query, dialect, parameters and version; each runs under GET /api/gaps/{id}',
        responses: { 200: ok('{analyses: [...]}') },
      },
      post: {
        summary:
          "Saves a query as a named analysis for everyone (analyst, editor, facilitator, administrator): refused with 400 naming why when the console would not run it (the engine's plan decides), saved through the change pipeline (audited, undone by revert)",
        requestBody: body(SavedAnalysisBody),
        responses: { 201: ok('{analysis, changeId}'), 400: errorResponse('a malformed field, or a query the console refuses, named'), 401: errorResponse('not signed in'), 403: forbidden() },
      },
    },
    '/api/analyses/{id}': {
      get: { summary: 'One saved analysis', parameters: [idParam], responses: { 200: ok('{analysis}'), 404: errorResponse('no such analysis') } },
      patch: {
        summary: 'Changes a saved analysis (a new version); a changed query is checked as on saving; expectedVersion refuses a stale edit with 409',
        parameters: [idParam],
        requestBody: body(SavedAnalysisPatch),
        responses: {
          200: ok('{analysis, changeId}'),
          400: errorResponse('a malformed field or a refused query'),
          403: forbidden(),
          404: errorResponse('no such analysis'),
          409: errorResponse('a stale expectedVersion'),
        },
      },
      delete: {
        summary: 'Deletes a saved analysis (audited; POST /api/changes/{changeId}/revert restores it)',
        parameters: [idParam, { name: 'expectedVersion', in: 'query', required: false, schema: { type: 'integer' } }],
        responses: { 200: ok('{changeId}'), 403: forbidden(), 404: errorResponse('no such analysis'), 409: errorResponse('a stale expectedVersion') },
      },
    },
  };
}
