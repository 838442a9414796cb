import { openApiDocument } from '../../server/api/openApi.js';

/**
 * The API's inputs as the OpenAPI description states them (server/api/openApi.ts, built
 * from the zod schemas the routes validate with): every operation with its path
 * parameters, query parameters and the property names of its JSON body. The fuzzer
 * walks this list, so a route added to the description is fuzzed without a test change.
 */

export type FuzzOperation = {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Property names of the JSON body, or null when the operation takes none. */
  bodyProps: string[] | null;
  writes: boolean;
};

/** Operations left out, each with why. */
export const NOT_FUZZED: Record<string, string> = {
  'get /api/events': 'a server-sent event stream that never ends; it takes no input',
  'post /api/auth/logout': "takes no input, and would end the fuzzer's own session",
  'post /api/query': "fuzzed by test/api/queryProperty.spec.ts with thousands of Cypher-like strings through the console's worker pool",
};

type OpenApiOperation = {
  parameters?: { name: string; in: 'query' | 'path' }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
};

export function fuzzOperations(): FuzzOperation[] {
  const paths = openApiDocument().paths as Record<string, Record<string, OpenApiOperation>>;
  const out: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (NOT_FUZZED[`${method} ${path}`]) continue;
      const params = op.parameters ?? [];
      const json = op.requestBody?.content['application/json'];
      out.push({
        method: method as FuzzOperation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProps: json ? Object.keys(json.schema?.properties ?? {}) : null,
        writes: method !== 'get',
      });
    }
  }
  return out;
}
