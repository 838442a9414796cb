import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChangeServer, type Answer, type ChangeServer } from '../changes/changeServer.js';
import { bodyFor, pathFor, queryFor } from './inputs.js';
import { fuzzOperations, NOT_FUZZED, type FuzzOperation } from './routes.js';

/**
 * Every operation of the OpenAPI description, fed generated malformed input over real
 * HTTP by a signed-in administrator (so that input reaches validation rather than
 * stopping at sign-in): the answer is never a 5xx; every error is the documented shape,
 * a 400 naming each field with a reason; and unless some input was accepted (2xx), the
 * store is unchanged (graph counts, audit log, approval queue, accounts).
 * GT_FUZZ_RUNS sets the inputs per operation (default 40; the in-process schema fuzz in
 * schemas.spec.ts runs thousands per schema).
 */

const RUNS = Number(process.env.GT_FUZZ_RUNS ?? 40);
const OPERATIONS = fuzzOperations();
let api: ChangeServer;
const tally = new Map<string, Map<number, number>>();

beforeAll(async () => {
  api = await startChangeServer();
}, 180_000);
afterAll(async () => {
  const lines = [...tally].map(
    ([op, statuses]) =>
      `  ${op.padEnd(42)} ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
  );
  console.log(
    `[fuzz] ${OPERATIONS.length} operations, ${RUNS} inputs each, answers by status:\n${lines.join('\n')}\n  not fuzzed: ${Object.entries(NOT_FUZZED)
      .map(([k, why]) => `${k} (${why})`)
      .join('; ')}`,
  );
  await api?.close();
});

async function state() {
  const [health, feed, pending, users] = await Promise.all([
    api.call('GET', '/api/health', undefined, 'admin'),
    api.call('GET', '/api/changes?limit=1', undefined, 'admin'),
    api.call('GET', '/api/changes?status=pending&limit=200', undefined, 'admin'),
    api.call('GET', '/api/users', undefined, 'admin'),
  ]);
  return { counts: health.body.counts, lastChange: feed.body.changes[0]?.changeId ?? null, pending: pending.body, users: users.body };
}

function checkAnswer(op: FuzzOperation, input: unknown, res: Answer): void {
  const what = `${op.method.toUpperCase()} ${op.path} with ${JSON.stringify(input).slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) return;
  expect(res.body, what).toMatchObject({ error: { status: res.status, code: expect.any(String), message: expect.any(String) } });
  if (res.status === 400) {
    expect(res.body.error.issues, what).toEqual(expect.arrayContaining([expect.anything()]));
    for (const issue of res.body.error.issues) {
      // A field is named as sent, so a parameter called " " is named " "; never left empty.
      expect(typeof issue.field === 'string' && issue.field.length > 0, `${what}: field ${JSON.stringify(issue.field)}`).toBe(true);
      expect(issue.reason, what).toEqual(expect.stringMatching(/\S/));
    }
  }
}

describe.each(OPERATIONS.map((op) => ({ ...op, name: `${op.method.toUpperCase()} ${op.path}` })))('$name', (op) => {
  it('answers generated malformed input with a documented 4xx naming the field, never a 5xx, and writes nothing it refused', async () => {
    const before = await state();
    let accepted = 0;
    const statuses = new Map<number, number>();
    tally.set(op.name, statuses);
    const input = fc.record({
      path: pathFor(op),
      query: queryFor(op),
      body: op.bodyProps ? bodyFor(op) : fc.constant(undefined),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ path, query, body }) => {
        const search = new URLSearchParams(query).toString();
        const res = await api.call(op.method.toUpperCase(), `${path}${search ? `?${search}` : ''}`, body, 'admin');
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (op.writes && res.status < 300) accepted++;
        checkAnswer(op, { path, query, body }, res);
      }),
      { numRuns: RUNS },
    );
    if (op.writes && accepted === 0) expect(await state()).toEqual(before);
  }, 120_000);
});
