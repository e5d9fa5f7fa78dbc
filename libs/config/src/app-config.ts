import { isIP } from 'node:net';

/**
 * The application's configuration, read once from environment variables at start-up
 * (docs/operations.md, "Configuration"). Pure: no I/O, so every rule is unit-tested.
 */
export type EventStoreConfig = { kind: 'postgres' } | { kind: 'kurrentdb'; url: string };

/** Where the SQL data (event store tables, read models) lives. */
export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      /**
       * DATABASE_STATEMENT_TIMEOUT_SECONDS and DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS, set
       * on each of the service's connections: a stuck statement or a transaction left open
       * holds locks, and an open append holds every projection back.
       */
      statementTimeoutMs: number;
      idleInTransactionTimeoutMs: number;
    }
  /** `fsync`: PGLITE_FSYNC=on, each commit flushed to disk before it is acknowledged. */
  | { kind: 'pglite'; dir: string; fsync: boolean };

export interface AppConfig {
  /** `embedded` when no DATABASE_URL is set: one process, PGlite, no service to install. */
  mode: 'embedded' | 'server';
  eventStore: EventStoreConfig;
  database: DatabaseConfig;
  /** Absent: jobs and the Redis health check are not configured. */
  redisUrl?: string;
  port: number;
  /** The first admin's API token, registered (as a hash) at start-up; never logged. */
  bootstrapAdminToken?: string;
  /** How long a projection's lease lasts unrenewed: a crashed process is replaced after it. */
  projectionLeaseMs: number;
  /**
   * JOB_STALL_SECONDS: jobs waiting this long with no step mean no process takes or advances
   * them. `/health` turns degraded; a process running jobs that took no step for as long
   * restarts its job runner (table queue) or exits for its supervisor to restart it (BullMQ).
   */
  jobStallSeconds: number;
  /**
   * JOB_LOCK_SECONDS: how long a BullMQ worker's hold on a running job lasts unrenewed. A
   * worker that dies mid-job gives the job back to the queue once it runs out (and its next
   * start counts towards the job's attempts).
   */
  jobLockSeconds: number;
  /**
   * MASTER_KEY: 32 bytes, base64. Wraps the per-person keys of personal data (libs/protection).
   * Absent in embedded mode: generated beside the data on first start. Never logged.
   */
  masterKey?: string;
  /** CORS_ORIGINS: browser origins allowed to call the API. Absent: CORS stays closed. */
  corsOrigins?: string[];
  /**
   * TRUST_PROXY: which reverse proxies' X-Forwarded-For to believe for the client address (a
   * hop count, or addresses/subnets), as Express's `trust proxy`. Absent: none, the socket's
   * address is the client's.
   */
  trustProxy?: number | string[];
  /** Sign-in for people (libs/auth): sessions, invitation links, the throttle. */
  signIn: SignInConfig;
  /**
   * LOG_LEVEL: `info` prints what an operator acts on (the URL, the mode, warnings); `debug`
   * adds the framework's start-up detail (modules, the route table).
   */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface SignInConfig {
  /** PUBLIC_ORIGIN: where people open the web app; invitation links start with it. */
  publicOrigin: string;
  /** SESSION_IDLE_MINUTES: a session unused this long ends. */
  sessionIdleMs: number;
  /** SESSION_MAX_HOURS: a session ends this long after sign-in, used or not. */
  sessionMaxMs: number;
  /** SIGN_IN_DELAY_MS: the first delay after repeated failures; each further one doubles it. */
  signInDelayMs: number;
  /** SIGN_IN_LOCKOUT_MINUTES: how long a lock-out lasts (and failures are remembered). */
  signInLockoutMs: number;
}

export const APP_CONFIG = Symbol('AppConfig');

export const EVENT_STORE_KINDS = ['postgres', 'kurrentdb'] as const;
export const DEFAULT_PORT = 3000;
export const DEFAULT_PGLITE_DIR = './data';
export const DEFAULT_PROJECTION_LEASE_SECONDS = 30;
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
export const DEFAULT_JOB_STALL_SECONDS = 120;
/** BullMQ's own default lock duration. */
export const DEFAULT_JOB_LOCK_SECONDS = 30;
export const DEFAULT_STATEMENT_TIMEOUT_SECONDS = 60;
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS = 30;
export const DEFAULT_SESSION_MAX_HOURS = 12;
export const DEFAULT_SIGN_IN_DELAY_MS = 1000;
export const DEFAULT_SIGN_IN_LOCKOUT_MINUTES = 15;
/** A shorter secret could be guessed; printable ASCII without spaces fits in a Bearer header. */
const BOOTSTRAP_TOKEN_RULE = /^[\x21-\x7e]{24,}$/;

const DATABASE_SCHEMES = ['postgres', 'postgresql'];
const REDIS_SCHEMES = ['redis', 'rediss'];
// The schemes @kurrent/kurrentdb-client parses; `esdb` still works there, with a deprecation warning.
const KURRENTDB_SCHEMES = [
  'kurrentdb',
  'kurrentdb+discover',
  'kurrent',
  'kurrent+discover',
  'kdb',
  'kdb+discover',
  'esdb',
  'esdb+discover',
];

export interface ConfigProblem {
  variable: string;
  /** What is wrong and what is allowed; never contains a secret. */
  message: string;
}

/** Start-up must stop: `message` is one line naming each bad variable and what it allows. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: ConfigProblem[] = [];
  const fail = (variable: string, message: string): undefined => {
    problems.push({ variable, message });
    return undefined;
  };
  // An empty assignment (`PORT=` in a .env file) means "not set", as with most tools.
  const read = (name: string): string | undefined => (env[name] === '' ? undefined : env[name]);

  const eventStoreKind = read('EVENT_STORE') ?? 'postgres';
  if (!(EVENT_STORE_KINDS as readonly string[]).includes(eventStoreKind)) {
    fail('EVENT_STORE', `is ${quote(eventStoreKind)}; allowed: ${EVENT_STORE_KINDS.join(', ')}`);
  }

  const databaseUrl = checkUrl('DATABASE_URL', read('DATABASE_URL'), DATABASE_SCHEMES, fail);
  const redisUrl = checkUrl('REDIS_URL', read('REDIS_URL'), REDIS_SCHEMES, fail);
  const kurrentDbUrl = checkUrl('KURRENTDB_URL', read('KURRENTDB_URL'), KURRENTDB_SCHEMES, fail, {
    wholeUrl: false,
  });
  if (eventStoreKind === 'kurrentdb' && read('KURRENTDB_URL') === undefined) {
    fail(
      'KURRENTDB_URL',
      'is required when EVENT_STORE=kurrentdb; allowed: a kurrentdb:// URL such as kurrentdb://localhost:2113?tls=false',
    );
  }

  const port = checkPort(read('PORT'), fail);
  const bootstrapAdminToken = read('BOOTSTRAP_ADMIN_TOKEN');
  if (bootstrapAdminToken !== undefined && !BOOTSTRAP_TOKEN_RULE.test(bootstrapAdminToken)) {
    // The value is a secret: the message describes the rule, never the value.
    fail(
      'BOOTSTRAP_ADMIN_TOKEN',
      'is not a usable token; allowed: at least 24 printable ASCII characters without spaces, ' +
        'e.g. the output of `openssl rand -base64 32`',
    );
  }
  const masterKey = read('MASTER_KEY');
  if (masterKey !== undefined && !isMasterKey(masterKey)) {
    fail('MASTER_KEY', MASTER_KEY_RULE);
  }
  const corsOrigins = checkOrigins(read('CORS_ORIGINS'), fail);
  const trustProxy = checkTrustProxy(read('TRUST_PROXY'), fail);
  const pgliteDir = read('PGLITE_DIR') ?? DEFAULT_PGLITE_DIR;
  const pgliteFsync = read('PGLITE_FSYNC') ?? 'off';
  if (pgliteFsync !== 'on' && pgliteFsync !== 'off') {
    fail('PGLITE_FSYNC', `is ${quote(pgliteFsync)}; allowed: on, off`);
  }
  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!isLogLevel(logLevel)) {
    fail('LOG_LEVEL', `is ${quote(logLevel)}; allowed: ${LOG_LEVELS.join(', ')}`);
  }
  const leaseText = read('PROJECTION_LEASE_SECONDS') ?? String(DEFAULT_PROJECTION_LEASE_SECONDS);
  const leaseSeconds = /^\d{1,4}$/.test(leaseText) ? Number(leaseText) : NaN;
  if (!(leaseSeconds >= 1 && leaseSeconds <= 3600)) {
    fail(
      'PROJECTION_LEASE_SECONDS',
      `is ${quote(leaseText)}; allowed: a whole number of seconds from 1 to 3600`,
    );
  }

  const whole = (name: string, fallback: number, min: number, max: number, unit: string) =>
    checkWholeNumber(name, read(name), { fallback, min, max, unit }, fail);
  const idleMinutes = whole(
    'SESSION_IDLE_MINUTES',
    DEFAULT_SESSION_IDLE_MINUTES,
    1,
    1440,
    'minutes',
  );
  const maxHours = whole('SESSION_MAX_HOURS', DEFAULT_SESSION_MAX_HOURS, 1, 720, 'hours');
  const delayMs = whole('SIGN_IN_DELAY_MS', DEFAULT_SIGN_IN_DELAY_MS, 1, 60_000, 'milliseconds');
  const lockoutMinutes = whole(
    'SIGN_IN_LOCKOUT_MINUTES',
    DEFAULT_SIGN_IN_LOCKOUT_MINUTES,
    1,
    1440,
    'minutes',
  );
  const statementTimeout = whole(
    'DATABASE_STATEMENT_TIMEOUT_SECONDS',
    DEFAULT_STATEMENT_TIMEOUT_SECONDS,
    1,
    86_400,
    'seconds',
  );
  const idleInTransactionTimeout = whole(
    'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS',
    DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS,
    1,
    86_400,
    'seconds',
  );
  const jobStall = whole('JOB_STALL_SECONDS', DEFAULT_JOB_STALL_SECONDS, 2, 86_400, 'seconds');
  const jobLock = whole('JOB_LOCK_SECONDS', DEFAULT_JOB_LOCK_SECONDS, 2, 3_600, 'seconds');
  const publicOrigin = checkOrigins(read('PUBLIC_ORIGIN'), fail, 'PUBLIC_ORIGIN')?.[0];
  if (read('PUBLIC_ORIGIN')?.includes(',') === true) {
    fail(
      'PUBLIC_ORIGIN',
      'has several origins; allowed: one origin such as https://ledger.example.org',
    );
  }

  if (problems.length > 0 || port === undefined) throw new ConfigError(problems);

  const database: DatabaseConfig =
    databaseUrl === undefined
      ? { kind: 'pglite', dir: pgliteDir, fsync: pgliteFsync === 'on' }
      : {
          kind: 'postgres',
          url: databaseUrl,
          statementTimeoutMs: (statementTimeout ?? 0) * 1000,
          idleInTransactionTimeoutMs: (idleInTransactionTimeout ?? 0) * 1000,
        };
  const eventStore: EventStoreConfig =
    eventStoreKind === 'kurrentdb' && kurrentDbUrl !== undefined
      ? { kind: 'kurrentdb', url: kurrentDbUrl }
      : { kind: 'postgres' };
  return {
    mode: database.kind === 'pglite' ? 'embedded' : 'server',
    eventStore,
    database,
    port,
    projectionLeaseMs: leaseSeconds * 1000,
    jobStallSeconds: jobStall ?? DEFAULT_JOB_STALL_SECONDS,
    jobLockSeconds: jobLock ?? DEFAULT_JOB_LOCK_SECONDS,
    logLevel: isLogLevel(logLevel) ? logLevel : 'info',
    signIn: {
      publicOrigin: publicOrigin ?? `http://localhost:${port}`,
      sessionIdleMs: (idleMinutes ?? 0) * 60_000,
      sessionMaxMs: (maxHours ?? 0) * 3_600_000,
      signInDelayMs: delayMs ?? 0,
      signInLockoutMs: (lockoutMinutes ?? 0) * 60_000,
    },
    ...(redisUrl === undefined ? {} : { redisUrl }),
    ...(bootstrapAdminToken === undefined ? {} : { bootstrapAdminToken }),
    ...(masterKey === undefined ? {} : { masterKey }),
    ...(corsOrigins === undefined ? {} : { corsOrigins }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
  };
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: a number of proxy hops (1 to 10), or a comma-separated list of proxy addresses,
 * subnets (CIDR) or Express's names loopback, linklocal, uniquelocal. Trusting every sender
 * (`true`) is not offered: anyone could then pick their address and escape the lock-out.
 */
function checkTrustProxy(
  value: string | undefined,
  fail: (variable: string, message: string) => undefined,
): number | string[] | undefined {
  if (value === undefined) return undefined;
  if (/^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= 10) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (PROXY_NAMES.includes(entry) || isAddressOrSubnet(entry)) continue;
    return fail(
      'TRUST_PROXY',
      `has ${quote(entry)}; allowed: a number of proxy hops from 1 to 10, or a comma-separated ` +
        `list of proxy addresses, subnets (10.0.0.0/8) or ${PROXY_NAMES.join(', ')}`,
    );
  }
  return entries;
}

