import { randomUUID } from 'node:crypto';
import { PgliteSqlClient } from '@app/database';
import { EventStore, NewEvent, RecordedEvent } from '@app/event-store';
import { eventStoreContract } from '@app/event-store/event-store.contract';
import { PostgresEventStore } from '@app/event-store/postgres';
import { SqlIncidentTextKeys } from '@app/protection';
import { openTestPglite } from '../../../../test/support/pglite-template';
import { SealedTextEventStore } from './sealed-text-event-store';

const MASTER = Buffer.alloc(32, 3);
const WORKSPACE = '00000000-0000-4000-8000-00000000000a';

async function sealedStore(sql: PgliteSqlClient) {
  const raw = await PostgresEventStore.create(sql);
  await SqlIncidentTextKeys.migrate(sql);
  return { raw, store: new SealedTextEventStore(raw, new SqlIncidentTextKeys(sql, MASTER)) };
}

// The decorator must keep every promise of the port (order, live reads, aborts, batches).
eventStoreContract('sealed text over PGlite', async () => {
  const sql = await openTestPglite();
  const { store } = await sealedStore(sql);
  return { store, close: () => sql.close() };
});

describe('incident free text, sealed in the log and opened for readers', () => {
  let sql: PgliteSqlClient;
  let raw: EventStore;
  let store: EventStore;
  const incidentId = randomUUID();
  const stream = `incident-${incidentId}`;
  const event = (type: string, data: unknown): NewEvent => ({
    eventId: randomUUID(),
    type,
    data,
    metadata: { workspaceId: WORKSPACE },
  });
  const all = async (events: AsyncIterable<RecordedEvent>) => {
    const out: RecordedEvent[] = [];
    for await (const e of events) out.push(e);
    return out;
  };
  const reported = {
    incidentId,
    title: 'Summons of Marker Titleova',
    description: 'Marker Descova was summoned',
    country: 'KZ',
    place: 'Marker street 5',
    occurred: { date: '2021-03', precision: 'month' },
    type: 'summons',
    rights: [],
    legalBasis: [],
    tags: ['campaign-2021', 'Marker Tagova'],
    acts: [],
    perpetrators: [],
    sources: [{ sourceId: randomUUID(), title: 'Marker Sourceova interview' }],
  };

  beforeAll(async () => {
    sql = await openTestPglite();
    ({ raw, store } = await sealedStore(sql));
  });
  afterAll(() => sql.close());

  it('stores ciphertext only, and readers get the text back', async () => {
    await store.append(stream, [event('IncidentReported', reported)], { expectedVersion: 0 });
    await store.append(
      stream,
      [
        event('IncidentCorrected', {
          field: 'title',
          from: reported.title,
          to: 'Marker Later',
          reason: 'typo',
        }),
      ],
      { expectedVersion: 1 },
    );
    const stored = JSON.stringify(await all(raw.readStream(stream)));
    expect(stored).not.toMatch(/Marker/);
    expect(stored).toContain('"country":"KZ"'); // codes stay in clear
    const [report, correction] = await all(store.readStream(stream));
    expect(report.data).toEqual(reported);
    expect(correction.data).toMatchObject({ from: reported.title, to: 'Marker Later' });
    // The same through the global reads projections use.
    const opened = (await all(store.readAll({ categories: ['incident'] }))).filter(
      (e) => e.streamId === stream,
    );
    expect(opened[0].data).toEqual(reported);
  });

  it('a redaction makes every earlier version of its fields read as the replacement, and only those', async () => {
    // A value stored in clear before sealing existed: counted, and left as it is.
    await raw.append(
      stream,
      [
        event('IncidentCorrected', {
          field: 'title',
          from: 'Marker Later',
          to: 'Marker Plain',
          reason: 'typo',
        }),
      ],
      { expectedVersion: 2 },
    );
    await store.append(
      stream,
      [
        event('IncidentRedacted', {
          fields: ['title', 'tags'],
          reason: 'names a person',
          replacements: { title: 'Summons', tags: ['redacted tag'] },
        }),
      ],
      { expectedVersion: 3 },
    );
    const [report, correction, plain, redaction] = await all(store.readStream(stream));
    expect(report.data).toMatchObject({
      title: 'Summons',
      tags: ['redacted tag'],
      description: reported.description,
      place: reported.place,
      sources: reported.sources,
    });
    expect(correction.data).toMatchObject({ from: 'Summons', to: 'Summons' });
    expect(plain.data).toMatchObject({ from: 'Marker Later', to: 'Marker Plain' });
    expect(redaction.data).toMatchObject({
      replacements: { title: 'Summons', tags: ['redacted tag'] },
      unsealedVersionsInLog: 2,
    });
    // A later value of the field is sealed under the new generation and readable.
    await store.append(
      stream,
      [
        event('IncidentCorrected', {
          field: 'title',
          from: 'Summons',
          to: 'Summons again',
          reason: 'typo',
        }),
      ],
      { expectedVersion: 4 },
    );
    expect((await all(store.readStream(stream)))[4].data).toMatchObject({ to: 'Summons again' });
    // A second redaction of the field: the first replacement goes too.
    await store.append(
      stream,
      [
        event('IncidentRedacted', {
          fields: ['title'],
          reason: 'again',
          replacements: { title: 'X' },
        }),
      ],
      { expectedVersion: 5 },
    );
    const titles = (await all(store.readStream(stream))).map(
      (e) => e.data as { title?: string; to?: string; replacements?: { title?: string } },
    );
    expect([titles[0].title, titles[3].replacements?.title, titles[4].to]).toEqual(['X', 'X', 'X']);
    const { rows } = await sql.query<{ live: number }>(
      `SELECT count(*)::int AS live FROM incident_text_keys
        WHERE incident_id = $1 AND field = 'title' AND wrapped_key IS NOT NULL`,
      [incidentId],
    );
    expect(rows[0].live).toBe(1);
  });

  it('carries out a redaction whose writer stopped before destroying the keys, at the first read', async () => {
    const id = randomUUID();
    const other = `incident-${id}`;
    await store.append(other, [event('IncidentReported', { ...reported, incidentId: id })], {
      expectedVersion: 0,
    });
    // What the store writes for a redaction, without the destruction that follows it.
    const keys = new SqlIncidentTextKeys(sql, MASTER);
    const ring = await keys.nextGeneration({
      workspaceId: WORKSPACE,
      incidentId: id,
      field: 'title',
    });
    const replacements = { title: ring.seal(id, 'title', 'Summons') };
    await raw.append(
      other,
      [event('IncidentRedacted', { fields: ['title'], reason: 'r', replacements })],
      { expectedVersion: 1 },
    );
    const [report] = await all(store.readStream(other));
    expect(report.data).toMatchObject({ title: 'Summons', description: reported.description });
    const { rows } = await sql.query<{ live: number }>(
      `SELECT count(*)::int AS live FROM incident_text_keys
        WHERE incident_id = $1 AND field = 'title' AND wrapped_key IS NOT NULL`,
      [id],
    );
    expect(rows[0].live).toBe(1);
  });

  it('refuses a redaction appended against a stale version, destroying nothing', async () => {
    const before = await all(store.readStream(stream));
    await expect(
      store.append(
        stream,
        [
          event('IncidentRedacted', {
            fields: ['description'],
            reason: 'r',
            replacements: { description: 'D' },
          }),
        ],
        { expectedVersion: 1 },
      ),
    ).rejects.toThrow();
    expect(await all(store.readStream(stream))).toEqual(before);
  });
});
