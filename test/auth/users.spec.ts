import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../model/roles.js';
import { Browser, PASSWORDS, startAuthServer, type AuthServer } from './authServer.js';

/**
 * Accounts and roles through /api/users, over a seeded store (a partner editor must
 * point at one of its organisations), and the wall between system tables and the
 * domain: no read of the plans ever shows an account or a session.
 */

let server: AuthServer;
let admin: Browser;
const PASSWORD = 'a long enough password';

async function browserAs(role: Role): Promise<Browser> {
  const username = `as-${role}`;
  if (!(await server.auth.accounts.find(username))) {
    await server.auth.accounts.create({ username, role, password: PASSWORD, ...(role === 'partner-editor' ? { organisationId: 'org:glasgow-cjsw' } : {}) });
  }
  const b = new Browser(server.base);
  expect((await b.signIn(username, PASSWORD)).status).toBe(200);
  return b;
}

beforeAll(async () => {
  server = await startAuthServer({ seed: true });
  await server.auth.accounts.create({ username: 'admin', name: 'The Administrator', role: 'administrator', password: PASSWORDS.admin });
  admin = new Browser(server.base);
  await admin.signIn('admin', PASSWORDS.admin);
});
afterAll(() => server?.close());

describe('/api/users is for administrators only', () => {
  const calls = [
    ['GET', '/api/users', undefined],
    ['POST', '/api/users', { username: 'someone', role: 'viewer', password: PASSWORD }],
    ['PATCH', '/api/users/admin', { name: 'Renamed' }],
    ['DELETE', '/api/users/admin', undefined],
  ] as const;

  it.each(calls)('%s %s: 401 to an anonymous caller', async (method, path, body) => {
    const reply = await new Browser(server.base).call(method, path, body);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ error: { status: 401, code: 'sign_in_required', message: 'sign in first: this needs a signed-in account' } });
  });

  it.each(ROLES.filter((r) => r !== 'administrator'))('403 to a signed-in %s on every call', async (role) => {
    const b = await browserAs(role);
    for (const [method, path, body] of calls) {
      const reply = await b.call(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body).toEqual({ error: { status: 403, code: 'forbidden', message: `the role ${role} may not do this; it needs the manageUsers capability` } });
    }
    expect((await server.auth.accounts.find('admin'))?.name).toBe('The Administrator');
    expect(await server.auth.accounts.find('someone')).toBeUndefined();
  });
});

