import { EventEmitter } from 'node:events';
import { SqlExecutor } from './sql-client.port';

type Callback<T> = (error: Error | null, value?: T) => void;

interface PgShapedResult {
  rows: unknown[];
  rowCount: number;
}

/**
 * The part of the `pg` module that TypeORM's postgres driver uses (its `driver` option), served by
 * one open transaction on either SqlClient adapter. Every connection TypeORM takes is that
 * transaction, so whatever it runs commits or rolls back with it; releasing a connection or
 * ending the pool leaves the transaction to its owner.
 */
export function transactionPgDriver(tx: SqlExecutor) {
  const connection = new TransactionConnection(tx);
  class Pool extends EventEmitter {
    connect(
      callback: (error: Error | null, client: TransactionConnection, done: () => void) => void,
    ) {
      callback(null, connection, () => undefined);
    }

    end(callback?: (error: Error | null) => void) {
      callback?.(null);
    }
  }
  return { Pool };
}

/** pg's Client as TypeORM calls it: `query` with a callback or a promise, `on('error')`. */
class TransactionConnection extends EventEmitter {
  constructor(private readonly tx: SqlExecutor) {
    super();
  }

  query(
    text: string,
    values?: unknown[] | Callback<PgShapedResult>,
    callback?: Callback<PgShapedResult>,
  ): Promise<PgShapedResult> | undefined {
    if (typeof values === 'function') [callback, values] = [values, undefined];
    // Without parameters, `exec`: the simple protocol runs a whole migration script, which
    // PGlite's `query` (extended protocol, one statement) refuses.
    const result: Promise<PgShapedResult> = values?.length
      ? this.tx.query(text, values)
      : this.tx.exec(text);
    if (!callback) return result;
    const done = callback;
    result.then(
      (value) => done(null, value),
      (error: Error) => done(error),
    );
    return undefined;
  }

  release() {}
}
