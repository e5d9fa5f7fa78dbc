/**
 * The narrow SQL surface shared by the event store's PostgreSQL adapter, the subscription
 * runner and migrations. Two adapters: a `pg` pool on a PostgreSQL server, and embedded PGlite.
 * int8/numeric/xid8 values come back as strings from both; cast in SQL where a number is wanted.
 */
export interface SqlClient {
  readonly kind: 'postgres' | 'pglite';
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<SqlResult<R>>;
  /**
   * Runs a script of several statements without parameters (migrations); resolves to the last
   * statement's result.
   */
  exec<R = Record<string, unknown>>(sql: string): Promise<SqlResult<R>>;
  /**
   * Bulk-loads rows with COPY (values in `columns` order; see `copyText` for how values are
   * written). Not transactional with other calls: for tables nobody reads yet.
   */
  copyRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void>;
  /** Runs `work` in one transaction on one connection; commits if it resolves. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type SqlExecutor = Pick<SqlClient, 'query' | 'exec'>;

export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

export const SQL_CLIENT = Symbol('SqlClient');