describe('managing accounts', () => {
  it('creates, lists, changes and removes an account, never showing a password hash', async () => {
    const created = await admin.call('POST', '/api/users', { username: 'Ravi', name: 'Ravi Shah', role: 'editor', password: PASSWORD });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'ravi', username: 'ravi', name: 'Ravi Shah', role: 'editor', organisationId: null });
    const listed = await admin.call('GET', '/api/users');
    expect(listed.body.users.map((u: { username: string }) => u.username)).toContain('ravi');
    expect(JSON.stringify(listed.body)).not.toMatch(/argon2|passwordHash/);

    const ravi = new Browser(server.base);
    expect((await ravi.signIn('ravi', PASSWORD)).body.user.role).toBe('editor');

    // A new role applies to the live session at once.
    const changed = await admin.call('PATCH', '/api/users/ravi', { role: 'partner-editor', organisationId: 'org:glasgow-city-council' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'partner-editor', organisationId: 'org:glasgow-city-council' });
    expect((await ravi.call('GET', '/api/auth/session')).body.user).toMatchObject({
      role: 'partner-editor',
      organisationId: 'org:glasgow-city-council',
      capabilities: ['read', 'editOwnOrganisation'],
    });

    // Back to editor: the organisation goes with the role.
    expect((await admin.call('PATCH', '/api/users/ravi', { role: 'editor' })).body.organisationId).toBeNull();

    expect((await admin.call('DELETE', '/api/users/ravi')).status).toBe(204);
    expect((await ravi.call('GET', '/api/auth/session')).body.signedIn).toBe(false);
    expect((await admin.call('DELETE', '/api/users/ravi')).status).toBe(404);
    const sessionsOfRavi = (await server.store.read('system/all-session')).filter((r: any) => r.n.properties.username === 'ravi');
    expect(sessionsOfRavi).toEqual([]);
  });

  it('signs an account out everywhere when its password changes, and the new password works', async () => {
    await admin.call('POST', '/api/users', { username: 'lee', role: 'viewer', password: PASSWORD });
    const lee = new Browser(server.base);
    await lee.signIn('lee', PASSWORD);
    expect((await admin.call('PATCH', '/api/users/lee', { password: 'another long password' })).status).toBe(200);
    expect((await lee.call('GET', '/api/auth/session')).body.signedIn).toBe(false);
    expect((await new Browser(server.base).signIn('lee', PASSWORD)).status).toBe(401);
    expect((await new Browser(server.base).signIn('lee', 'another long password')).status).toBe(200);
  });

  it.each([
    [{ username: 'x', role: 'viewer', password: PASSWORD }, 'username', 'must be 2 to 64 letters, digits or . _ - @, starting with a letter or digit'],
    [{ username: 'seed', role: 'viewer', password: PASSWORD }, 'username', 'is reserved (seed, migration, system, anonymous)'],
    [{ username: 'short', role: 'viewer', password: 'too short' }, 'password', 'must be at least 12 characters'],
    [{ username: 'boss', role: 'boss', password: PASSWORD }, 'role', 'Invalid option: expected one of "viewer"|"analyst"|"partner-editor"|"editor"|"facilitator"|"administrator"'],
    [{ username: 'pe', role: 'partner-editor', password: PASSWORD }, 'organisationId', 'is required for the role partner-editor'],
    [{ username: 'ed', role: 'editor', organisationId: 'org:glasgow-cjsw', password: PASSWORD }, 'organisationId', 'only a partner-editor belongs to one organisation, not a editor'],
    [{ username: 'pe', role: 'partner-editor', organisationId: 'no:9', password: PASSWORD }, 'organisationId', 'is not the id of an organisation in the graph (no:9)'],
  ])('refuses %j naming %s', async (body, field, reason) => {
    const reply = await admin.call('POST', '/api/users', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toContainEqual({ field, reason });
    expect(await server.auth.accounts.find(String(body.username))).toBeUndefined();
  });

  it('refuses a username that is taken, whatever its case, with 409', async () => {
    const reply = await admin.call('POST', '/api/users', { username: 'ADMIN', role: 'viewer', password: PASSWORD });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'username_taken', issues: [{ field: 'username', reason: 'is taken' }] });
    expect((await server.auth.accounts.find('admin'))?.role).toBe('administrator');
  });

  it('never leaves the server without an administrator', async () => {
    const others = (await server.auth.accounts.list()).filter((u) => u.role === 'administrator' && u.username !== 'admin');
    expect(others).toEqual([]);
    const demote = await admin.call('PATCH', '/api/users/admin', { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_administrator');
    const remove = await admin.call('DELETE', '/api/users/admin');
    expect(remove.status).toBe(409);
    expect((await server.auth.accounts.find('admin'))?.role).toBe('administrator');
  });

  it('answers 404 for an account that does not exist', async () => {
    const reply = await admin.call('PATCH', '/api/users/ghost', { name: 'Ghost' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toBe('no account named ghost');
  });
});

describe('accounts and sessions stay out of every domain read', () => {
  it('no node, search hit, count or query result is a User or a Session', async () => {
    const health = await admin.call('GET', '/api/health');
    const nodesBefore = health.body.counts.nodes;
    expect(nodesBefore).toBeGreaterThan(100);
    await admin.call('POST', '/api/users', { username: 'org-glasgow-cjsw', role: 'viewer', password: PASSWORD });
    expect((await admin.call('GET', '/api/nodes/admin')).status).toBe(404);
    expect((await admin.call('GET', '/api/nodes/org-glasgow-cjsw')).status).toBe(404);
    const search = await admin.call('GET', '/api/search?q=admin');
    expect(search.body.results.map((r: { id: string }) => r.id)).not.toContain('admin');
    expect(JSON.stringify(search.body.results)).not.toMatch(/argon2|"User"|"Session"/);
    const after = await admin.call('GET', '/api/health');
    expect(after.body.counts.nodes).toBe(nodesBefore);
    expect(JSON.stringify(after.body)).not.toMatch(/"User"|"Session"/);
    const graph = await admin.call('GET', '/api/graph');
    expect(JSON.stringify(graph.body)).not.toMatch(/argon2|"User"|"Session"/);
  });
});

describe('with GT_ANONYMOUS_READ off', () => {
  let closed: AuthServer;

  beforeAll(async () => {
    closed = await startAuthServer({ settings: { anonymousRead: false } });
    await closed.auth.accounts.create({ username: 'kim', role: 'viewer', password: PASSWORDS.viewer });
  });
  afterAll(() => closed?.close());

  const refused = { error: { status: 401, code: 'sign_in_required', message: 'sign in first: this server does not allow reading without an account' } };

  it.each(['/api/search?q=victim', '/api/nodes/no:9', '/api/graph', '/api/thread/no:9', '/api/gaps', '/api/gaps/unserved-outcomes', '/api/matrix'])(
    'answers 401 to an anonymous GET %s',
    async (path) => {
      const reply = await new Browser(closed.base).call('GET', path);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual(refused);
    },
  );

  it('answers 401 to the anonymous read-only query console', async () => {
    const reply = await new Browser(closed.base).call('POST', '/api/query', { cypher: 'MATCH (n) RETURN count(n) AS c' });
    expect(reply.status).toBe(401);
  });

  it('keeps signing in, the session, liveness and the API description open', async () => {
    const b = new Browser(closed.base);
    expect((await b.call('GET', '/api/auth/session')).body).toEqual({ signedIn: false, anonymousRead: false, user: null, csrfToken: null });
    expect((await b.call('GET', '/api/health')).status).toBe(200);
    expect((await b.call('GET', '/api/docs')).status).toBe(200);
    expect((await b.signIn('kim', PASSWORDS.viewer)).status).toBe(200);
  });

  it('lets a signed-in viewer read', async () => {
    const b = new Browser(closed.base);
    await b.signIn('kim', PASSWORDS.viewer);
    expect((await b.call('GET', '/api/gaps')).status).toBe(200);
    expect((await b.call('GET', '/api/search?q=victim')).status).toBe(200);
  });
});
