import { randomUUID } from 'node:crypto';
import { IncidentCommand, incidentDecider, IncidentEvent, IncidentState } from '@app/domain';
import { collect } from '@app/event-store/event-store.contract';
import { Position } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { INCIDENT_FACTS, IncidentProjections, projectIncidentFacts } from '@app/read-models';
import { AppProcess } from '../../support/api-process';
import { readModelFingerprint } from '../../support/read-model-fingerprint';
import { createTestSchema, TestSchema } from '../../support/test-postgres';

/**
 * A worker killed with SIGKILL during a catch-up and restarted ends with read models identical
 * to a from-scratch rebuild. `npm test` runs it on 20,000 events (the kill still lands between
 * a quarter and the head: the test checks it); the full acceptance size is 100,000 events,
 * `WORKER_CRASH_EVENTS=100000 npm run jest -- test/acceptance/worker-crash` (80 s in CI on a
 * quiet machine, against about 10 s at 20,000).
 */
const EVENTS_PER_INCIDENT = 5; // a report and four reclassifications
const INCIDENTS = Math.ceil(
  Number(process.env.WORKER_CRASH_EVENTS ?? 20_000) / EVENTS_PER_INCIDENT,
);
const today = '2021-07-14';
const workspaceId = randomUUID();
const CATEGORIES = [
  'civil_activist',
  'journalist',
  'lawyer',
  'political_activist',
  'human_rights_defender',
];

describe('a worker killed during catch-up', () => {
  let live: TestSchema;
  let rebuilt: TestSchema;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    live = await createTestSchema('crash');
    rebuilt = await createTestSchema('rebuild');
  });
  afterAll(async () => {
    await worker?.stop();
    await live?.drop();
    await rebuilt?.drop();
  });

  /** One incident's five events, decided by the domain as the API would. */
  function incidentEvents(i: number): IncidentEvent[] {
    const incidentId = randomUUID();
    const actId = randomUUID();
    const commands: IncidentCommand[] = [
      {
        type: 'ReportIncident',
        incidentId,
        today,
        draft: {
          title: `Case ${i}`,
          country: 'KZ',
          occurred: { date: `2020-${String((i % 12) + 1).padStart(2, '0')}`, precision: 'month' },
          type: 'detention',
          acts: [{ actId, kind: 'person', targetId: randomUUID(), category: CATEGORIES[0] }],
          perpetrators: [{ perpetratorId: randomUUID(), source: 'police', role: 'main' }],
        },
      },
      ...CATEGORIES.slice(1).map((value): IncidentCommand => ({
        type: 'CorrectIncident',
        field: 'targetCategory',
        actId,
        value,
        reason: 'reclassified',
        today,
      })),
    ];
    let state: IncidentState = incidentDecider.initialState;
    return commands.flatMap((command) => {
      const events = incidentDecider.decide(command, state);
      events.forEach((e) => (state = incidentDecider.evolve(state, e)));
      return events;
    });
  }

  async function checkpoint(): Promise<Position> {
    const { rows } = await live.sql.query<{ position: Position }>(
      'SELECT position FROM subscription_checkpoints WHERE subscription_id = $1',
      [INCIDENT_FACTS],
    );
    return rows[0]?.position ?? ('' as Position);
  }

  async function until(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline)
        throw new Error(`${what}: not reached within ${ms} ms\n${worker?.stderr ?? ''}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('resumes from its checkpoint and matches a rebuild from position zero', async () => {
    const store = await PostgresEventStore.create(live.sql);
    await IncidentProjections.migrate(live.sql);
    // INCIDENTS × 5 events, appended by 8 writers.
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < INCIDENTS) {
          const i = next++;
          const events = incidentEvents(i);
          const incidentId = (events[0].data as { incidentId: string }).incidentId;
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
        }
      }),
    );
    const head = await store.headPosition();

    const env = { DATABASE_URL: live.url, PROJECTION_LEASE_SECONDS: '2' };
    worker = AppProcess.start('apps/worker/src/main.ts', env);
    // Kill it in the middle of the catch-up: past a quarter of the events, short of the head.
    const quarterCount = (INCIDENTS * EVENTS_PER_INCIDENT) / 4;
    const quarter = (await collect(store.readAll({ maxCount: quarterCount }))).at(-1)!.position;
    await until('a quarter projected', async () => (await checkpoint()) >= quarter, 60_000);
    const killedAt = await checkpoint();
    worker.kill('SIGKILL');
    await worker.exited;
    expect(killedAt < head).toBe(true); // really mid-way, or the test proves nothing

    worker = AppProcess.start('apps/worker/src/main.ts', env);
    await until('caught up after the restart', async () => (await checkpoint()) === head, 120_000);
    await worker.stop();

    // The rebuild: every event from position zero, projected afresh into another schema.
    await IncidentProjections.migrate(rebuilt.sql);
    const all = await collect(store.readAll({ categories: ['incident'] }));
    expect(all).toHaveLength(INCIDENTS * EVENTS_PER_INCIDENT);
    for (let i = 0; i < all.length; i += 1000) {
      await rebuilt.sql.transaction((tx) => projectIncidentFacts(all.slice(i, i + 1000), tx));
    }
    const a = await readModelFingerprint(live.sql);
    const b = await readModelFingerprint(rebuilt.sql);
    expect(a.acts).toBe(String(INCIDENTS * EVENTS_PER_INCIDENT));
    expect(a.incidents).toBe(String(INCIDENTS));
    expect(a).toEqual(b);
  }, 600_000);
});
