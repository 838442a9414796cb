import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { createAuth } from '../../server/auth/auth.js';
import { DEFAULT_AUTH_SETTINGS } from '../../server/auth/settings.js';
import { storeRepositories } from '../../server/auth/storeRepositories.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { runCli as cli } from '../fixtures/cli.js';
import { cleanEnv, runTsx, type Running } from '../fixtures/processes.js';
import { Browser } from './authServer.js';

/**
 * The operator's side of accounts, in real child processes on a real data folder:
 * `npm run cli -- user ...` (password on standard input, never an argument) and the
 * first administrator from GT_ADMIN_USER and GT_ADMIN_PASSWORD at server start.
 */

const SERVING = /Golden Thread is serving on (http:\/\/[^\s:]+:\d+) /;
const ADMIN_PASSWORD = 'first admin password';
const JANE_PASSWORD = 'jane password from stdin';

const root = mkdtempSync(join(tmpdir(), 'gt-cli-'));
const dataDir = join(root, 'data');
const env = { GT_DATA_DIR: dataDir, GT_SEED_ON_EMPTY: 'false', GT_BUFFER_POOL_MB: '192' };
const running: Running[] = [];

afterAll(async () => {
  for (const run of running) await run.stop('SIGKILL', 5_000).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

async function startServer(extra: Record<string, string>): Promise<{ run: Running; url: string }> {
  const run = runTsx('server/main.ts', [], cleanEnv({ ...env, PORT: '0', ...extra }));
  running.push(run);
  const [, url] = await run.waitForOutput(SERVING, 90_000);
  return { run, url: url! };
}

describe('npm run cli', () => {
  it('lists its commands, prints a command usage for --help (exit 0), refuses an unknown command (exit 2)', async () => {
    const overview = await cli(['--help'], env);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/^\s+user\s+add, list, remove accounts, set passwords and turn two-step sign-in off$/m);
    const help = await cli(['user', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run cli -- user add <username> --role ROLE');
    const unknown = await cli(['frobnicate'], env);
    expect(unknown.code).toBe(2);
    // Every file in server/cli/commands/ is a command, listed in name order.
    expect(unknown.stderr.trim()).toBe('golden-thread: unknown command "frobnicate"; commands: backup, compare, export, import, report, restore, snapshot, user');
    const escape = await cli(['../main'], env);
    expect(escape.code).toBe(2);
  });
});

describe('user add, then the server', () => {
  beforeAll(async () => {
    const added = await cli(['user', 'add', 'Jane', '--role', 'editor', '--name', 'Jane Doe'], env, `${JANE_PASSWORD}\n`);
    expect(added.stderr).toBe('');
    expect(added.stdout.trim()).toBe('created jane (editor)');
    expect(added.code).toBe(0);
  }, 60_000);

  it('lists the account, without its password', async () => {
    const listed = await cli(['user', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim()).toBe('jane\teditor\t-\tJane Doe');
  });

  it.each([
    [['user', 'add', 'jane', '--role', 'viewer'], `${JANE_PASSWORD}\n`, 'golden-thread user: there is already an account named jane'],
    [['user', 'add', 'kim', '--role', 'viewer'], 'short\n', 'golden-thread user: password must be at least 12 characters'],
    [['user', 'add', 'kim', '--role', 'viewer'], '', 'golden-thread user: password for kim: expected a line on standard input'],
    [
      ['user', 'add', 'kim', '--role', 'boss'],
      `${JANE_PASSWORD}\n`,
      'golden-thread user: role Invalid option: expected one of "viewer"|"analyst"|"partner-editor"|"editor"|"facilitator"|"administrator"',
    ],
    [['user', 'add', 'kim', '--role', 'partner-editor'], `${JANE_PASSWORD}\n`, 'golden-thread user: organisationId is required for the role partner-editor'],
    [
      ['user', 'add', 'kim', '--role', 'partner-editor', '--organisation', 'org:nowhere'],
      `${JANE_PASSWORD}\n`,
      'golden-thread user: organisationId: is not the id of an organisation in the graph (org:nowhere)',
    ],
    [
      ['user', 'add', 'kim', '--role', 'viewer', '--password', 'on the command line'],
      '',
      `golden-thread user: Unknown option '--password'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--password"`,
    ],
    [['user', 'add', '--role', 'viewer'], '', 'golden-thread user: name one username: user add <username> --role ROLE'],
    [['user', 'rename', 'jane'], '', 'golden-thread user: unknown action "rename": one of add, list, password, mfa-off, remove (user --help)'],
  ])('refuses %j with exit code 1 and one line', async (args, stdin, line) => {
    const result = await cli(args, env, stdin);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(line);
    expect(result.stdout).toBe('');
  });

  it('creates the administrator from GT_ADMIN_USER once, never prints its password, the CLI account signs in, and a session outlives SIGKILL', async () => {
    const { run, url } = await startServer({ GT_ADMIN_USER: 'root', GT_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(run.stdout()).toContain('created the administrator account root from GT_ADMIN_USER');
    const jane = new Browser(url);
    expect((await jane.signIn('jane', JANE_PASSWORD)).body.user).toMatchObject({ username: 'jane', name: 'Jane Doe', role: 'editor' });
    const admin = new Browser(url);
    expect((await admin.signIn('root', ADMIN_PASSWORD)).body.user.role).toBe('administrator');
    expect((await admin.call('GET', '/api/users')).body.users.map((u: { username: string }) => u.username)).toEqual(['jane', 'root']);
    // Killed outright: an acknowledged sign-in is in the store all the same.
    await run.stop('SIGKILL');
    expect(run.stdout() + run.stderr()).not.toContain(ADMIN_PASSWORD);

    // Started again with another password: the account is neither duplicated nor changed.
    const again = await startServer({ GT_ADMIN_USER: 'root', GT_ADMIN_PASSWORD: 'a different password' });
    expect(again.run.stdout()).toContain('account root already exists; GT_ADMIN_USER and GT_ADMIN_PASSWORD left it unchanged');
    admin.base = again.url;
    expect((await admin.call('GET', '/api/auth/session')).body.user).toMatchObject({ username: 'root', role: 'administrator' });
    expect((await new Browser(again.url).signIn('root', 'a different password')).status).toBe(401);
    const admin2 = new Browser(again.url);
    expect((await admin2.signIn('root', ADMIN_PASSWORD)).status).toBe(200);
    expect((await admin2.call('GET', '/api/users')).body.users).toHaveLength(2);
    await again.run.stop('SIGTERM');
    expect(again.run.stdout() + again.run.stderr()).not.toContain('a different password');
  }, 200_000);

  it('turns two-step sign-in off for someone who lost their phone', async () => {
    const store = new LadybugStore({ dataDir, bufferPoolMb: 192 });
    await store.open();
    try {
      const auth = createAuth(storeRepositories(store), DEFAULT_AUTH_SETTINGS);
      const { secret } = await auth.mfa.beginEnrolment((await auth.accounts.find('jane'))!);
      await auth.mfa.confirm('jane', await generate({ secret }));
    } finally {
      await store.close();
    }
    const off = await cli(['user', 'mfa-off', 'jane'], env);
    expect(off.stdout.trim()).toBe('turned two-step sign-in off for jane: the password alone signs in until it is set up again');
    expect(off.code).toBe(0);
    const unknown = await cli(['user', 'mfa-off', 'nobody-here'], env);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, 'golden-thread user: no account named nobody-here']);
    const reopened = new LadybugStore({ dataDir, bufferPoolMb: 192 });
    await reopened.open();
    try {
      expect(await createAuth(storeRepositories(reopened), DEFAULT_AUTH_SETTINGS).mfa.status('jane')).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    } finally {
      await reopened.close();
    }
  }, 60_000);

  it('sets a password and removes an account', async () => {
    const changed = await cli(['user', 'password', 'jane'], env, 'a brand new password\n');
    expect(changed.code).toBe(0);
    expect(changed.stdout.trim()).toBe('changed the password of jane and signed it out everywhere');
    const removed = await cli(['user', 'remove', 'jane'], env);
    expect(removed.code).toBe(0);
    expect((await cli(['user', 'list'], env)).stdout.trim()).toBe('root\tadministrator\t-\troot');
    const last = await cli(['user', 'remove', 'root'], env);
    expect(last.code).toBe(1);
    expect(last.stderr.trim()).toBe('golden-thread user: cannot remove root: it is the only administrator; make another administrator first');
  }, 60_000);
});
