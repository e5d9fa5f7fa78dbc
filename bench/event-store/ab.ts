// A/B of two versions of our PostgreSQL adapter in one process, interleaved: the current one
// (A = this checkout) against a baseline checkout of libs/event-store/src (B), e.g.
//   git archive <rev> libs/event-store/src | tar -x -C /tmp/base
//   BENCH_AB_BASE=/tmp/base npm run bench:event-store:ab
// On a shared machine two back-to-back runs of bench:event-store drift by ±30% or more; here
// every round runs each scenario on A and on B back to back (order alternating), so load
// changes hit both, and the ratio A÷B is taken per round, then its median.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { PgliteSqlClient, PgPoolSqlClient, SqlClient } from '@app/database';
import { EventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { median, timed } from './common';
import { oursAppendOp } from './ours';

const BASE = process.env.BENCH_AB_BASE;
const SECONDS = Number(process.env.BENCH_SECONDS || 3);
const ROUNDS = Number(process.env.BENCH_REPS || 5);
const READ_MAX = Number(process.env.BENCH_AB_READ_MAX || 100_000);
const BASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'rl_bench_ab';

interface StoreModule {
  PostgresEventStore: { create(sql: SqlClient): Promise<EventStore> };
}

function withDatabase(url: string, database: string, schema?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (schema) u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Variant {
  name: 'A' | 'B';
  store: EventStore;
  pool?: PgPoolSqlClient;
}

async function variants(create: (v: 'A' | 'B') => Promise<SqlClient>): Promise<Variant[]> {
  if (!BASE) throw new Error('BENCH_AB_BASE: the directory holding the baseline libs/event-store');
  const base = (await import(
    path.join(BASE, 'libs/event-store/src/postgres/postgres-event-store.ts')
  )) as StoreModule;
  const [a, b] = [await create('A'), await create('B')];
  return [
    { name: 'A', store: await PostgresEventStore.create(a) },
    { name: 'B', store: await base.PostgresEventStore.create(b) },
  ];
}

type Scenario = { label: string; run: (store: EventStore) => Promise<number> };

function appendScenario(eventsPerCall: number, writers: number, where: string): Scenario {
  return {
    label: `${where} append ${eventsPerCall} ev/call, ${writers} writer(s)`,
    run: async (store) =>
      (
        await timed(
          {
            key: 'ab',
            label: 'ab',
            system: 'ours-pg',
            kind: 'append',
            eventsPerCall,
            writers,
            rep: 1,
          },
          oursAppendOp(store, eventsPerCall),
          { seconds: SECONDS, warmupSeconds: 0.5, log: () => undefined },
        )
      ).eventsPerSecond,
  };
}

function readScenario(where: string): Scenario {
  return {
    label: `${where} readAll (first ${READ_MAX.toLocaleString('en')} events)`,
    run: async (store) => {
      const started = performance.now();
      let n = 0;
      for await (const _ of store.readAll({ maxCount: READ_MAX })) n++;
      return n / ((performance.now() - started) / 1000);
    },
  };
}

async function compare(scenarios: Scenario[], pair: Variant[]): Promise<void> {
  for (const scenario of scenarios) {
    const ratios: number[] = [];
    const rates: Record<string, number[]> = { A: [], B: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? pair : [...pair].reverse();
      for (const v of order) rates[v.name].push(await scenario.run(v.store));
      ratios.push(rates.A[round] / rates.B[round]);
    }
    report(
      `${scenario.label.padEnd(48)} A ${fmt(median(rates.A))} ev/s  B ${fmt(median(rates.B))} ev/s  ` +
        `A÷B median ${median(ratios).toFixed(2)}  per round ${ratios.map((r) => r.toFixed(2)).join(' ')}`,
    );
  }
}

// Printed as it comes, and written to bench/results/event-store-ab.md at the end.
const lines: string[] = [];
function report(line: string): void {
  console.log(line);
  lines.push(line);
}

function writeResults(): void {
  const dir = path.join(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const md = [
    '# Event store A/B (`npm run bench:event-store:ab`)',
    '',
    `${new Date().toISOString()}; A = this checkout, B = the baseline in BENCH_AB_BASE.`,
    '',
    '```',
    ...lines,
    '```',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'event-store-ab.md'), md);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(8);

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  const pools: PgPoolSqlClient[] = [];
  try {
    const server = await variants(async (v) => {
      await admin2(`CREATE SCHEMA ab_${v}`);
      const pool = PgPoolSqlClient.fromUrl(withDatabase(BASE_URL, DATABASE, `ab_${v}`), {
        max: 8,
      });
      pools.push(pool);
      return pool;
    });
    report(`${ROUNDS} rounds of ${SECONDS} s per scenario and version`);
    await compare(
      [
        appendScenario(1, 1, 'PostgreSQL'),
        appendScenario(1, 8, 'PostgreSQL'),
        appendScenario(100, 1, 'PostgreSQL'),
        appendScenario(100, 8, 'PostgreSQL'),
        readScenario('PostgreSQL'),
      ],
      server,
    );
    const lites: PgliteSqlClient[] = [];
    const embedded = await variants(async () => {
      const lite = await PgliteSqlClient.open();
      lites.push(lite);
      return lite;
    });
    await compare(
      [appendScenario(1, 1, 'PGlite'), appendScenario(100, 1, 'PGlite'), readScenario('PGlite')],
      embedded,
    );
    await Promise.all(lites.map((l) => l.close()));
    writeResults();
  } finally {
    await Promise.all(pools.map((p) => p.close()));
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
  }
}

async function admin2(sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(BASE_URL, DATABASE) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
