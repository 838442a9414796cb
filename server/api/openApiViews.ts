import { z } from 'zod';
import { ViewCreateBody, ViewPatchBody } from '../views/namedViews.js';
import { errorResponse, ok } from './openApi.js';

/** The OpenAPI paths of named views shared on the server, from the schemas their routes validate with. */

const viewId = { name: 'id', in: 'path', required: true, description: 'a view id, view:<uuid>', schema: { type: 'string' } } as const;
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });

export function viewPaths() {
  const denied = { 401: errorResponse('not signed in'), 403: errorResponse('needs the saveAnalysis capability (analysts, editors, facilitators, administrators), or a missing x-csrf-token') };
  return {
    '/api/views': {
      get: { summary: 'Every named view shared on the server, by name: positions, filters, styling rules, label size and camera, with who saved it and when', responses: { 200: ok('views') } },
      post: {
        summary: 'Shares a named view; names are unique without regard to case',
        requestBody: body(ViewCreateBody),
        responses: { 201: ok('the view with its id'), 400: errorResponse('a bad field, named'), ...denied, 409: errorResponse('a view of that name exists') },
      },
    },
    '/api/views/{id}': {
      get: { summary: 'One shared view', parameters: [viewId], responses: { 200: ok('the view'), 400: errorResponse('a malformed id'), 404: errorResponse('no such view') } },
      patch: {
        summary: 'Renames a shared view, replaces what it shows, or both',
        parameters: [viewId],
        requestBody: body(ViewPatchBody),
        responses: { 200: ok('the view'), 400: errorResponse('a bad field, named'), ...denied, 404: errorResponse('no such view'), 409: errorResponse('another view has that name') },
      },
      delete: { summary: 'Deletes a shared view', parameters: [viewId], responses: { 204: { description: 'deleted' }, ...denied, 404: errorResponse('no such view') } },
    },
  };
}
