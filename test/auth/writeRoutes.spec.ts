import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../model/roles.js';
import { openApiDocument } from '../../server/api/openApi.js';
import { Browser, startAuthServer, type AuthServer } from './authServer.js';

/**
 * Every write route of the API against every role and an anonymous caller, with the
 * accounts and sessions in the real store: allowed, 401 or 403. The list of write routes
 * is the OpenAPI description's, so a new write route without a row here fails the suite.
 * Bodies and ids are chosen so that "allowed" reaches the route and writes nothing
 * (a dry run, an id that does not exist, a body the route then refuses with 400).
 */

type Caller = Role | 'anonymous';
type Expected = Record<Caller, number>;

const NO_CHANGE = 'change:00000000-0000-0000-0000-000000000000';
const NO_PENDING = 'pending:00000000-0000-0000-0000-000000000000';
const NO_VIEW = 'view:00000000-0000-0000-0000-000000000000';
const NO_IMPORT = 'import:00000000-0000-0000-0000-000000000000';
const PARTNER_ORGANISATION = 'org:mappa-steering-group';
const NO_SEMINAR = 'seminar:00000000-0000-0000-0000-000000000000';
const NO_PROPOSAL = 'proposal:00000000-0000-0000-0000-000000000000';
const NO_ROUND = 'round:00000000-0000-0000-0000-000000000000';
const dryRun = { operations: [{ op: 'update', id: 'lcja-2008:action:2.5.7', set: { timescale: 'role check' } }], dryRun: true };

const only = (allowed: number, roles: Role[]): Expected => Object.fromEntries([['anonymous', 401], ...ROLES.map((r) => [r, roles.includes(r) ? allowed : 403])]) as Expected;
const everyone = (status: number): Expected => Object.fromEntries([['anonymous', status], ...ROLES.map((r) => [r, status])]) as Expected;

/** `METHOD /api/path` (as the OpenAPI description names it) -> the request made -> who may. */
const WRITE_ROUTES: Record<string, { path: string; body?: unknown; expected: Expected; /** The 403 message when it is not requireRole's. */ refusal?: string }> = {
  'POST /api/auth/login': { path: '/api/auth/login', body: { username: 'nobody', password: 'wrong password' }, expected: everyone(401) },
  'POST /api/auth/logout': { path: '/api/auth/logout', expected: everyone(200) },
  // The query console (GT_CONSOLE=auto, the default): signed-in roles with runConsole (analyst,
  // editor, administrator), and anonymous callers because this server listens on loopback only,
  // where every caller is at this machine. A signed-in role without runConsole is refused: signing
  // in says who you are, and the console is for those whose role includes it.
  'POST /api/query': {
    path: '/api/query',
    body: { cypher: 'MATCH (n:Plan) RETURN count(n) AS plans' },
    expected: { ...only(200, ['analyst', 'editor', 'administrator']), anonymous: 200 },
    refusal: 'the query console needs one of the roles analyst, editor, administrator',
  },
  // Multi-factor: every signed-in account manages its own (a body the route then refuses with 400); anonymous callers have none.
  'POST /api/auth/mfa/totp': { path: '/api/auth/mfa/totp', body: { unexpected: true }, expected: { ...everyone(400), anonymous: 401 } },
  'POST /api/auth/mfa/totp/confirm': { path: '/api/auth/mfa/totp/confirm', body: {}, expected: { ...everyone(400), anonymous: 401 } },
  'POST /api/auth/mfa/disable': { path: '/api/auth/mfa/disable', body: {}, expected: { ...everyone(400), anonymous: 401 } },
  // One's own account: every signed-in account may (a body the route then refuses with 400); anonymous callers have none.
  'POST /api/auth/password': { path: '/api/auth/password', body: {}, expected: { ...everyone(400), anonymous: 401 } },
  'POST /api/auth/sessions/end': { path: '/api/auth/sessions/end', body: {}, expected: { ...everyone(400), anonymous: 401 } },
  'DELETE /api/users/{username}/mfa': { path: '/api/users/ghost/mfa', expected: only(404, ['administrator']) },
  // Server to server from a provider, not a browser's: no sign-in involved, so every caller reaches it (no provider here: 404).
  'POST /api/auth/oidc/{id}/backchannel-logout': { path: '/api/auth/oidc/no-such-provider/backchannel-logout', body: {}, expected: everyone(404) },
  'POST /api/users': { path: '/api/users', body: {}, expected: only(400, ['administrator']) },
  'PATCH /api/users/{username}': { path: '/api/users/ghost', body: { name: 'Ghost' }, expected: only(404, ['administrator']) },
  'DELETE /api/users/{username}': { path: '/api/users/ghost', expected: only(404, ['administrator']) },
  'POST /api/changes': { path: '/api/changes', body: dryRun, expected: only(200, ['partner-editor', 'editor', 'administrator']) },
  'POST /api/changes/{id}/revert': { path: `/api/changes/${NO_CHANGE}/revert`, body: {}, expected: only(404, ['editor', 'administrator']) },
  'POST /api/changes/{id}/approve': { path: `/api/changes/${NO_PENDING}/approve`, body: {}, expected: only(404, ['editor', 'administrator']) },
  'POST /api/changes/{id}/reject': { path: `/api/changes/${NO_PENDING}/reject`, body: {}, expected: only(404, ['editor', 'administrator']) },
  // Imports: allowed callers reach the route and are refused there (no file named; no such staged import).
  'POST /api/imports': { path: '/api/imports', body: {}, expected: only(400, ['editor', 'administrator']) },
  'POST /api/imports/{id}/preview': { path: `/api/imports/${NO_IMPORT}/preview`, body: {}, expected: only(404, ['editor', 'administrator']) },
  'POST /api/snapshots': { path: '/api/snapshots', body: {}, expected: only(400, ['editor', 'administrator']) },
  'DELETE /api/snapshots/{id}': { path: '/api/snapshots/snapshot:no-such-snapshot', expected: only(404, ['editor', 'administrator']) },
  // Named views: every role that may save an analysis shares views; the rest keep them in their browser.
  'POST /api/views': { path: '/api/views', body: {}, expected: only(400, ['analyst', 'editor', 'facilitator', 'administrator']) },
  'PATCH /api/views/{id}': { path: `/api/views/${NO_VIEW}`, body: { name: 'Renamed' }, expected: only(404, ['analyst', 'editor', 'facilitator', 'administrator']) },
  'DELETE /api/views/{id}': { path: `/api/views/${NO_VIEW}`, expected: only(404, ['analyst', 'editor', 'facilitator', 'administrator']) },
  'POST /api/imports/{id}/commit': { path: `/api/imports/${NO_IMPORT}/commit`, body: {}, expected: only(404, ['editor', 'administrator']) },
  // issue-16: saved analyses, for the roles with saveAnalysis (an empty body is a 400; an unknown id a 404).
  'POST /api/analyses': { path: '/api/analyses', body: {}, expected: only(400, ['analyst', 'editor', 'facilitator', 'administrator']) },
  'PATCH /api/analyses/{id}': { path: '/api/analyses/saved-nothing-000000', body: { title: 'x' }, expected: only(404, ['analyst', 'editor', 'facilitator', 'administrator']) },
  'DELETE /api/analyses/{id}': { path: '/api/analyses/saved-nothing-000000', expected: only(404, ['analyst', 'editor', 'facilitator', 'administrator']) },
  // Seminars: starting needs runSeminar; the rest answer to a seminar token or the seminar's own facilitator, so a signed-in role reaches the (unknown) seminar: 404.
  'POST /api/seminars': { path: '/api/seminars', body: {}, expected: only(400, ['facilitator', 'administrator']) },
  'POST /api/seminars/{code}/join': { path: '/api/seminars/ZZZZZZ/join', body: { displayName: 'x' }, expected: everyone(404) },
  ...Object.fromEntries(
    (
      [
        ['/proposals', '/proposals', { kind: 'comment', comment: 'x', nodeId: 'no:9' }],
        ['/proposals/{pid}/accept', `/proposals/${NO_PROPOSAL}/accept`, {}],
        ['/proposals/{pid}/decline', `/proposals/${NO_PROPOSAL}/decline`, { reason: 'x' }],
        ['/votes', '/votes', { proposalId: NO_PROPOSAL, value: 1 }],
        [
          '/rounds',
          '/rounds',
          {
            title: 'x',
            targets: [
              { id: 'a', label: 'a' },
              { id: 'b', label: 'b' },
            ],
          },
        ],
        ['/rounds/{rid}/close', `/rounds/${NO_ROUND}/close`, {}],
        ['/end', '/end', {}],
      ] as const
    ).map(([doc, real, body]) => [`POST /api/seminars/{id}${doc}`, { path: `/api/seminars/${NO_SEMINAR}${real}`, body, expected: { ...everyone(404), anonymous: 401 } }]),
  ),
};

