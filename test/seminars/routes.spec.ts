import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinAnswer, SeminarState, StartSeminarAnswer } from '../../model/seminars.js';
import { SeminarClient, until } from './seminarClient.js';
import { startSeminarServer, type SeminarServer } from './seminarServer.js';

/** The seminar's HTTP side on the real server: who may do what, the 400s naming the field, the summary in every format. */

const ACTION = 'lcja-2008:action:2.5.7';
let srv: SeminarServer;
let seminar: StartSeminarAnswer;
let alice: JoinAnswer;
let bob: JoinAnswer;
let timedRound: string;
const fac = () => ({ token: seminar.facilitatorToken });
const path = (p = '') => `/api/seminars/${seminar.id}${p}`;
const fields = (body: { error: { issues?: { field: string }[] } }) => body.error.issues?.map((i) => i.field);

beforeAll(async () => {
  // Three live connections per seminar: these tests use the socket only to see that bound.
  srv = await startSeminarServer({ settings: { maxConnectionsPerSeminar: 3 } });
  seminar = (await srv.call<StartSeminarAnswer>('POST', '/api/seminars', { title: 'Routes seminar', dotsPerPerson: 2, view: { filters: null, layout: 'layered', namedView: null } })).body;
  alice = (await srv.call<JoinAnswer>('POST', `/api/seminars/${seminar.code}/join`, { displayName: 'Alice' }, null)).body;
  bob = (await srv.call<JoinAnswer>('POST', `/api/seminars/${seminar.code.toLowerCase()}/join`, { displayName: 'Bob' }, null)).body;
  // A round on the timer, opened first so that it has run out by the last test.
  const round = await srv.call(
    'POST',
    path('/rounds'),
    {
      title: 'Timed',
      targets: [
        { id: 'no:9', label: 'NO9' },
        { id: 'no:11', label: 'NO11' },
      ],
      durationSeconds: 10,
    },
    fac(),
  );
  expect(round.status).toBe(201);
  timedRound = round.body.round.id;
}, 60_000);

afterAll(async () => {
  await srv?.close();
});

