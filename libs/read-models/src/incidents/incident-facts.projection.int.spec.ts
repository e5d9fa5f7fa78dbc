import { randomUUID } from 'node:crypto';
import { SqlClient } from '@app/database';
import { IncidentCommand, incidentDecider, IncidentEvent, IncidentState } from '@app/domain';
import { collect } from '@app/event-store/event-store.contract';
import { EventStore, Position, RecordedEvent } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { untilLogShows } from '../../../../test/support/event-log';
import { sqlBackends } from '../../../../test/support/sql-backends';
import { GetStatsQuery } from '../statistics/get-stats.query';
import { statsSql } from '../statistics/get-stats.handler';
import { INCIDENT_FACTS_CATEGORIES, IncidentProjections } from './incident-projections.service';
import { projectIncidentFacts } from './incident-facts.projection';

const today = '2021-07-14';
const workspaceId = randomUUID();

const backends = sqlBackends('rm');

describe.each(backends)('incident facts projection on %s', (_, setup) => {
  let sql: SqlClient;
  let close: () => Promise<void>;
  let store: EventStore;
  let projected: Position = '' as Position;
  /** Where the last append ended: project() goes at least that far. */
  let appended: Position = '' as Position;

  beforeAll(async () => {
    ({ sql, close } = await setup());
    store = await PostgresEventStore.create(sql);
    await IncidentProjections.migrate(sql);
  });
  afterAll(() => close());

  /** Decides and appends, as the command executor does. */
  async function run(incidentId: string, ...commands: IncidentCommand[]): Promise<Position> {
    const stream = `incident-${incidentId}`;
    const history = await collect(store.readStream(stream));
    let state: IncidentState = history.reduce(
      (s, e) => incidentDecider.evolve(s, { type: e.type, data: e.data } as IncidentEvent),
      incidentDecider.initialState,
    );
    let version = history.length;
    let position = '' as Position;
    for (const command of commands) {
      const events = incidentDecider.decide(command, state);
      const result = await store.append(
        stream,
        events.map((e) => ({
          eventId: randomUUID(),
          type: e.type,
          data: e.data,
          metadata: { workspaceId },
        })),
        { expectedVersion: version === 0 ? 'no_stream' : version },
      );
      events.forEach((e) => (state = incidentDecider.evolve(state, e)));
      version = result.nextVersion;
      position = result.position;
    }
    appended = position;
    return position;
  }

  /**
   * Projects everything new in one batch (one transaction), as the runner does, once the log
   * shows the last append (another writer on the shared server can hold reads back).
   */
  async function project(): Promise<RecordedEvent[]> {
    await untilLogShows(store, appended, projected);
    const events = await collect(
      store.readAll({ from: projected, categories: INCIDENT_FACTS_CATEGORIES }),
    );
    if (events.length > 0) {
      await sql.transaction((tx) => projectIncidentFacts(events, tx));
      projected = events[events.length - 1].position;
    }
    return events;
  }

  const report = (incidentId: string, categories: string[]): IncidentCommand => ({
    type: 'ReportIncident',
    incidentId,
    today,
    draft: {
      title: 'Detentions after the memorial for Dulat Agadil',
      country: 'KZ',
      occurred: { date: '2020-02', precision: 'month' },
      type: 'administrative_arrest',
      rights: ['freedom_of_peaceful_assembly'],
      acts: categories.map((category) => ({
        actId: randomUUID(),
        kind: 'person',
        targetId: randomUUID(),
        category,
      })),
      perpetrators: [
        { perpetratorId: randomUUID(), source: 'police', role: 'main' },
        { perpetratorId: randomUUID(), source: 'court', role: 'secondary' },
      ],
    },
  });

  async function acts(
    incidentId: string,
    asOf?: Position,
  ): Promise<{ category: string | null; month: string | null }[]> {
    const { rows } = await sql.query<{ category: string | null; month: string | null }>(
      `SELECT target_category AS category, month FROM rm_acts WHERE incident_id = $1
         AND ${asOf === undefined ? 'superseded_by IS NULL' : 'known_from <= $2 AND (superseded_by IS NULL OR superseded_by > $2)'}
       ORDER BY target_category`,
      asOf === undefined ? [incidentId] : [incidentId, asOf],
    );
    return rows;
  }

  it('opens one row per act with its dimensions', async () => {
    const id = randomUUID();
    await run(id, report(id, ['civil_activist', 'journalist']));
    await project();
    expect(await acts(id)).toEqual([
      { category: 'civil_activist', month: '2020-02' },
      { category: 'journalist', month: '2020-02' },
    ]);
    const { rows } = await sql.query<Record<string, unknown>>(
      'SELECT family, year, quarter, main_sources, secondary_sources, verification_status FROM rm_acts WHERE incident_id = $1 LIMIT 1',
      [id],
    );
    expect(rows[0]).toEqual({
      family: 'liberty_and_justice',
      year: 2020,
      quarter: '2020-Q1',
      main_sources: ['police'],
      secondary_sources: ['court'],
      verification_status: 'unverified',
    });
  });

  it('a reclassification closes the old version: as of before it, the old category; now, the new one', async () => {
    const id = randomUUID();
    const before = await run(id, report(id, ['civil_activist']));
    await project();
    const reported = (await collect(store.readStream(`incident-${id}`)))[0].data as {
      acts: { actId: string }[];
    };
    await run(id, {
      type: 'CorrectIncident',
      field: 'targetCategory',
      actId: reported.acts[0].actId,
      value: 'lawyer',
      reason: 'reclassified',
      today,
    });
    await project();
    expect(await acts(id)).toEqual([{ category: 'lawyer', month: '2020-02' }]);
    expect(await acts(id, before)).toEqual([{ category: 'civil_activist', month: '2020-02' }]);
  });

  /** Every version of the incident's rows, oldest first. */
  async function versions(incidentId: string) {
    const { rows } = await sql.query<{ category: string; known_from: string; current: boolean }>(
      `SELECT target_category AS category, known_from, current FROM rm_acts
        WHERE incident_id = $1 ORDER BY known_from, target_category`,
      [incidentId],
    );
    return rows;
  }

  it('attaching a source changes no dimension, so it opens no new version', async () => {
    const id = randomUUID();
    await run(id, report(id, ['civil_activist', 'journalist']));
    await project();
    const before = await versions(id);
    await run(id, {
      type: 'AttachSource',
      source: { sourceId: 's-1', title: 'Kadyr-Kasiyet monthly monitoring, February 2020' },
      today,
    });
    await project();
    expect(await versions(id)).toEqual(before);
  });

  it('reclassifying one act re-versions that act only; the others keep when they became known', async () => {
    const id = randomUUID();
    await run(id, report(id, ['civil_activist', 'journalist']));
    await project();
    const [first] = await versions(id);
    const reported = (await collect(store.readStream(`incident-${id}`)))[0].data as {
      acts: { actId: string; category: string }[];
    };
    const journalist = reported.acts.find((a) => a.category === 'journalist')!;
    const corrected = await run(id, {
      type: 'CorrectIncident',
      field: 'targetCategory',
      actId: journalist.actId,
      value: 'lawyer',
      reason: 'reclassified',
      today,
    });
    await project();
    expect(await versions(id)).toEqual([
      { category: 'civil_activist', known_from: first.known_from, current: true },
      { category: 'journalist', known_from: first.known_from, current: false },
      { category: 'lawyer', known_from: corrected, current: true },
    ]);
  });

  it('marks one row per incident at every point, even when the act whose row it was is removed', async () => {
    const id = randomUUID();
    const reportedAt = await run(id, report(id, ['civil_activist', 'journalist', 'lawyer']));
    await project();
    const reported = (await collect(store.readStream(`incident-${id}`)))[0].data as {
      acts: { actId: string; category: string }[];
    };
    const removedAt = await run(id, {
      type: 'RemoveTarget',
      actId: reported.acts[0].actId,
      reason: 'recorded_in_error',
    });
    await project();
    const standing = async (asOf?: Position) =>
      (
        await sql.query<{ category: string }>(
          `SELECT target_category AS category FROM rm_acts WHERE incident_id = $1 AND incident_row
             AND ${asOf === undefined ? 'current' : 'known_from <= $2 AND (current OR superseded_by > $2)'}`,
          asOf === undefined ? [id] : [id, asOf],
        )
      ).rows.map((r) => r.category);
    expect(await standing(reportedAt)).toEqual(['civil_activist']);
    expect(await standing(removedAt)).toEqual(['journalist']);
    expect(await standing()).toEqual(['journalist']);
  });

  it('retraction and duplicate marks close every row; undoing the mark reopens them', async () => {
    const retracted = randomUUID();
    await run(retracted, report(retracted, ['lawyer']));
    const dup = randomUUID();
    await run(dup, report(dup, ['journalist']));
    await project();
    const beforeChanges = projected;
    await run(retracted, { type: 'RetractIncident', reason: 'recorded_in_error' });
    await run(dup, { type: 'MarkDuplicate', incidentId: dup, duplicateOf: retracted });
    await project();
    expect(await acts(retracted)).toEqual([]);
    expect(await acts(dup)).toEqual([]);
    expect(await acts(retracted, beforeChanges)).toHaveLength(1);
    await run(dup, { type: 'UndoDuplicate' });
    await project();
    expect(await acts(dup)).toEqual([{ category: 'journalist', month: '2020-02' }]);
    const { rows } = await sql.query<{ status: string }>(
      'SELECT status FROM rm_incidents WHERE incident_id = $1',
      [retracted],
    );
    expect(rows).toEqual([{ status: 'retracted' }]);
  });

  it('keeps intermediate versions when several events of one incident share a batch', async () => {
    const id = randomUUID();
    const first = await run(id, report(id, ['civil_activist']));
    const reported = (await collect(store.readStream(`incident-${id}`)))[0].data as {
      acts: { actId: string }[];
    };
    const second = await run(id, {
      type: 'CorrectIncident',
      field: 'targetCategory',
      actId: reported.acts[0].actId,
      value: 'lawyer',
      reason: 'reclassified',
      today,
    });
    await run(id, {
      type: 'CorrectIncident',
      field: 'targetCategory',
      actId: reported.acts[0].actId,
      value: 'journalist',
      reason: 'reclassified',
      today,
    });
    await project(); // all three events in one batch
    expect(await acts(id, first)).toEqual([{ category: 'civil_activist', month: '2020-02' }]);
    expect(await acts(id, second)).toEqual([{ category: 'lawyer', month: '2020-02' }]);
    expect(await acts(id)).toEqual([{ category: 'journalist', month: '2020-02' }]);
  });

  it('counts an incident without targets once, and a year-precise one in no month', async () => {
    const id = randomUUID();
    const command = report(id, []);
    if (command.type === 'ReportIncident')
      command.draft.occurred = { date: '2020', precision: 'year' };
    await run(id, command);
    await project();
    expect(await acts(id)).toEqual([{ category: null, month: null }]);
  });

  it('projecting the same events again changes nothing (a replay)', async () => {
    const id = randomUUID();
    await run(id, report(id, ['civil_activist', 'lawyer']));
    const events = await project();
    const count = async () =>
      (await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM rm_acts')).rows[0].n;
    const before = await count();
    await sql.transaction((tx) => projectIncidentFacts(events, tx));
    expect(await count()).toBe(before);
  });

  it('folds the merge of a person and its undo: as of each position, the persons then', async () => {
    const id = randomUUID();
    await run(id, report(id, ['civil_activist', 'journalist']));
    const [kept, duplicate] = (
      (await collect(store.readStream(`incident-${id}`)))[0].data as {
        acts: { targetId: string }[];
      }
    ).acts.map((a) => a.targetId);
    const personEvent = async (type: string, data: object) =>
      (
        await store.append(
          `person-${duplicate}`,
          [{ eventId: randomUUID(), type, data, metadata: { workspaceId } }],
          { expectedVersion: 'any' },
        )
      ).position;
    // Other person events change no figure and open no row.
    await personEvent('PersonAmended', { field: 'gender', from: null, to: 'female' });
    const before = (await project()).at(-1)!.position;
    const merged = await personEvent('PersonMerged', { into: kept, reason: 'same person' });
    const mergeEvents = await project();
    const undone = await personEvent('PersonMergeUndone', { into: kept, reason: 'not the same' });
    await project();

    const persons = async (position?: Position) => {
      const asOf =
        position === undefined
          ? { kind: 'current' as const }
          : { kind: 'position' as const, position };
      const query = new GetStatsQuery(
        workspaceId,
        'persons',
        [],
        { sourceRole: 'any' },
        asOf,
        undefined,
      );
      const { sql: text, values } = statsSql(query);
      return (await sql.query<{ value: number }>(text, values)).rows[0].value;
    };
    const now = await persons();
    expect(await persons(before)).toBe(now);
    expect(await persons(merged)).toBe(now - 1);
    expect(await persons(undone)).toBe(now);
    const rows = async () =>
      (
        await sql.query(
          `SELECT into_id::text, known_from, superseded_by FROM rm_person_merges WHERE person_id = $1`,
          [duplicate],
        )
      ).rows;
    expect(await rows()).toEqual([{ into_id: kept, known_from: merged, superseded_by: undone }]);

    // Delivered again (around a rebuild's switch), the merge changes nothing.
    await sql.transaction((tx) => projectIncidentFacts(mergeEvents, tx));
    expect(await rows()).toEqual([{ into_id: kept, known_from: merged, superseded_by: undone }]);
  });
});
