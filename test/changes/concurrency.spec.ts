import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore, Transaction } from '../../server/store/port.js';
import { startChangeServer, type ChangeServer } from './changeServer.js';

/**
 * Optimistic concurrency over real HTTP: twenty clients change the same action at once,
 * round after round. For each version exactly one change commits; the others get 409
 * with the current values; the audit feed holds exactly the committed changes; and no
 * reader ever sees half a change. Then a failure injected between a change and its
 * audit entry (a store whose audit write throws) leaves neither.
 */

const ACTION = 'lcja-2008:action:2.5.11';
const CLIENTS = 20;
const ROUNDS = 3;

/** A store that refuses the audit write once armed: the seam between a change and its audit entry. */
function failingAuditStore(store: GraphStore, armed: { on: boolean }): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'write') {
        return <T>(work: (tx: Transaction) => Promise<T>) =>
          target.write((tx) =>
            work({
              run: (name, params) => {
                if (armed.on && name === 'system/upsert-audit-entry') throw new Error('injected failure: the audit log is unavailable');
                return tx.run(name, params);
              },
            }),
          );
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const armed = { on: false };
let api: ChangeServer;
beforeAll(async () => {
  api = await startChangeServer({ wrapStore: (store) => failingAuditStore(store, armed) });
}, 180_000);
afterAll(async () => {
  await api?.close();
});

const node = async () => (await api.call('GET', `/api/nodes/${ACTION}`, undefined, null)).body.node;

describe('twenty clients changing the same action at once', () => {
  it('commit exactly one change per version; the rest get 409 with the current values; no half change is ever read', async () => {
    const committed: string[] = [];
    let reading = true;
    let reads = 0;
    const torn: string[] = [];
    // A reader polls all the while: each change sets two fields to the same tag, so a mismatch is a partial change.
    const reader = (async () => {
      while (reading) {
        const n = await node();
        const tag = /^r\d+c\d+$/.exec(n.props.timescale ?? '')?.[0] ?? null;
        const target = /^target (r\d+c\d+)$/.exec(n.props.localTarget ?? '')?.[1] ?? null;
        if (tag !== target) torn.push(`${n.props.timescale} / ${n.props.localTarget}`);
        reads++;
      }
    })();
    for (let round = 0; round < ROUNDS; round++) {
      const version = (await node()).version;
      const answers = await Promise.all(
        Array.from({ length: CLIENTS }, (_, c) => {
          const tag = `r${round}c${c}`;
          return api.call('POST', '/api/changes', { operations: [{ op: 'update', id: ACTION, expectedVersion: version, set: { timescale: tag, localTarget: `target ${tag}` } }], reason: tag });
        }),
      );
      const wins = answers.filter((a) => a.status === 201);
      const conflicts = answers.filter((a) => a.status === 409);
      expect(wins).toHaveLength(1);
      expect(conflicts).toHaveLength(CLIENTS - 1);
      const winner = wins[0]!.body;
      committed.push(winner.changeId);
      expect(winner.diff.nodes.updated[0]).toMatchObject({ versionBefore: version, versionAfter: version + 1 });
      const after = await node();
      expect(after.version).toBe(version + 1);
      for (const c of conflicts) {
        expect(c.body.error.issues[0].field).toBe('operations.0.expectedVersion');
        expect(c.body.error.current[0]).toMatchObject({ id: ACTION, version: version + 1, props: { timescale: after.props.timescale } });
      }
    }
    reading = false;
    await reader;
    expect(torn).toEqual([]);
    expect(reads).toBeGreaterThan(ROUNDS);
    const feed = (await api.call('GET', `/api/changes?node=${ACTION}&limit=200`, undefined, null)).body.changes.filter((c: { actor: { id: string } }) => c.actor.id !== 'seed');
    expect(feed.map((c: { changeId: string }) => c.changeId)).toEqual([...committed].reverse());
    expect((await node()).version).toBe(1 + ROUNDS);
  }, 120_000);
});

describe('a failure between the change and its audit entry', () => {
  it('leaves neither the change nor the audit entry', async () => {
    const before = await node();
    const feedBefore = (await api.call('GET', '/api/changes?limit=1', undefined, null)).body.changes[0].changeId;
    armed.on = true;
    try {
      const res = await api.call('POST', '/api/changes', {
        operations: [
          { op: 'update', id: ACTION, set: { timescale: 'must not stay' } },
          { op: 'link', type: 'SERVES', from: ACTION, to: 'no:1' },
        ],
      });
      expect(res.status).toBe(500);
      expect(JSON.stringify(res.body)).not.toMatch(/injected|audit log/);
    } finally {
      armed.on = false;
    }
    expect(await node()).toEqual(before);
    const detail = (await api.call('GET', `/api/nodes/${ACTION}`, undefined, null)).body;
    expect((detail.neighbours['SERVES out'] ?? []).map((n: { id: string }) => n.id)).not.toContain('no:1');
    expect((await api.call('GET', '/api/changes?limit=1', undefined, null)).body.changes[0].changeId).toBe(feedBefore);
    // And the store still takes the same change once the audit log works again.
    expect((await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: ACTION, set: { timescale: 'now it stays' } }] })).status).toBe(201);
  });
});
