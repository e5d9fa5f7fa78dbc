import { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { acledDate } from '@app/exports/cases/case-rows';
import { startTestApp, TEST_ADMIN_TOKEN, TestApp } from '../../support/test-app';
import { createTestWorkspace } from '../../support/workspaces';
import {
  httpClient,
  LoadSummary,
  loadRetreatingRights,
} from '../../../tools/demo/load-retreating-rights';
import { readDataset } from '../../../tools/demo/retreating-rights.dataset';

/**
 * Acceptance (issue 7): the whole Retreating Rights dataset loads through the HTTP API in
 * embedded mode (PGlite), a second load records nothing, and the README's demo queries
 * answer with our counts and the reports' own figures beside them.
 */
/** A FeatureCollection of Points (RFC 7946): longitude first, within the world's bounds. */
function expectGeoJson(map: Record<string, unknown>): void {
  expect(map.type).toBe('FeatureCollection');
  const features = map.features as {
    type: string;
    geometry: { type: string; coordinates: number[] };
    properties: unknown;
  }[];
  for (const f of features) {
    expect(f.type).toBe('Feature');
    expect(f.geometry.type).toBe('Point');
    const [lon, lat] = f.geometry.coordinates;
    expect(f.geometry.coordinates).toHaveLength(2);
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    expect(typeof f.properties).toBe('object');
  }
}

describe('the Retreating Rights dataset, loaded through the HTTP API', () => {
  let t: TestApp;
  let api: ReturnType<typeof httpClient>;
  let first: LoadSummary;
  const dataset = readDataset();

  const eventCount = async () => {
    let n = 0;
    for await (const _ of t.app.get<EventStore>(EVENT_STORE).readAll()) n++;
    return n;
  };
  const get = async (path: string) => {
    const { status, body } = await api.send('GET', path);
    expect(status).toBe(200);
    return body as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await startTestApp('pglite');
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    api = httpClient(`http://127.0.0.1:${port}`, TEST_ADMIN_TOKEN);
    first = await loadRetreatingRights(api, dataset);
  }, 300_000);
  afterAll(async () => t?.close());

  it('records every incident, person, organisation, outcome and reference figure', async () => {
    const incidents = dataset.countries.reduce((n, c) => n + c.incidents.length, 0);
    expect(first).toMatchObject({
      incidents,
      persons: dataset.countries.reduce((n, c) => n + c.persons.length, 0),
      organisations: dataset.countries.reduce((n, c) => n + c.organisations.length, 0),
      referenceFigures: dataset.referenceFigures.length,
    });
    expect(incidents).toBeGreaterThanOrEqual(100);
    const stats = await get(`/stats?measure=incidents&after=${first.lastPosition}`);
    expect(stats.total).toBe(incidents);
  });

  it('records nothing new when loaded a second time', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const events = await eventCount();
    const second = await loadRetreatingRights(api, dataset);
    expect(second).toEqual(first);
    expect(await store.headPosition()).toBe(head);
    expect(await eventCount()).toBe(events);
  }, 120_000);

  it('answers the first demo query: acts by country and type', async () => {
    const body = await get(`/stats?measure=acts&groupBy=country,type&after=${first.lastPosition}`);
    const rows = body.rows as { keys: { country: string; type: string }; value: number }[];
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.keys.country))).toEqual(new Set(['KZ', 'KG']));
    const agadil = rows.find((r) => r.keys.country === 'KZ' && r.keys.type === 'death_in_custody');
    expect(agadil?.value).toBe(2);
  });

  it("answers the second demo query: KZ persons by category, with the reports' figures beside", async () => {
    const body = await get(
      `/stats?measure=persons&groupBy=targetCategory&country=KZ&includeReference=true&after=${first.lastPosition}`,
    );
    const rows = body.rows as { keys: { targetCategory: string }; value: number }[];
    expect(rows.length).toBeGreaterThan(0);
    const ours = Object.fromEntries(rows.map((r) => [r.keys.targetCategory, r.value]));
    const reference = body.reference as {
      value: number;
      keys: { targetCategory: string };
      ours: number;
      source: { name: string };
      period: { from: string; to: string };
    }[];
    expect(Object.fromEntries(reference.map((f) => [f.keys.targetCategory, f.value]))).toEqual({
      civil_activist: 482,
      journalist: 64,
      political_activist: 48,
      human_rights_defender: 45,
      lawyer: 24,
      religious_activist: 10,
      public_figure: 6,
      trade_union_activist: 5,
    });
    // Beside each, our own count over the figure's period (2020), not over all years.
    const in2020 = await get(
      `/stats?measure=persons&groupBy=targetCategory&country=KZ&from=2020-01&to=2020-12&after=${first.lastPosition}`,
    );
    const ours2020 = Object.fromEntries(
      (in2020.rows as typeof rows).map((r) => [r.keys.targetCategory, r.value]),
    );
    expect(ours2020).not.toEqual(ours);
    for (const f of reference) {
      expect(f.source.name).toBe('Kadyr-Kasiyet');
      expect(f.period).toEqual({ from: '2020-01', to: '2020-12' });
      expect(f.ours).toBe(ours2020[f.keys.targetCategory] ?? 0);
    }
  });

  it('draws GET /stats by region as GeoJSON, the same counts; the public map suppresses as /public/stats', async () => {
    const after = `after=${first.lastPosition}`;
    const table = await get(`/stats?measure=acts&groupBy=region&${after}`);
    const map = await get(`/stats/map?measure=acts&${after}`);
    expectGeoJson(map);
    const rows = table.rows as { keys: { region: string | null }; value: number }[];
    const features = map.features as { id: string; properties: { value: number } }[];
    expect(Object.fromEntries(features.map((f) => [f.id, f.properties.value]))).toEqual(
      Object.fromEntries(
        rows.filter((r) => r.keys.region !== null).map((r) => [r.keys.region, r.value]),
      ),
    );
    expect(features.length).toBeGreaterThan(3);
    expect(map.total).toBe(table.total);
    expect(map.withoutRegion).toBe(rows.find((r) => r.keys.region === null)?.value ?? 0);

    const workspaceId = (await get('/me')).workspaceId as string;
    await request(t.server)
      .put(`/workspaces/${workspaceId}/public`)
      .set({ Authorization: `Bearer ${TEST_ADMIN_TOKEN}` })
      .send({ enabled: true })
      .expect(200);
    const anonymous = async (path: string) =>
      (await request(t.server).get(path).expect(200)).body as Record<string, unknown>;
    const publicQuery = `workspace=${workspaceId}&measure=acts`;
    const publicTable = await anonymous(`/public/stats?${publicQuery}&groupBy=region`);
    const publicMap = await anonymous(`/public/stats/map?${publicQuery}`);
    expectGeoJson(publicMap);
    const shown = (publicMap.features as { id: string; properties: { value: unknown } }[]).map(
      (f) => [f.id, f.properties.value],
    );
    expect(shown).toEqual(
      (publicTable.rows as { keys: { region: string | null }; value: unknown }[])
        .filter((r) => r.keys.region !== null)
        .map((r) => [r.keys.region, r.value]),
    );
    expect(shown.map(([, value]) => value)).toContain('<5');
  });

  it('lists the reference figures', async () => {
    const body = await get('/reference-figures');
    expect((body.figures as unknown[]).length).toBe(dataset.referenceFigures.length);
  });

  describe('case-level export', () => {
    const exportCsv = async (query: string, auth = t.auth) => {
      const response = await request(t.server)
        .get(`/incidents/export?format=csv&after=${first.lastPosition}&${query}`)
        .set(auth)
        .expect(200);
      const text = response.text.replace(/^\ufeff/, '').replace(/^(#[^\n]*\n)+/, '');
      return {
        text: response.text,
        rows: parse(text, { columns: true }) as Record<string, string>[],
      };
    };

    it('writes the ACLED profile with every event_date by its precision rule', async () => {
      const acled = (await exportCsv('profile=acled')).rows;
      const plain = new Map((await exportCsv('')).rows.map((r) => [r.act_id || r.incident_ref, r]));
      expect(acled.length).toBe(plain.size);
      expect(new Set(acled.map((r) => r.event_id_cnty)).size).toBe(acled.length);
      for (const row of acled) {
        const ours = plain.get(row.act_id || row.incident_id)!;
        const rule = acledDate({ date: ours.date, precision: ours.precision as 'day' });
        expect([row.event_date, row.time_precision, row.date_precision]).toEqual([
          rule.date,
          String(rule.precision),
          ours.precision,
        ]);
        expect(row.event_date).toMatch(
          { day: /^\d{4}-\d\d-\d\d$/, month: /^\d{4}-\d\d-15$/, year: /^\d{4}-07-01$/ }[
            ours.precision as 'day'
          ],
        );
        expect(row.year).toBe(ours.date.slice(0, 4));
      }
      expect(new Set(acled.map((r) => r.date_precision)).size).toBeGreaterThan(1);
    });

    it('imports back into a fresh workspace with the same figures', async () => {
      const { text } = await exportCsv('');
      const fresh = await createTestWorkspace(t.server, 'Round trip', []);
      const auth = { Authorization: `Bearer ${fresh.tokens.admin}` };
      const started = await request(t.server)
        .post('/imports')
        .set(auth)
        .attach('file', Buffer.from(text), 'acts.csv')
        .expect(202);
      let job: { state: string; errors: unknown[] } = { state: 'queued', errors: [] };
      for (let i = 0; i < 1200 && job.state !== 'completed' && job.state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = (await request(t.server).get(`/jobs/${started.body.jobId}`).set(auth)).body;
      }
      expect(job.errors).toEqual([]);
      expect(job.state).toBe('completed');
      const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
      const figures = async (query: string, as: Record<string, string>) => {
        const body = (
          await request(t.server).get(`/stats?${query}&after=${head}`).set(as).expect(200)
        ).body as { rows: { keys: unknown; value: number }[]; total: number };
        return { total: body.total, rows: body.rows.map((r) => [r.keys, r.value]) };
      };
      for (const query of [
        'measure=incidents&groupBy=country,year',
        'measure=acts&groupBy=country,type',
        'measure=acts&groupBy=month',
        'measure=persons&groupBy=targetCategory',
        'measure=organisations&groupBy=country',
        'measure=acts&groupBy=source&sourceRole=any',
        'measure=acts&groupBy=right',
        'measure=incidents&groupBy=region&country=KZ',
      ]) {
        expect([query, await figures(query, auth)]).toEqual([query, await figures(query, t.auth)]);
      }
    }, 120_000);
  });
});
