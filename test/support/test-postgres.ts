import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PgPoolSqlClient } from '@app/database';

/** The PostgreSQL server the integration tiers use (`.ci/run` makes sure it runs). */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  name: string;
  /** A URL whose connections use only this schema. */
  url: string;
  sql: PgPoolSqlClient;
  drop(): Promise<void>;
}

/**
 * A fresh schema per test file, so files run in parallel on one database without seeing each
 * other's tables; dropped afterwards.
 */
export async function createTestSchema(prefix = 't'): Promise<TestSchema> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(`CREATE SCHEMA ${name}`);
  const url = withSearchPath(TEST_DATABASE_URL, name);
  const sql = PgPoolSqlClient.fromUrl(url, { max: 12 });
  return {
    name,
    url,
    sql,
    async drop() {
      await sql.close();
      await adminQuery(`DROP SCHEMA ${name} CASCADE`);
    },
  };
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
