import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS, RELATIONSHIP_TYPES, STATUSES, nodePropertyColumns, type NodeKind } from '../../model/index.js';
import type { NodeValue } from '../../server/store/port.js';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';
import { text } from './inputs.js';

/**
 * Change operations that get past the schema: real ids from the seed, real kinds, field
 * names and relationship types, with values, versions and endpoints that are often
 * wrong, sent to POST /api/changes by an editor, half of them as dry runs. The pipeline
 * must answer each with a 2xx or a documented 4xx (never a 5xx), and the audit log must
 * grow by exactly the number of changes answered 201: nothing refused, and no dry run,
 * writes anything. GT_FUZZ_RUNS sets the volume (default 150 changes).
 */

const RUNS = Number(process.env.GT_FUZZ_RUNS ? Number(process.env.GT_FUZZ_RUNS) * 4 : 150);
let api: ChangeServer;
let pool: { id: string; kind: NodeKind }[];

beforeAll(async () => {
  api = await startChangeServer();
  const rows = await api.store.read('export/all-nodes', { kinds: NODE_KINDS });
  const all = rows.map((r) => ({ id: String((r.n as NodeValue).properties.id), kind: (r.n as NodeValue).label as NodeKind }));
  // A few of every kind, so every kind's fields and every endpoint pair come up.
  pool = NODE_KINDS.flatMap((k) => all.filter((n) => n.kind === k).slice(0, 4));
}, 180_000);
afterAll(async () => {
  await api?.close();
});

const lastSeq = async () => ((await api.call('GET', '/api/changes?limit=1', undefined, 'editor')).body.changes[0]?.seq as number) ?? 0;

function operations() {
  const id = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool.map((n) => n.id)) }, { weight: 1, arbitrary: fc.stringMatching(/^fuzz:[a-z0-9-]{1,12}$/) });
  const kind = fc.constantFrom(...NODE_KINDS);
  const fieldOf = (k: NodeKind) =>
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...nodePropertyColumns(k).map((c) => c.name)) }, { weight: 1, arbitrary: fc.constantFrom('id', 'version', 'provSource', 'kind') });
  const value = fc.oneof(
    text,
    fc.integer({ min: -5, max: 3000 }),
    fc.constant(null),
    fc.array(text, { maxLength: 3 }),
    fc.boolean(),
    fc.constantFrom(...STATUSES),
    fc.constantFrom('printed', 'inferred', '2010-09-30', 'https://example.org/x.pdf'),
  );
  const version = fc.option(fc.constantFrom(0, 1, 2, 3, 99, -1, 1.5), { nil: undefined });
  const props = (k: NodeKind) => fc.dictionary(fieldOf(k), value, { maxKeys: 5 });
  return fc.oneof(
    kind.chain((k) =>
      fc.record(
        { op: fc.constant('update'), id, expectedVersion: version, set: props(k), unset: fc.option(fc.array(fieldOf(k), { maxLength: 2 }), { nil: undefined }) },
        { requiredKeys: ['op', 'id', 'set'] },
      ),
    ),
    fc.record({ op: fc.constant('delete'), id, expectedVersion: version }, { requiredKeys: ['op', 'id'] }),
    fc.record({ op: fc.constantFrom('link', 'unlink'), type: fc.constantFrom(...RELATIONSHIP_TYPES), from: id, to: id }),
    kind.chain((k) => fc.record({ op: fc.constant('create'), node: fc.record({ kind: fc.constant(k), id: fc.stringMatching(/^fuzz:[a-z0-9-]{1,12}$/), props: props(k) }) })),
    fc.record({
      op: fc.constant('addProgress'),
      action: id,
      progress: fc.record(
        { period: fc.constantFrom('2010-11-Q2', '2010-09', '2010-09-30', '2010-13', 'Q5'), status: fc.oneof(fc.constantFrom(...STATUSES), text), narrative: text },
        { requiredKeys: [] },
      ),
    }),
  );
}

describe('change operations past the schema', () => {
  it('are answered 2xx or a documented 4xx, never 5xx, and only 201s reach the audit log', async () => {
    const before = await lastSeq();
    let committed = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { operations: fc.array(operations(), { minLength: 1, maxLength: 3 }), dryRun: fc.boolean(), reason: fc.option(text, { nil: undefined }) },
          { requiredKeys: ['operations', 'dryRun'] },
        ),
        async (body) => {
          const res = await api.call('POST', '/api/changes', body, 'editor');
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const what = JSON.stringify(body).slice(0, 400);
          expect(res.status, what).toBeLessThan(500);
          if (res.status === 201) committed++;
          if (body.dryRun) expect(res.status === 201 || res.status === 202, `a dry run was committed: ${what}`).toBe(false);
          if (res.status >= 400) expect(res.body, what).toMatchObject({ error: { status: res.status, code: expect.any(String), message: expect.any(String) } });
        },
      ),
      { numRuns: RUNS },
    );
    console.log(
      `[change fuzz] ${RUNS} changes: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}; ${committed} committed`,
    );
    expect(await lastSeq()).toBe(before + committed);
  }, 300_000);
});
