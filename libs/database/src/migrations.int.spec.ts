import { sqlBackends } from '../../../test/support/sql-backends';
import { migrate, Migration } from './migrations';
import { SqlClient } from './sql-client.port';

// Each migration creates a table, so applying one twice fails.
const first: Migration = {
  id: '0001-first',
  sql: `CREATE TABLE first_things (id int PRIMARY KEY);
        INSERT INTO first_things VALUES (1);`,
};
const second: Migration = {
  id: '0002-second',
  sql: `CREATE TABLE second_things (id int PRIMARY KEY);
        DO $$ BEGIN INSERT INTO second_things VALUES (2); END $$;`,
};
const broken: Migration = { id: '0003-broken', sql: 'CREATE TABLE broken (id int); SELEC 1;' };

describe.each(sqlBackends('mig'))('migrate on %s', (_, setup) => {
  let sql: SqlClient;
  let close: () => Promise<void>;
  let set = 0;
  let table: string;
  beforeAll(async () => ({ sql, close } = await setup()));
  afterAll(() => close());
  beforeEach(async () => {
    table = `set${++set}_migrations`;
    await sql.exec('DROP TABLE IF EXISTS first_things, second_things, broken');
  });

  const recorded = async () =>
    (await sql.query<{ name: string }>(`SELECT name FROM ${table} ORDER BY id`)).rows.map(
      (r) => r.name,
    );
  const tableExists = async (name: string) =>
    (await sql.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [name])).rows[0].found;

  it('applies pending migrations in order, once, and records them in a TypeORM table', async () => {
    expect(await migrate(sql, table, [second, first])).toEqual(['0001-first', '0002-second']);
    expect(await migrate(sql, table, [first, second])).toEqual([]);

    expect(await recorded()).toEqual(['0001-first.0000000000001', '0002-second.0000000000002']);
    const { rows } = await sql.query(`SELECT timestamp::int AS ts FROM ${table} ORDER BY id`);
    expect(rows).toEqual([{ ts: 1 }, { ts: 2 }]);
  });

  it('applies a set that grew only in its new migration', async () => {
    await migrate(sql, table, [first]);
    expect(await migrate(sql, table, [first, second])).toEqual(['0002-second']);
  });

  it('applies once when several migrators start together', async () => {
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map(() => migrate(sql, table, [first, second])),
    );

    expect(outcomes.flat()).toEqual(['0001-first', '0002-second']);
    expect(await recorded()).toHaveLength(2);
  });

  it('rolls back every migration of the run when one fails', async () => {
    await expect(migrate(sql, table, [first, second, broken])).rejects.toThrow(/syntax error/);

    expect(await tableExists('first_things')).toBe(false);
    expect(await tableExists('second_things')).toBe(false);
    expect(await tableExists(table)).toBe(false);
    expect(await migrate(sql, table, [first, second])).toHaveLength(2);
  });

  it('refuses an id TypeORM cannot order', async () => {
    await expect(migrate(sql, table, [{ id: 'first', sql: 'SELECT 1' }])).rejects.toThrow(
      /sequence number: first/,
    );
  });

  describe('on a database migrated before TypeORM', () => {
    // What the previous migrate() left: its own record table, and the schema it applied.
    const migrateTheOldWay = async (applied: readonly Migration[]) => {
      await sql.exec(
        `CREATE TABLE ${table} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      for (const m of applied) {
        await sql.exec(m.sql);
        await sql.query(`INSERT INTO ${table} (id) VALUES ($1)`, [m.id]);
      }
    };

    it('carries the old records over once, applying only what is new', async () => {
      await migrateTheOldWay([first]);

      expect(await migrate(sql, table, [first, second])).toEqual(['0002-second']);
      expect(await migrate(sql, table, [first, second])).toEqual([]);
      expect(await recorded()).toEqual(['0001-first.0000000000001', '0002-second.0000000000002']);
    });

    it('keeps the old records as they were when the new migration fails', async () => {
      await migrateTheOldWay([first]);

      await expect(migrate(sql, table, [first, broken])).rejects.toThrow(/syntax error/);

      const { rows } = await sql.query(`SELECT id FROM ${table}`);
      expect(rows).toEqual([{ id: '0001-first' }]);
      expect(await tableExists('broken')).toBe(false);
    });
  });
});
