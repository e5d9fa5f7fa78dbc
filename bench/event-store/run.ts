// Event-store benchmark (issue 2, item 8): our PostgreSQL adapter on a server and on PGlite,
// against raw PostgreSQL baselines and Emmett 0.42 on the same server, in the same run.
// `npm run bench:event-store`; knobs and how to read the output: bench/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { PgliteSqlClient, PgPoolSqlClient } from '@app/database';
import { RecordedEvent } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import {
  describe,
  median,
  PAYLOAD_JSON,
  Probe,
  probeFor,
  ScenarioResult,
  ScenarioSpec,
  System,
  timed,
} from './common';
import type { EmmettTask } from './emmett.worker';
import { oursAppendOp, readAllOp } from './ours';
import { RAW_DDL, RAW_READ_INDEX, rawCopy, rawInsertOp, rawKeysetReadOp } from './raw';

// ---------- configuration ----------

function envNumber(name: string, fallback: number, integer: boolean): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    console.error(`${name}=${text}: expected a ${integer ? 'whole ' : ''}number > 0`);
    process.exit(2);
  }
  return value;
}

const SECONDS = envNumber('BENCH_SECONDS', 10, false);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2, false);
const REPS = envNumber('BENCH_REPS', 2, true);
const COPY_N = envNumber('BENCH_COPY_N', 200_000, true);
const BASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const SKIP_PGLITE = process.env.BENCH_SKIP_PGLITE === '1';
const SKIP_EMMETT = process.env.BENCH_SKIP_EMMETT === '1';
const KEEP = process.env.BENCH_KEEP === '1';
const DATABASE = 'rl_bench';
const EMMETT_SCHEMA = 'emmett';
const READ_PAGE = 1000;

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const REGISTER = path.join(ROOT, 'tools', 'register.js');
const EMMETT_WORKER = path.join(__dirname, 'emmett.worker.ts');

const SHAPES = [
  { eventsPerCall: 1, writers: 1 },
  { eventsPerCall: 1, writers: 8 },
  { eventsPerCall: 100, writers: 1 },
  { eventsPerCall: 100, writers: 8 },
] as const;

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

// ---------- scenario names ----------

const writersText = (w: number) => `${w} writer${w === 1 ? '' : 's'}`;

function appendSpec(
  system: System,
  eventsPerCall: number,
  writers: number,
  rep: number,
): ScenarioSpec {
  const shape = `${eventsPerCall} ev/call, ${writersText(writers)}`;
  const label = {
    'ours-pg': `ours/PostgreSQL append ${shape}`,
    'ours-pglite': `ours/PGlite append ${shape}`,
    raw: `raw ${eventsPerCall === 1 ? 'single' : eventsPerCall}-row INSERT, ${writersText(writers)}`,
    emmett: `Emmett appendToStream ${shape}`,
  }[system];
  return {
    key: `${system}:append:${eventsPerCall}x${writers}`,
    label,
    system,
    kind: 'append',
    eventsPerCall,
    writers,
    rep,
  };
}

function readSpec(system: System, rep: number): ScenarioSpec {
  const label = {
    'ours-pg': 'ours/PostgreSQL readAll, full replay',
    'ours-pglite': 'ours/PGlite readAll, full replay',
    raw: 'raw keyset read (LIMIT 1000), whole table',
    emmett: `Emmett readMessagesBatch (batch 1000), ${SECONDS} s`,
  }[system];
  return {
    key: `${system}:read`,
    label,
    system,
    kind: 'read',
    eventsPerCall: null,
    writers: 1,
    rep,
  };
}

const copySpec = (rep: number): ScenarioSpec => ({
  key: 'raw:copy',
  label: `raw COPY ${COPY_N.toLocaleString('en')} events (${COPY_N / 100} streams × 100)`,
  system: 'raw',
  kind: 'copy',
  eventsPerCall: COPY_N,
  writers: 1,
  rep,
});

// ---------- runners ----------

