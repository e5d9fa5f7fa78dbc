import { sqlBackends } from '../../../test/support/sql-backends';
import { SqlClient } from './sql-client.port';

/** Values a bulk load must carry through unchanged, whatever characters they hold. */
const awkward = [
  'tab\there',
  'line\nbreak\r\n',
  'back\\slash \\N',
  'quote " and, comma {brace}',
  'Жанаозен — Қазақстан',
];

const backends = sqlBackends('copy');

describe.each(backends)('copyRows on %s', (_, setup) => {
  let sql: SqlClient;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sql, close } = await setup());
    await sql.exec(
      'CREATE TABLE copied (n int, t text, a text[], b boolean, j jsonb, at timestamptz)',
    );
  });
  afterAll(() => close());

  it('loads text, arrays, booleans, JSON, timestamps and NULLs exactly', async () => {
    const rows: unknown[][] = awkward.map((text, i) => [
      i,
      text,
      [text, 'plain', ''],
      i % 2 === 0,
      { text, nested: [text] },
      '2021-01-05T10:00:00.123Z',
    ]);
    rows.push([99, null, [], null, null, null]);
    await sql.copyRows('copied', ['n', 't', 'a', 'b', 'j', 'at'], rows);

    const { rows: read } = await sql.query<Record<string, unknown>>(
      `SELECT n, t, a, b, j, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
         FROM copied ORDER BY n`,
    );
    expect(read).toEqual(rows.map(([n, t, a, b, j, at]) => ({ n, t, a, b, j, at })));
  });
});
