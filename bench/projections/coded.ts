// The coded-facts section of the projections benchmark (issue 17): what a narrow fact table of
// integer codes would buy before the projection writes one. From the wide `rm_acts` the run
// built, it derives in SQL the table issue 17 describes (int4 keys, smallint codes, int2[]
// arrays, knowledge intervals as int8 ordinals of positions) and times the same GROUP BYs on
// both, and on DuckDB over the same coded rows loaded in-process. Rows are decoded and checked
// against the wide table's answer, so a faster query that counts differently shows as a
// mismatch. Nothing here is product code: the projection still writes only `rm_acts`.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { now, percentile } from '../event-store/common';

/** One question, asked of the wide table, the coded table and DuckDB. */
export interface CodedCase {
  label: string;
  /** The wide table's answer: rows of k0, k1, value (the bench's raw baseline). */
  wide: { sql: string; values: unknown[] };
  /** The same question over `bench_facts f` (PostgreSQL and DuckDB alike): $1 the workspace key, $2 the asOf ordinal. */
  coded: string;
  /** The code dimension of k0 and k1 ('month' decodes year*100+month). */
  dims: [Dim, Dim];
  asOfPosition?: string;
}

type Dim = 'month' | 'category' | 'source' | 'type' | 'region';

export interface CodedTimings {
  label: string;
  rows: number;
  sameAsWide: { postgres: boolean; duckdb: boolean };
  wideP50Ms: number | null;
  wideP95Ms: number | null;
  codedP50Ms: number | null;
  codedP95Ms: number | null;
  duckdbP50Ms: number | null;
  duckdbP95Ms: number | null;
}

export interface CodedSectionResult {
  buildSeconds: number;
  rows: number;
  wideBytesPerRow: number;
  codedBytesPerRow: number;
  wideSize: string;
  codedSize: string;
  duckdbLoadSeconds: number;
  cases: CodedTimings[];
}

const DIM_OF_COLUMN: Record<Exclude<Dim, 'month'>, string> = {
  category: 'target_category',
  source: 'source',
  type: 'type',
  region: 'region',
};

/**
 * The coded twin of `rm_acts`: keys in order of first appearance, codes in order of value,
 * positions as their rank. Empty arrays become NULL (a NULL costs a bit, an empty array 16
 * bytes), which an unnest treats alike.
 */
const BUILD_SQL = /* sql */ `
DROP TABLE IF EXISTS bench_facts, bench_keys, bench_codes, bench_positions;
CREATE TABLE bench_keys AS
  SELECT id, (row_number() OVER ())::int4 AS k FROM (
    SELECT workspace_id AS id FROM rm_acts UNION SELECT incident_id FROM rm_acts
    UNION SELECT target_id FROM rm_acts WHERE target_id IS NOT NULL) ids;
ALTER TABLE bench_keys ADD PRIMARY KEY (id);
CREATE TABLE bench_codes AS
  SELECT dim, value, (row_number() OVER (PARTITION BY dim ORDER BY value))::int2 AS code FROM (
    SELECT DISTINCT 'country' AS dim, country AS value FROM rm_acts
    UNION SELECT DISTINCT 'region', region FROM rm_acts WHERE region IS NOT NULL
    UNION SELECT DISTINCT 'type', type FROM rm_acts
    UNION SELECT DISTINCT 'family', family FROM rm_acts
    UNION SELECT DISTINCT 'target_category', target_category FROM rm_acts WHERE target_category IS NOT NULL
    UNION SELECT DISTINCT 'source', unnest(main_sources || secondary_sources) FROM rm_acts
    UNION SELECT DISTINCT 'right', unnest(rights) FROM rm_acts
    UNION SELECT DISTINCT 'legal_article', unnest(legal_articles) FROM rm_acts) d;
ALTER TABLE bench_codes ADD PRIMARY KEY (dim, value);
CREATE TABLE bench_positions AS
  SELECT pos, (row_number() OVER (ORDER BY pos))::int8 AS ord FROM (
    SELECT known_from AS pos FROM rm_acts UNION SELECT superseded_by FROM rm_acts WHERE superseded_by IS NOT NULL) p;
ALTER TABLE bench_positions ADD PRIMARY KEY (pos);
CREATE OR REPLACE FUNCTION bench_codes_of(d text, a text[]) RETURNS int2[] LANGUAGE sql STABLE AS
  $$ SELECT CASE WHEN cardinality(a) = 0 THEN NULL ELSE
       (SELECT array_agg(c.code ORDER BY u.o) FROM unnest(a) WITH ORDINALITY u(v, o)
          JOIN bench_codes c ON c.dim = d AND c.value = u.v) END $$;
CREATE TABLE bench_facts (
  ws int4 NOT NULL, incident int4 NOT NULL, known_from int8 NOT NULL,
  year int2 NOT NULL, month int2, country int2 NOT NULL, type int2 NOT NULL, family int2 NOT NULL,
  current bool NOT NULL, incident_row bool NOT NULL, verified bool NOT NULL,
  target int4, superseded_by int8, kind int2, target_category int2, region int2,
  main int2[], secondary int2[], rights int2[], articles int2[]
) PARTITION BY LIST (current);
CREATE TABLE bench_facts_current PARTITION OF bench_facts FOR VALUES IN (true);
CREATE TABLE bench_facts_history PARTITION OF bench_facts FOR VALUES IN (false);
INSERT INTO bench_facts
SELECT w.k, i.k, pf.ord, a.year, substr(a.month, 6, 2)::int2, cc.code, ct.code, cf.code,
       a.current, a.incident_row, a.verification_status = 'verified',
       t.k, ps.ord, CASE a.target_kind WHEN 'person' THEN 1 WHEN 'organisation' THEN 2 END,
       cg.code, cr.code,
       bench_codes_of('source', a.main_sources), bench_codes_of('source', a.secondary_sources),
       bench_codes_of('right', a.rights), bench_codes_of('legal_article', a.legal_articles)
  FROM rm_acts a
  JOIN bench_keys w ON w.id = a.workspace_id
  JOIN bench_keys i ON i.id = a.incident_id
  LEFT JOIN bench_keys t ON t.id = a.target_id
  JOIN bench_positions pf ON pf.pos = a.known_from
  LEFT JOIN bench_positions ps ON ps.pos = a.superseded_by
  JOIN bench_codes cc ON cc.dim = 'country' AND cc.value = a.country
  JOIN bench_codes ct ON ct.dim = 'type' AND ct.value = a.type
  JOIN bench_codes cf ON cf.dim = 'family' AND cf.value = a.family
  LEFT JOIN bench_codes cg ON cg.dim = 'target_category' AND cg.value = a.target_category
  LEFT JOIN bench_codes cr ON cr.dim = 'region' AND cr.value = a.region
 ORDER BY a.current, a.workspace_id, a.year, a.month;
CREATE INDEX bench_facts_current_year ON bench_facts_current (ws, year, month);
CREATE INDEX bench_facts_year_known ON bench_facts (ws, year, known_from);
CREATE INDEX bench_facts_history_superseded ON bench_facts_history (ws, year, superseded_by);
`;

