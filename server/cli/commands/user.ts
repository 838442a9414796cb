import { parseArgs } from 'node:util';
import { NewUserBody, UserPatchBody } from '../../../model/auth.js';
import { ROLES } from '../../../model/roles.js';
import { HttpError } from '../../api/errors.js';
import { createAuth } from '../../auth/auth.js';
import { storeRepositories } from '../../auth/storeRepositories.js';
import { loadConfig } from '../../config.js';
import type { GraphStore } from '../../store/port.js';
import { CliError, openStore, type CliCommand, type CliIo } from '../command.js';
import { organisationExists } from '../../auth/organisations.js';

/** `npm run cli -- user add|list|password|mfa-off|remove`: accounts, for the operator at the server. */

const usage = `usage:
  npm run cli -- user add <username> --role ROLE [--organisation ORG_ID] [--name "Full Name"]
  npm run cli -- user list
  npm run cli -- user password <username>
  npm run cli -- user mfa-off <username>     (removes the account's authenticator app and recovery codes)
  npm run cli -- user remove <username>

The password is asked for at the terminal (twice, not shown) or read as the first line
of standard input, never given as an argument:
  printf '%s\\n' "$PASSWORD" | npm run cli -- user add jane --role editor

roles: ${ROLES.join(', ')} (a partner-editor needs --organisation, the id of an Organisation node)
The store is the one the settings name (GT_DATA_DIR, or NEO4J_URI); stop the server first
when it uses the embedded store, which one process opens at a time.`;

function zodLine(err: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return err.issues.map((i) => `${i.path.map(String).join('.') || 'input'} ${i.message}`).join('; ');
}

async function withAccounts<T>(work: (auth: ReturnType<typeof createAuth>, store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore();
  try {
    return await work(createAuth(storeRepositories(store), loadConfig().auth, organisationExists(store)), store);
  } catch (err) {
    if (err instanceof HttpError) throw new CliError(err.message);
    throw err;
  } finally {
    await store.close();
  }
}

async function add(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, organisation: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new CliError('name one username: user add <username> --role ROLE');
  if (!values.role) throw new CliError(`--role is required (one of ${ROLES.join(', ')})`);
  const draft = { username: positionals[0], role: values.role, organisationId: values.organisation, name: values.name, password: 'x'.repeat(12) };
  const checked = NewUserBody.safeParse(draft);
  if (!checked.success) throw new CliError(zodLine(checked.error));
  const password = await io.readSecret(`password for ${checked.data.username}: `, { confirm: true });
  const body = NewUserBody.safeParse({ ...draft, password });
  if (!body.success) throw new CliError(zodLine(body.error));
  const user = await withAccounts((auth) => auth.accounts.create(body.data));
  io.out(`created ${user.username} (${user.role}${user.organisationId ? ` of ${user.organisationId}` : ''})`);
  return 0;
}

async function list(args: string[], io: CliIo): Promise<number> {
  if (args.length) throw new CliError(`user list takes no arguments (got ${args.join(' ')})`);
  const users = await withAccounts((auth) => auth.accounts.list());
  for (const u of users) io.out([u.username, u.role, u.organisationId ?? '-', u.name].join('\t'));
  if (users.length === 0) io.err('no accounts yet: add one with user add <username> --role administrator');
  return 0;
}

async function password(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1) throw new CliError('name one username: user password <username>');
  const username = args[0]!.toLowerCase();
  const secret = await io.readSecret(`new password for ${username}: `, { confirm: true });
  const patch = UserPatchBody.safeParse({ password: secret });
  if (!patch.success) throw new CliError(zodLine(patch.error));
  await withAccounts((auth) => auth.accounts.update(username, patch.data));
  io.out(`changed the password of ${username} and signed it out everywhere`);
  return 0;
}

/** For someone who lost their phone and their recovery codes; the only way back for a lone administrator. */
async function mfaOff(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1) throw new CliError('name one username: user mfa-off <username>');
  const username = args[0]!.toLowerCase();
  await withAccounts(async (auth) => {
    if (!(await auth.accounts.find(username))) throw new CliError(`no account named ${username}`);
    await auth.mfa.clear(username);
  });
  io.out(`turned two-step sign-in off for ${username}: the password alone signs in until it is set up again`);
  return 0;
}

async function remove(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1) throw new CliError('name one username: user remove <username>');
  const username = args[0]!.toLowerCase();
  await withAccounts((auth) => auth.accounts.remove(username));
  io.out(`removed ${username} and its sessions`);
  return 0;
}

const ACTIONS: Record<string, (args: string[], io: CliIo) => Promise<number>> = { add, list, password, 'mfa-off': mfaOff, remove };

export const command: CliCommand = {
  summary: 'add, list, remove accounts, set passwords and turn two-step sign-in off',
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    const run = action ? ACTIONS[action] : undefined;
    if (!run) throw new CliError(`${action ? `unknown action ${JSON.stringify(action)}` : 'name an action'}: one of ${Object.keys(ACTIONS).join(', ')} (user --help)`);
    try {
      return await run(rest, io);
    } catch (err) {
      // parseArgs reports an unknown option with its own message.
      if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new CliError((err as Error).message);
      throw err;
    }
  },
};
