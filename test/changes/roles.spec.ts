import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, PARTNER_ORGANISATION, startChangeServer, type Account, type ChangeServer } from './changeServer.js';

/**
 * Who may write what, table-driven over every write route of the change API and every
 * role plus an anonymous caller; the CSRF token; and the partner editor's approval
 * queue: scope checked against their organisation's actions, invisible to everyone else
 * until an editor approves it, committed and audited when approved.
 */

let api: ChangeServer;
beforeAll(async () => {
  api = await startChangeServer();
}, 180_000);
afterAll(async () => {
  await api?.close();
});

/** 2.5.7 is led by the partner's organisation (the MAPPA steering group); 2.4.1 is not. */
const OWN_ACTION = 'lcja-2008:action:2.5.7';
const OTHER_ACTION = 'lcja-2008:action:2.4.1';
const NO_CHANGE = 'change:00000000-0000-0000-0000-000000000000';
const NO_PENDING = 'pending:00000000-0000-0000-0000-000000000000';

const dryRun = { operations: [{ op: 'update', id: OWN_ACTION, set: { timescale: 'role check' } }], dryRun: true };
type Expect = 200 | 401 | 403 | 404;

// [route, body, expected per caller]; 404 means "allowed through to an id that does not exist".
const ROUTES: [string, string, unknown, Record<Account | 'anonymous', Expect>][] = [
  ['POST', '/api/changes', dryRun, { anonymous: 401, viewer: 403, analyst: 403, partner: 200, editor: 200, facilitator: 403, admin: 200 }],
  ['POST', `/api/changes/${NO_CHANGE}/revert`, {}, { anonymous: 401, viewer: 403, analyst: 403, partner: 403, editor: 404, facilitator: 403, admin: 404 }],
  ['POST', `/api/changes/${NO_PENDING}/approve`, {}, { anonymous: 401, viewer: 403, analyst: 403, partner: 403, editor: 404, facilitator: 403, admin: 404 }],
  ['POST', `/api/changes/${NO_PENDING}/reject`, {}, { anonymous: 401, viewer: 403, analyst: 403, partner: 403, editor: 404, facilitator: 403, admin: 404 }],
  ['GET', '/api/changes?status=pending', undefined, { anonymous: 401, viewer: 403, analyst: 403, partner: 200, editor: 200, facilitator: 403, admin: 200 }],
];

const CALLERS = ['anonymous', ...Object.keys(ACCOUNTS)] as (Account | 'anonymous')[];

describe.each(ROUTES)('%s %s', (method, path, body, expected) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const res = await api.call(method, path, body, caller === 'anonymous' ? null : caller);
    expect(res.status).toBe(expected[caller]);
  });
});

describe('CSRF', () => {
  it('refuses a signed-in change without the x-csrf-token header, and writes nothing', async () => {
    const before = (await api.call('GET', `/api/nodes/${OWN_ACTION}`, undefined, null)).body.node;
    const res = await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: OWN_ACTION, set: { timescale: 'forged' } }] }, 'editor', { 'x-csrf-token': 'wrong' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_token_invalid');
    expect((await api.call('GET', `/api/nodes/${OWN_ACTION}`, undefined, null)).body.node).toEqual(before);
  });
});

