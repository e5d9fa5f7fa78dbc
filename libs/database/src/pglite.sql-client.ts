import { fsyncSync } from 'node:fs';
import { PGlite, Results, types } from '@electric-sql/pglite';
import { copyText } from './copy-text';
import { SqlClient, SqlExecutor, SqlResult } from './sql-client.port';

const TEXT = (value: string) => value;

/**
 * PGlite starts PostgreSQL with `-F` (fsync off), and its file system answers `fdatasync`
 * without doing anything; `fsync` reaches the file system's stream operations, which have no
 * such operation for files on disk. So the strict setting turns fsync on, makes the WAL use
 * `fsync`, and gives the on-disk file system a real one (below).
 */
const FSYNC_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

interface NodeFsStream {
  nfd: number;
}

/** Each fsync PostgreSQL asks for (WAL at commit, data files at checkpoint) reaches the disk. */
function flushToDisk(db: PGlite): void {
  // The Emscripten module is not in PGlite's public types; this is its documented FS object.
  const mod = (db as unknown as { mod: EmscriptenModule }).mod;
  const streamOps = mod.FS.lookupPath(mod.ENV.PGDATA).node.mount.type.stream_ops;
  streamOps.fsync = (stream: NodeFsStream) => {
    fsyncSync(stream.nfd);
    return 0;
  };
}

interface EmscriptenModule {
  ENV: { PGDATA: string };
  FS: {
    lookupPath(path: string): {
      node: { mount: { type: { stream_ops: Record<string, unknown> } } };
    };
  };
}

/** Embedded PostgreSQL (WASM) in this process: one connection, so work is serialised. */
export class PgliteSqlClient implements SqlClient {
  readonly kind = 'pglite';

  constructor(private readonly db: PGlite) {}

  /**
   * `dataDir` undefined = in memory (tests). `fsync`: see `flushToDisk`; without it a commit
   * is in the operating system's cache when it returns, which survives the process being
   * killed but not a power cut.
   */
  static async open(dataDir?: string, options: { fsync?: boolean } = {}): Promise<PgliteSqlClient> {
    const strict = options.fsync === true && dataDir !== undefined;
    const db = await PGlite.create({
      dataDir,
      parsers: { [types.INT8]: TEXT, [types.TIMESTAMPTZ]: TEXT, 5069 /* xid8 */: TEXT },
      ...(strict && { startParams: FSYNC_START_PARAMS }),
    });
    if (strict) flushToDisk(db);
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
