/**
 * Import throughput on PostgreSQL (issue 5): a generated monitoring sheet of BENCH_ROWS rows
 * through POST /imports (the real API module graph in this process, jobs on the table queue),
 * then the same events appended raw through the event-store port into fresh schemas, two ways:
 * one `append` per stream with 12 writers, and `appendToStreams` in batches of RAW_BATCH
 * streams, 2 in flight (what the import's batches cost without deciding, sealing or HTTP).
 * Rows/s of the import beside events/s (and rows/s) of the bare appends.
 *
 *   npm run bench:import            # BENCH_ROWS=10000
 *   BENCH_ROWS=3000 npm run bench:import
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { loadConfig } from '@app/config';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, StreamAppend } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { monitoringSheet, sheetCsv } from '../../test/acceptance/import/monitoring-sheet';
import { TEST_ADMIN_TOKEN, TEST_MASTER_KEY } from '../../test/support/test-app';
import { createTestSchema } from '../../test/support/test-postgres';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const CONCURRENCY = 12;
const RAW_BATCH = 100;
const BATCHES_IN_FLIGHT = 2;

async function main(): Promise<void> {
  const schema = await createTestSchema('bench_import');
  const raw = await createTestSchema('bench_raw');
  const rawBatched = await createTestSchema('bench_rawb');
  try {
    const config = loadConfig({
      DATABASE_URL: schema.url,
      MASTER_KEY: TEST_MASTER_KEY,
      BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    });
    const ref = await Test.createTestingModule({
      imports: [AppModule.forConfig(config)],
    }).compile();
    const app = ref.createNestApplication<NestExpressApplication>({ logger: false });
    configureHttpApp(app);
    await app.init();
    const auth = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const sheet = monitoringSheet(ROWS);

    const started = performance.now();
    const cpu = process.cpuUsage();
    const res = await request(app.getHttpServer())
      .post('/imports')
      .set(auth)
      .field('dryRun', 'false')
      .attach('file', sheetCsv(sheet.rows), 'bench.csv');
    let job: {
      state: string;
      result: {
        recorded: { acts: number; incidents: number; persons: number; organisations: number };
      };
    };

    for (;;) {
      job = (await request(app.getHttpServer()).get(`/jobs/${res.body.jobId}`).set(auth)).body;
      if (job.state === 'completed' || job.state === 'failed') break;
      // Polled often: a coarse poll would add up to its interval to a run of a few seconds.
      await new Promise((r) => setTimeout(r, 50));
    }
    const importSeconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    // This process runs the API, the job and the projection: near 100% means Node is the limit.
    const importCpu = Math.round((100 * (used.user + used.system)) / 1e6 / importSeconds);

    // The same events, raw: every stream the import wrote, appended again elsewhere.
    const store = app.get<EventStore>(EVENT_STORE);
    const recorded = job.result.recorded as {
      incidents: number;
      persons: number;
      organisations: number;
    };
    const expected = recorded.incidents + recorded.persons + recorded.organisations;
    // readAll shows only what no older open transaction on the server can still precede: wait.
    let streams = new Map<string, RecordedEvent[]>();
    for (let tries = 0; tries < 600; tries++) {
      streams = new Map();
      for await (const e of store.readAll()) {
        if (!['incident', 'person', 'organisation'].includes(e.streamId.split('-')[0])) continue;
        streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
      }
      if (streams.size >= expected) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await app.close();
    const rawStore = await PostgresEventStore.create(raw.sql);
    const list = [...streams];
    const events = list.reduce((n, [, es]) => n + es.length, 0);
    const rawStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < list.length) {
          const [stream, es] = list[next++];
          await rawStore.append(stream, es.map(newEvent), { expectedVersion: 'no_stream' });
        }
      }),
    );
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    await rawStore.close();

    const batchedStore = await PostgresEventStore.create(rawBatched.sql);
    const batches: StreamAppend[][] = [];
    for (let i = 0; i < list.length; i += RAW_BATCH) {
      batches.push(
        list.slice(i, i + RAW_BATCH).map(([streamId, es]) => ({
          streamId,
          events: es.map(newEvent),
          expectedVersion: 'no_stream',
        })),
      );
    }
    const batchedStarted = performance.now();
    let nextBatch = 0;
    await Promise.all(
      Array.from({ length: BATCHES_IN_FLIGHT }, async () => {
        while (nextBatch < batches.length) await batchedStore.appendToStreams(batches[nextBatch++]);
      }),
    );
    const batchedSeconds = (performance.now() - batchedStarted) / 1000;
    await batchedStore.close();

    const lines = [
      `# Import benchmark, ${new Date().toISOString()}`,
      '',
      `Sheet: ${ROWS} rows, ${sheet.expected.incidents} incidents, ${sheet.expected.persons} persons, ${sheet.expected.organisations} organisations, ${sheet.broken.length} broken rows. PostgreSQL, jobs on the table queue (no Redis). The import records batches of 2% of the sheet's incidents (at most 250), each batch's new persons and organisations in one appendToStreams and its incidents in another, 2 batches in flight.`,
      `Machine: ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (1/5/15 min) at the end: other processes share the machine.`,
      '',
      '| what | seconds | rows/s | events/s |',
      '|---|---:|---:|---:|',
      `| import (POST /imports to job completed; ${job.result.recorded.acts} acts, state ${job.state}; Node process CPU ${importCpu}% of a core) | ${importSeconds.toFixed(1)} | ${Math.round(ROWS / importSeconds)} | ${Math.round(events / importSeconds)} |`,
      `| raw append of the same ${events} events in ${list.length} streams, one append per stream, ${CONCURRENCY} writers | ${rawSeconds.toFixed(1)} | ${Math.round(ROWS / rawSeconds)} | ${Math.round(events / rawSeconds)} |`,
      `| raw appendToStreams of the same events, ${RAW_BATCH} streams per call, ${BATCHES_IN_FLIGHT} calls in flight | ${batchedSeconds.toFixed(1)} | ${Math.round(ROWS / batchedSeconds)} | ${Math.round(events / batchedSeconds)} |`,
      '',
      `Import ÷ raw append per stream: ${(rawSeconds / importSeconds).toFixed(2)}. Import ÷ raw batched append (the batch path's ceiling): ${(batchedSeconds / importSeconds).toFixed(2)}. Target: ≥ 2,000 rows/s.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const dir = join(__dirname, '..', 'results');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, `import-${new Date().toISOString().slice(0, 10)}.md`),
      `${lines.join('\n')}\n`,
    );
  } finally {
    await schema.drop();
    await raw.drop();
    await rawBatched.drop();
  }
}

function newEvent(e: RecordedEvent): NewEvent {
  return { eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:import failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
