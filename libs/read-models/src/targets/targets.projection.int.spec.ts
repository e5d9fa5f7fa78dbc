import { randomUUID } from 'node:crypto';
import { migrate, SqlClient } from '@app/database';
import { EventStore, RecordedEvent, START } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { untilLogShows } from '../../../../test/support/event-log';
import { createTestSchema, TestSchema } from '../../../../test/support/test-postgres';
import { TargetProjections } from './target-projections.service';
import { TARGET_READ_MODEL_MIGRATIONS } from './targets.migration';
import { projectTargets } from './targets.projection';
import { rebuildTargets } from './targets.rebuild';

const workspaceId = randomUUID();

describe('the persons-and-organisations read model (PostgreSQL)', () => {
  let schema: TestSchema;
  let sql: SqlClient;
  let store: EventStore;
  const person = randomUUID();
  const organisation = randomUUID();

  beforeAll(async () => {
    schema = await createTestSchema('tg');
    sql = schema.sql;
    store = await PostgresEventStore.create(sql);
    await TargetProjections.migrate(sql);
    const meta = { workspaceId, actorId: randomUUID(), correlationId: 'c' };
    await store.append(
      `person-${person}`,
      [
        {
          eventId: randomUUID(),
          type: 'PersonRegistered',
          data: {
            id: person,
            label: 'P-ABC123',
            category: 'journalist',
            country: 'KZ',
            birthYear: 1990,
            aliases: [],
            sealed: 'v1.AAAA',
          },
          metadata: meta,
        },
        {
          eventId: randomUUID(),
          type: 'PersonAmended',
          data: { field: 'category', from: 'journalist', to: 'lawyer', reason: 'reclassified' },
          metadata: meta,
        },
        {
          eventId: randomUUID(),
          type: 'PersonAmended',
          data: { field: 'name', reason: 'typo', sealed: 'v1.BBBB' },
          metadata: meta,
        },
        { eventId: randomUUID(), type: 'PersonErased', data: { reason: 'asked' }, metadata: meta },
      ],
      { expectedVersion: 'no_stream' },
    );
    const last = await store.append(
      `organisation-${organisation}`,
      [
        {
          eventId: randomUUID(),
          type: 'OrganisationRegistered',
          data: { id: organisation, name: 'KIBHR', label: 'KIBHR', category: 'ngo', aliases: [] },
          metadata: meta,
        },
      ],
      { expectedVersion: 'no_stream' },
    );
    // The specs below read the whole log: all of it, then.
    await untilLogShows(store, last.position);
  });
  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });

  const rows = async () =>
    (
      await sql.query(
        `SELECT target_id::text AS id, kind, label, category, country, birth_year, erased, version
           FROM rm_targets ORDER BY kind`,
      )
    ).rows;

  it('keeps codes and the label, never a sealed value or a name, and counts each event once', async () => {
    const events: RecordedEvent[] = [];
    for await (const e of store.readAll({ from: START, categories: ['person', 'organisation'] }))
      events.push(e);
    await sql.transaction((tx) => projectTargets(events.slice(0, 2), tx));
    await sql.transaction((tx) => projectTargets(events, tx)); // the first two again: a replay
    const expected = [
      {
        id: organisation,
        kind: 'organisation',
        label: 'KIBHR',
        category: 'ngo',
        country: null,
        birth_year: null,
        erased: false,
        version: 1,
      },
      {
        id: person,
        kind: 'person',
        label: 'P-ABC123',
        category: 'lawyer',
        country: 'KZ',
        birth_year: 1990,
        erased: true,
        version: 4,
      },
    ];
    expect(await rows()).toEqual(expected);
    const { rows: text } = await sql.query(
      `SELECT count(*)::int AS n FROM rm_targets t WHERE t::text LIKE '%v1.%'`,
    );
    expect(text[0]).toEqual({ n: 0 });

    // A rebuild from position zero ends in the same rows, and moves the checkpoint to the end.
    await sql.query(`UPDATE rm_targets SET label = 'stale'`);
    const result = await rebuildTargets(sql, store);
    expect(result.events).toBe(5);
    expect(await rows()).toEqual(expected);
    expect(
      await new TargetProjections(sql, store, { projectionLeaseMs: 1000 } as never).position(),
    ).toBe(result.position);
  });
});

describe('rm_targets.merged_into on a table that predates it (migration 0002)', () => {
  let schema: TestSchema;
  afterAll(async () => schema?.drop());

  it('is filled from the open merges of the incident read model, and only from those', async () => {
    schema = await createTestSchema('tgm');
    const sql = schema.sql;
    await migrate(sql, 'target_read_model_migrations', TARGET_READ_MODEL_MIGRATIONS.slice(0, 1));
    const [merged, unmerged, kept] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [merged, unmerged, kept]) {
      await sql.query(
        `INSERT INTO rm_targets (target_id, workspace_id, kind, label, version, created_at,
                                 updated_at, last_position)
         VALUES ($1, $2, 'person', 'P-1', 2, now(), now(), '1')`,
        [id, workspaceId],
      );
    }
    // The incident read model's view, as far as the migration reads it.
    await sql.exec(`CREATE TABLE rm_person_merges (workspace_id uuid, person_id uuid, into_id uuid,
                      known_from text, superseded_by text)`);
    await sql.query(
      `INSERT INTO rm_person_merges VALUES ($1, $2, $4, '1', NULL), ($1, $3, $4, '1', '2')`,
      [workspaceId, merged, unmerged, kept],
    );

    await TargetProjections.migrate(sql);

    const { rows } = await sql.query<{ id: string; into: string | null }>(
      'SELECT target_id::text AS id, merged_into::text AS into FROM rm_targets',
    );
    expect(new Map(rows.map((r) => [r.id, r.into]))).toEqual(
      new Map([
        [merged, kept],
        [unmerged, null],
        [kept, null],
      ]),
    );
  });
});
