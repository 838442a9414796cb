import { z } from 'zod';
import { NewPassword, Username } from '../model/auth.js';
import { BREACHED_PASSWORD, checkBreachedFileSync } from './auth/breachedPasswords.js';
import { commonPasswordProblem } from './auth/commonPasswords.js';
import type { AuthSettings } from './auth/settings.js';
import { DEFAULT_SEMINAR_SETTINGS, type SeminarSettings } from './seminars/settings.js';
import { TrustProxySetting } from './trustProxy.js';
import { parseOidcProviders, type OidcSettings } from './auth/oidc/providers.js';

/**
 * Settings, read once at start-up from the environment: defaults, then the
 * environment, then validation. A wrong setting stops the start with one line that
 * names the setting, says what is wrong and how to fix it.
 */

/** Who may use the query console: see server/api/consoleGate.ts. */
export const CONSOLE_MODES = ['auto', 'signed-in', 'off'] as const;
export type ConsoleMode = (typeof CONSOLE_MODES)[number];

const NEO4J_SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'];

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');

const Settings = z
  .object({
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number such as 3000')
      .transform(Number)
      .pipe(z.number().max(65535, 'must be at most 65535'))
      .default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    GT_DATA_DIR: z.string().min(1, 'must name a folder').default('./data'),
    GT_BUFFER_POOL_MB: z.coerce.number({ message: 'must be a number of megabytes' }).int().min(128, 'must be at least 128 (the schema alone needs about 64)').max(1_048_576).default(512),
    GT_SEED_ON_EMPTY: flag.default(true),
    // LadybugDB's automatic checkpoint threshold (bytes of write log); unset: the library's default. The crash suite sets it small.
    GT_CHECKPOINT_THRESHOLD_BYTES: z.coerce.number({ message: 'must be a number of bytes' }).int().min(1, 'must be at least 1').optional(),
    GT_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100, 'must be at least 100').max(600_000).default(5000),
    GT_QUERY_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(5000),
    GT_QUERY_MAX_BYTES: z.coerce.number().int().min(1024, 'must be at least 1024').max(100_000_000).default(2_000_000),
    GT_QUERY_CONCURRENCY: z.coerce.number().int().min(1, 'must be at least 1').max(32).default(2),
    GT_QUERY_MEMORY_MB: z.coerce.number().int().min(256, 'must be at least 256 (a worker needs about 150 to start)').max(1_048_576).default(768),
    GT_QUERY_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
    GT_CONSOLE: z.enum(CONSOLE_MODES, { message: `must be one of ${CONSOLE_MODES.join(', ')}` }).default('auto'),
    GT_ALLOWED_HOSTS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, 'must be a comma-separated list of host names such as seminar.local or 192.168.1.20'))),
    GT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
    GT_TRUST_PROXY: TrustProxySetting.default(false),
    GT_SHUTDOWN_GRACE_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(0).max(600_000).default(10_000),
    NEO4J_URI: z
      .string()
      .optional()
      .refine(
        (uri) => {
          if (uri === undefined || uri === '') return true;
          try {
            const u = new URL(uri);
            return NEO4J_SCHEMES.includes(u.protocol.replace(/:$/, '')) && u.hostname.length > 0;
          } catch {
            return false;
          }
        },
        { message: `must look like neo4j://host:7687 (schemes: ${NEO4J_SCHEMES.join(', ')})` },
      ),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().default(''),
    NEO4J_DATABASE: z.string().min(1, 'must name a database').default('neo4j'),
    // Sign-in (server/auth/settings.ts says what each does).
    GT_ANONYMOUS_READ: flag.default(true),
    GT_ADMIN_USER: z.string().optional(),
    GT_ADMIN_PASSWORD: z.string().optional(),
    GT_SESSION_HOURS: z.coerce
      .number({ message: 'must be a number of hours' })
      .positive('must be more than 0')
      .max(24 * 90, 'must be at most 2160 (90 days)')
      .default(12),
    GT_SESSION_IDLE_MINUTES: z.coerce
      .number({ message: 'must be a number of minutes' })
      .int('must be a whole number of minutes')
      .min(5, 'must be at least 5')
      .max(60 * 24 * 90, 'must be at most 129600 (90 days)')
      .default(120),
    GT_COOKIE_SECURE: z.enum(['auto', 'always', 'never'], { message: 'must be auto, always or never' }).default('auto'),
    GT_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1, 'must be at least 1').max(10_000).default(10),
    GT_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1, 'must be at least 1').max(100_000).default(100),
    GT_BREACHED_PASSWORDS_FILE: z.string().optional(),
    // Live seminars (server/seminars/settings.ts says what each does).
    GT_SEMINAR_REQUIRE_SIGN_IN: flag.default(false),
    GT_SEMINAR_MAX_CONNECTIONS_PER_SEMINAR: z.coerce.number().int().min(2, 'must be at least 2').max(100_000).default(DEFAULT_SEMINAR_SETTINGS.maxConnectionsPerSeminar),
    GT_SEMINAR_MAX_CONNECTIONS: z.coerce.number().int().min(2, 'must be at least 2').max(100_000).default(DEFAULT_SEMINAR_SETTINGS.maxConnections),
    GT_SEMINAR_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024, 'must be at least 1024').max(10_000_000).default(DEFAULT_SEMINAR_SETTINGS.maxMessageBytes),
    GT_SEMINAR_MESSAGES_PER_SECOND: z.coerce.number().int().min(1, 'must be at least 1').max(10_000).default(DEFAULT_SEMINAR_SETTINGS.ratePerSecond),
    GT_SEMINAR_MESSAGE_BURST: z.coerce.number().int().min(1, 'must be at least 1').max(100_000).default(DEFAULT_SEMINAR_SETTINGS.rateBurst),
    // Sign-in through organisations' OpenID providers (server/auth/oidc/providers.ts says what each field does).
    GT_OIDC_PROVIDERS: z.string().optional(),
    GT_OIDC_PROVIDERS_FILE: z.string().optional(),
    GT_PUBLIC_URL: z.url({ message: 'must be the address people use, such as https://plans.example.org' }).optional(),
  })
  .superRefine((s, ctx) => {
    try {
      parseOidcProviders(s.GT_OIDC_PROVIDERS, s.GT_OIDC_PROVIDERS_FILE);
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: [s.GT_OIDC_PROVIDERS ? 'GT_OIDC_PROVIDERS' : 'GT_OIDC_PROVIDERS_FILE'], message: (err as Error).message });
    }
    if (!s.GT_ADMIN_USER !== !s.GT_ADMIN_PASSWORD) {
      const missing = s.GT_ADMIN_USER ? 'GT_ADMIN_PASSWORD' : 'GT_ADMIN_USER';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set together with the other of GT_ADMIN_USER and GT_ADMIN_PASSWORD' });
      return;
    }
    if (s.GT_ADMIN_USER) {
      const user = Username.safeParse(s.GT_ADMIN_USER);
      if (!user.success) ctx.addIssue({ code: 'custom', path: ['GT_ADMIN_USER'], message: user.error.issues[0]!.message });
      const password = NewPassword.safeParse(s.GT_ADMIN_PASSWORD);
      // The password itself never appears in the message (loadConfig echoes the value of the setting it names).
      if (!password.success) ctx.addIssue({ code: 'custom', path: ['GT_ADMIN_PASSWORD'], message: password.error.issues[0]!.message });
      else {
        const common = commonPasswordProblem(password.data);
        if (common) ctx.addIssue({ code: 'custom', path: ['GT_ADMIN_PASSWORD'], message: common.replace(/ \(".*"\)/, '') });
      }
    }
    if (s.GT_BREACHED_PASSWORDS_FILE) {
      // The file is checked, and GT_ADMIN_PASSWORD looked up in it, before anything starts.
      try {
        const { breached } = checkBreachedFileSync(s.GT_BREACHED_PASSWORDS_FILE, s.GT_ADMIN_PASSWORD);
        if (breached) ctx.addIssue({ code: 'custom', path: ['GT_ADMIN_PASSWORD'], message: BREACHED_PASSWORD });
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          path: ['GT_BREACHED_PASSWORDS_FILE'],
          message: `${(err as Error).message}: it must be Have I Been Pwned's Pwned Passwords file in SHA-1 order (one HASH:COUNT line per password)`,
        });
      }
    }
  })
  .transform((s) => ({
    port: s.PORT,
    host: s.HOST,
    queryTimeoutMs: s.GT_QUERY_TIMEOUT_MS,
    queryMaxRows: s.GT_QUERY_MAX_ROWS,
    queryMaxBytes: s.GT_QUERY_MAX_BYTES,
    queryPerMinute: s.GT_QUERY_PER_MINUTE,
    console: s.GT_CONSOLE,
    allowedHosts: s.GT_ALLOWED_HOSTS,
    seedOnEmpty: s.GT_SEED_ON_EMPTY,
    logLevel: s.GT_LOG_LEVEL,
    shutdownGraceMs: s.GT_SHUTDOWN_GRACE_MS,
    trustProxy: s.GT_TRUST_PROXY,
    store: s.NEO4J_URI
      ? ({ kind: 'neo4j', uri: s.NEO4J_URI, user: s.NEO4J_USER, password: s.NEO4J_PASSWORD, database: s.NEO4J_DATABASE, queryConcurrency: s.GT_QUERY_CONCURRENCY } as const)
      : ({
          kind: 'embedded',
          dataDir: s.GT_DATA_DIR,
          bufferPoolMb: s.GT_BUFFER_POOL_MB,
          queryConcurrency: s.GT_QUERY_CONCURRENCY,
          queryMemoryMb: s.GT_QUERY_MEMORY_MB,
          checkpointThresholdBytes: s.GT_CHECKPOINT_THRESHOLD_BYTES,
        } as const),
    auth: {
      anonymousRead: s.GT_ANONYMOUS_READ,
      sessionTtlMs: Math.round(s.GT_SESSION_HOURS * 3_600_000),
      sessionIdleMs: s.GT_SESSION_IDLE_MINUTES * 60_000,
      cookieSecure: s.GT_COOKIE_SECURE,
      loginMaxFailures: s.GT_LOGIN_MAX_FAILURES,
      loginMaxFailuresPerIp: s.GT_LOGIN_MAX_FAILURES_PER_IP,
      ...(s.GT_BREACHED_PASSWORDS_FILE ? { breachedPasswordsFile: s.GT_BREACHED_PASSWORDS_FILE } : {}),
    } satisfies AuthSettings,
    seminars: {
      requireSignIn: s.GT_SEMINAR_REQUIRE_SIGN_IN,
      maxConnectionsPerSeminar: s.GT_SEMINAR_MAX_CONNECTIONS_PER_SEMINAR,
      maxConnections: s.GT_SEMINAR_MAX_CONNECTIONS,
      maxMessageBytes: s.GT_SEMINAR_MAX_MESSAGE_BYTES,
      ratePerSecond: s.GT_SEMINAR_MESSAGES_PER_SECOND,
      rateBurst: s.GT_SEMINAR_MESSAGE_BURST,
      floodDisconnectAfter: DEFAULT_SEMINAR_SETTINGS.floodDisconnectAfter,
    } satisfies SeminarSettings,
    // Absent when no provider is configured: only local accounts sign in.
    oidc:
      s.GT_OIDC_PROVIDERS || s.GT_OIDC_PROVIDERS_FILE || s.GT_PUBLIC_URL
        ? ({ providers: parseOidcProviders(s.GT_OIDC_PROVIDERS, s.GT_OIDC_PROVIDERS_FILE), ...(s.GT_PUBLIC_URL ? { publicUrl: s.GT_PUBLIC_URL } : {}) } satisfies OidcSettings)
        : undefined,
    initialAdministrator: s.GT_ADMIN_USER && s.GT_ADMIN_PASSWORD ? { username: s.GT_ADMIN_USER, password: s.GT_ADMIN_PASSWORD } : undefined,
  }));

export type Config = z.infer<typeof Settings>;
export type StoreConfig = Config['store'];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Settings.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'settings');
    // A secret is named, never echoed.
    const shown = /PASSWORD$|OIDC_PROVIDERS$/.test(name) ? '(hidden)' : JSON.stringify(env[name] ?? '');
    throw new ConfigError(`setting ${name}=${shown} ${issue.message}`);
  }
  return parsed.data;
}
