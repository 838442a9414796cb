import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

/**
 * Settings are read once from the environment: defaults, then the environment, then
 * validation. A wrong setting throws a ConfigError whose one line names it.
 */

/**
 * The Settings table of the README: variable -> default, null where it says unset or
 * empty. The defaults test holds the code to what the README promises.
 */
function readmeDefaults(): Record<string, string | null> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Settings'));
  const table = section.slice(0, section.indexOf('\n## ', 1));
  const defaults: Record<string, string | null> = {};
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([A-Z0-9_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!name) continue;
    defaults[name] = /^`(.*)`$/.exec(cells[2] ?? '')?.[1] ?? null;
  }
  return defaults;
}
const DOCUMENTED_DEFAULTS = readmeDefaults();

/** The sign-in settings the README's defaults give. */
function documentedAuth() {
  const d = DOCUMENTED_DEFAULTS;
  return {
    anonymousRead: d.GT_ANONYMOUS_READ === 'true',
    sessionTtlMs: Number(d.GT_SESSION_HOURS) * 3_600_000,
    sessionIdleMs: Number(d.GT_SESSION_IDLE_MINUTES) * 60_000,
    cookieSecure: d.GT_COOKIE_SECURE,
    loginMaxFailures: Number(d.GT_LOGIN_MAX_FAILURES),
    loginMaxFailuresPerIp: Number(d.GT_LOGIN_MAX_FAILURES_PER_IP),
  };
}

/** The seminar settings the README's defaults give. */
function documentedSeminars() {
  const d = DOCUMENTED_DEFAULTS;
  return {
    requireSignIn: d.GT_SEMINAR_REQUIRE_SIGN_IN === 'true',
    maxConnectionsPerSeminar: Number(d.GT_SEMINAR_MAX_CONNECTIONS_PER_SEMINAR),
    maxConnections: Number(d.GT_SEMINAR_MAX_CONNECTIONS),
    maxMessageBytes: Number(d.GT_SEMINAR_MAX_MESSAGE_BYTES),
    ratePerSecond: Number(d.GT_SEMINAR_MESSAGES_PER_SECOND),
    rateBurst: Number(d.GT_SEMINAR_MESSAGE_BURST),
    floodDisconnectAfter: 100,
  };
}