/** The coded rows DuckDB loads: arrays as space-separated codes (CSV has no array type). */
const EXPORT_SQL = `COPY (SELECT ws, incident, known_from, year, month, current, target,
  superseded_by, kind, target_category, type, region,
  array_to_string(main, ' ') AS main FROM bench_facts) TO STDOUT (FORMAT csv, HEADER)`;

export async function codedSection(options: {
  databaseUrl: string;
  workspace: string;
  cases: CodedCase[];
  requests: number;
  warmup: number;
  log: (line: string) => void;
}): Promise<CodedSectionResult> {
  const { log } = options;
  const pg = new Client({ connectionString: options.databaseUrl });
  await pg.connect();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rl-bench-coded-'));
  let duck: DuckDBConnection | undefined;
  try {
    await pg.query('SET jit = off');
    await pg.query(`SET work_mem = '64MB'`);
    let t0 = now();
    await pg.query(BUILD_SQL);
    // Outside the script: a multi-statement query is one transaction, and VACUUM refuses one.
    await pg.query('VACUUM ANALYZE bench_facts_current');
    await pg.query('VACUUM ANALYZE bench_facts_history');
    const buildSeconds = (now() - t0) / 1000;
    const sizes = (
      await pg.query<Record<string, string>>(`SELECT
        (SELECT count(*) FROM bench_facts)::text AS rows,
        (SELECT avg(pg_column_size(a.*)) FROM rm_acts a)::text AS wide_bytes,
        (SELECT avg(pg_column_size(f.*)) FROM bench_facts f)::text AS coded_bytes,
        pg_size_pretty((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree(
          (SELECT c.oid FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent
            JOIN pg_class p ON p.oid = i.inhrelid WHERE p.relname LIKE 'rm_acts_v%_current' LIMIT 1)))) AS wide_size,
        pg_size_pretty((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('bench_facts'))) AS coded_size`)
    ).rows[0];
    log(
      `  coded table: ${sizes.rows} rows in ${buildSeconds.toFixed(1)} s; ` +
        `${Number(sizes.coded_bytes).toFixed(0)} bytes/row (wide ${Number(sizes.wide_bytes).toFixed(0)}), ` +
        `${sizes.coded_size} with indexes (wide ${sizes.wide_size})`,
    );
    const ws = (
      await pg.query<{ k: number }>('SELECT k FROM bench_keys WHERE id = $1', [options.workspace])
    ).rows[0].k;
    const codes = await codeNames(pg);

    t0 = now();
    const csv = path.join(dir, 'facts.csv');
    await pipeline(pg.query(copyTo(EXPORT_SQL)), createWriteStream(csv));
    // DuckDB's default is one thread per core: the same two cores PostgreSQL's parallel
    // workers use.
    const instance = await DuckDBInstance.create(':memory:');
    duck = await instance.connect();
    await duck.run(`CREATE TABLE bench_facts AS
      SELECT * REPLACE (CASE WHEN main IS NULL OR main = '' THEN NULL
                             ELSE string_split(main, ' ')::SMALLINT[] END AS main)
        FROM read_csv('${csv.replace(/'/g, "''")}', header = true, nullstr = '',
          types = {'main': 'VARCHAR'})`);
    const duckdbLoadSeconds = (now() - t0) / 1000;
    log(`  DuckDB: loaded the coded rows in ${duckdbLoadSeconds.toFixed(1)} s`);

    const cases: CodedTimings[] = [];
    for (const c of options.cases) {
      const ordinal = c.asOfPosition === undefined ? null : await ordinalOf(pg, c.asOfPosition);
      const values = ordinal === null ? [ws] : [ws, ordinal];
      const runWide = () => pg.query(c.wide.sql, c.wide.values);
      const runCoded = () => pg.query(c.coded, values);
      const runDuck = () => duck!.runAndReadAll(c.coded, values);
      const wide = answer((await runWide()).rows, (k) => k);
      const decode = (i: 0 | 1) => (k: unknown) => codes.decode(c.dims[i], k);
      const coded = answer((await runCoded()).rows, decode(0), decode(1));
      const fromDuck = answer((await runDuck()).getRowObjectsJS(), decode(0), decode(1));
      const sameAsWide = { postgres: coded === wide, duckdb: fromDuck === wide };
      for (let i = 0; i < options.warmup; i++) {
        await runWide();
        await runCoded();
        await runDuck();
      }
      const ms: [number[], number[], number[]] = [[], [], []];
      for (let i = 0; i < options.requests; i++) {
        // Alternating, so the three see the same machine state.
        for (const [j, run] of [runWide, runCoded, runDuck].entries()) {
          const s = now();
          // The asOf ordinal is looked up per request, as a query by position would.
          if (j === 1 && c.asOfPosition !== undefined) await ordinalOf(pg, c.asOfPosition);
          await run();
          ms[j].push(now() - s);
        }
      }
      const timing: CodedTimings = {
        label: c.label,
        rows: wide.split('\n').length,
        sameAsWide,
        wideP50Ms: percentile(ms[0], 50),
        wideP95Ms: percentile(ms[0], 95),
        codedP50Ms: percentile(ms[1], 50),
        codedP95Ms: percentile(ms[1], 95),
        duckdbP50Ms: percentile(ms[2], 50),
        duckdbP95Ms: percentile(ms[2], 95),
      };
      cases.push(timing);
      log(
        `  ${c.label.padEnd(62)} wide p95=${timing.wideP95Ms?.toFixed(1)} coded p95=${timing.codedP95Ms?.toFixed(1)}` +
          ` DuckDB p95=${timing.duckdbP95Ms?.toFixed(1)} ms; same rows: postgres ${sameAsWide.postgres}, duckdb ${sameAsWide.duckdb}`,
      );
    }
    return {
      buildSeconds,
      rows: Number(sizes.rows),
      wideBytesPerRow: Number(sizes.wide_bytes),
      codedBytesPerRow: Number(sizes.coded_bytes),
      wideSize: sizes.wide_size,
      codedSize: sizes.coded_size,
      duckdbLoadSeconds,
      cases,
    };
  } finally {
    duck?.closeSync();
    await pg.query('DROP TABLE IF EXISTS bench_facts, bench_keys, bench_codes, bench_positions');
    await pg.query('DROP FUNCTION IF EXISTS bench_codes_of(text, text[])');
    await pg.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rank of the last position at or before `position` (positions are fixed-width text). */
async function ordinalOf(pg: Client, position: string): Promise<number> {
  const { rows } = await pg.query<{ ord: string | null }>(
    'SELECT max(ord)::text AS ord FROM bench_positions WHERE pos <= $1',
    [position],
  );
  return Number(rows[0].ord ?? 0);
}

async function codeNames(pg: Client) {
  const { rows } = await pg.query<{ dim: string; value: string; code: number }>(
    'SELECT dim, value, code FROM bench_codes',
  );
  const names = new Map(rows.map((r) => [`${r.dim}|${r.code}`, r.value]));
  return {
    decode(dim: Dim, key: unknown): unknown {
      if (key === null || key === undefined) return null;
      if (dim === 'month') {
        const n = Number(key);
        return `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}`;
      }
      return names.get(`${DIM_OF_COLUMN[dim]}|${Number(key)}`) ?? `?${String(key)}`;
    },
  };
}

/** An answer as sorted text lines, for comparing across engines. */
function answer(
  rows: readonly Record<string, unknown>[],
  k0: (k: unknown) => unknown,
  k1: (k: unknown) => unknown = k0,
): string {
  return rows
    .map((r) => `${String(k0(r.k0))}|${String(k1(r.k1))}|${Number(r.value)}`)
    .sort()
    .join('\n');
}
