import { z } from 'zod';
import { AdHocQueryBody, GapParams, GraphParams, MatrixParams, SearchParams } from '../../model/index.js';
import { catalogue } from '../gaps/analyses.js';

/**
 * The OpenAPI description served at /api/docs, built from the same zod schemas the
 * routes validate with, so the documentation cannot drift from what the server accepts.
 */

type Param = { name: string; in: 'query' | 'path'; required: boolean; description?: string; schema: unknown };

function queryParams(schema: z.ZodType): Param[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { description?: string }>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    ...(s.description ? { description: s.description } : {}),
    schema: s,
  }));
}

const idParam: Param = { name: 'id', in: 'path', required: true, description: 'a node id such as lcja-2008:action:2.5.7 or no:9', schema: { type: 'string' } };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Golden Thread API',
      version: '0.1.0',
      description:
        'Community justice plans as a graph: search, node detail, subgraphs as Cytoscape elements, the golden thread from actions to national outcomes, gap analyses, the coverage matrix and read-only Cypher. Every error is JSON: {"error": {"status", "code", "message", "issues"?}}.',
    },
    paths: {
      '/api/health': { get: { summary: 'Store kind, version and node and relationship counts', responses: { 200: ok('health') } } },
      '/api/search': {
        get: {
          summary: 'Nodes whose name, reference or alias matches, ranked: exact reference, then prefix, then words',
          parameters: queryParams(SearchParams),
          responses: { 200: ok('ranked results with id, kind, label, ref and plan'), 400: errorResponse('a bad parameter, named') },
        },
      },
      '/api/nodes/{id}': {
        get: {
          summary: 'Every property, provenance, and neighbours grouped by relationship',
          parameters: [idParam],
          responses: { 200: ok('the node'), 400: errorResponse('a malformed id'), 404: errorResponse('no such node') },
        },
      },
      '/api/graph': {
        get: {
          summary: 'A subgraph as Cytoscape elements JSON; filters intersect; kind is one kind or a comma-separated list',
          parameters: queryParams(GraphParams),
          responses: { 200: ok('elements and counts'), 400: errorResponse('a bad parameter, named') },
        },
      },
      '/api/thread/{id}': {
        get: {
          summary:
            'The golden thread: from an action, local outcome or priority every path up to national outcomes, aims and framework outcomes; from a milestone, progress update or indicator the thread of what it belongs to, starting from itself; from a national outcome, aim or framework outcome every action beneath it with its path and lead',
          parameters: [idParam],
          responses: { 200: ok('paths as ordered node and edge ids, elements, and a plain-language description'), 400: errorResponse('a node kind with no thread'), 404: errorResponse('no such node') },
        },
      },
      '/api/gaps': { get: { summary: 'The catalogue of gap analyses', responses: { 200: ok(catalogue().map((a) => a.id).join(', ')) } } },
      '/api/gaps/{id}': {
        get: {
          summary: 'Runs one gap analysis: rows, a one-line summary and the node ids to highlight',
          parameters: [{ ...idParam, description: `one of ${catalogue().map((a) => a.id).join(', ')}` }, ...queryParams(GapParams)],
          responses: { 200: ok('the analysis'), 400: errorResponse('a bad parameter, named'), 404: errorResponse('no such analysis') },
        },
      },
      '/api/matrix': {
        get: {
          summary: 'Coverage matrix: counts per cell and the action ids behind each cell',
          parameters: queryParams(MatrixParams),
          responses: { 200: ok('rows, cols, cells'), 400: errorResponse('a bad parameter, named') },
        },
      },
      '/api/query': {
        post: {
          summary: 'Read-only Cypher for analysts (rate limited; capped in rows and time)',
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(AdHocQueryBody, { io: 'input' }) } } },
          responses: {
            200: ok('columns, rows, truncated, elapsedMs'),
            400: errorResponse('a bad body or a query the engine rejects'),
            403: errorResponse('a write refused, with the reason'),
            429: errorResponse('too many queries'),
            503: errorResponse('the query ran over its time cap'),
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: {
                status: { type: 'integer' },
                code: { type: 'string' },
                message: { type: 'string' },
                issues: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } } },
              },
            },
          },
        },
      },
    },
  };
}
