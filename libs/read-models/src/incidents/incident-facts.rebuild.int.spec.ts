import { randomUUID } from 'node:crypto';
import { SqlClient } from '@app/database';
import { IncidentCommand, incidentDecider, IncidentState } from '@app/domain';
import { EventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { readModelFingerprint } from '../../../../test/support/read-model-fingerprint';
import { sqlBackends } from '../../../../test/support/sql-backends';
import { CheckpointedSubscription } from '../subscription-runner/checkpointed-subscription';
import { activeVersion, projectIncidentFacts } from './incident-facts.projection';
import { rebuildIncidentFacts } from './incident-facts.rebuild';
import {
  INCIDENT_FACTS,
  INCIDENT_FACTS_CATEGORIES,
  IncidentProjections,
} from './incident-projections.service';

const today = '2021-07-14';
const workspaceId = randomUUID();

const backends = sqlBackends('rb');

describe.each(backends)('rebuilding the incident read models on %s', (_, setup) => {
  let sql: SqlClient;
  let close: () => Promise<void>;
  let store: EventStore;
  let live: CheckpointedSubscription;

  beforeAll(async () => {
    ({ sql, close } = await setup());
    store = await PostgresEventStore.create(sql);
    await IncidentProjections.migrate(sql);
    live = new CheckpointedSubscription({
      subscriptionId: INCIDENT_FACTS,
      store,
      sql,
      categories: INCIDENT_FACTS_CATEGORIES,
      handle: projectIncidentFacts,
      leaseMs: 2_000,
      retryMs: 50,
    });
    live.start();
  });
  afterAll(async () => {
    await live.stop();
    await close();
  });

  /** Appends one event to a person's stream, as the merge commands do. */
  const personEvent = (personId: string, type: string, data: object) =>
    store.append(
      `person-${personId}`,
      [{ eventId: randomUUID(), type, data, metadata: { workspaceId } }],
      { expectedVersion: 'any' },
    );

  /**
   * Incidents, each reclassified once; every third one's person is merged into the previous
   * one's, and every sixth merge is undone, so the merges table has open and closed rows.
   */
  async function record(n: number): Promise<void> {
    let previous: string | undefined;
    for (let i = 0; i < n; i++) {
      const incidentId = randomUUID();
      const actId = randomUUID();
      const targetId = randomUUID();
      const commands: IncidentCommand[] = [
        {
          type: 'ReportIncident',
          incidentId,
          today,
          draft: {
            title: `Case ${i}`,
            country: 'KG',
            occurred: { date: '2020-10', precision: 'month' },
            type: 'detention',
            acts: [{ actId, kind: 'person', targetId, category: 'protester' }],
          },
        },
        {
          type: 'CorrectIncident',
          field: 'targetCategory',
          actId,
          value: 'journalist',
          reason: 'reclassified',
          today,
        },
      ];
      let state: IncidentState = incidentDecider.initialState;
      const events = commands.flatMap((c) => {
        const decided = incidentDecider.decide(c, state);
        decided.forEach((e) => (state = incidentDecider.evolve(state, e)));
        return decided;
      });
      await store.append(
        `incident-${incidentId}`,
        events.map((e) => ({
          eventId: randomUUID(),
          type: e.type,
          data: e.data,
          metadata: { workspaceId },
        })),
        { expectedVersion: 'no_stream' },
      );
      if (i % 3 === 2 && previous !== undefined) {
        await personEvent(targetId, 'PersonMerged', { into: previous, reason: 'same person' });
        if (i % 6 === 5) {
          await personEvent(targetId, 'PersonMergeUndone', { into: previous, reason: 'not' });
        }
      }
      previous = targetId;
    }
  }

  async function caughtUp(): Promise<void> {
    const head = await store.headPosition();
    const deadline = Date.now() + 30_000;
    while ((live.position ?? '') < head) {
      if (Date.now() > deadline) throw new Error('live projection did not catch up');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('fills the next version from zero while writes go on, switches, and keeps projecting into it', async () => {
    await record(300);
    await caughtUp();
    const before = await readModelFingerprint(sql);
    const progress: number[] = [];

    const [result] = await Promise.all([
      rebuildIncidentFacts(sql, store, (p) => progress.push(p.events)),
      record(50), // writes during the rebuild
    ]);
    expect(result).toMatchObject({ from: 1, to: 2 });
    expect(progress.length).toBeGreaterThan(0);
    expect(await activeVersion(sql)).toBe(2);
    const { rows } = await sql.query(`SELECT to_regclass('rm_acts_v1') AS old`);
    expect(rows).toEqual([{ old: null }]);

    await record(20); // after the switch, the live projection writes into version 2
    await caughtUp();
    const after = await readModelFingerprint(sql);
    expect(Number(after.acts)).toBe(Number(before.acts) + 70 * 2);
    // Merges at i = 2, 5, 8, … of each batch (300, 50, 20), undone at i = 5, 11, 17, …
    expect(after).toMatchObject({ merges: String(100 + 16 + 6), mergesUndone: String(50 + 8 + 3) });

    // The same as a third build made from position zero.
    const third = await rebuildIncidentFacts(sql, store);
    expect(third).toMatchObject({ from: 2, to: 3 });
    await caughtUp();
    expect(await readModelFingerprint(sql)).toEqual(after);
  });
});
