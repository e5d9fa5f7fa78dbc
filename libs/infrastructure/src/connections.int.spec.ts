import { DatabaseConfig } from '@app/config';
import { migrate, SqlClient } from '@app/database';
import { freePort } from '../../../test/support/api-process';
import { createTestSchema, TestSchema } from '../../../test/support/test-postgres';
import { connectRedis, createRedisClient, openSqlClient } from './connections';

// PGlite on disk (embedded mode's openSqlClient) cannot load under jest's VM (it imports
// modules dynamically); health.e2e.spec.ts covers it through the real process.

describe('the Redis client of health checks', () => {
  it('connects on demand, once for concurrent callers', async () => {
    const redis = createRedisClient('redis://127.0.0.1:6379');
    try {
      const replies = await Promise.all(
        [1, 2, 3].map(async () => {
          await connectRedis(redis);
          return redis.ping();
        }),
      );
      expect(replies).toEqual(['PONG', 'PONG', 'PONG']);
    } finally {
      await redis.quit();
    }
  });

  it('rejects with the socket error when Redis is not there, and tries again next time', async () => {
    const redis = createRedisClient(`redis://127.0.0.1:${await freePort()}`);
    try {
      await expect(connectRedis(redis)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await expect(connectRedis(redis)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      redis.disconnect();
    }
  });
});

describe("the service's own PostgreSQL connections", () => {
  let schema: TestSchema;
  let database: DatabaseConfig;
  const opened: SqlClient[] = [];
  const open = async (bulk = false) => {
    const sql = await openSqlClient(database, { bulk });
    opened.push(sql);
    return sql;
  };
  const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  beforeAll(async () => {
    schema = await createTestSchema('conn');
    database = {
      kind: 'postgres',
      url: schema.url,
      statementTimeoutMs: 1_000,
      idleInTransactionTimeoutMs: 1_000,
    };
  });
  afterAll(async () => {
    await Promise.all(opened.map((sql) => sql.close()));
    await schema.drop();
  });

  it('carry the configured statement and idle-in-transaction timeouts', async () => {
    const sql = await open();
    const { rows } = await sql.query(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    expect(rows).toEqual([{ statement: '1s', idle: '1s' }]);
    await expect(sql.query('SELECT pg_sleep(1.5)')).rejects.toMatchObject({ code: '57014' });
  });

  it('end a transaction left idle, without taking the process down; the pool goes on', async () => {
    const sql = await open();
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('CREATE TEMP TABLE left_open (n int)');
        await delay(1_500); // the server ends the session meanwhile
        await tx.query('INSERT INTO left_open VALUES (1)');
      }),
    ).rejects.toThrow();
    expect((await sql.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('have no statement timeout for bulk work, and migrations lift it themselves', async () => {
    const bulk = await open(true);
    expect((await bulk.query(`SELECT current_setting('statement_timeout') AS t`)).rows).toEqual([
      { t: '0' },
    ]);
    const sql = await open();
    const slow = { id: '0001-slow', sql: 'SELECT pg_sleep(1.2)' };
    expect(await migrate(sql, 'slow_migrations', [slow])).toEqual(['0001-slow']);
  });
});
