import { AsyncLocalStorage } from 'node:async_hooks';
import { SqlClient, SqlExecutor, SqlResult } from './sql-client.port';

/**
 * A row that must commit with the first change a piece of work makes, or not at all: the
 * audit entry of an HTTP request (apps/api's audit trail). Whoever starts the work arms it;
 * `RecordingSqlClient` writes it inside the first transaction that writes anything.
 */
export interface SameTransactionRecord {
  /** The INSERT to run, or undefined while the record is not armed (not yet, or no more). */
  statement(): { sql: string; params: readonly unknown[] } | undefined;
  /** Set once the statement has committed with a change. */
  recorded: boolean;
  /** What the work creates, when it knows before writing (an aggregate's id). */
  noteSubject?(id: string): void;
}

const storage = new AsyncLocalStorage<SameTransactionRecord>();

/** Runs `work` (and everything it starts) with `record` pending. */
export function withSameTransactionRecord<T>(record: SameTransactionRecord, work: () => T): T {
  return storage.run(record, work);
}

/**
 * Runs `work` as bookkeeping, not as the change of the work around it: an explicit audit
 * entry, a sign-in failure counted. What it writes commits on its own, without the record.
 */
export function outsideSameTransactionRecord<T>(work: () => T): T {
  return storage.exit(work);
}

/** Tells the pending record, if any, the id of what the coming change creates. */
export function noteSameTransactionSubject(id: string): void {
  const record = storage.getStore();
  if (record !== undefined && !record.recorded) record.noteSubject?.(id);
}

function pending():
  { record: SameTransactionRecord; sql: string; params: readonly unknown[] } | undefined {
  const record = storage.getStore();
  if (record === undefined || record.recorded) return undefined;
  const statement = record.statement();
  return statement && { record, ...statement };
}

/**
 * The SQL client every request goes through. While a record is pending, each statement runs in
 * a transaction of its own, and the first transaction that wrote (it was given a transaction
 * id) runs the record's statement before it commits: the change and its record commit together
 * or not at all. Outside such work, and once recorded, it is the client it wraps.
 */
export class RecordingSqlClient implements SqlClient {
  constructor(private readonly inner: SqlClient) {}

  get kind(): SqlClient['kind'] {
    return this.inner.kind;
  }

  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<SqlResult<R>> {
    if (pending() === undefined) return this.inner.query<R>(sql, params);
    return this.transaction((tx) => tx.query<R>(sql, params));
  }

  /** Scripts and maintenance (VACUUM cannot run in a transaction): never a request's change. */
  exec<R = Record<string, unknown>>(sql: string): Promise<SqlResult<R>> {
    return this.inner.exec<R>(sql);
  }

  copyRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void> {
    return this.inner.copyRows(table, columns, rows);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let recorded: SameTransactionRecord | undefined;
    const value = await this.inner.transaction(async (tx) => {
      const result = await work(tx);
      const due = pending();
      if (due !== undefined && (await wrote(tx))) {
        await tx.query(due.sql, due.params);
        recorded = due.record;
      }
      return result;
    });
    // Only once committed: a rolled-back transaction recorded nothing.
    if (recorded !== undefined) recorded.recorded = true;
    return value;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

async function wrote(tx: SqlExecutor): Promise<boolean> {
  const { rows } = await tx.query<{ wrote: boolean }>(
    'SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote',
  );
  return rows[0]?.wrote === true;
}
