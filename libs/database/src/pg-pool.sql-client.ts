import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, PoolClient, PoolConfig, QueryResult, types } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from './copy-text';
import { SqlClient, SqlExecutor, SqlResult } from './sql-client.port';

// Keep PGlite and pg alike: int8 and xid8 stay strings (lossless) and timestamps stay text,
// so the adapters never see driver-specific values.
const TEXT = (value: string) => value;
const OID_INT8 = 20;
const OID_XID8 = 5069;
const OID_TIMESTAMPTZ = 1184;
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === OID_INT8 || oid === OID_XID8 || oid === OID_TIMESTAMPTZ
      ? TEXT
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/**
 * The server may end a session while this process holds its connection between statements
 * (idle_in_transaction_session_timeout, a restart): `pg` reports that as an `error` event on
 * the client, not to a query, and the pool listens only while the client is idle, so without
 * this an ended transaction would take the whole process down. The next statement fails
 * instead, and the connection is discarded on release.
 */
function watchCheckedOut(client: PoolClient): { readonly broken: boolean; stop(): void } {
  const watch = {
    broken: false,
    stop: () => client.off('error', onError),
  };
  const onError = () => {
    watch.broken = true;
  };
  client.on('error', onError);
  return watch;
}

export class PgPoolSqlClient implements SqlClient {
  readonly kind = 'postgres';
  private readonly pool: Pool;

  constructor(config: PoolConfig) {
    this.pool = new Pool({ ...config, types: typeParsers });
    // An idle client that loses its connection must not crash the process; the next
    // query reports the failure to its caller instead.
    this.pool.on('error', () => undefined);
  }

  static fromUrl(url: string, extra: PoolConfig = {}): PgPoolSqlClient {
    return new PgPoolSqlClient({ connectionString: url, ...extra });
  }

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    const result = await this.pool.query(sql, params as unknown[]);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  async exec<R>(sql: string): Promise<SqlResult<R>> {
    return lastResult<R>(await this.pool.query(sql));
  }

  async copyRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const client = await this.pool.connect();
    const lost = watchCheckedOut(client);
    try {
      await pipeline(
        Readable.from([copyText(rows)]),
        client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
      );
    } finally {
      lost.stop();
      client.release(lost.broken);
    }
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const lost = watchCheckedOut(client);
    let broken = false;
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        query: async <R>(sql: string, params: readonly unknown[] = []) => {
          const result = await client.query(sql, params as unknown[]);
          return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
        },
        exec: async <R>(sql: string) => lastResult<R>(await client.query(sql)),
      };
      const value = await work(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      lost.stop();
      client.release(broken || lost.broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** pg answers a script of several statements with one result per statement. */
function lastResult<R>(result: QueryResult | QueryResult[]): SqlResult<R> {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  return { rows: (last?.rows ?? []) as R[], rowCount: last?.rowCount ?? 0 };
}
