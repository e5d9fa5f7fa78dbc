// Projections benchmark (issue 4, item 8): rebuild of the incident read models from 1M events
// against the raw replay read, and GET /stats latency at ~1M acts against a raw GROUP BY on
// the same fact table, in the same run. `npm run bench:projections`; see bench/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '@app/config';
import { PgPoolSqlClient } from '@app/database';
import { encodePosition, Position, RecordedEvent, START } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { INCIDENT_FACTS, IncidentProjections, rebuildIncidentFacts } from '@app/read-models';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { SnapshotPositions } from '@app/read-models/snapshots/snapshot-positions';
import { IncidentFilters } from '@app/read-models/statistics/incident-filters';
import { GetStatsHandler, statsSql } from '@app/read-models/statistics/get-stats.handler';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { AsOf } from '@app/read-models/statistics/as-of';
import { GroupBy, Measure } from '@app/read-models/statistics/stats-dimensions';
import { cpuMeter, now, percentile, probeFor, waitForQuiet } from '../event-store/common';
import { generateIncident, rng } from './generate';
import { CodedCase, codedSection, CodedSectionResult } from './coded';
import { httpSection, HttpSectionResult } from './http';

// ---------- configuration ----------

function envNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name}=${text}: expected a whole number > 0`);
    process.exit(2);
  }
  return value;
}

const FULL_SIZE = 1_000_000;
const EVENTS = envNumber('BENCH_EVENTS', FULL_SIZE);
const REQUESTS = envNumber('BENCH_REQUESTS', 50);
const WARMUP_REQUESTS = 5;
const WRITERS = 8;
const CHUNK_EVENTS = 100; // a writer claims incidents ~100 events at a time
const READ_PAGE = 5_000; // the rebuild's page
const BASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const KEEP = process.env.BENCH_KEEP === '1';
const HTTP = process.env.BENCH_HTTP !== '0';
const CODED = process.env.BENCH_CODED !== '0';
const HTTP_SECONDS = envNumber('BENCH_HTTP_SECONDS', 20);
const HTTP_CONNECTIONS = envNumber('BENCH_HTTP_CONNECTIONS', 64);
/** The published table the HTTP section asks for: distinct persons, the costliest measure. */
const PUBLIC_QUERY = 'measure=persons&groupBy=targetCategory,source&year=2020';
const DATABASE = 'rl_bench_projections';
const WORKSPACE = '6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SEED = 20200214;

const TARGETS = {
  rebuildEventsPerSecond: 60_000,
  statsP95Ms: 100,
  asOfP95Ms: 300,
  // Issue 17: cached public statistics against a static file of the same size.
  publicToStaticRatio: 0.5,
  publicP99Ms: 50,
  apiRssMiB: 1024,
};

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
const BENCH_URL = withDatabase(BASE_URL, DATABASE);

const num = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '–'
    : v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function gitRevision(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT }).toString().trim();
    return dirty ? `${head} (working tree modified)` : head;
  } catch {
    return null;
  }
}

// ---------- the stats cases ----------

interface StatsCase {
  key: string;
  label: string;
  kind: 'stats' | 'asOf';
  measure: Measure;
  groupBy: [GroupBy, GroupBy];
  year: number;
  asOf: AsOf;
  /** The simplest correct SQL for the same rows: $1 workspace, $2 the asOf value if any. */
  baseline: { sql: string; values: unknown[] };
}

function statsCases(asOfPosition: Position, asOfTime: string): StatsCase[] {
  // `current` is the partition key: the simplest correct SQL on this table uses it too.
  const current = 'current';
  const atPosition = 'known_from <= $2 AND (current OR superseded_by > $2)';
  const atTime =
    'known_from_at <= $2::timestamptz AND (current OR superseded_at > $2::timestamptz)';
  const actsByMonthCategory = (knowledge: string) =>
    `SELECT month AS k0, target_category AS k1, count(*)::int AS value FROM rm_acts
      WHERE workspace_id = $1 AND year = 2020 AND ${knowledge} AND act_id IS NOT NULL GROUP BY 1, 2`;
  return [
    {
      key: 'stats:acts:month,targetCategory:2020',
      label: 'acts by month × targetCategory, year=2020',
      kind: 'stats',
      measure: 'acts',
      groupBy: ['month', 'targetCategory'],
      year: 2020,
      asOf: { kind: 'current' },
      baseline: { sql: actsByMonthCategory(current), values: [WORKSPACE] },
    },
    {
      key: 'stats:persons:targetCategory,source:2020',
      label: 'persons by targetCategory × source, year=2020',
      kind: 'stats',
      measure: 'persons',
      groupBy: ['targetCategory', 'source'],
      year: 2020,
      asOf: { kind: 'current' },
      baseline: {
        sql: `SELECT target_category AS k0, s AS k1, count(DISTINCT target_id)::int AS value
                FROM rm_acts, unnest(main_sources) AS s
               WHERE workspace_id = $1 AND year = 2020 AND ${current} AND target_kind = 'person'
               GROUP BY 1, 2`,
        values: [WORKSPACE],
      },
    },
    {
      key: 'stats:incidents:type,region:2021',
      label: 'incidents by type × region, year=2021',
      kind: 'stats',
      measure: 'incidents',
      groupBy: ['type', 'region'],
      year: 2021,
      asOf: { kind: 'current' },
      baseline: {
        sql: `SELECT type AS k0, region AS k1, count(DISTINCT incident_id)::int AS value FROM rm_acts
               WHERE workspace_id = $1 AND year = 2021 AND ${current} GROUP BY 1, 2`,
        values: [WORKSPACE],
      },
    },
    {
      key: 'asOf:position:acts:month,targetCategory:2020',
      label: 'acts by month × targetCategory, 2020, asOf=position at 60%',
      kind: 'asOf',
      measure: 'acts',
      groupBy: ['month', 'targetCategory'],
      year: 2020,
      asOf: { kind: 'position', position: asOfPosition },
      baseline: { sql: actsByMonthCategory(atPosition), values: [WORKSPACE, asOfPosition] },
    },
    {
      key: 'asOf:time:acts:month,targetCategory:2020',
      label: 'acts by month × targetCategory, 2020, asOf=time at 60%',
      kind: 'asOf',
      measure: 'acts',
      groupBy: ['month', 'targetCategory'],
      year: 2020,
      asOf: { kind: 'time', at: asOfTime },
      baseline: { sql: actsByMonthCategory(atTime), values: [WORKSPACE, asOfTime] },
    },
  ];
}

/**
 * The first four questions over the coded twin of `rm_acts` (coded.ts), in SQL PostgreSQL and
 * DuckDB both accept: the unnest in the select list, the year widened before it is scaled.
 */
function codedCases(cases: StatsCase[], asOfPosition: Position): CodedCase[] {
  const month = 'year::int * 100 + month';
  const acts = (knowledge: string) =>
    `SELECT ${month} AS k0, target_category AS k1, count(*)::int AS value FROM bench_facts f
      WHERE ws = $1 AND year = 2020 AND ${knowledge} AND kind IS NOT NULL GROUP BY 1, 2`;
  const coded: Record<string, Omit<CodedCase, 'label' | 'wide'>> = {
    'stats:acts:month,targetCategory:2020': {
      coded: acts('f.current'),
      dims: ['month', 'category'],
    },
    'stats:persons:targetCategory,source:2020': {
      coded: `SELECT target_category AS k0, s AS k1, count(DISTINCT target)::int AS value
                FROM (SELECT target_category, unnest(main) AS s, target FROM bench_facts f
                       WHERE ws = $1 AND year = 2020 AND f.current AND kind = 1) x
               GROUP BY 1, 2`,
      dims: ['category', 'source'],
    },
    'stats:incidents:type,region:2021': {
      coded: `SELECT type AS k0, region AS k1, count(DISTINCT incident)::int AS value FROM bench_facts f
               WHERE ws = $1 AND year = 2021 AND f.current GROUP BY 1, 2`,
      dims: ['type', 'region'],
    },
    'asOf:position:acts:month,targetCategory:2020': {
      coded: acts('known_from <= $2 AND (f.current OR superseded_by > $2)'),
      dims: ['month', 'category'],
      asOfPosition,
    },
  };
  return cases
    .filter((c) => coded[c.key] !== undefined)
    .map((c) => ({ label: c.label, wide: c.baseline, ...coded[c.key] }));
}

const queryOf = (c: StatsCase) =>
  new GetStatsQuery(
    WORKSPACE,
    c.measure,
    c.groupBy,
    { sourceRole: 'main', year: [c.year] } as IncidentFilters,
    c.asOf,
    undefined,
  );

interface Latency {
  n: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}
const latency = (ms: number[]): Latency => ({
  n: ms.length,
  p50Ms: percentile(ms, 50),
  p95Ms: percentile(ms, 95),
  maxMs: ms.length ? Math.max(...ms) : null,
});

// ---------- main ----------

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg();
  const log = (line: string) => console.log(line);
  log(`projections benchmark: server ${redact(BASE_URL)} → database ${DATABASE}`);
  log(`BENCH_EVENTS=${EVENTS} BENCH_REQUESTS=${REQUESTS} KEEP=${KEEP}`);

  const bootstrap = new Client({ connectionString: BASE_URL });
  await bootstrap.connect();
  await bootstrap.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await bootstrap.query(`CREATE DATABASE ${DATABASE}`);
  await bootstrap.end();

  const sql = PgPoolSqlClient.fromUrl(BENCH_URL, { max: WRITERS });
  const probe = probeFor((text, params) => sql.query(text, params), { server: true });
  const sanity: string[] = [];
  const check = (what: string, ok: boolean, detail: string) => {
    const line = `${what}: ${detail}${ok ? '' : ' — MISMATCH'}`;
    sanity.push(line);
    log(line);
  };
  try {
    const version = (await sql.query<{ v: string }>('SELECT version() AS v')).rows[0].v;
    const settings = Object.fromEntries(
      (
        await sql.query<{ name: string; value: string }>(
          `SELECT name, current_setting(name) AS value FROM pg_settings
            WHERE name = ANY($1) ORDER BY name`,
          [
            [
              'shared_buffers',
              'work_mem',
              'synchronous_commit',
              'fsync',
              'autovacuum',
              'max_parallel_workers_per_gather',
              'jit',
              'random_page_cost',
            ],
          ],
        )
      ).rows.map((r) => [r.name, r.value]),
    );
    log(version);
    const store = await PostgresEventStore.create(sql);
    await IncidentProjections.migrate(sql);

    // ---- 1. generate and append ----
    log(`\n== generate and append ${num(EVENTS)} events, ${WRITERS} writers ==`);
    await waitForQuiet(probe, log);
    const random = rng(SEED);
    let claimed = 0;
    let appended = 0;
    let appendCalls = 0;
    let incidents = 0;
    let generateMs = 0;
    const eventTypes = new Map<string, number>();
    const genCpu = cpuMeter();
    const g0 = now();
    let lastLog = g0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (claimed < EVENTS) {
          // Claim ~CHUNK_EVENTS events' worth of incidents (generation is synchronous, so
          // claiming cannot interleave), then append each incident's stream in one call.
          const s = now();
          const chunk = [];
          let n = 0;
          while (n < CHUNK_EVENTS && claimed < EVENTS) {
            const incident = generateIncident(random, WORKSPACE);
            chunk.push(incident);
            n += incident.events.length;
            claimed += incident.events.length;
            for (const e of incident.events)
              eventTypes.set(e.type, (eventTypes.get(e.type) ?? 0) + 1);
          }
          generateMs += now() - s;
          for (const incident of chunk) {
            await store.append(incident.streamId, incident.events, {
              expectedVersion: 'no_stream',
            });
            appended += incident.events.length;
            appendCalls++;
            incidents++;
          }
          if (now() - lastLog > 15_000) {
            lastLog = now();
            log(`  ${num(appended)} events (${num(appended / ((lastLog - g0) / 1000))}/s)`);
          }
        }
      }),
    );
    const genSeconds = (now() - g0) / 1000;
    const genCpuUse = genCpu.stop(genSeconds);
    const generation = {
      events: appended,
      incidents,
      appendCalls,
      eventsPerCall: appended / appendCalls,
      seconds: genSeconds,
      eventsPerSecond: appended / genSeconds,
      decideMsTotal: generateMs,
      decideEventsPerSecond: appended / (generateMs / 1000),
      eventTypes: Object.fromEntries(eventTypes),
      ...genCpuUse,
    };
    log(
      `  ${num(appended)} events, ${num(incidents)} incidents in ${genSeconds.toFixed(1)} s: ` +
        `${num(generation.eventsPerSecond)} ev/s (decide alone ${num(generation.decideEventsPerSecond)} ev/s); ` +
        `cpu machine=${num(genCpuUse.machineCpuPct)}% client=${num(genCpuUse.clientCpuPct)}%`,
    );
    const stored = Number(
      (await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM es_events')).rows[0].n,
    );
    check('es_events rows = events appended', stored === appended, `${num(stored)}`);
    await sql.exec('VACUUM ANALYZE es_events');

    // ---- 2. rebuild, with the raw replay read before and after as the baseline ----
    const replay = async (label: string) => {
      await waitForQuiet(probe, log);
      await probe.checkpoint();
      const cpu = cpuMeter();
      const t0 = now();
      let position = START;
      let events = 0;
      let checksum = 0;
      for (;;) {
        // The rebuild's read loop, without the projection.
        const page: RecordedEvent[] = [];
        for await (const e of store.readAll({
          from: position,
          categories: ['incident'],
          maxCount: READ_PAGE,
        }))
          page.push(e);
        if (page.length === 0) break;
        checksum += page[page.length - 1].streamVersion;
        position = page[page.length - 1].position;
        events += page.length;
        if (page.length < READ_PAGE) break;
      }
      const seconds = (now() - t0) / 1000;
      const r = { events, seconds, eventsPerSecond: events / seconds, ...cpu.stop(seconds) };
      log(
        `  ${label}: ${num(events)} events in ${seconds.toFixed(1)} s = ${num(r.eventsPerSecond)} ev/s ` +
          `(cpu machine=${num(r.machineCpuPct)}% client=${num(r.clientCpuPct)}%; checksum ${checksum})`,
      );
      check(`${label} read every event`, events === appended, `${num(events)}`);
      return r;
    };
    log('\n== rebuild ==');
    const readBefore = await replay('raw replay read (readAll, pages of 5,000), before');
    await waitForQuiet(probe, log);
    await probe.checkpoint();
    const rebuildCpu = cpuMeter();
    const r0 = now();
    let lastProgress = r0;
    const rebuilt = await rebuildIncidentFacts(sql, store, ({ events }) => {
      if (now() - lastProgress > 15_000) {
        lastProgress = now();
        log(`  rebuild: ${num(events)} events (${num(events / ((lastProgress - r0) / 1000))}/s)`);
      }
    });
    const rebuildSeconds = (now() - r0) / 1000;
    const rebuild = {
      events: rebuilt.events,
      seconds: rebuildSeconds,
      eventsPerSecond: rebuilt.events / rebuildSeconds,
      fromVersion: rebuilt.from,
      toVersion: rebuilt.to,
      ...rebuildCpu.stop(rebuildSeconds),
    };
    log(
      `  rebuildIncidentFacts: ${num(rebuild.events)} events in ${rebuildSeconds.toFixed(1)} s = ` +
        `${num(rebuild.eventsPerSecond)} ev/s (cpu machine=${num(rebuild.machineCpuPct)}% client=${num(rebuild.clientCpuPct)}%)`,
    );
    check('events projected by the rebuild', rebuilt.events === appended, `${num(rebuilt.events)}`);
    const readAfter = await replay('raw replay read (readAll, pages of 5,000), after');
    const readEventsPerSecond = (readBefore.eventsPerSecond + readAfter.eventsPerSecond) / 2;

    // The state a caught-up live projection leaves: its checkpoint at the head (the handler's
    // freshness check reads it for asOf=position), statistics fresh (autovacuum may be off).
    await sql.query(
      `INSERT INTO subscription_checkpoints (subscription_id, position) VALUES ($1, $2)
       ON CONFLICT (subscription_id) DO UPDATE SET position = EXCLUDED.position`,
      [INCIDENT_FACTS, rebuilt.position],
    );
    await sql.exec(`VACUUM ANALYZE rm_acts_v${rebuilt.to}`);
    await sql.exec(`VACUUM ANALYZE rm_incidents_v${rebuilt.to}`);
    const facts = (
      await sql.query<Record<string, string>>(`SELECT
        count(*)::text AS rows,
        count(*) FILTER (WHERE superseded_by IS NULL AND act_id IS NOT NULL)::text AS current_acts,
        count(*) FILTER (WHERE superseded_by IS NULL AND act_id IS NOT NULL AND year = 2020)::text AS current_acts_2020,
        (SELECT count(*) FROM rm_incidents)::text AS incidents,
        (SELECT count(*) FROM rm_incidents WHERE status = 'retracted')::text AS retracted,
        pg_size_pretty((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('rm_acts_v${rebuilt.to}'))) AS acts_size
        FROM rm_acts`)
    ).rows[0];
    log(
      `  rm_acts: ${num(Number(facts.rows))} rows (${facts.acts_size}), ${num(Number(facts.current_acts))} current acts ` +
        `(${num(Number(facts.current_acts_2020))} in 2020); rm_incidents: ${num(Number(facts.incidents))} ` +
        `(${num(Number(facts.retracted))} retracted)`,
    );
    check('rm_incidents rows = incidents', Number(facts.incidents) === incidents, facts.incidents);

    // ---- 3. GET /stats through the real query handler, against raw GROUP BYs ----
    const n60 = Math.floor(appended * 0.6);
    const at60 = (
      await sql.query<{ tx: string; gp: string; at: string }>(
        `SELECT transaction_id::text AS tx, global_position::text AS gp,
                to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
           FROM es_events ORDER BY transaction_id, global_position OFFSET $1 LIMIT 1`,
        [n60],
      )
    ).rows[0];
    const asOfPosition = encodePosition(at60.tx, at60.gp);
    const asOfTime = at60.at;
    const asOfRows = Number(
      (
        await sql.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM rm_acts
            WHERE known_from <= $1 AND (superseded_by IS NULL OR superseded_by > $1) AND act_id IS NOT NULL`,
          [asOfPosition],
        )
      ).rows[0].n,
    );
    log(
      `\n== GET /stats (GetStatsHandler.execute) vs raw GROUP BY, ${REQUESTS} requests each after ${WARMUP_REQUESTS} warm-up ==`,
    );
    log(
      `  asOf position ${asOfPosition} (event ${num(n60)} of ${num(appended)}), time ${asOfTime}; ` +
        `${num(asOfRows)} acts known then`,
    );
    const projections = new IncidentProjections(sql, store, {} as AppConfig); // config: unused by the queries
    const handler = new GetStatsHandler(
      sql,
      new ProjectionFreshness(projections, store),
      new SnapshotPositions(store),
      projections,
    );
    const cases = statsCases(asOfPosition, asOfTime);
    const stats = [];
    for (const c of cases) {
      await waitForQuiet(probe, log);
      const runHandler = async () => handler.execute(queryOf(c));
      const runBaseline = async () =>
        sql.query<{ k0: unknown; k1: unknown; value: number }>(c.baseline.sql, c.baseline.values);
      // Same figures? (the handler's rows against the baseline's)
      const h = await runHandler();
      const b = await runBaseline();
      const key = (a: unknown, z: unknown) => `${String(a)}|${String(z)}`;
      const hm = new Map(
        h.rows.map((r) => [key(r.keys[c.groupBy[0]], r.keys[c.groupBy[1]]), r.value]),
      );
      const same =
        b.rows.length === hm.size &&
        b.rows.every((r) => hm.get(key(r.k0, r.k1)) === Number(r.value));
      check(
        `${c.label}: handler rows = baseline rows`,
        same,
        `${h.rows.length} rows, total ${num(h.total)}`,
      );
      for (let i = 0; i < WARMUP_REQUESTS; i++) {
        await runHandler();
        await runBaseline();
      }
      const hMs: number[] = [];
      const bMs: number[] = [];
      const cpu = cpuMeter();
      const t0 = now();
      for (let i = 0; i < REQUESTS; i++) {
        // Alternating, so both see the same cache and machine state.
        let s = now();
        await runHandler();
        hMs.push(now() - s);
        s = now();
        await runBaseline();
        bMs.push(now() - s);
      }
      const usage = cpu.stop((now() - t0) / 1000);
      const handlerLatency = latency(hMs);
      const baselineLatency = latency(bMs);
      const target = c.kind === 'stats' ? TARGETS.statsP95Ms : TARGETS.asOfP95Ms;
      const entry = {
        key: c.key,
        label: c.label,
        kind: c.kind,
        rows: h.rows.length,
        total: h.total,
        handler: handlerLatency,
        baseline: baselineLatency,
        baselineSql: c.baseline.sql.replace(/\s+/g, ' ').trim(),
        ratioP95: handlerLatency.p95Ms! / baselineLatency.p95Ms!,
        ratioP50: handlerLatency.p50Ms! / baselineLatency.p50Ms!,
        targetP95Ms: target,
        verdict: handlerLatency.p95Ms! < target ? 'PASS' : 'MISS',
        ...usage,
      };
      stats.push(entry);
      log(
        `  ${c.label.padEnd(62)} handler p50=${num(handlerLatency.p50Ms, 1)} p95=${num(handlerLatency.p95Ms, 1)} ms` +
          `  raw p50=${num(baselineLatency.p50Ms, 1)} p95=${num(baselineLatency.p95Ms, 1)} ms  ${entry.verdict}`,
      );
    }
    // One plan for the record: where the handler's time goes.
    const planCase = cases[0];
    const { sql: planSql, values: planValues } = statsSql(queryOf(planCase));
    const plan = await sql.transaction(async (tx) => {
      await tx.query('SET LOCAL jit = off');
      return (
        await tx.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${planSql}`,
          planValues,
        )
      ).rows.map((r) => r['QUERY PLAN']);
    });

    // ---- 3b. the same questions over a coded twin of the table, and over DuckDB ----
    let coded: CodedSectionResult | null = null;
    if (CODED) {
      log('\n== coded facts (a narrow twin of rm_acts, derived in SQL) and DuckDB ==');
      await waitForQuiet(probe, log);
      coded = await codedSection({
        databaseUrl: BENCH_URL,
        workspace: WORKSPACE,
        cases: codedCases(cases, asOfPosition),
        requests: REQUESTS,
        warmup: WARMUP_REQUESTS,
        log,
      });
      for (const c of coded.cases) {
        check(
          `${c.label}: coded rows = wide rows (PostgreSQL, DuckDB)`,
          c.sameAsWide.postgres && c.sameAsWide.duckdb,
          `${c.rows} rows; ${c.sameAsWide.postgres} / ${c.sameAsWide.duckdb}`,
        );
      }
    }

    // ---- 4. GET /public/stats over HTTP, cached, beside a static file ----
    let http: HttpSectionResult | null = null;
    if (HTTP) {
      log(
        `\n== HTTP: GET /public/stats?${PUBLIC_QUERY} (cached) vs a static file, ` +
          `${HTTP_CONNECTIONS} keep-alive clients × ${HTTP_SECONDS} s (autocannon) ==`,
      );
      await waitForQuiet(probe, log);
      http = await httpSection({
        root: ROOT,
        databaseUrl: BENCH_URL,
        workspace: WORKSPACE,
        sql,
        query: PUBLIC_QUERY,
        seconds: HTTP_SECONDS,
        connections: HTTP_CONNECTIONS,
        log,
      });
      check('public answer unchanged by the load', http.sameAnswer, `${http.answerBytes} bytes`);
      check(
        'public stats: no errors, no non-2xx',
        http.publicStats.errors + http.publicStats.timeouts + http.publicStats.non2xx === 0,
        `${http.publicStats.requests} requests`,
      );
    }

    // ---- 5. report ----
    const ratioReplay = rebuild.eventsPerSecond / readEventsPerSecond;
    const meta = {
      date: new Date().toISOString(),
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      nproc: os.availableParallelism(),
      memoryBytes: os.totalmem(),
      loadAverage: { start: loadAtStart, end: os.loadavg() },
      git: gitRevision(),
      database: `${redact(BENCH_URL)} (dropped and re-created at the start)`,
      postgres: { version, settings },
      config: {
        BENCH_EVENTS: EVENTS,
        BENCH_REQUESTS: REQUESTS,
        warmupRequests: WARMUP_REQUESTS,
        writers: WRITERS,
        chunkEvents: CHUNK_EVENTS,
        readPage: READ_PAGE,
        seed: SEED,
        BENCH_HTTP: HTTP,
        BENCH_HTTP_SECONDS: HTTP_SECONDS,
        BENCH_HTTP_CONNECTIONS: HTTP_CONNECTIONS,
      },
      targets: TARGETS,
    };
    const result = {
      meta,
      generation,
      rebuild: {
        ...rebuild,
        target: TARGETS.rebuildEventsPerSecond,
        verdict: rebuild.eventsPerSecond >= TARGETS.rebuildEventsPerSecond ? 'PASS' : 'MISS',
        baselineReadBefore: readBefore,
        baselineReadAfter: readAfter,
        ratioToReplayRead: ratioReplay,
      },
      factTable: {
        rows: Number(facts.rows),
        currentActs: Number(facts.current_acts),
        currentActs2020: Number(facts.current_acts_2020),
        incidents: Number(facts.incidents),
        retracted: Number(facts.retracted),
        size: facts.acts_size,
        asOfPosition,
        asOfTime,
        actsKnownAtAsOf: asOfRows,
      },
      stats,
      coded,
      http,
      plan: { query: planCase.label, lines: plan },
      sanity,
      totalMinutes: (Date.now() - started) / 60000,
    };
    const md = markdown(result);
    mkdirSync(RESULTS_DIR, { recursive: true });
    // A smaller run keeps its own files: the full-size results stay the reference.
    const name = EVENTS === FULL_SIZE ? 'projections' : `projections-${EVENTS}`;
    writeFileSync(path.join(RESULTS_DIR, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
    writeFileSync(path.join(RESULTS_DIR, `${name}.md`), md);
    log('\n' + md);
    log(`written: bench/results/${name}.json, bench/results/${name}.md`);
  } finally {
    await sql.close();
    if (KEEP) {
      log(`BENCH_KEEP=1: database ${DATABASE} kept`);
    } else {
      const c = new Client({ connectionString: BASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await c.end();
      log(`database ${DATABASE} dropped`);
    }
  }
}

type Result = {
  meta: {
    date: string;
    node: string;
    os: string;
    cpuModel: string;
    nproc: number;
    memoryBytes: number;
    git: string | null;
    postgres: { version: string; settings: Record<string, string> };
  };
  generation: {
    events: number;
    incidents: number;
    appendCalls: number;
    eventsPerCall: number;
    seconds: number;
    eventsPerSecond: number;
    decideEventsPerSecond: number;
    machineCpuPct: number;
    clientCpuPct: number;
    otherCpuPct: number;
  };
  rebuild: {
    events: number;
    seconds: number;
    eventsPerSecond: number;
    machineCpuPct: number;
    clientCpuPct: number;
    otherCpuPct: number;
    verdict: string;
    baselineReadBefore: { eventsPerSecond: number; seconds: number; clientCpuPct: number };
    baselineReadAfter: { eventsPerSecond: number; seconds: number; clientCpuPct: number };
    ratioToReplayRead: number;
  };
  factTable: {
    rows: number;
    currentActs: number;
    currentActs2020: number;
    incidents: number;
    retracted: number;
    size: string;
    actsKnownAtAsOf: number;
  };
  stats: {
    label: string;
    kind: string;
    rows: number;
    total: number;
    handler: Latency;
    baseline: Latency;
    ratioP95: number;
    targetP95Ms: number;
    verdict: string;
    clientCpuPct: number;
    otherCpuPct: number;
  }[];
  coded: CodedSectionResult | null;
  http: HttpSectionResult | null;
  sanity: string[];
  totalMinutes: number;
};

function markdown(r: Result): string {
  const m = r.meta;
  const g = r.generation;
  const b = r.rebuild;
  const f = r.factTable;
  const lines: string[] = [];
  lines.push(`# Projections benchmark, ${m.date}`);
  lines.push('');
  lines.push(
    `Machine: ${m.nproc} CPU (${m.cpuModel}), ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB RAM, ${m.os}; ` +
      `Node ${m.node}; ${m.postgres.version.split(' on ')[0]}; git ${m.git ?? '?'}.`,
  );
  lines.push(
    `Server settings: ${Object.entries(m.postgres.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
  );
  lines.push(
    `Run: BENCH_EVENTS=${EVENTS} BENCH_REQUESTS=${REQUESTS} (after ${WARMUP_REQUESTS} warm-up), ` +
      `${WRITERS} writers, one workspace. Data: ${num(f.rows)} rm_acts rows (${f.size}; every known ` +
      `version of each act), ${num(f.currentActs)} current acts (${num(f.currentActs2020)} in 2020), ` +
      `${num(f.incidents)} incidents (${num(f.retracted)} retracted); ${num(f.actsKnownAtAsOf)} acts known at the asOf point.`,
  );
  lines.push('');
  lines.push('| figure | value | baseline (same run) | ratio | target | verdict |');
  lines.push('|---|---:|---:|---:|---:|---|');
  lines.push(
    `| generate + append (decide, 8 writers, ${g.eventsPerCall.toFixed(1)} ev/call) | ${num(g.eventsPerSecond)} ev/s (${g.seconds.toFixed(0)} s) | – | – | – | – |`,
  );
  lines.push(
    `| rebuild from position 0 (rebuildIncidentFacts) | ${num(b.eventsPerSecond)} ev/s (${b.seconds.toFixed(1)} s) | ` +
      `replay read ${num(b.baselineReadBefore.eventsPerSecond)} / ${num(b.baselineReadAfter.eventsPerSecond)} ev/s (before / after) | ` +
      `${b.ratioToReplayRead.toFixed(2)} | ≥ ${num(TARGETS.rebuildEventsPerSecond)} ev/s | ${b.verdict} |`,
  );
  for (const s of r.stats) {
    lines.push(
      `| ${s.kind === 'asOf' ? 'GET /stats asOf' : 'GET /stats'}: ${s.label} (${s.rows} rows) | ` +
        `p50 ${num(s.handler.p50Ms, 1)} / p95 ${num(s.handler.p95Ms, 1)} ms | ` +
        `raw GROUP BY p50 ${num(s.baseline.p50Ms, 1)} / p95 ${num(s.baseline.p95Ms, 1)} ms | ` +
        `${s.ratioP95.toFixed(2)} (p95) | p95 < ${s.targetP95Ms} ms | ${s.verdict} |`,
    );
  }
  if (r.http !== null) lines.push(...httpRows(r.http));
  lines.push('');
  lines.push(
    `CPU: generation machine ${num(g.machineCpuPct)}%, client ${num(g.clientCpuPct)}% of a core ` +
      `(decide alone: ${num(g.decideEventsPerSecond)} ev/s); rebuild machine ${num(b.machineCpuPct)}%, ` +
      `client ${num(b.clientCpuPct)}%; replay read client ${num(b.baselineReadBefore.clientCpuPct)}%. ` +
      `Others (other processes, % of a core): generation ${num(g.otherCpuPct)}, rebuild ${num(b.otherCpuPct)}, ` +
      `stats ${num(Math.max(...r.stats.map((s) => s.otherCpuPct)))} (worst).`,
  );
  lines.push(
    'GET /stats is measured through `GetStatsHandler.execute` (the query handler the controller ' +
      'dispatches: REPEATABLE READ transaction, `jit = off`, projection position, the `statsSql` ' +
      'statement, freshness wait for asOf=position, row mapping and sort); HTTP routing, DTO ' +
      'validation and JSON serialisation are not included. The raw baseline runs on the same pool, ' +
      'alternating with the handler request by request.',
  );
  if (r.http !== null) {
    lines.push(
      `HTTP: the API in its own process (\`bench/projections/http-server.ts\`: \`npm start\`'s module ` +
        'graph, plus `express.static` on the same app for the static file, which holds the bytes of ' +
        `the answer, ${r.http.answerBytes} B); autocannon in the benchmark's process, each request ` +
        'from another reader address (`X-Forwarded-For`, `TRUST_PROXY=1`: anonymous callers are rate ' +
        `limited per address), ${r.http.connections} connections, ${r.http.seconds} s each after a ` +
        'warm-up. The first public request (nothing cached: publicity, workspace version, GROUP BY) ' +
        `took ${num(r.http.firstAnswerMs)} ms, the next ${r.http.cachedAnswerMs.toFixed(1)} ms. Client ` +
        'and server share the two cores.',
    );
  }
  if (r.coded !== null) lines.push(...codedLines(r.coded, r.stats));
  lines.push('');
  for (const line of r.sanity) lines.push(`- ${line}`);
  lines.push(`- Total time ${r.totalMinutes.toFixed(1)} min.`);
  return lines.join('\n') + '\n';
}

function codedLines(c: CodedSectionResult, stats: Result['stats']): string[] {
  const handlerP95 = new Map(stats.map((s) => [s.label, s.handler.p95Ms]));
  const ratio = (a: number | null | undefined, b: number | null) =>
    a == null || b === null ? '–' : (a / b).toFixed(2);
  return [
    '',
    `Coded facts (a twin of rm_acts derived in SQL: int4 keys, smallint codes, int2[] arrays, ` +
      `positions as int8 ranks; built in ${c.buildSeconds.toFixed(0)} s): ` +
      `${c.codedBytesPerRow.toFixed(0)} bytes per row against ${c.wideBytesPerRow.toFixed(0)}, ` +
      `${c.codedSize} against ${c.wideSize} with indexes. ` +
      `DuckDB holds the same coded rows in memory (loaded in ${c.duckdbLoadSeconds.toFixed(0)} s). ` +
      'Raw GROUP BYs, p95 in ms, alternating request by request:',
    '',
    '| question | wide (before) | coded | coded ÷ wide | DuckDB | coded ÷ DuckDB | handler ÷ DuckDB | same rows |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...c.cases.map(
      (q) =>
        `| ${q.label} | ${num(q.wideP95Ms, 1)} | ${num(q.codedP95Ms, 1)} | ${ratio(q.codedP95Ms, q.wideP95Ms)} | ` +
        `${num(q.duckdbP95Ms, 1)} | ${ratio(q.codedP95Ms, q.duckdbP95Ms)} | ` +
        `${ratio(handlerP95.get(q.label), q.duckdbP95Ms)} | ` +
        `${q.sameAsWide.postgres && q.sameAsWide.duckdb ? 'yes' : 'NO'} |`,
    ),
  ];
}

function httpRows(h: HttpSectionResult): string[] {
  const s = h.publicStats;
  const f = h.staticFile;
  const ok =
    h.ratio >= TARGETS.publicToStaticRatio &&
    s.latencyMs.p99 < TARGETS.publicP99Ms &&
    s.errors + s.timeouts + s.non2xx === 0;
  const peak = Math.max(h.startRssMiB, f.peakRssMiB, s.peakRssMiB);
  return [
    `| GET /public/stats, cached, ${h.connections} clients × ${h.seconds} s | ` +
      `${num(s.requestsPerSecond)} req/s, p50 ${s.latencyMs.p50} / p99 ${s.latencyMs.p99} ms, ` +
      `${s.errors + s.timeouts} errors, ${s.non2xx} non-2xx | static file of ${h.answerBytes} B: ` +
      `${num(f.requestsPerSecond)} req/s, p99 ${f.latencyMs.p99} ms | ${h.ratio.toFixed(2)} | ` +
      `≥ ${TARGETS.publicToStaticRatio}×, p99 < ${TARGETS.publicP99Ms} ms, no errors | ${ok ? 'PASS' : 'MISS'} |`,
    `| API peak RSS (start / static / public stats) | ${num(peak)} MiB | ` +
      `${num(h.startRssMiB)} / ${num(f.peakRssMiB)} / ${num(s.peakRssMiB)} MiB | – | ` +
      `< ${TARGETS.apiRssMiB} MiB | ${peak < TARGETS.apiRssMiB ? 'PASS' : 'MISS'} |`,
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