function isAddressOrSubnet(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** CORS_ORIGINS: a comma-separated list of exact origins (scheme, host, optional port). */
function checkOrigins(
  value: string | undefined,
  fail: (variable: string, message: string) => undefined,
  variable = 'CORS_ORIGINS',
): string[] | undefined {
  if (value === undefined) return undefined;
  const allowed =
    'allowed: a comma-separated list of origins such as https://ledger.example.org,http://localhost:5173';
  const origins = value.split(',').map((origin) => origin.trim());
  for (const origin of origins) {
    const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
    if (
      parsed === undefined ||
      !['http:', 'https:'].includes(parsed.protocol) ||
      parsed.origin !== origin
    ) {
      return fail(variable, `has ${quote(origin)}, not an origin; ${allowed}`);
    }
  }
  return origins;
}

// A secret: messages describe the rule, never the value.
const MASTER_KEY_ALLOWED =
  'allowed: 32 bytes in base64, e.g. the output of `openssl rand -base64 32`';
const MASTER_KEY_RULE = `is not a usable key; ${MASTER_KEY_ALLOWED}`;

function isMasterKey(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

/**
 * The master key of a process that reads or writes personal data. Server mode has no data
 * directory of its own to keep a generated key in, so the operator must supply it.
 */
export function requireMasterKey(config: AppConfig): string | undefined {
  if (config.masterKey === undefined && config.mode === 'server') {
    throw new ConfigError([
      { variable: 'MASTER_KEY', message: `is required in server mode; ${MASTER_KEY_ALLOWED}` },
    ]);
  }
  return config.masterKey;
}

function checkUrl(
  variable: string,
  value: string | undefined,
  schemes: readonly string[],
  fail: (variable: string, message: string) => undefined,
  // KurrentDB URLs may list several hosts (`kurrentdb+discover://a:2113,b:2113`), which the
  // WHATWG parser refuses; its client parses them itself.
  { wholeUrl = true } = {},
): string | undefined {
  if (value === undefined) return undefined;
  const allowed = `allowed: ${schemes.map((s) => `${s}://`).join(', ')}`;
  // Only a scheme followed by `//` is echoed: in `user:password@host` the "scheme" is a user.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return fail(variable, `is not a URL; ${allowed}`);
  if (!schemes.includes(scheme))
    return fail(variable, `has the scheme ${quote(scheme)}; ${allowed}`);
  if (wholeUrl && !URL.canParse(value)) {
    // The text may hold a password, so none of it is echoed.
    return fail(variable, `is not a valid ${scheme}:// URL`);
  }
  return value;
}

function checkWholeNumber(
  variable: string,
  value: string | undefined,
  rule: { fallback: number; min: number; max: number; unit: string },
  fail: (variable: string, message: string) => undefined,
): number | undefined {
  if (value === undefined) return rule.fallback;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (number >= rule.min && number <= rule.max) return number;
  return fail(
    variable,
    `is ${quote(value)}; allowed: a whole number of ${rule.unit} from ${rule.min} to ${rule.max}`,
  );
}

function checkPort(
  value: string | undefined,
  fail: (variable: string, message: string) => undefined,
): number | undefined {
  if (value === undefined) return DEFAULT_PORT;
  const allowed = 'allowed: an integer from 1 to 65535';
  if (!/^\d+$/.test(value)) return fail('PORT', `is ${quote(value)}, not an integer; ${allowed}`);
  const port = Number(value);
  if (port < 1 || port > 65535) return fail('PORT', `is ${value}, out of range; ${allowed}`);
  return port;
}

/** A value echoed in an error: JSON-quoted so it stays on one line, and cut short. */
function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** A URL fit for a log line: the password, if any, replaced by `***`. */
export function redactUrl(value: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
  if (scheme === undefined) return '<not a URL>';
  if (!URL.canParse(value)) return `${scheme}://…`;
  const url = new URL(value);
  if (url.password !== '') url.password = '***';
  return url.toString();
}
