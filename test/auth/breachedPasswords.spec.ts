import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREACHED_PASSWORD, BreachedPasswords, sha1Hex } from '../../server/auth/breachedPasswords.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { Browser, PASSWORDS, startAuthServer, type AuthServer } from './authServer.js';

/**
 * ASVS V6.2.12 offline: new passwords checked against a local copy of Have I Been
 * Pwned's Pwned Passwords (SHA-1, sorted, `HASH:COUNT` lines), by binary search with
 * positioned reads. The file here is generated: 30,000 passwords whose hashes are known,
 * so the first and last lines, a line in the middle and near misses can all be asked
 * for, in the format as downloaded (CRLF, counts of every width) and variants of it.
 */

const dir = mkdtempSync(join(tmpdir(), 'gt-breached-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEAKED = Array.from({ length: 30_000 }, (_, i) => `leaked password number ${i}`);
const BY_HASH = LEAKED.map((p, i) => ({ password: p, hash: sha1Hex(p), count: (i * 7919) % 100_000 })).sort((a, b) => (a.hash < b.hash ? -1 : 1));
const FIRST = BY_HASH[0]!;
const LAST = BY_HASH.at(-1)!;
const MIDDLE = BY_HASH[15_000]!;

function writeList(name: string, entries: { hash: string; count: number }[], eol = '\r\n', finalNewline = true): string {
  const path = join(dir, name);
  writeFileSync(path, entries.map((e) => `${e.hash}:${e.count}`).join(eol) + (finalNewline ? eol : ''));
  return path;
}

/** The hash with its last hex digit changed: sorted beside the real one, never in the file. */
const nearMiss = (hash: string) => hash.slice(0, 39) + (hash[39] === 'F' ? 'E' : (parseInt(hash[39]!, 16) + 1).toString(16).toUpperCase());

describe.each([
  ['as downloaded (CRLF)', '\r\n', true],
  ['with LF line ends', '\n', true],
  ['without a final line end', '\r\n', false],
] as const)('the list %s', (_name, eol, finalNewline) => {
  const list = new BreachedPasswords(writeList(`list-${eol.length}-${finalNewline}.txt`, BY_HASH, eol, finalNewline));

  it('finds the passwords of the first line, the last line and one in the middle', async () => {
    for (const e of [FIRST, LAST, MIDDLE]) expect(await list.includes(e.password), e.password).toBe(true);
  });

  it('finds every one of a sample across the file', async () => {
    for (let i = 0; i < BY_HASH.length; i += 997) expect(await list.includes(BY_HASH[i]!.password)).toBe(true);
  });

  it('misses a password that is not in it, and hashes one digit away from lines at both ends and in the middle', async () => {
    expect(await list.includes('a password nobody leaked')).toBe(false);
    for (const e of [FIRST, LAST, MIDDLE]) {
      const near = nearMiss(e.hash);
      if (!BY_HASH.some((x) => x.hash === near)) expect(await list.includesHash(near), near).toBe(false);
    }
    expect(await list.includesHash('0'.repeat(40))).toBe(false);
    expect(await list.includesHash('F'.repeat(40))).toBe(false);
  });
});

describe('a list of one line', () => {
  it('finds that line and nothing else', async () => {
    const list = new BreachedPasswords(writeList('one.txt', [{ hash: sha1Hex('only one'), count: 3 }]));
    expect(await list.includes('only one')).toBe(true);
    expect(await list.includes('another')).toBe(false);
  });
});

describe('new passwords over HTTP with GT_BREACHED_PASSWORDS_FILE', () => {
  let server: AuthServer;
  let admin: Browser;
  beforeAll(async () => {
    server = await startAuthServer({ settings: { breachedPasswordsFile: writeList('server.txt', BY_HASH) } });
    await server.auth.accounts.create({ username: 'admin', role: 'administrator', password: PASSWORDS.admin });
    admin = new Browser(server.base);
    expect((await admin.signIn('admin', PASSWORDS.admin)).status).toBe(200);
  });
  afterAll(() => server?.close());

  it('refuses an account with a breached password, naming the field, and creates nothing', async () => {
    const reply = await admin.call('POST', '/api/users', { username: 'jane', role: 'viewer', password: LAST.password });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: { status: 400, code: 'bad_request', message: `password: ${BREACHED_PASSWORD}`, issues: [{ field: 'password', reason: BREACHED_PASSWORD }] } });
    expect(await server.auth.accounts.find('jane')).toBeUndefined();
  });

  it('refuses a breached new password for an existing account and keeps the old one; accepts one not in the list', async () => {
    expect((await admin.call('POST', '/api/users', { username: 'joe', role: 'viewer', password: 'joe has a long password' })).status).toBe(201);
    const reply = await admin.call('PATCH', '/api/users/joe', { password: FIRST.password });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual([{ field: 'password', reason: BREACHED_PASSWORD }]);
    expect((await new Browser(server.base).signIn('joe', 'joe has a long password')).status).toBe(200);
    expect((await admin.call('PATCH', '/api/users/joe', { password: 'joe has another password' })).status).toBe(200);
  });
});

describe('GT_BREACHED_PASSWORDS_FILE at start', () => {
  const errorOf = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    return undefined;
  };
  const good = writeList('config.txt', BY_HASH);

  it('is taken when it is a readable list', () => {
    expect(loadConfig({ GT_BREACHED_PASSWORDS_FILE: good }).auth.breachedPasswordsFile).toBe(good);
    expect(loadConfig({}).auth.breachedPasswordsFile).toBeUndefined();
  });

  it('stops the start with one line naming the setting when the file is missing, a folder, empty or not the format', () => {
    const missing = join(dir, 'no-such-file.txt');
    expect(errorOf({ GT_BREACHED_PASSWORDS_FILE: missing })).toBe(
      `setting GT_BREACHED_PASSWORDS_FILE=${JSON.stringify(missing)} cannot be read (ENOENT): it must be Have I Been Pwned's Pwned Passwords file in SHA-1 order (one HASH:COUNT line per password)`,
    );
    expect(errorOf({ GT_BREACHED_PASSWORDS_FILE: dir })).toMatch(/^setting GT_BREACHED_PASSWORDS_FILE=".*" (is not a file|cannot be read \(EISDIR\)): it must be/);
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(errorOf({ GT_BREACHED_PASSWORDS_FILE: join(dir, 'empty.txt') })).toMatch(/^setting GT_BREACHED_PASSWORDS_FILE=".*" is empty: /);
    writeFileSync(join(dir, 'ntlm.txt'), '8846F7EAEE8FB117AD06BDD830B7586C:123\r\n');
    expect(errorOf({ GT_BREACHED_PASSWORDS_FILE: join(dir, 'ntlm.txt') })).toMatch(/does not start with a HASH:COUNT line/);
    expect(errorOf({ GT_BREACHED_PASSWORDS_FILE: good })).toBeUndefined();
  });

  it('stops the start when GT_ADMIN_PASSWORD is in the list, naming the setting and never the password', () => {
    const message = errorOf({ GT_BREACHED_PASSWORDS_FILE: good, GT_ADMIN_USER: 'admin', GT_ADMIN_PASSWORD: MIDDLE.password });
    expect(message).toBe(`setting GT_ADMIN_PASSWORD=(hidden) ${BREACHED_PASSWORD}`);
    expect(errorOf({ GT_BREACHED_PASSWORDS_FILE: good, GT_ADMIN_USER: 'admin', GT_ADMIN_PASSWORD: 'a password nobody leaked' })).toBeUndefined();
  });
});
