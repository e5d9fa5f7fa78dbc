import { PGlite, Results, types } from '@electric-sql/pglite';
import { copyText } from './copy-text';
import { SqlClient, SqlExecutor, SqlResult } from './sql-client.port';

const TEXT = (value: string) => value;

/** Embedded PostgreSQL (WASM) in this process: one connection, so work is serialised. */
export class PgliteSqlClient implements SqlClient {
  readonly kind = 'pglite';

  constructor(private readonly db: PGlite) {}

  /** `dataDir` undefined = in memory (tests). */
  static async open(dataDir?: string): Promise<PgliteSqlClient> {
    const db = await PGlite.create({
      dataDir,
      parsers: { [types.INT8]: TEXT, [types.TIMESTAMPTZ]: TEXT, 5069 /* xid8 */: TEXT },
    });
    return new PgliteSqlClient(db);
  }

  get pglite(): PGlite {
    return this.db;
  }

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
    const result = await this.db.query<R>(sql, params as unknown[]);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  async exec<R>(sql: string): Promise<SqlResult<R>> {
    return lastResult<R>(await this.db.exec(sql));
  }

  async copyRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    // PGlite reads COPY input from a blob it mounts at /dev/blob.
    await this.db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
      blob: new Blob([copyText(rows)]),
    });
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (t) =>
      work({
        query: async <R>(sql: string, params: readonly unknown[] = []) => {
          const result = await t.query<R>(sql, params as unknown[]);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        },
        exec: async <R>(sql: string) => lastResult<R>(await t.exec(sql)),
      }),
    );
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

/** PGlite's exec answers with one result per statement. */
function lastResult<R>(results: Results[]): SqlResult<R> {
  const last = results[results.length - 1];
  return {
    rows: (last?.rows ?? []) as R[],
    rowCount: last?.affectedRows ?? last?.rows.length ?? 0,
  };
}
