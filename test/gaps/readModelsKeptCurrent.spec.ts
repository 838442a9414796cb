import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, type ChangeOperationInput, type ThreadResponse } from '../../model/index.js';
import { changePipelineFor } from '../../server/changes/pipeline.js';
import { queries } from '../../server/cypher/registry.js';
import { ANALYSES, defaultGapInput } from '../../server/gaps/analyses.js';
import { shownFields } from '../../server/graph/cachedRows.js';
import { isCached } from '../../server/graph/readCache.js';
import type { GraphStore } from '../../server/store/port.js';
import { goldenThread } from '../../server/thread/thread.js';
import { startChangeServer, type ChangeServer } from '../changes/changeServer.js';

/**
 * Gap lists kept current by patching, not dropping (server/graph/cachedRows.ts): after
 * any sequence of real edits committed through the pipeline, every gap list the API
 * serves from its read models equals the same analysis computed from scratch on the
 * graph as it now is.
 */

let api: ChangeServer;
beforeAll(async () => {
  api = await startChangeServer();
}, 180_000);
afterAll(async () => {
  await api?.close();
});

const editor = { id: 'prop-test', name: 'Property Test', role: 'editor' as const };
const AS_OF = '2012-01-01';
const INPUTS = [{ asOf: AS_OF }, { asOf: AS_OF, basis: 'printed' as const }];

/** A view of the store with a read cache of its own, empty: analyses run on it compute everything afresh. */
function uncached(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const served = async (id: string, input: (typeof INPUTS)[number]) => {
  const res = await api.call('GET', `/api/gaps/${id}?asOf=${input.asOf}${'basis' in input ? `&basis=${input.basis}` : ''}`, undefined, null);
  expect(res.status).toBe(200);
  const { summary, columns, rows, highlight } = res.body;
  return { summary, columns, rows, highlight };
};

/** Threads down (NO9, NO11) and up (an action both kinds of edit reach), kept by patching (server/thread/threadPatch.ts). */
const THREADS: string[] = ['no:9', 'no:11', 'lcja-2008:action:2.5.7'];

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
/**
 * A thread with its lists in a fixed order: the engine returns paths in no order it
 * promises, so a thread computed afresh may list the same paths (and sentences) otherwise.
 */
function inAnyOrder(thread: ThreadResponse) {
  return {
    ...thread,
    paths: [...thread.paths].sort(byJson),
    elements: { nodes: [...thread.elements.nodes].sort(byJson), edges: [...thread.elements.edges].sort(byJson) },
    description: thread.description.split(/(?<=[.”)]\.) (?=[A-Z])/).sort(),
  };
}

async function expectEveryListCurrent(edited: string[] = []): Promise<void> {
  for (const analysis of ANALYSES) {
    for (const input of INPUTS) {
      const fresh = JSON.parse(JSON.stringify(await analysis.run(uncached(api.store), defaultGapInput(input))));
      expect(await served(analysis.id, input), `${analysis.id} ${JSON.stringify(input)}`).toEqual(fresh);
    }
  }
  for (const id of [...THREADS, ...edited]) {
    const res = await api.call('GET', `/api/thread/${id}`, undefined, null);
    expect(res.status).toBe(200);
    const fresh = JSON.parse(JSON.stringify(await goldenThread(uncached(api.store), id))) as ThreadResponse;
    expect(inAnyOrder(res.body as ThreadResponse), `thread ${id}`).toEqual(inAnyOrder(fresh));
  }
}

describe('which fields a gap query only shows', () => {
  const text = (name: string) => queries().text(name, 'ladybug');
  it('actions-without-lead filters on leadVague and LEADS, and only shows the reference, title, lead, timescale, status and due date', () => {
    const shown = shownFields(text('gaps/actions-without-lead'))!;
    expect([...shown.keys()].sort()).toEqual(['dueDate', 'leadAsPrinted', 'ref', 'status', 'timescale', 'title']);
  });
  it('overdue-actions filters on the due date, its basis and the status: those are not patched', () => {
    const shown = shownFields(text('gaps/overdue-actions'))!;
    expect(shown.has('timescale')).toBe(true);
    for (const f of ['dueDate', 'status', 'dueDateBasis']) expect(shown.has(f), f).toBe(false);
  });
  it("overdue-milestones: the milestone's own shown fields only; the action's reference is not the row's node", () => {
    const shown = shownFields(text('gaps/overdue-milestones'))!;
    expect([...shown.keys()].sort()).toEqual(['text', 'timescale']);
  });
  it('a query of several parts is never patched', () => {
    expect(shownFields(text('graph/plan-membership'))).toBeNull();
  });
});