function errorOf(env: NodeJS.ProcessEnv): unknown {
  try {
    loadConfig(env);
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('loadConfig', () => {
  describe('when nothing is set', () => {
    it('reads the defaults from the Settings table of the README', () => {
      expect(Object.keys(DOCUMENTED_DEFAULTS)).toEqual(
        expect.arrayContaining([
          'PORT',
          'HOST',
          'GT_DATA_DIR',
          'GT_BUFFER_POOL_MB',
          'GT_SEED_ON_EMPTY',
          'GT_QUERY_TIMEOUT_MS',
          'GT_QUERY_MAX_ROWS',
          'NEO4J_URI',
          'NEO4J_USER',
          'NEO4J_PASSWORD',
          'NEO4J_DATABASE',
        ]),
      );
    });

    it('uses the defaults the README documents, and the embedded store', () => {
      const d = DOCUMENTED_DEFAULTS;
      expect(d.NEO4J_URI).toBeNull();
      expect(loadConfig({})).toEqual({
        port: Number(d.PORT),
        host: d.HOST,
        queryTimeoutMs: Number(d.GT_QUERY_TIMEOUT_MS),
        queryMaxRows: Number(d.GT_QUERY_MAX_ROWS),
        queryMaxBytes: Number(d.GT_QUERY_MAX_BYTES),
        queryPerMinute: Number(d.GT_QUERY_PER_MINUTE),
        console: d.GT_CONSOLE,
        allowedHosts: [],
        seedOnEmpty: d.GT_SEED_ON_EMPTY === 'true',
        logLevel: d.GT_LOG_LEVEL,
        shutdownGraceMs: Number(d.GT_SHUTDOWN_GRACE_MS),
        // Documented as unset: no proxy is trusted.
        trustProxy: false,
        store: {
          kind: 'embedded',
          dataDir: d.GT_DATA_DIR,
          bufferPoolMb: Number(d.GT_BUFFER_POOL_MB),
          queryConcurrency: Number(d.GT_QUERY_CONCURRENCY),
          queryMemoryMb: Number(d.GT_QUERY_MEMORY_MB),
        },
        auth: documentedAuth(),
        seminars: documentedSeminars(),
      });
      expect(d.GT_ALLOWED_HOSTS).toBeNull();
    });

    it('uses the documented Neo4j defaults once NEO4J_URI is set', () => {
      const d = DOCUMENTED_DEFAULTS;
      expect(loadConfig({ NEO4J_URI: 'neo4j://localhost:7687' }).store).toEqual({
        kind: 'neo4j',
        uri: 'neo4j://localhost:7687',
        user: d.NEO4J_USER,
        password: d.NEO4J_PASSWORD ?? '',
        database: d.NEO4J_DATABASE,
        queryConcurrency: Number(d.GT_QUERY_CONCURRENCY),
      });
    });

    it('treats an empty variable as unset', () => {
      expect(loadConfig({ PORT: '', NEO4J_URI: '', GT_DATA_DIR: '' })).toEqual(loadConfig({}));
    });
  });

  describe('when settings are given', () => {
    it('reads each one, converting numbers and flags', () => {
      const config = loadConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        GT_DATA_DIR: '/var/lib/golden-thread',
        GT_BUFFER_POOL_MB: '384',
        GT_SEED_ON_EMPTY: 'false',
        GT_QUERY_TIMEOUT_MS: '250',
        GT_QUERY_MAX_ROWS: '10',
        GT_QUERY_MAX_BYTES: '4096',
        GT_QUERY_CONCURRENCY: '3',
        GT_QUERY_MEMORY_MB: '512',
        GT_QUERY_PER_MINUTE: '120',
        GT_CONSOLE: 'signed-in',
        GT_ALLOWED_HOSTS: 'seminar.local',
        GT_LOG_LEVEL: 'warn',
        GT_SHUTDOWN_GRACE_MS: '2500',
        GT_TRUST_PROXY: 'loopback, 10.0.0.0/8',
        GT_SEMINAR_REQUIRE_SIGN_IN: 'true',
        GT_SEMINAR_MAX_CONNECTIONS_PER_SEMINAR: '80',
        GT_SEMINAR_MAX_CONNECTIONS: '200',
        GT_SEMINAR_MAX_MESSAGE_BYTES: '8192',
        GT_SEMINAR_MESSAGES_PER_SECOND: '10',
        GT_SEMINAR_MESSAGE_BURST: '20',
      });
      expect(config).toEqual({
        port: 8080,
        host: '0.0.0.0',
        queryTimeoutMs: 250,
        queryMaxRows: 10,
        queryMaxBytes: 4096,
        queryPerMinute: 120,
        console: 'signed-in',
        allowedHosts: ['seminar.local'],
        seedOnEmpty: false,
        logLevel: 'warn',
        shutdownGraceMs: 2500,
        trustProxy: 'loopback, 10.0.0.0/8',
        store: { kind: 'embedded', dataDir: '/var/lib/golden-thread', bufferPoolMb: 384, queryConcurrency: 3, queryMemoryMb: 512 },
        auth: documentedAuth(),
        seminars: { requireSignIn: true, maxConnectionsPerSeminar: 80, maxConnections: 200, maxMessageBytes: 8192, ratePerSecond: 10, rateBurst: 20, floodDisconnectAfter: 100 },
      });
    });

    it('accepts port 0 (any free port, used by the tests)', () => {
      expect(loadConfig({ PORT: '0' }).port).toBe(0);
    });

    it.each([
      ['true', true],
      ['1', true],
      ['yes', true],
      ['false', false],
      ['0', false],
      ['no', false],
    ])('reads GT_SEED_ON_EMPTY=%s as %s', (value, expected) => {
      expect(loadConfig({ GT_SEED_ON_EMPTY: value }).seedOnEmpty).toBe(expected);
    });
  });

  describe('which store it selects', () => {
    it('uses the embedded store when NEO4J_URI is not set, ignoring the Neo4j settings', () => {
      const config = loadConfig({ NEO4J_USER: 'someone', NEO4J_PASSWORD: 'secret', GT_DATA_DIR: '/tmp/gt' });
      expect(config.store).toMatchObject({ kind: 'embedded', dataDir: '/tmp/gt', bufferPoolMb: Number(DOCUMENTED_DEFAULTS.GT_BUFFER_POOL_MB) });
      expect(config.store).not.toHaveProperty('user');
    });

    it('uses Neo4j with every Neo4j setting when NEO4J_URI is set', () => {
      const config = loadConfig({
        NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io',
        NEO4J_USER: 'analyst',
        NEO4J_PASSWORD: 'pw',
        NEO4J_DATABASE: 'threads',
        GT_DATA_DIR: '/ignored',
      });
      expect(config.store).toEqual({
        kind: 'neo4j',
        uri: 'neo4j+s://abcd1234.databases.neo4j.io',
        user: 'analyst',
        password: 'pw',
        database: 'threads',
        queryConcurrency: 2,
      });
    });

    it.each(['neo4j://h:7687', 'neo4j+s://h', 'neo4j+ssc://h', 'bolt://127.0.0.1:7687', 'bolt+s://h', 'bolt+ssc://h'])('accepts the scheme of %s', (uri) => {
      expect(loadConfig({ NEO4J_URI: uri }).store.kind).toBe('neo4j');
    });
  });

  describe('when a setting is wrong', () => {
    it.each([
      { setting: 'PORT', value: 'abc' },
      { setting: 'PORT', value: '70000' },
      { setting: 'PORT', value: '-1' },
      { setting: 'PORT', value: '80.5' },
      { setting: 'GT_BUFFER_POOL_MB', value: '1' },
      { setting: 'GT_BUFFER_POOL_MB', value: 'lots' },
      { setting: 'GT_SEED_ON_EMPTY', value: 'maybe' },
      { setting: 'GT_QUERY_TIMEOUT_MS', value: '10' },
      { setting: 'GT_QUERY_MAX_ROWS', value: '0' },
      { setting: 'NEO4J_URI', value: 'http://x' },
      { setting: 'NEO4J_URI', value: 'not a uri' },
      { setting: 'NEO4J_URI', value: 'neo4j://' },
      { setting: 'GT_ANONYMOUS_READ', value: 'sometimes' },
      { setting: 'GT_SESSION_HOURS', value: '0' },
      { setting: 'GT_SESSION_IDLE_MINUTES', value: '2' },
      { setting: 'GT_SESSION_IDLE_MINUTES', value: 'soon' },
      { setting: 'GT_COOKIE_SECURE', value: 'yes please' },
      { setting: 'GT_LOGIN_MAX_FAILURES', value: '0' },
      { setting: 'GT_SEMINAR_REQUIRE_SIGN_IN', value: 'perhaps' },
      { setting: 'GT_SEMINAR_MAX_MESSAGE_BYTES', value: '10' },
      { setting: 'GT_SEMINAR_MESSAGES_PER_SECOND', value: '0' },
    ])('refuses $setting=$value with one line that names it', ({ setting, value }) => {
      const err = errorOf({ [setting]: value });
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as ConfigError).message;
      expect(message).not.toMatch(/\n/);
      expect(message).toContain(`setting ${setting}=`);
      expect(message).toContain(JSON.stringify(value));
      // The rest of the line says what is wrong, beyond echoing the value.
      expect(message.length).toBeGreaterThan(`setting ${setting}=${JSON.stringify(value)} `.length + 5);
    });

    it('says how a Neo4j URI should look', () => {
      expect((errorOf({ NEO4J_URI: 'http://x' }) as ConfigError).message).toMatch(/neo4j:\/\/host:7687/);
    });

    it('names the minimum buffer pool and the accepted flag values', () => {
      expect((errorOf({ GT_BUFFER_POOL_MB: '1' }) as ConfigError).message).toMatch(/at least 128/);
      expect((errorOf({ GT_SEED_ON_EMPTY: 'maybe' }) as ConfigError).message).toMatch(/true or false/);
    });

    it('names the wrong setting when others are right', () => {
      const err = errorOf({ PORT: '8080', NEO4J_URI: 'neo4j://h', GT_SEED_ON_EMPTY: 'perhaps' }) as ConfigError;
      expect(err.message).toMatch(/^setting GT_SEED_ON_EMPTY=/);
    });
  });

  describe('sign-in settings', () => {
    it('reads every one', () => {
      const config = loadConfig({
        GT_ANONYMOUS_READ: 'false',
        GT_SESSION_HOURS: '1.5',
        GT_SESSION_IDLE_MINUTES: '30',
        GT_COOKIE_SECURE: 'always',
        GT_LOGIN_MAX_FAILURES: '3',
        GT_LOGIN_MAX_FAILURES_PER_IP: '7',
        GT_ADMIN_USER: 'Admin',
        GT_ADMIN_PASSWORD: 'correct horse battery',
      });
      expect(config.auth).toEqual({ anonymousRead: false, sessionTtlMs: 5_400_000, sessionIdleMs: 1_800_000, cookieSecure: 'always', loginMaxFailures: 3, loginMaxFailuresPerIp: 7 });
      expect(config.initialAdministrator).toEqual({ username: 'Admin', password: 'correct horse battery' });
    });

    it('wants GT_ADMIN_USER and GT_ADMIN_PASSWORD together', () => {
      expect((errorOf({ GT_ADMIN_USER: 'admin' }) as ConfigError).message).toMatch(/^setting GT_ADMIN_PASSWORD=.* must be set together/);
      expect((errorOf({ GT_ADMIN_PASSWORD: 'long enough secret' }) as ConfigError).message).toMatch(/^setting GT_ADMIN_USER=.* must be set together/);
    });

    it('refuses an administrator username the accounts would refuse', () => {
      expect((errorOf({ GT_ADMIN_USER: 'Not A Name!', GT_ADMIN_PASSWORD: 'long enough secret' }) as ConfigError).message).toMatch(/^setting GT_ADMIN_USER="Not A Name!" must be 2 to 64 letters/);
    });

    it('refuses a short administrator password without echoing it', () => {
      const message = (errorOf({ GT_ADMIN_USER: 'admin', GT_ADMIN_PASSWORD: 'hunter2' }) as ConfigError).message;
      expect(message).toBe('setting GT_ADMIN_PASSWORD=(hidden) must be at least 12 characters');
      expect((errorOf({ NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'topsecret' }) as ConfigError).message).not.toContain('topsecret');
    });
  });
});