describe('starting and joining', () => {
  it('lets only a role that runs seminars start one: 401 anonymous, 403 a viewer or an editor', async () => {
    expect((await srv.call('POST', '/api/seminars', { title: 'x' }, null)).status).toBe(401);
    expect((await srv.call('POST', '/api/seminars', { title: 'x' }, 'viewer')).status).toBe(403);
    expect((await srv.call('POST', '/api/seminars', { title: 'x' }, 'editor')).status).toBe(403);
    expect((await srv.call('POST', '/api/seminars', { title: 'x' }, 'admin')).status).toBe(201);
  });

  it('answers the join code, the join URL and a QR code of it', async () => {
    expect(seminar.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(seminar.joinUrl).toBe(`${srv.base}/?join=${seminar.code}`);
    const qr = await srv.call('GET', seminar.qrUrl, undefined, null);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(qr.text).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
  });

  it('names the field of a bad start or join (400)', async () => {
    const noTitle = await srv.call('POST', '/api/seminars', { title: '  ' });
    expect(noTitle.status).toBe(400);
    expect(fields(noTitle.body)).toEqual(['title']);
    const extra = await srv.call('POST', '/api/seminars', { title: 'x', colour: 'red' });
    expect(fields(extra.body)).toEqual(['colour']);
    const badDots = await srv.call('POST', '/api/seminars', { title: 'x', dotsPerPerson: 0 });
    expect(fields(badDots.body)).toEqual(['dotsPerPerson']);
    const noName = await srv.call('POST', `/api/seminars/${seminar.code}/join`, { displayName: '' }, null);
    expect(noName.status).toBe(400);
    expect(fields(noName.body)).toEqual(['displayName']);
    const badCode = await srv.call('POST', '/api/seminars/0OIL1/join', { displayName: 'x' }, null);
    expect(badCode.status).toBe(400);
    expect(fields(badCode.body)).toEqual(['code']);
    const unknown = await srv.call('POST', `/api/seminars/ZZZZZZ/join`, { displayName: 'x' }, null);
    expect([unknown.status, fields(unknown.body)]).toEqual([404, ['code']]);
  });

  it('requires an account to join when the seminar says so, and records who signed in', async () => {
    const closed = (await srv.call<StartSeminarAnswer>('POST', '/api/seminars', { title: 'Signed in only', requireSignIn: true })).body;
    expect((await srv.call('POST', `/api/seminars/${closed.code}/join`, { displayName: 'Anon' }, null)).status).toBe(401);
    const vera = await srv.call<JoinAnswer>('POST', `/api/seminars/${closed.code}/join`, { displayName: 'Vera' }, 'viewer');
    expect(vera.status).toBe(201);
    expect(vera.body.participant.username).toBe('viewer');
  });
});

describe('proposals and decisions', () => {
  it('answers a proposal with its dry-run diff, and names the field of a bad operation', async () => {
    const res = await srv.call(
      'POST',
      path('/proposals'),
      { kind: 'lead', comment: 'Give 2.5.7 a timescale', operations: [{ op: 'update', id: ACTION, set: { timescale: 'March 2009' } }] },
      { token: alice.token },
    );
    expect(res.status).toBe(201);
    // Implementation plan 2008-09 prints "August 2008" as 2.5.7's timescale: the dry run shows it before and after.
    expect(res.body.diff.nodes.updated[0].fields).toEqual([{ field: 'timescale', before: 'August 2008', after: 'March 2009' }]);
    // A dry run: the node keeps its printed timescale.
    expect(JSON.stringify((await srv.call('GET', `/api/nodes/${ACTION}`, undefined, null)).body)).toContain('"timescale":"August 2008"');

    const badKind = await srv.call('POST', path('/proposals'), { comment: 'x', operations: [{ op: 'create', node: { kind: 'Person', id: 'x:1', props: {} } }] }, { token: alice.token });
    expect([badKind.status, fields(badKind.body)]).toEqual([400, ['operations.0.node.kind']]);
    const badField = await srv.call('POST', path('/proposals'), { comment: 'x', operations: [{ op: 'update', id: ACTION, set: { colour: 'red' } }] }, { token: alice.token });
    expect([badField.status, fields(badField.body)]).toEqual([400, ['operations.0.set.colour']]);
    const noComment = await srv.call('POST', path('/proposals'), { operations: [{ op: 'delete', id: ACTION }] }, { token: alice.token });
    expect([noComment.status, fields(noComment.body)]).toEqual([400, ['comment']]);
  });

  it("needs a seminar token or the facilitator: 401 without, 403 with another seminar's token or a participant deciding", async () => {
    const other = (await srv.call<StartSeminarAnswer>('POST', '/api/seminars', { title: 'Other' })).body;
    const outsider = (await srv.call<JoinAnswer>('POST', `/api/seminars/${other.code}/join`, { displayName: 'Out' }, null)).body;
    const body = { kind: 'comment', comment: 'hello', nodeId: ACTION };
    expect((await srv.call('POST', path('/proposals'), body, null)).status).toBe(401);
    expect((await srv.call('POST', path('/proposals'), body, { token: 'gts_' + 'a'.repeat(43) })).status).toBe(401);
    expect((await srv.call('POST', path('/proposals'), body, { token: outsider.token })).status).toBe(403);
    const p = (await srv.call('POST', path('/proposals'), body, { token: bob.token })).body.proposalId;
    expect((await srv.call('POST', path(`/proposals/${p}/accept`), {}, { token: bob.token })).status).toBe(403);
    expect((await srv.call('POST', path(`/proposals/${p}/accept`), {}, 'editor')).status).toBe(403);
    expect((await srv.call('GET', path('/state'), undefined, 'viewer')).status).toBe(403);
    const noReason = await srv.call('POST', path(`/proposals/${p}/decline`), {}, fac());
    expect([noReason.status, fields(noReason.body)]).toEqual([400, ['reason']]);
    expect((await srv.call('POST', path(`/proposals/${p}/decline`), { reason: 'a comment, noted in the minutes' }, fac())).status).toBe(200);
    const again = await srv.call('POST', path(`/proposals/${p}/decline`), { reason: 'twice' }, fac());
    expect([again.status, again.body.error.code]).toEqual([409, 'already_decided']);
  });

  it('is CSRF-safe: a session needs its CSRF token, a Bearer token needs none and the cookie beside it counts for nothing', async () => {
    const p = (
      await srv.call('POST', path('/proposals'), { kind: 'link', comment: '2.5.7 serves NO11', operations: [{ op: 'link', type: 'SERVES', from: ACTION, to: 'no:11' }] }, { token: alice.token })
    ).body.proposalId;
    const login = await fetch(`${srv.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'facilitator', password: 'facilitator-password-123' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const forged = await fetch(`${srv.base}${path(`/proposals/${p}/accept`)}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('csrf_token_invalid');
    // Alice's token with the facilitator's cookie: Alice, who may not accept.
    const mixed = await fetch(`${srv.base}${path(`/proposals/${p}/accept`)}`, {
      method: 'POST',
      headers: { cookie, authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(mixed.status).toBe(403);
    // The signed-in facilitator with the CSRF token accepts: committed as Alice's change from this seminar.
    const ok = await srv.call('POST', path(`/proposals/${p}/accept`), {}, 'facilitator');
    expect(ok.status).toBe(200);
    const change = (await srv.call('GET', `/api/changes/${ok.body.changeId}`, undefined, null)).body;
    expect([change.actor.name, change.origin]).toEqual(['Alice', { kind: 'seminar', ref: seminar.id }]);
    expect(change.reason).toContain('Accepted by Fay Facilitator');
  });
});

describe('votes', () => {
  it("counts dots within each person's allowance and names the field of a bad allocation", async () => {
    const round = (
      await srv.call(
        'POST',
        path('/rounds'),
        {
          title: 'Outcomes',
          targets: [
            { id: 'no:9', label: 'NO9' },
            { id: 'no:11', label: 'NO11' },
            { id: 'no:15', label: 'NO15' },
          ],
          anonymous: true,
        },
        fac(),
      )
    ).body.round;
    const tooMany = await srv.call('POST', path('/votes'), { roundId: round.id, allocations: [{ targetId: 'no:9', dots: 3 }] }, { token: alice.token });
    expect([tooMany.status, fields(tooMany.body)]).toEqual([400, ['allocations']]);
    const notATarget = await srv.call('POST', path('/votes'), { roundId: round.id, allocations: [{ targetId: 'no:1', dots: 1 }] }, { token: alice.token });
    expect([notATarget.status, fields(notATarget.body)]).toEqual([400, ['allocations.0.targetId']]);
    expect((await srv.call('POST', path('/votes'), { roundId: round.id, allocations: [{ targetId: 'no:15', dots: 2 }] }, { token: alice.token })).status).toBe(200);
    // Bob changes his mind: his second allocation replaces the first.
    await srv.call('POST', path('/votes'), { roundId: round.id, allocations: [{ targetId: 'no:9', dots: 2 }] }, { token: bob.token });
    const last = await srv.call(
      'POST',
      path('/votes'),
      {
        roundId: round.id,
        allocations: [
          { targetId: 'no:11', dots: 1 },
          { targetId: 'no:15', dots: 1 },
        ],
      },
      { token: bob.token },
    );
    // Anonymous: scores only, no names.
    expect(last.body.ranking).toEqual([
      { targetId: 'no:15', label: 'NO15', score: 3 },
      { targetId: 'no:11', label: 'NO11', score: 1 },
      { targetId: 'no:9', label: 'NO9', score: 0 },
    ]);
    const closed = await srv.call('POST', path(`/rounds/${round.id}/close`), {}, fac());
    expect(closed.body.ranking.map((r: { score: number }) => r.score)).toEqual([3, 1, 0]);
    const late = await srv.call('POST', path('/votes'), { roundId: round.id, allocations: [] }, { token: alice.token });
    expect([late.status, late.body.error.code]).toEqual([409, 'round_closed']);
  });

  it('closes a round on its timer', async () => {
    let state: SeminarState | null = null;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      state = (await srv.call<SeminarState>('GET', path('/state'), undefined, fac())).body;
      if (state.rounds.find((r) => r.id === timedRound)?.status === 'closed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const round = state!.rounds.find((r) => r.id === timedRound)!;
    expect(round.status).toBe('closed');
    expect(Date.parse(round.closedAt!)).toBeGreaterThanOrEqual(Date.parse(round.endsAt!));
  }, 30_000);
});

describe('connections', () => {
  it("refuses a connection over the seminar's bound, and an unknown token, to that device alone", async () => {
    const three = [new SeminarClient(srv.base, seminar.facilitatorToken), new SeminarClient(srv.base, alice.token), new SeminarClient(srv.base, bob.token)];
    try {
      await Promise.all(three.map((c) => c.connected()));
      const fourth = new SeminarClient(srv.base, alice.token);
      const stranger = new SeminarClient(srv.base, 'gts_' + 'b'.repeat(43));
      three.push(fourth, stranger);
      await until(() => fourth.connectErrors.includes('seminar_full') && stranger.connectErrors.includes('unknown_token'), 10_000, 'the refusals');
      expect(three.slice(0, 3).every((c) => c.socket.connected)).toBe(true);
      // One leaves: a retry is let in (socket.io-client does not retry a refusal by itself; the page does, after a pause).
      three[2]!.close();
      await until(() => srv.sockets.io.of('/').sockets.size === 2, 5000, 'the third to leave');
      fourth.socket.connect();
      await until(() => fourth.socket.connected, 10_000, 'the fourth device once there is room');
      stranger.close();
    } finally {
      for (const c of three) c.close();
    }
  });
});

describe('the end and the summary', () => {
  it('ends the seminar, refuses what comes after, and exports the record as JSON, Markdown, CSV and DOCX', async () => {
    // While it runs, the record is the room's: a reader with no seminar token is refused.
    expect((await srv.call('GET', path('/summary?format=md'), undefined, null)).status).toBe(401);
    const ended = await srv.call('POST', path('/end'), {}, fac());
    expect(ended.status).toBe(200);
    expect(ended.body.declined).toEqual([{ proposalId: expect.any(String), author: 'Bob', comment: 'hello', reason: 'a comment, noted in the minutes' }]);
    expect(ended.body.accepted.map((a: { comment: string; author: string }) => [a.comment, a.author])).toEqual([['2.5.7 serves NO11', 'Alice']]);
    expect(ended.body.accepted[0].diff.relationships.added).toEqual([expect.objectContaining({ type: 'SERVES', from: ACTION, to: 'no:11' })]);
    expect(ended.body.attendance.map((a: { displayName: string }) => a.displayName)).toEqual(['Fay Facilitator', 'Alice', 'Bob']);
    // The audit entry names the seminar; the summary lists the audit entry.
    expect(ended.body.changes.map((c: { changeId: string }) => c.changeId)).toEqual([ended.body.accepted[0].changeId]);

    const late = await srv.call('POST', path('/proposals'), { kind: 'comment', comment: 'too late', nodeId: ACTION }, { token: alice.token });
    expect([late.status, late.body.error.code]).toEqual([409, 'seminar_ended']);
    expect((await srv.call('POST', `/api/seminars/${seminar.code}/join`, { displayName: 'Late' }, null)).status).toBe(404);

    const md = await srv.call('GET', path('/summary?format=md'), undefined, fac());
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(md.text).toContain('## Declined proposals\n\n- hello (proposed by Bob) — reason: a comment, noted in the minutes');
    expect(md.text).toContain(`linked SERVES ${ACTION} -> no:11`);
    const csv = await srv.call('GET', path('/summary?format=csv'), undefined, fac());
    expect(csv.text.split('\r\n')[0]).toBe('section,item,decision,by,score,detail');
    expect(csv.text).toContain('declined,hello,declined,Bob,,"a comment, noted in the minutes"');
    const docx = await fetch(`${srv.base}${path('/summary?format=docx')}`, { headers: { authorization: `Bearer ${seminar.facilitatorToken}` } });
    expect(docx.headers.get('content-disposition')).toContain(`seminar-${seminar.code}.docx`);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(text).toContain('Declined proposals');
    expect(text).toContain('hello (proposed by Bob) — reason: a comment, noted in the minutes');
    // Ended, it is reachable from the audit entry of each change it produced: the entry names the seminar, and
    // anyone who may read the feed (anonymous here: GT_ANONYMOUS_READ's default) reads the record.
    const entry = await srv.call('GET', `/api/changes/${ended.body.accepted[0].changeId}`, undefined, null);
    expect(entry.body.origin).toEqual({ kind: 'seminar', ref: seminar.id });
    const read = await srv.call('GET', `/api/seminars/${entry.body.origin.ref}/summary?format=md`, undefined, null);
    expect(read.status).toBe(200);
    expect(read.text).toContain('## Declined proposals');
    const bad = await srv.call('GET', path('/summary?format=pdf'), undefined, fac());
    expect([bad.status, fields(bad.body)]).toEqual([400, ['format']]);
    const badAfter = await srv.call('GET', path('/events?after=-1'), undefined, fac());
    expect([badAfter.status, fields(badAfter.body)]).toEqual([400, ['after']]);
  });
});