function documentedWriteRoutes(): string[] {
  const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

let server: AuthServer;
const browsers = new Map<Caller, Browser>();
const PASSWORD = 'role table password';

beforeAll(async () => {
  server = await startAuthServer({ seed: true, settings: { loginMaxFailures: 1000, loginMaxFailuresPerIp: 10_000 } });
  for (const role of ROLES) {
    await server.auth.accounts.create({ username: `as-${role}`, role, password: PASSWORD, ...(role === 'partner-editor' ? { organisationId: PARTNER_ORGANISATION } : {}) });
  }
}, 180_000);
afterAll(() => server?.close());

/** A fresh signed-in browser per call: POST /api/auth/logout must not sign the next row out. */
async function as(caller: Caller): Promise<Browser> {
  const b = new Browser(server.base);
  if (caller !== 'anonymous') expect((await b.signIn(`as-${caller}`, PASSWORD)).status).toBe(200);
  browsers.set(caller, b);
  return b;
}

describe('the table covers every write route', () => {
  it('has one row per POST, PUT, PATCH and DELETE in the OpenAPI description, and no other', () => {
    expect(documentedWriteRoutes().sort()).toEqual(Object.keys(WRITE_ROUTES).sort());
  });
});

describe.each(Object.entries(WRITE_ROUTES))('%s', (route, { path, body, expected, refusal }) => {
  const method = route.split(' ')[0]!;
  it.each(['anonymous', ...ROLES] as Caller[])('as %s', async (caller) => {
    const reply = await (await as(caller)).call(method, path, body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(expected[caller]);
    if (reply.status === 401) expect(reply.body.error.code).toMatch(/^(sign_in_required|sign_in_failed)$/);
    if (reply.status === 403) {
      const message = refusal ?? expect.stringMatching(new RegExp(`^the role ${caller} may not `));
      expect(reply.body).toEqual({ error: { status: 403, code: 'forbidden', message } });
    }
  });
});

describe('a signed-in browser without its CSRF token', () => {
  it.each(Object.entries(WRITE_ROUTES))('is refused %s with 403 csrf_token_invalid', async (route, { path, body }) => {
    const admin = await as('administrator');
    admin.csrfToken = undefined;
    const reply = await admin.call(route.split(' ')[0]!, path, body);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf_token_invalid');
  });
});
