import fc from 'fast-check';
import type { FuzzOperation } from './routes.js';

/**
 * Generated request inputs: hostile scalars (empty, huge, negative, not-a-number,
 * injection-shaped, prototype keys, control characters, other alphabets), values of
 * the wrong type in every declared field, unknown fields, repeated query parameters,
 * and change operations of every op with the wrong shapes. Ids are made up, so a
 * generated input can name no stored node: whatever the server answers, it writes nothing.
 */

const hostile = fc.constantFrom(
  '',
  ' ',
  '-1',
  '0',
  '1e400',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  'true',
  'null',
  '[]',
  '{}',
  '%00',
  '\u0000',
  '\n\r',
  "' OR 1=1 --",
  'MATCH (n) DETACH DELETE n',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '<script>x</script>',
  'x'.repeat(5000),
  '2026-13-45',
  'plan:',
  'no:9999',
);
export const text = fc.oneof(hostile, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const madeUpId = fc.oneof(text, fc.stringMatching(/^fuzz:[a-z0-9.:-]{1,20}$/));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostile, fc.constantFrom(null, true, -1, 1.5, 2 ** 53, [], {}));

const operation = fc.record(
  {
    op: fc.oneof(fc.constantFrom('create', 'update', 'delete', 'link', 'unlink', 'addProgress'), text),
    id: madeUpId,
    expectedVersion: anyJson,
    node: fc.oneof(
      anyJson,
      fc.record(
        { kind: fc.oneof(fc.constantFrom('Action', 'Organisation', 'Plan', 'User', 'AuditEntry'), text), id: madeUpId, props: fc.dictionary(text, anyJson, { maxKeys: 4 }) },
        { requiredKeys: [] },
      ),
    ),
    set: fc.oneof(anyJson, fc.dictionary(fc.oneof(text, fc.constantFrom('title', 'timescale', 'version', 'id', 'provSource')), anyJson, { maxKeys: 4 })),
    unset: anyJson,
    type: fc.oneof(fc.constantFrom('SERVES', 'LEADS', 'MEMBER_OF', 'CONTAINS'), text),
    from: madeUpId,
    to: madeUpId,
    action: madeUpId,
    progress: anyJson,
    props: anyJson,
  },
  { requiredKeys: [] },
);

export function bodyFor(op: FuzzOperation): fc.Arbitrary<unknown> {
  const known = op.bodyProps ?? [];
  const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...(known.length ? known : ['x'])), text), anyJson, { maxKeys: 5 });
  const options: fc.Arbitrary<unknown>[] = [anyJson, shaped];
  if (op.path === '/api/changes') {
    options.push(fc.record({ operations: fc.oneof(anyJson, fc.array(operation, { maxLength: 4 })), reason: anyJson, dryRun: anyJson }, { requiredKeys: ['operations'] }));
  }
  return fc.oneof(...options);
}

export function queryFor(op: FuzzOperation): fc.Arbitrary<[string, string][]> {
  const names = fc.oneof(fc.constantFrom(...(op.queryParams.length ? op.queryParams : ['x'])), text);
  return fc.array(fc.tuple(names, text), { maxLength: 5 });
}

export function pathFor(op: FuzzOperation): fc.Arbitrary<string> {
  return fc.tuple(...op.pathParams.map(() => madeUpId)).map((values) => {
    let path = op.path;
    op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(values[i] as string))));
    return path;
  });
}