describe('a partner editor', () => {
  it('gets 403 naming what lies outside their organisation, and nothing is queued', async () => {
    const res = await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: OTHER_ACTION, set: { timescale: 'not ours' } }] }, 'partner');
    expect(res.status).toBe(403);
    expect(res.body.error.issues).toEqual([{ field: OTHER_ACTION, reason: expect.stringContaining(PARTNER_ORGANISATION) }]);
    expect((await api.call('GET', '/api/changes?status=pending', undefined, 'editor')).body.changes).toEqual([]);
  });

  it('may not create an action, even in a plan their organisation works in', async () => {
    const res = await api.call('POST', '/api/changes', { operations: [{ op: 'create', node: { kind: 'Action', id: 'lcja-2008:action:9.1', props: { ref: '9.1', title: 'New' } } }] }, 'partner');
    expect(res.status).toBe(403);
  });

  it('queues a change to their own action: invisible to viewers until an editor approves it, then committed and audited as theirs', async () => {
    const before = (await api.call('GET', `/api/nodes/${OWN_ACTION}`, undefined, 'viewer')).body.node;
    const res = await api.call(
      'POST',
      '/api/changes',
      {
        operations: [
          { op: 'update', id: OWN_ACTION, expectedVersion: before.version, set: { timescale: 'October 2008' } },
          { op: 'addProgress', action: OWN_ACTION, progress: { period: '2008-09 Q3', status: 'on target', narrative: 'NASSO arrangements reviewed.' } },
        ],
        reason: 'steering group update',
      },
      'partner',
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ committed: false, status: 'pending', changeId: expect.stringMatching(/^pending:/) });
    const pendingId = res.body.changeId;

    // Not applied: viewers and anonymous readers see the action as it was, and the feed has no such change.
    expect((await api.call('GET', `/api/nodes/${OWN_ACTION}`, undefined, 'viewer')).body.node).toEqual(before);
    expect((await api.call('GET', `/api/changes?node=${OWN_ACTION}`, undefined, null)).body.changes.some((c: { actor: { id: string } }) => c.actor.id === 'partner')).toBe(false);
    // The queue: the editor sees it, the partner sees their own, a viewer is refused.
    expect((await api.call('GET', '/api/changes?status=pending', undefined, 'editor')).body.changes.map((c: { changeId: string }) => c.changeId)).toEqual([pendingId]);
    expect((await api.call('GET', '/api/changes?status=pending', undefined, 'partner')).body.changes).toHaveLength(1);
    expect((await api.call('GET', `/api/changes/${pendingId}`, undefined, 'viewer')).status).toBe(404);

    const approved = await api.call('POST', `/api/changes/${pendingId}/approve`, { note: 'checked with the minutes' }, 'editor');
    expect(approved.status).toBe(201);
    expect(approved.body.committed).toBe(true);
    const after = (await api.call('GET', `/api/nodes/${OWN_ACTION}`, undefined, 'viewer')).body;
    expect(after.node.props).toMatchObject({ timescale: 'October 2008', status: 'on target' });
    expect(after.node.version).toBe(before.version + 1);
    const record = (await api.call('GET', `/api/changes/${approved.body.changeId}`, undefined, null)).body;
    expect(record).toMatchObject({
      actor: { id: 'partner', role: 'partner-editor', organisationId: PARTNER_ORGANISATION },
      approvedBy: 'editor',
      reason: 'steering group update',
      origin: { kind: 'edit', ref: pendingId },
    });
    expect((await api.call('GET', '/api/changes?status=pending', undefined, 'editor')).body.changes).toEqual([]);
    expect((await api.call('GET', '/api/changes?status=approved', undefined, 'editor')).body.changes[0]).toMatchObject({
      changeId: pendingId,
      committedAs: approved.body.changeId,
      decidedBy: 'editor',
    });
    // A decided change cannot be decided again.
    expect((await api.call('POST', `/api/changes/${pendingId}/reject`, {}, 'editor')).status).toBe(409);
  });

  it('a rejected change is never applied', async () => {
    const before = (await api.call('GET', `/api/nodes/${OWN_ACTION}`, undefined, null)).body.node;
    const res = await api.call('POST', '/api/changes', { operations: [{ op: 'update', id: OWN_ACTION, set: { objective: 'rejected wording' } }] }, 'partner');
    expect(res.status).toBe(202);
    expect((await api.call('POST', `/api/changes/${res.body.changeId}/reject`, { note: 'not what the plan says' }, 'editor')).status).toBe(200);
    expect((await api.call('GET', `/api/nodes/${OWN_ACTION}`, undefined, null)).body.node).toEqual(before);
    expect((await api.call('POST', `/api/changes/${res.body.changeId}/approve`, {}, 'editor')).status).toBe(409);
  });
});
