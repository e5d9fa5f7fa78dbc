/**
 * Memory of the case-level export (GET /incidents/export): BENCH_ACTS synthetic acts (two per
 * incident) written straight into the read model of a fresh PostgreSQL schema, then exported
 * as CSV and as XLSX over HTTP by an analyst, the response read and thrown away as it comes.
 * The API runs in this process: its resident memory is sampled every 10 ms during each export.
 * The same-run baseline is an export of a tenth as many acts: if memory is bounded, the peak
 * growth of the large export is about that of the small one, not ten times it.
 *
 *   npm run bench:case-export            # BENCH_ACTS=100000, heap capped at 192 MB
 *   BENCH_ACTS=20000 npm run bench:case-export
 */
import { AddressInfo } from 'node:net';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { loadConfig } from '@app/config';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { TEST_ADMIN_TOKEN, TEST_MASTER_KEY } from '../../test/support/test-app';
import { seedCaseActs } from '../../test/support/case-acts-seed';
import { createTestSchema } from '../../test/support/test-postgres';
import { createTestWorkspace } from '../../test/support/workspaces';

const ACTS = Number(process.env.BENCH_ACTS ?? 100_000);

async function main(): Promise<void> {
  const schema = await createTestSchema('bench_export');
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
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const small = await createTestWorkspace(app.getHttpServer(), 'Small', ['analyst']);
    const large = await createTestWorkspace(app.getHttpServer(), 'Large', ['analyst']);
    // An export reads where the projection stands: one incident recorded and projected puts
    // it past the first position, where the seeded acts are known from.
    const warmUp = await createTestWorkspace(app.getHttpServer(), 'Warm-up', []);
    await recordOne(base, warmUp.tokens.admin);
    await seedCaseActs(schema.sql, small.id, ACTS / 10);
    await seedCaseActs(schema.sql, large.id, ACTS);

    const rows: string[][] = [];
    for (const format of ['csv', 'xlsx'] as const) {
      for (const [name, ws, acts] of [
        ['baseline', small, ACTS / 10],
        ['measured', large, ACTS],
      ] as const) {
        const run = await exportOnce(base, ws.tokens.analyst, format);
        rows.push([
          format,
          name,
          String(acts),
          String(run.lines),
          (run.bytes / 1e6).toFixed(1),
          run.seconds.toFixed(1),
          (run.peakGrowth / 1e6).toFixed(0),
          (run.peakHeap / 1e6).toFixed(0),
        ]);
      }
    }
    console.log(
      '| format | run | acts | lines (CSV) | MB sent | seconds | peak RSS growth MB | peak heap MB |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    await app.close();
  } finally {
    await schema.drop();
  }
}

async function recordOne(base: string, token: string): Promise<void> {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const recorded = await fetch(`${base}/incidents`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: 'Warm-up',
      country: 'KZ',
      type: 'detention',
      occurred: { date: '2020-02', precision: 'month' },
    }),
  });
  if (recorded.status !== 201) throw new Error(`POST /incidents answered ${recorded.status}`);
  const { position } = (await recorded.json()) as { position: string };
  const seen = await fetch(`${base}/incidents?after=${position}`, { headers });
  if (seen.status !== 200) throw new Error(`GET /incidents answered ${seen.status}`);
}

interface Run {
  lines: number;
  bytes: number;
  seconds: number;
  peakGrowth: number;
  peakHeap: number;
}

async function exportOnce(base: string, token: string, format: 'csv' | 'xlsx'): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 10);
  const started = performance.now();
  const response = await fetch(`${base}/incidents/export?format=${format}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (format === 'csv') for (const b of chunk) if (b === 10) lines++;
  }
  clearInterval(sampler);
  return {
    lines,
    bytes,
    seconds: (performance.now() - started) / 1000,
    peakGrowth: peak - before,
    peakHeap,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
