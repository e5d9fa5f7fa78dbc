import { SqlClient } from '@app/database';
import { openTestPglite } from './pglite-template';
import { createTestSchema } from './test-postgres';

export interface SqlBackend {
  sql: SqlClient;
  close(): Promise<void>;
}

/**
 * The two SQL backends the same code must work on, for `describe.each`: a fresh schema on the
 * PostgreSQL server (named after `prefix`) and a PGlite of its own (a copy of an initialised one).
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
        const sql = await openTestPglite();
        return { sql, close: () => sql.close() };
      },
    ],
  ];
}
