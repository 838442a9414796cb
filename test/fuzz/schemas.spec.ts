import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AdHocQueryBody, ChangeFeedParams, ChangeIdParam, ChangeRequestBody, GapParams, GraphParams, MatrixParams, NodeIdParam, SearchParams } from '../../model/index.js';
import { LoginBody, NewUserBody, UserPatchBody } from '../../model/auth.js';
import { MissingUpdatesParams, ReportParams, RollupParams } from '../../model/reports.js';
import { DecisionBody, RevertBody } from '../../server/api/changeRoutes.js';
import { CompareParams } from '../../server/api/compareRoutes.js';
import { HttpError } from '../../server/api/errors.js';
import { ExportParams } from '../../server/api/exportRoutes.js';
import { parseRequest } from '../../server/api/validateRequest.js';
import { text } from './inputs.js';

/**
 * Every input schema the routes validate with, in process, thousands of generated
 * inputs each (the HTTP fuzz in httpEdge.spec.ts sends fewer, through the real server):
 * parsing either succeeds or is a 400 whose every issue names a field and a reason;
 * nothing else is ever thrown (a refine tripping over a value of the wrong type would be).
 * GT_SCHEMA_FUZZ_RUNS sets the volume (default 2000 per schema).
 */

const RUNS = Number(process.env.GT_SCHEMA_FUZZ_RUNS ?? 2000);

const SCHEMAS: Record<string, { schema: z.ZodType; where: 'query' | 'path' | 'body' }> = {
  SearchParams: { schema: SearchParams, where: 'query' },
  GraphParams: { schema: GraphParams, where: 'query' },
  GapParams: { schema: GapParams, where: 'query' },
  MatrixParams: { schema: MatrixParams, where: 'query' },
  ChangeFeedParams: { schema: ChangeFeedParams, where: 'query' },
  ReportParams: { schema: ReportParams, where: 'query' },
  RollupParams: { schema: RollupParams, where: 'query' },
  MissingUpdatesParams: { schema: MissingUpdatesParams, where: 'query' },
  CompareParams: { schema: CompareParams, where: 'query' },
  ExportParams: { schema: ExportParams, where: 'query' },
  NodeIdParam: { schema: NodeIdParam, where: 'path' },
  ChangeIdParam: { schema: ChangeIdParam, where: 'path' },
  ChangeRequestBody: { schema: ChangeRequestBody, where: 'body' },
  DecisionBody: { schema: DecisionBody, where: 'body' },
  RevertBody: { schema: RevertBody, where: 'body' },
  LoginBody: { schema: LoginBody, where: 'body' },
  NewUserBody: { schema: NewUserBody, where: 'body' },
  UserPatchBody: { schema: UserPatchBody, where: 'body' },
  AdHocQueryBody: { schema: AdHocQueryBody, where: 'body' },
};

/** The schema's own keys, so that generated objects get past "unknown field" to the values. */
function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape ?? (schema as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

const counts: string[] = [];
afterAll(() => console.log(`[schema fuzz] ${Object.keys(SCHEMAS).length} schemas, ${RUNS} inputs each:\n  ${counts.join('\n  ')}`));

describe.each(Object.entries(SCHEMAS).map(([name, s]) => ({ name, ...s })))('$name', ({ name, schema, where }) => {
  it(`accepts or refuses with named fields, never throwing anything else, over ${RUNS} inputs`, () => {
    const keys = keysOf(schema);
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), text, fc.array(text, { maxLength: 3 }));
    const input = fc.oneof(
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
      { weight: 4, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...(keys.length ? keys : ['x'])), text), value, { maxKeys: 6 }) },
    );
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(input, (raw) => {
        try {
          parseRequest(schema, raw, where);
          accepted++;
        } catch (err) {
          expect(err).toBeInstanceOf(HttpError);
          const e = err as HttpError;
          expect(e.status).toBe(400);
          expect(e.issues?.length).toBeGreaterThan(0);
          for (const issue of e.issues!) {
            expect(issue.field.length, JSON.stringify(raw)).toBeGreaterThan(0);
            expect(issue.reason.trim().length, JSON.stringify(raw)).toBeGreaterThan(0);
          }
          refused++;
        }
      }),
      { numRuns: RUNS },
    );
    counts.push(`${name.padEnd(22)} ${accepted} accepted, ${refused} refused`);
  });
});
