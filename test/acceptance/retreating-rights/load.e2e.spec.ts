import { AddressInfo } from 'node:net';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { startTestApp, TEST_ADMIN_TOKEN, TestApp } from '../../support/test-app';
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

  it('lists the reference figures', async () => {
    const body = await get('/reference-figures');
    expect((body.figures as unknown[]).length).toBe(dataset.referenceFigures.length);
  });
});
