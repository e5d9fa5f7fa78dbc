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
import { encodePosition } from '@app/event-store';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { TEST_ADMIN_TOKEN, TEST_MASTER_KEY } from '../../test/support/test-app';
import { createTestSchema, TestSchema } from '../../test/support/test-postgres';
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
    await seed(schema, small.id, ACTS / 10);
    await seed(schema, large.id, ACTS);

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

/** Incidents of two acts each, straight into the read model's views, as the projection writes them. */
async function seed(schema: TestSchema, workspaceId: string, acts: number): Promise<void> {
  const incidents = Math.ceil(acts / 2);
  const position = encodePosition(1);
  const id = (what: string) => `md5('${workspaceId}' || '${what}' || g)::uuid`;
  const act = (n: number) =>
    `jsonb_build_object('actId', ${id(`a${n}`)}, 'kind', 'person', 'targetId', ${id(`t${n}`)}, 'category', 'journalist')`;
  await schema.sql.query(
    `INSERT INTO rm_incidents (incident_id, workspace_id, version, status, verified, title, country,
       region, type, family, occurred_date, occurred_precision, month, year, rights,
       legal_articles, tags, main_sources, secondary_sources, target_categories, target_count,
       state, reported_at, updated_at, last_position)
     SELECT ${id('i')}, $1, 1, 'recorded', false, 'Incident ' || g, 'KZ', 'KZ-75', 'detention',
       'liberty_and_justice', '2020-02', 'month', '2020-02', 2020, ARRAY['freedom_of_expression'],
       ARRAY['KZ Criminal Code|174'], ARRAY[]::text[], ARRAY['police'], ARRAY[]::text[],
       ARRAY['journalist'], 2,
       jsonb_build_object('status', 'recorded', 'incidentId', ${id('i')}, 'verified', false,
         'facts', jsonb_build_object('title', 'Incident ' || g, 'description', repeat('A description of what happened. ', 10),
           'country', 'KZ', 'region', 'KZ-75', 'occurred', jsonb_build_object('date', '2020-02', 'precision', 'month'),
           'type', 'detention', 'rights', jsonb_build_array('freedom_of_expression'),
           'legalBasis', jsonb_build_array(jsonb_build_object('instrument', 'KZ Criminal Code', 'article', '174')),
           'tags', jsonb_build_array()),
         'acts', jsonb_build_array(${act(1)}, ${act(2)}),
         'perpetrators', jsonb_build_array(jsonb_build_object('perpetratorId', ${id('p')}, 'source', 'police', 'role', 'main')),
         'sources', jsonb_build_array(jsonb_build_object('sourceId', ${id('s')}, 'title', 'Source ' || g, 'url', 'https://example.org/' || g)),
         'outcomes', jsonb_build_array()),
       now(), now(), $2
     FROM generate_series(1, $3::int) g`,
    [workspaceId, position, incidents],
  );
  for (const n of [1, 2]) {
    await schema.sql.query(
      `INSERT INTO rm_acts (workspace_id, incident_id, known_from_at, year, current, incident_row,
         act_id, target_id, target_kind, target_category, country, region, type, family, month,
         quarter, verification_status, main_sources, secondary_sources, rights, legal_articles,
         tags, known_from)
       SELECT $1, ${id('i')}, now(), 2020, true, ${n === 1}, ${id(`a${n}`)}, ${id(`t${n}`)},
         'person', 'journalist', 'KZ', 'KZ-75', 'detention', 'liberty_and_justice', '2020-02',
         '2020-Q1', 'unverified', ARRAY['police'], ARRAY[]::text[], ARRAY['freedom_of_expression'],
         ARRAY['KZ Criminal Code|174'], ARRAY[]::text[], $2
       FROM generate_series(1, $3::int) g`,
      [workspaceId, position, incidents],
    );
  }
  await schema.sql.query('ANALYZE');
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
