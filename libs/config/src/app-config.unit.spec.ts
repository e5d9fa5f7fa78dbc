import { ConfigError, loadConfig, redactUrl, requireMasterKey } from './app-config';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to embedded mode: PGlite in ./data, the postgres event store, port 3000', () => {
    expect(loadConfig({})).toEqual({
      mode: 'embedded',
      eventStore: { kind: 'postgres' },
      database: { kind: 'pglite', dir: './data', fsync: false },
      port: 3000,
      projectionLeaseMs: 30_000,
      jobStallSeconds: 120,
      jobLockSeconds: 30,
      logLevel: 'info',
      signIn: {
        publicOrigin: 'http://localhost:3000',
        sessionIdleMs: 30 * 60_000,
        sessionMaxMs: 12 * 3_600_000,
        signInDelayMs: 1_000,
        signInLockoutMs: 15 * 60_000,
      },
    });
  });

  it('takes the session lifetimes, the throttle and the public origin, and refuses bad ones', () => {
    expect(
      loadConfig({
        SESSION_IDLE_MINUTES: '10',
        SESSION_MAX_HOURS: '8',
        SIGN_IN_DELAY_MS: '250',
        SIGN_IN_LOCKOUT_MINUTES: '60',
        PUBLIC_ORIGIN: 'https://ledger.example.org',
      }).signIn,
    ).toEqual({
      publicOrigin: 'https://ledger.example.org',
      sessionIdleMs: 600_000,
      sessionMaxMs: 8 * 3_600_000,
      signInDelayMs: 250,
      signInLockoutMs: 3_600_000,
    });
    expect(errorOf({ SESSION_IDLE_MINUTES: '0' }).message).toMatch(
      /SESSION_IDLE_MINUTES .*1 to 1440/,
    );
    expect(errorOf({ SESSION_MAX_HOURS: 'long' }).message).toMatch(/SESSION_MAX_HOURS/);
    expect(errorOf({ PUBLIC_ORIGIN: 'https://a.org/path' }).message).toMatch(/PUBLIC_ORIGIN/);
    expect(errorOf({ PUBLIC_ORIGIN: 'https://a.org,https://b.org' }).message).toMatch(
      /PUBLIC_ORIGIN has several origins/,
    );
  });

  it('takes the projection lease in seconds, and refuses anything but 1 to 3600', () => {
    expect(loadConfig({ PROJECTION_LEASE_SECONDS: '5' }).projectionLeaseMs).toBe(5_000);
    for (const bad of ['0', '3601', '1.5', 'soon']) {
      expect(() => loadConfig({ PROJECTION_LEASE_SECONDS: bad })).toThrow(
        /PROJECTION_LEASE_SECONDS/,
      );
    }
  });

  it('takes how long jobs may wait with no step, from 2 s to a day', () => {
    expect(loadConfig({ JOB_STALL_SECONDS: '3' }).jobStallSeconds).toBe(3);
    for (const bad of ['1', '86401', '2.5', 'soon']) {
      expect(errorOf({ JOB_STALL_SECONDS: bad }).message).toMatch(/JOB_STALL_SECONDS .*2 to 86400/);
    }
  });

  it('takes how long a BullMQ worker holds a running job unrenewed, from 2 s to an hour', () => {
    expect(loadConfig({ JOB_LOCK_SECONDS: '2' }).jobLockSeconds).toBe(2);
    for (const bad of ['1', '3601', '2.5', 'soon']) {
      expect(errorOf({ JOB_LOCK_SECONDS: bad }).message).toMatch(/JOB_LOCK_SECONDS .*2 to 3600/);
    }
  });

  it('is in server mode when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://app:secret@db:5432/ledger',
      REDIS_URL: 'rediss://cache:6380',
      PORT: '8080',
      PGLITE_DIR: '/ignored/in/server/mode',
    });
    expect(config).toEqual({
      mode: 'server',
      eventStore: { kind: 'postgres' },
      database: {
        kind: 'postgres',
        url: 'postgresql://app:secret@db:5432/ledger',
        statementTimeoutMs: 60_000,
        idleInTransactionTimeoutMs: 30_000,
      },
      redisUrl: 'rediss://cache:6380',
      port: 8080,
      projectionLeaseMs: 30_000,
      jobStallSeconds: 120,
      jobLockSeconds: 30,
      logLevel: 'info',
      signIn: expect.objectContaining({ publicOrigin: 'http://localhost:8080' }),
    });
  });

  it('takes the timeouts of its PostgreSQL connections, in seconds', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://db/ledger',
      DATABASE_STATEMENT_TIMEOUT_SECONDS: '300',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: '5',
    });
    expect(config.database).toMatchObject({
      statementTimeoutMs: 300_000,
      idleInTransactionTimeoutMs: 5_000,
    });
    for (const bad of ['0', '86401', '1.5', 'never']) {
      expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_SECONDS: bad })).toThrow(
        /DATABASE_STATEMENT_TIMEOUT_SECONDS .*1 to 86400/,
      );
      expect(() => loadConfig({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: bad })).toThrow(
        /DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS/,
      );
    }
  });

  it('takes KurrentDB as the event store with its URL', () => {
    const config = loadConfig({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
      PGLITE_DIR: 'var/ledger',
    });
    expect(config.eventStore).toEqual({
      kind: 'kurrentdb',
      url: 'kurrentdb://localhost:2113?tls=false',
    });
    expect(config.database).toEqual({ kind: 'pglite', dir: 'var/ledger', fsync: false });
  });

  it.each(['esdb://localhost:2113?tls=false', 'kurrentdb+discover://a:2113,b:2113'])(
    'accepts the KurrentDB client scheme of %s',
    (url) => {
      expect(loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url }).eventStore).toEqual({
        kind: 'kurrentdb',
        url,
      });
    },
  );

  it('flushes each PGlite commit to disk with PGLITE_FSYNC=on, and refuses other values', () => {
    expect(loadConfig({ PGLITE_FSYNC: 'on' }).database).toEqual({
      kind: 'pglite',
      dir: './data',
      fsync: true,
    });
    expect(() => loadConfig({ PGLITE_FSYNC: 'yes' })).toThrow(
      /PGLITE_FSYNC is "yes"; allowed: on, off/,
    );
  });

  it('takes LOG_LEVEL, and refuses other values naming the allowed ones', () => {
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(
      /LOG_LEVEL is "verbose"; allowed: error, warn, info, debug/,
    );
  });

  it('carries BOOTSTRAP_ADMIN_TOKEN', () => {
    const token = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdl+/=';
    expect(loadConfig({ BOOTSTRAP_ADMIN_TOKEN: token }).bootstrapAdminToken).toBe(token);
  });

  it.each([
    ['shorter than 24 characters', 'a'.repeat(23)],
    ['with a space', 'correct horse battery staple'],
    ['with a line break', `${'a'.repeat(24)}\n`],
    ['not ASCII', `${'a'.repeat(24)}é`],
  ])('refuses a BOOTSTRAP_ADMIN_TOKEN %s, without echoing it', (_, token) => {
    const error = errorOf({ BOOTSTRAP_ADMIN_TOKEN: token });
    expect(error.problems.map((p) => p.variable)).toEqual(['BOOTSTRAP_ADMIN_TOKEN']);
    expect(error.message).toContain('at least 24 printable ASCII characters');
    expect(error.message).not.toContain(token.trim());
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it('carries MASTER_KEY, and requires it in server mode only', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ MASTER_KEY: key }).masterKey).toBe(key);
    expect(requireMasterKey(loadConfig({}))).toBeUndefined();
    const server = loadConfig({ DATABASE_URL: 'postgres://db/ledger' });
    let error: unknown;
    try {
      requireMasterKey(server);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      /^Invalid configuration: MASTER_KEY is required/,
    );
  });

  it.each([
    ['too short', Buffer.alloc(16, 1).toString('base64')],
    ['not base64', `${'*'.repeat(43)}=`],
  ])('refuses a MASTER_KEY %s, without echoing it', (_, key) => {
    const error = errorOf({ MASTER_KEY: key });
    expect(error.problems.map((p) => p.variable)).toEqual(['MASTER_KEY']);
    expect(error.message).toContain('32 bytes in base64');
    expect(error.message).not.toContain(key);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', EVENT_STORE: '' })).toMatchObject({
      mode: 'embedded',
      port: 3000,
      eventStore: { kind: 'postgres' },
    });
  });

  it.each([
    ['1', 1],
    ['65535', 65535],
  ])('accepts PORT=%s', (value, port) => {
    expect(loadConfig({ PORT: value }).port).toBe(port);
  });

  it.each([
    ['abc', 'PORT is "abc", not an integer; allowed: an integer from 1 to 65535'],
    ['3000.5', 'PORT is "3000.5", not an integer'],
    ['-1', 'PORT is "-1", not an integer'],
    ['0', 'PORT is 0, out of range; allowed: an integer from 1 to 65535'],
    ['65536', 'PORT is 65536, out of range'],
  ])('refuses PORT=%s', (value, message) => {
    const error = errorOf({ PORT: value });
    expect(error.message).toContain(message);
    expect(error.problems).toEqual([{ variable: 'PORT', message: expect.any(String) }]);
  });

  it('lists the allowed event stores for an unknown EVENT_STORE', () => {
    expect(errorOf({ EVENT_STORE: 'mysql' }).message).toBe(
      'Invalid configuration: EVENT_STORE is "mysql"; allowed: postgres, kurrentdb',
    );
  });

  it('requires KURRENTDB_URL when EVENT_STORE=kurrentdb', () => {
    const error = errorOf({ EVENT_STORE: 'kurrentdb' });
    expect(error.problems.map((p) => p.variable)).toEqual(['KURRENTDB_URL']);
    expect(error.message).toContain('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
  });

  it.each([
    [
      'DATABASE_URL',
      'mysql://root:hunter2@db/ledger',
      'scheme "mysql"; allowed: postgres://, postgresql://',
    ],
    ['REDIS_URL', 'http://cache:6379', 'scheme "http"; allowed: redis://, rediss://'],
    ['KURRENTDB_URL', 'https://kdb:2113', 'scheme "https"; allowed: kurrentdb://'],
  ])('refuses %s with another scheme', (variable, value, message) => {
    const error = errorOf({ [variable]: value });
    expect(error.problems[0]?.variable).toBe(variable);
    expect(error.message).toContain(`${variable} has the ${message}`);
  });

  it('never echoes a URL it cannot parse, which may hold a password', () => {
    const error = errorOf({ DATABASE_URL: 'app:hunter2@db/ledger' });
    expect(error.message).toBe(
      'Invalid configuration: DATABASE_URL is not a URL; allowed: postgres://, postgresql://',
    );
    expect(errorOf({ DATABASE_URL: 'postgres://app:hunter2@[db/ledger' }).message).toBe(
      'Invalid configuration: DATABASE_URL is not a valid postgres:// URL',
    );
  });

  it('never echoes the password of a URL with a bad scheme', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://root:hunter2@db/ledger' }).message;
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('root');
  });

  it('reports every bad variable on one line', () => {
    const error = errorOf({ PORT: 'abc', EVENT_STORE: 'mysql\nx', REDIS_URL: 'nope' });
    expect(error.problems.map((p) => p.variable).sort()).toEqual([
      'EVENT_STORE',
      'PORT',
      'REDIS_URL',
    ]);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it('cuts a long bad value short', () => {
    const message = errorOf({ EVENT_STORE: 'x'.repeat(500) }).message;
    expect(message.length).toBeLessThan(150);
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://app:hunter2@db:5432/ledger?sslmode=require')).toBe(
      'postgres://app:***@db:5432/ledger?sslmode=require',
    );
  });

  it('leaves a URL without password as it is', () => {
    expect(redactUrl('redis://cache:6379')).toBe('redis://cache:6379');
  });

  it('gives nothing of a text that is not a URL', () => {
    expect(redactUrl('app:hunter2@db')).toBe('<not a URL>');
    expect(redactUrl('kurrentdb+discover://admin:changeit@a:2113,b:2113')).toBe(
      'kurrentdb+discover://…',
    );
  });
});

describe('CORS_ORIGINS', () => {
  it('is absent by default: CORS stays closed', () => {
    expect(loadConfig({}).corsOrigins).toBeUndefined();
  });

  it('takes a comma-separated list of exact origins', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://ledger.example.org, http://localhost:5173' }).corsOrigins,
    ).toEqual(['https://ledger.example.org', 'http://localhost:5173']);
  });

  it.each([
    '*',
    'ledger.example.org',
    'https://ledger.example.org/app',
    'ftp://x.org',
    'https://a.org,',
  ])('refuses %j naming CORS_ORIGINS', (value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS .*not an origin/);
  });
});

describe('TRUST_PROXY', () => {
  it('is absent by default: the socket address is the client', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
  });

  it('takes a number of hops, or addresses, subnets and Express names', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7' }).trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
  });

  it.each(['true', '0', '11', 'proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/1', 'loopback,'])(
    'refuses %j naming TRUST_PROXY',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY .*allowed: a number/);
    },
  );
});
