import { PgliteSqlClient, SqlClient } from '@app/database';
import { createTestSchema } from './test-postgres';

export interface SqlBackend {
  sql: SqlClient;
  close(): Promise<void>;
}

/**
 * The two SQL backends the same code must work on, for `describe.each`: a fresh schema on the
 * PostgreSQL server (named after `prefix`) and an in-memory PGlite.
 */
export function sqlBackends(prefix: string): [string, () => Promise<SqlBackend>][] {
  return [
    [
      'PostgreSQL server',
      async () => {
        const schema = await createTestSchema(prefix);
        return { sql: schema.sql, close: () => schema.drop() };
      },
    ],
    [
      'PGlite',
      async () => {
        const sql = await PgliteSqlClient.open();
        return { sql, close: () => sql.close() };
      },
    ],
  ];
}