/** Reads are consumed (a field of every event) so that none can be skipped. */
let checksum = 0;
const consumeData = (data: unknown) => {
  checksum += (data as { severity: number }).severity;
};
const consumeEvent = (event: RecordedEvent) => consumeData(event.data);

function runEmmett(task: EmmettTask): Promise<ScenarioResult & { ok?: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER, EMMETT_WORKER, JSON.stringify(task)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`emmett worker (${task.task}) exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? ''));
      } catch (error) {
        reject(new Error(`emmett worker output is not JSON: ${out.slice(0, 500)} (${error})`));
      }
    });
  });
}

async function oursPgAppend(spec: ScenarioSpec, probe: Probe): Promise<ScenarioResult> {
  const sql = PgPoolSqlClient.fromUrl(BENCH_URL, { max: spec.writers });
  try {
    const store = await PostgresEventStore.create(sql);
    return await timed(spec, oursAppendOp(store, spec.eventsPerCall!), {
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      probe,
    });
  } finally {
    await sql.close();
  }
}

async function rawAppend(spec: ScenarioSpec, probe: Probe): Promise<ScenarioResult> {
  const pool = new Pool({ connectionString: BENCH_URL, max: spec.writers });
  try {
    return await timed(spec, rawInsertOp(pool, spec.eventsPerCall!), {
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      probe,
    });
  } finally {
    await pool.end();
  }
}

function emmettAppend(spec: ScenarioSpec): Promise<ScenarioResult> {
  return runEmmett({
    task: 'append',
    url: BENCH_URL,
    schema: EMMETT_SCHEMA,
    spec,
    eventsPerCall: spec.eventsPerCall!,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
  });
}

// ---------- facts about the machine and the server ----------

function packageVersion(name: string): string | null {
  try {
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

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

const SETTINGS = [
  'fsync',
  'synchronous_commit',
  'full_page_writes',
  'wal_level',
  'wal_compression',
  'shared_buffers',
  'max_wal_size',
  'checkpoint_timeout',
  'autovacuum',
  'work_mem',
];

async function serverFacts(admin: Pool) {
  const version = (await admin.query('SELECT version() AS v')).rows[0].v as string;
  const { rows } = await admin.query(
    'SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1) ORDER BY name',
    [SETTINGS],
  );
  return { version, settings: Object.fromEntries(rows.map((r) => [r.name, r.value])) };
}

// ---------- summary ----------

interface Summary {
  key: string;
  label: string;
  system: System;
  kind: string;
  eventsPerCall: number | null;
  writers: number;
  /** Medians over the repetitions. */
  eventsPerSecond: number;
  perRep: number[];
  p50Ms: number | null;
  p99Ms: number | null;
  walBytesPerEvent: number | null;
  machineCpuPct: number;
  clientCpuPct: number;
  /** Max over the repetitions: the worst disturbance by other processes. */
  otherCpuPct: number;
  reachedEnd?: boolean;
  events: number;
}

const medianOrNull = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? median(present) : null;
};

function summarise(results: ScenarioResult[]): Summary[] {
  const byKey = new Map<string, ScenarioResult[]>();
  for (const r of results) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  return [...byKey.values()].map((rs) => ({
    key: rs[0].key,
    label: rs[0].label,
    system: rs[0].system,
    kind: rs[0].kind,
    eventsPerCall: rs[0].eventsPerCall,
    writers: rs[0].writers,
    eventsPerSecond: median(rs.map((r) => r.eventsPerSecond)),
    perRep: rs.map((r) => r.eventsPerSecond),
    p50Ms: medianOrNull(rs.map((r) => r.p50Ms)),
    p99Ms: medianOrNull(rs.map((r) => r.p99Ms)),
    walBytesPerEvent: medianOrNull(rs.map((r) => r.walBytesPerEvent)),
    machineCpuPct: median(rs.map((r) => r.machineCpuPct)),
    clientCpuPct: median(rs.map((r) => r.clientCpuPct)),
    otherCpuPct: Math.max(...rs.map((r) => r.otherCpuPct)),
    ...(rs[0].reachedEnd === undefined ? {} : { reachedEnd: rs.every((r) => r.reachedEnd) }),
    events: rs.reduce((a, r) => a + r.events, 0),
  }));
}

interface Ratio {
  name: string;
  target: number | null;
  ours: number | null;
  oursPerRep: number[];
  verdict: 'PASS' | 'MISS' | null;
  emmett: number | null;
  emmettPerRep: number[];
}

function ratios(results: ScenarioResult[], summary: Summary[]) {
  const s = (key: string) => summary.find((x) => x.key === key)?.eventsPerSecond ?? null;
  const perRep = (num: string, den: string) => {
    const out: number[] = [];
    for (let rep = 1; rep <= REPS; rep++) {
      const n = results.find((r) => r.key === num && r.rep === rep);
      const d = results.find((r) => r.key === den && r.rep === rep);
      if (n && d) out.push(n.eventsPerSecond / d.eventsPerSecond);
    }
    return out;
  };
  const ratio = (num: string, den: string) => {
    const n = s(num);
    const d = s(den);
    return n === null || d === null ? null : n / d;
  };
  const row = (
    name: string,
    target: number | null,
    ours: string,
    emmett: string | null,
    den: string,
  ): Ratio => {
    const value = ratio(ours, den);
    return {
      name,
      target,
      ours: value,
      oursPerRep: perRep(ours, den),
      verdict: target === null || value === null ? null : value >= target ? 'PASS' : 'MISS',
      emmett: emmett === null ? null : ratio(emmett, den),
      emmettPerRep: emmett === null ? [] : perRep(emmett, den),
    };
  };
  const targets: Ratio[] = [
    row(
      '1-event append ÷ raw single-row INSERT, 1 writer',
      0.9,
      'ours-pg:append:1x1',
      'emmett:append:1x1',
      'raw:append:1x1',
    ),
    row(
      '1-event append ÷ raw single-row INSERT, 8 writers',
      0.9,
      'ours-pg:append:1x8',
      'emmett:append:1x8',
      'raw:append:1x8',
    ),
    row(
      '100-event append ÷ raw 100-row INSERT, 1 writer',
      1.0,
      'ours-pg:append:100x1',
      'emmett:append:100x1',
      'raw:append:100x1',
    ),
    row(
      '100-event append ÷ raw 100-row INSERT, 8 writers',
      1.0,
      'ours-pg:append:100x8',
      'emmett:append:100x8',
      'raw:append:100x8',
    ),
    row(
      '100-event append, 1 writer ÷ raw COPY',
      0.4,
      'ours-pg:append:100x1',
      'emmett:append:100x1',
      'raw:copy',
    ),
    row(
      '100-event append, 8 writers ÷ raw COPY',
      0.4,
      'ours-pg:append:100x8',
      'emmett:append:100x8',
      'raw:copy',
    ),
    row('readAll ÷ raw keyset read', 0.8, 'ours-pg:read', 'emmett:read', 'raw:read'),
  ];
  const pglite: Ratio[] = [
    ...SHAPES.map(({ eventsPerCall: n, writers: w }) =>
      row(
        `append ${n} ev/call, ${writersText(w)}`,
        null,
        `ours-pglite:append:${n}x${w}`,
        null,
        `ours-pg:append:${n}x${w}`,
      ),
    ),
    row('readAll, full replay', null, 'ours-pglite:read', null, 'ours-pg:read'),
  ].filter((r) => r.ours !== null);
  return { targets, pglite };
}

// ---------- formatting ----------

const num = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '–'
    : v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratioText = (v: number | null) => (v === null ? '–' : v.toFixed(2));
const repsText = (vs: number[], f: (v: number) => string) =>
  vs.length > 1 ? vs.map(f).join(' / ') : '';

function markdown(
  meta: Meta,
  summary: Summary[],
  r: ReturnType<typeof ratios>,
  sanity: string[],
): string {
  const lines: string[] = [];
  const pg = meta.postgres;
  lines.push(`# Event-store benchmark, ${meta.date}`);
  lines.push('');
  lines.push(
    `Machine: ${meta.nproc} CPU (${meta.cpuModel}), ${(meta.memoryBytes / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `${meta.os}; Node ${meta.node}; ${pg.version.split(' on ')[0]}` +
      (meta.pglite
        ? `; PGlite ${meta.packages['@electric-sql/pglite']} (${meta.pglite.version.split(' on ')[0]})`
        : '') +
      `; Emmett ${meta.packages['@event-driven-io/emmett-postgresql']}; git ${meta.git ?? '?'}.`,
  );
  lines.push(
    `Server settings: ${Object.entries(pg.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
  );
  lines.push(
    `Run: BENCH_SECONDS=${SECONDS} BENCH_WARMUP_SECONDS=${WARMUP_SECONDS} BENCH_REPS=${REPS} BENCH_COPY_N=${COPY_N}` +
      `${SKIP_PGLITE ? ' BENCH_SKIP_PGLITE=1' : ''}${SKIP_EMMETT ? ' BENCH_SKIP_EMMETT=1' : ''}; ` +
      `events/s, p50/p99 and WAL are medians over the repetitions ("per rep" lists each); ` +
      `a call is one append, one INSERT statement, or one read page of 1,000; ` +
      `CPU machine = all cores (100 = saturated), client = the Node process that ran the scenario, ` +
      `others = other processes on the machine (% of one core, worst repetition).`,
  );
  const disturbed = summary.filter((x) => x.otherCpuPct >= 10);
  if (disturbed.length > 0) {
    lines.push('');
    lines.push(
      `**Disturbed:** other processes used ≥ 10% of a core during ${disturbed.length} of ` +
        `${summary.length} scenarios (column "CPU others %"); rerun on a quiet machine for clean numbers.`,
    );
  }
  if (meta.pglite && meta.pglite.settings.fsync !== 'on') {
    lines.push('');
    lines.push(
      `PGlite runs in the benchmark's process with fsync=${meta.pglite.settings.fsync}: ` +
        `its numbers describe the embedded mode, not the server's durability.`,
    );
  }
  lines.push('');
  lines.push(
    '| scenario | events/s | per rep | p50 ms | p99 ms | WAL B/event | CPU machine % | CPU client % | CPU others % |',
  );
  lines.push('|---|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const s of summary) {
    const note = s.reachedEnd === false ? ' (time ran out)' : '';
    lines.push(
      `| ${s.label}${note} | ${num(s.eventsPerSecond)} | ${repsText(s.perRep, (v) => num(v))} | ` +
        `${num(s.p50Ms, 2)} | ${num(s.p99Ms, 2)} | ${num(s.walBytesPerEvent)} | ${num(s.machineCpuPct)} | ${num(s.clientCpuPct)} | ${num(s.otherCpuPct)} |`,
    );
  }
  lines.push('');
  lines.push('Ratios (events/s over events/s, same run; targets from issue 2):');
  lines.push('');
  lines.push('| ratio | target | ours | ours per rep | verdict | Emmett 0.42 | Emmett per rep |');
  lines.push('|---|---:|---:|---|---|---:|---|');
  for (const x of r.targets) {
    lines.push(
      `| ${x.name} | ≥ ${x.target?.toFixed(2)} | ${ratioText(x.ours)} | ${repsText(x.oursPerRep, (v) => v.toFixed(2))} | ` +
        `${x.verdict ?? '–'} | ${ratioText(x.emmett)} | ${repsText(x.emmettPerRep, (v) => v.toFixed(2))} |`,
    );
  }
  if (r.pglite.length) {
    lines.push('');
    lines.push('Our adapter on PGlite ÷ on the PostgreSQL server (information, no target):');
    lines.push('');
    lines.push('| scenario | PGlite ÷ server | per rep |');
    lines.push('|---|---:|---|');
    for (const x of r.pglite) {
      lines.push(
        `| ${x.name} | ${ratioText(x.ours)} | ${repsText(x.oursPerRep, (v) => v.toFixed(2))} |`,
      );
    }
  }
  lines.push('');
  for (const line of sanity) lines.push(`- ${line}`);
  return lines.join('\n') + '\n';
}

interface Meta {
  date: string;
  node: string;
  os: string;
  cpuModel: string;
  nproc: number;
  memoryBytes: number;
  /** 1/5/15-minute load averages when the run started and ended (other work on the machine). */
  loadAverage: { start: number[]; end: number[] };
  git: string | null;
  database: string;
  postgres: { version: string; settings: Record<string, string> };
  pglite?: { version: string; settings: Record<string, string> };
  packages: Record<string, string | null>;
  config: Record<string, unknown>;
  payloadBytes: number;
}

// ---------- main ----------

async function main() {
  const started = Date.now();
  const loadAtStart = os.loadavg();
  const log = (line: string) => console.log(line);
  log(`event-store benchmark: server ${redact(BASE_URL)} → database ${DATABASE}`);
  log(
    `BENCH_SECONDS=${SECONDS} BENCH_WARMUP_SECONDS=${WARMUP_SECONDS} BENCH_REPS=${REPS} BENCH_COPY_N=${COPY_N}` +
      ` PGlite=${SKIP_PGLITE ? 'skipped' : 'yes'} Emmett=${SKIP_EMMETT ? 'skipped' : 'yes'}`,
  );

  const bootstrap = new Client({ connectionString: BASE_URL });
  await bootstrap.connect();
  await bootstrap.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await bootstrap.query(`CREATE DATABASE ${DATABASE}`);
  await bootstrap.end();

  const admin = new Pool({ connectionString: BENCH_URL, max: 1 });
  const probe = probeFor((sql, params) => admin.query(sql, params), { server: true });
  const results: ScenarioResult[] = [];
  const sanity: string[] = [];
  const record = (r: ScenarioResult) => {
    results.push(r);
    if (r.system !== 'emmett') log(describe(r)); // the Emmett worker prints its own line
    return r;
  };
  let pgliteFacts: Meta['pglite'];
  try {
    const facts = await serverFacts(admin);
    log(`${facts.version}`);
    log(
      Object.entries(facts.settings)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
    );

    // Schemas: ours through its migrations, the raw table, Emmett's in its own schema.
    {
      const sql = PgPoolSqlClient.fromUrl(BENCH_URL, { max: 1 });
      await PostgresEventStore.create(sql);
      await sql.close();
    }
    await admin.query(RAW_DDL);
    if (!SKIP_EMMETT) await runEmmett({ task: 'setup', url: BENCH_URL, schema: EMMETT_SCHEMA });
    await admin.query('VACUUM ANALYZE');

    // Writes: the same shape back to back for each system, the order rotating per repetition.
    const systems: System[] = SKIP_EMMETT ? ['ours-pg', 'raw'] : ['ours-pg', 'raw', 'emmett'];
    for (let rep = 1; rep <= REPS; rep++) {
      log(`\n== server writes, repetition ${rep} of ${REPS} ==`);
      const order = systems.map((_, i) => systems[(i + rep - 1) % systems.length]);
      for (const { eventsPerCall, writers } of SHAPES) {
        for (const system of order) {
          const spec = appendSpec(system, eventsPerCall, writers, rep);
          if (system === 'ours-pg') record(await oursPgAppend(spec, probe));
          else if (system === 'raw') record(await rawAppend(spec, probe));
          else record(await emmettAppend(spec));
        }
      }
      const pool = new Pool({ connectionString: BENCH_URL, max: 1 });
      try {
        record(await rawCopy(pool, COPY_N, copySpec(rep), probe));
      } finally {
        await pool.end();
      }
    }

    // Reads: every table read from the start, BENCH_REPS times.
    log('\n== server reads ==');
    await admin.query(RAW_READ_INDEX);
    await admin.query('VACUUM ANALYZE');
    const sizes = (
      await admin.query(`SELECT
        (SELECT count(*) FROM es_events)::bigint::text AS ours_rows,
        pg_size_pretty(pg_total_relation_size('es_events')) AS ours_size,
        (SELECT count(*) FROM raw_events)::bigint::text AS raw_rows,
        pg_size_pretty(pg_total_relation_size('raw_events')) AS raw_size`)
    ).rows[0] as Record<string, string>;
    let emmettRows: number | null = null;
    if (!SKIP_EMMETT) {
      const e = (
        await admin.query(`SELECT (SELECT count(*) FROM ${EMMETT_SCHEMA}.emt_messages)::text AS n,
          pg_size_pretty((SELECT sum(pg_total_relation_size(relid))::bigint
                            FROM pg_partition_tree('${EMMETT_SCHEMA}.emt_messages'))) AS size`)
      ).rows[0] as Record<string, string>;
      emmettRows = Number(e.n);
      sanity.push(`Emmett emt_messages before the reads: ${num(emmettRows)} rows, ${e.size}.`);
    }
    sanity.unshift(
      `Before the reads: es_events ${num(Number(sizes.ours_rows))} rows (${sizes.ours_size}), ` +
        `raw_events ${num(Number(sizes.raw_rows))} rows (${sizes.raw_size}, index on global_position added after the writes).`,
    );
    const written = (system: System) =>
      results
        .filter((r) => r.system === system && r.kind !== 'read')
        .reduce((a, r) => a + r.events + r.warmupEvents, 0);
    const check = (what: string, expected: number, actual: number) => {
      const line = `${what}: ${num(actual)} (expected ${num(expected)})${actual === expected ? '' : ' — MISMATCH'}`;
      sanity.push(line);
      log(line);
    };
    check(
      'es_events rows = events our adapter appended',
      written('ours-pg'),
      Number(sizes.ours_rows),
    );
    check('raw_events rows = events inserted or copied', written('raw'), Number(sizes.raw_rows));
    if (emmettRows !== null)
      check('emt_messages rows = events Emmett appended', written('emmett'), emmettRows);

    // Each read starts from the beginning; the order rotates per repetition like the writes.
    const readers: Record<string, (rep: number) => Promise<void>> = {
      'ours-pg': async (rep) => {
        const sql = PgPoolSqlClient.fromUrl(BENCH_URL, { max: 1 });
        try {
          const store = await PostgresEventStore.create(sql);
          const r = record(
            await timed(readSpec('ours-pg', rep), readAllOp(store, READ_PAGE, consumeEvent), {
              seconds: Infinity,
              warmupSeconds: 0,
              probe,
            }),
          );
          check(`events read by our readAll [rep ${rep}]`, Number(sizes.ours_rows), r.events);
        } finally {
          await sql.close();
        }
      },
      raw: async (rep) => {
        const pool = new Pool({ connectionString: BENCH_URL, max: 1 });
        try {
          const r = record(
            await timed(readSpec('raw', rep), rawKeysetReadOp(pool, consumeData), {
              seconds: Infinity,
              warmupSeconds: 0,
              probe,
            }),
          );
          check(
            `events read by the raw keyset read [rep ${rep}]`,
            Number(sizes.raw_rows),
            r.events,
          );
        } finally {
          await pool.end();
        }
      },
      emmett: async (rep) => {
        record(
          await runEmmett({
            task: 'read',
            url: BENCH_URL,
            schema: EMMETT_SCHEMA,
            spec: readSpec('emmett', rep),
            batchSize: READ_PAGE,
            seconds: SECONDS,
          }),
        );
      },
    };
    for (let rep = 1; rep <= REPS; rep++) {
      const order = systems.map((_, i) => systems[(i + rep - 1) % systems.length]);
      for (const system of order) await readers[system](rep);
    }

    // PGlite: the same appends and a full replay, in this process, on a temporary dataDir.
    if (!SKIP_PGLITE) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'rl-bench-pglite-'));
      log(`\n== PGlite (dataDir ${dir}) ==`);
      const client = await PgliteSqlClient.open(dir);
      try {
        const store = await PostgresEventStore.create(client);
        const pgliteProbe = probeFor((sql, params) => client.query(sql, params), { server: false });
        const version = (await client.query<{ v: string }>('SELECT version() AS v')).rows[0].v;
        const settings = (
          await client.query<{ name: string; value: string }>(
            'SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1) ORDER BY name',
            [SETTINGS],
          )
        ).rows;
        pgliteFacts = {
          version,
          settings: Object.fromEntries(settings.map((r) => [r.name, r.value])),
        };
        for (let rep = 1; rep <= REPS; rep++) {
          for (const { eventsPerCall, writers } of SHAPES) {
            const spec = appendSpec('ours-pglite', eventsPerCall, writers, rep);
            record(
              await timed(spec, oursAppendOp(store, eventsPerCall), {
                seconds: SECONDS,
                warmupSeconds: WARMUP_SECONDS,
                probe: pgliteProbe,
              }),
            );
          }
        }
        const rows = Number(
          (await client.query<{ n: string }>('SELECT count(*)::text AS n FROM es_events')).rows[0]
            .n,
        );
        check('PGlite es_events rows = events appended', written('ours-pglite'), rows);
        const r = record(
          await timed(readSpec('ours-pglite', 1), readAllOp(store, READ_PAGE, consumeEvent), {
            seconds: Infinity,
            warmupSeconds: 0,
            probe: pgliteProbe,
          }),
        );
        check('events read by readAll on PGlite', rows, r.events);
      } finally {
        await client.close();
        await rm(dir, { recursive: true, force: true });
      }
    }

    // ---------- report ----------
    const displayOrder = [
      ...SHAPES.flatMap(({ eventsPerCall: n, writers: w }) =>
        ['ours-pg', 'raw', 'emmett'].map((system) => `${system}:append:${n}x${w}`),
      ),
      'raw:copy',
      'ours-pg:read',
      'raw:read',
      'emmett:read',
      ...SHAPES.map(({ eventsPerCall: n, writers: w }) => `ours-pglite:append:${n}x${w}`),
      'ours-pglite:read',
    ];
    const summary = summarise(results).sort(
      (a, b) => displayOrder.indexOf(a.key) - displayOrder.indexOf(b.key),
    );
    const r = ratios(results, summary);
    const meta: Meta = {
      date: new Date().toISOString(),
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      nproc: os.availableParallelism(),
      memoryBytes: os.totalmem(),
      loadAverage: { start: loadAtStart, end: os.loadavg() },
      git: gitRevision(),
      database: `${redact(BENCH_URL)} (dropped and re-created at the start)`,
      postgres: facts,
      ...(pgliteFacts ? { pglite: pgliteFacts } : {}),
      packages: Object.fromEntries(
        [
          'pg',
          'pg-copy-streams',
          '@electric-sql/pglite',
          '@event-driven-io/emmett',
          '@event-driven-io/emmett-postgresql',
          '@event-driven-io/dumbo',
        ].map((p) => [p, packageVersion(p)]),
      ),
      config: {
        BENCH_SECONDS: SECONDS,
        BENCH_WARMUP_SECONDS: WARMUP_SECONDS,
        BENCH_REPS: REPS,
        BENCH_COPY_N: COPY_N,
        BENCH_SKIP_PGLITE: SKIP_PGLITE,
        BENCH_SKIP_EMMETT: SKIP_EMMETT,
        readPage: READ_PAGE,
      },
      payloadBytes: Buffer.byteLength(PAYLOAD_JSON),
    };
    sanity.push(
      `Total time ${((Date.now() - started) / 60000).toFixed(1)} min; read checksum ${checksum}.`,
    );
    const md = markdown(meta, summary, r, sanity);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      path.join(RESULTS_DIR, 'event-store.json'),
      JSON.stringify({ meta, summary, ratios: r, sanity, scenarios: results }, null, 2) + '\n',
    );
    writeFileSync(path.join(RESULTS_DIR, 'event-store.md'), md);
    log('\n' + md);
    log(
      `written: ${path.relative(ROOT, path.join(RESULTS_DIR, 'event-store.json'))}, ${path.relative(ROOT, path.join(RESULTS_DIR, 'event-store.md'))}`,
    );
  } finally {
    await admin.end();
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