describe('after a one-field edit of a shown field', () => {
  it('the rows are patched and kept, and the list shows the new value', async () => {
    const before = await served('actions-without-lead', INPUTS[0]!);
    const row = before.rows[0] as { id: string; timescale: string | null };
    const rowsKey = `rows:gaps/actions-without-lead:${JSON.stringify({ plan: '', asOf: AS_OF, bases: defaultGapInput(INPUTS[0]!).bases })}`;
    expect(isCached(api.store, rowsKey)).toBe(true);
    await changePipelineFor(api.store).submit({ operations: [{ op: 'update', id: row.id, set: { timescale: 'By the patched-rows test' } }] }, editor);
    expect(isCached(api.store, rowsKey), 'the rows were dropped, not patched').toBe(true);
    const after = await served('actions-without-lead', INPUTS[0]!);
    expect(after.rows.find((r: { id: string }) => r.id === row.id).timescale).toBe('By the patched-rows test');
    expect(after.rows.map((r: { id: string }) => r.id)).toEqual(before.rows.map((r: { id: string }) => r.id));
  });
});

describe('after any sequence of edits', () => {
  it('every gap list served equals the analysis computed from scratch', async () => {
    const all = await api.store.read('search/all-nodes');
    const idsOf = (kind: string, n: number) =>
      all
        .map((r) => r.n as { label: string; properties: { id: string } })
        .filter((x) => x.label === kind)
        .map((x) => x.properties.id)
        .sort()
        .slice(0, n);
    const actions = idsOf('Action', 40).filter((_, i) => i % 3 === 0);
    const milestones = idsOf('Milestone', 12);
    const organisations = ['org:scottish-prison-service', 'org:mappa-steering-group', 'org:victim-support-scotland'];
    const outcomes = ['no:9', 'no:11', 'no:15'];
    // A milestone's thread is computed again on every change that reaches it (it is not patched).
    THREADS.push(milestones[0]!);

    const text = fc.constantFrom('March 2010', 'Ongoing', 'Ensure the effective implementation of NASSO.', 'Responsible Authorities and Partners', '2.5.99');
    const date = fc.constantFrom('2009-03-31', '2011-06-30', '2013-01-01');
    const actionEdit: fc.Arbitrary<ChangeOperationInput> = fc.oneof(
      fc.record({
        op: fc.constant('update' as const),
        id: fc.constantFrom(...actions),
        set: fc.oneof(
          fc.record({ timescale: text }),
          fc.record({ title: text }),
          fc.record({ ref: text }),
          fc.record({ leadAsPrinted: text }),
          fc.record({ leadVague: fc.boolean() }),
          fc.record({ status: fc.constantFrom(...STATUSES) }),
          fc.record({ dueDate: date }),
          fc.record({ objective: text }),
        ),
      }),
      fc.record({ op: fc.constant('update' as const), id: fc.constantFrom(...actions), unset: fc.constantFrom('timescale', 'dueDate', 'status', 'leadAsPrinted').map((f) => [f]) }),
    );
    const milestoneEdit: fc.Arbitrary<ChangeOperationInput> = fc.record({
      op: fc.constant('update' as const),
      id: fc.constantFrom(...milestones),
      set: fc.oneof(fc.record({ text }), fc.record({ timescale: text }), fc.record({ dueDate: date }), fc.record({ status: fc.constantFrom(...STATUSES) })),
    });
    const linkEdit: fc.Arbitrary<ChangeOperationInput> = fc.oneof(
      fc.record({ op: fc.constantFrom('link' as const, 'unlink' as const), type: fc.constant('LEADS' as const), from: fc.constantFrom(...organisations), to: fc.constantFrom(...actions) }),
      fc.record({ op: fc.constantFrom('link' as const, 'unlink' as const), type: fc.constant('SERVES' as const), from: fc.constantFrom(...actions), to: fc.constantFrom(...outcomes) }),
    );
    const edit = fc.oneof({ arbitrary: actionEdit, weight: 3 }, { arbitrary: milestoneEdit, weight: 1 }, { arbitrary: linkEdit, weight: 1 });

    const pipeline = changePipelineFor(api.store);
    // Every edited action's thread is served from the read cache from here on, patched or computed again after each edit.
    await expectEveryListCurrent(actions);
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
        for (const op of edits) {
          // A link that exists or an unlink of one that does not is refused and writes nothing; the lists must still agree.
          await pipeline.submit({ operations: [op] }, editor).catch(() => undefined);
          // Checked after each edit: the thread of what it edited or linked (every other thread is checked alike at the start);
          // an organisation has no thread of its own.
          await expectEveryListCurrent((op.op === 'link' || op.op === 'unlink' ? [op.from, op.to] : 'id' in op ? [op.id] : []).filter((id): id is string => !!id && !id.startsWith('org:')));
        }
      }),
      // PROPERTY_SEED replays a run that failed (fast-check prints its seed).
      { numRuns: 6, ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) },
    );
  }, 300_000);
});
