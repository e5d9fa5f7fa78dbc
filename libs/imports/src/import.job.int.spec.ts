import { createHash, randomUUID } from 'node:crypto';
import { Actor, CommandContext, CommandExecutor } from '@app/application';
import { SqlClient } from '@app/database';
import { EventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { NameIndex, SqlKeyVault, SqlNameIndex, SqlUploadStorage } from '@app/protection';
import { nameBasedUuid } from '@app/application/deterministic-id';
import { monitoringSheet, Row, sheetCsv } from '../../../test/acceptance/import/monitoring-sheet';
import { sqlBackends } from '../../../test/support/sql-backends';
import { IncidentTargets } from '@app/application/incidents/incident-targets';
import {
  ReportIncidentCommand,
  ReportIncidentHandler,
} from '@app/application/incidents/report-incident.handler';
import { ReportIncidentRequestDto } from '@app/application/incidents/report-incident.request.dto';
import { JobContext, JobFailed, JobReleased } from '@app/jobs/job-context';
import { JobRecord, JobRecords } from '@app/jobs/job-records';
import { canonicalJson } from '@app/application/command-request';
import { erasePerson, registerTarget } from '@app/application/targets/target.commands';
import { mergePerson } from '@app/application/targets/person-merge.commands';
import { ImportInput, ImportJob, importUpload, ImportResult } from './import.job';
import { ImportKeys, importKey } from './import-keys';
import { normaliseName, planImport } from './plan-import';
import { readSheet } from './sheet/read-sheet';
import { TEMPLATE_COLUMNS } from './sheet/sheet-columns';

const actor: Actor = {
  userId: '00000000-0000-4000-8000-0000000000aa',
  userName: 'Monitor',
  workspaceId: '00000000-0000-4000-8000-000000000001',
  role: 'monitor',
};
const TODAY = new Date().toISOString().slice(0, 10);

interface Backend {
  sql: SqlClient;
  store: EventStore;
  executor: CommandExecutor;
  vault: SqlKeyVault;
  nameIndex: SqlNameIndex;
  job: ImportJob;
  records: JobRecords;
  uploads: SqlUploadStorage;
  close(): Promise<void>;
}

interface Run {
  result: ImportResult;
  errors: { row: number | null; message: string }[];
  progress: number[];
}

describe.each(sqlBackends('import'))('ImportJob in batches on %s', (_, setup) => {
  const open = async (): Promise<Backend> => {
    const { sql, close } = await setup();
    await JobRecords.migrate(sql);
    await SqlKeyVault.migrate(sql);
    await SqlNameIndex.migrate(sql);
    await SqlUploadStorage.migrate(sql);
    const store = await PostgresEventStore.create(sql);
    const executor = new CommandExecutor(store);
    const vault = new SqlKeyVault(sql, Buffer.alloc(32, 3));
    const nameIndex = new SqlNameIndex(sql, Buffer.alloc(32, 3));
    const records = new JobRecords(sql);
    const uploads = new SqlUploadStorage(sql, Buffer.alloc(32, 3));
    const job = new ImportJob(executor, store, vault, nameIndex, uploads);
    return { sql, store, executor, vault, nameIndex, job, records, uploads, close };
  };

  let db: Backend;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  /** Runs the import of `rows` as job `jobId`; `stopAfter` batches, a shutdown comes. */
  const importRows = async (
    backend: Backend,
    jobId: string,
    rows: readonly Row[],
    stopAfter = Infinity,
    options: Partial<ImportInput> = {},
  ): Promise<Run> => {
    const input: ImportInput = { dryRun: false, format: 'csv', actor, ...options };
    const { record } = await backend.records.create({
      id: jobId,
      workspaceId: actor.workspaceId,
      type: 'import',
      input: input as unknown as Record<string, unknown>,
    });
    await backend.uploads.put(importUpload(record), sheetCsv(rows), 0);
    const progress: number[] = [];
    const context: JobContext = {
      record,
      progress: async (percent) => void progress.push(percent),
      // The first progress (2%) comes before any batch.
      stopping: () => progress.length > stopAfter,
    };
    const outcome = await backend.job.run(context);
    return { ...(outcome as Omit<Run, 'progress'>), progress };
  };

  it('records the sheet in few appends, as many as the commands one by one would record', async () => {
    const sheet = monitoringSheet(600);
    const run = await importRows(db, 'import-batch-1', sheet.rows);

    expect(run.result.recorded).toEqual({
      incidents: sheet.expected.incidents,
      acts: sheet.expected.acts,
      persons: sheet.expected.persons,
      organisations: sheet.expected.organisations,
    });
    expect(run.result.alreadyImported).toEqual({ incidents: 0, acts: 0 });
    expect(run.errors.map((e) => e.row)).toEqual(sheet.broken);
    // Progress never jumps more than 2%.
    const steps = run.progress.slice(1).map((p, i) => p - run.progress[i]);
    expect(Math.max(...steps)).toBeLessThanOrEqual(2);
    expect(run.progress.at(-1)).toBe(99);
    // One transaction per batch of incidents (2% of them), not one each.
    const incidents = await events(db.sql, 'incident');
    expect(incidents).toHaveLength(sheet.expected.incidents);
    expect(new Set(incidents.map((e) => e.tx)).size).toBeLessThan(incidents.length / 4);
  });

  it('re-importing records nothing and finds everything as already imported', async () => {
    const sheet = monitoringSheet(600);
    const before = await events(db.sql);
    const again = await importRows(db, 'import-batch-1-again', sheet.rows);
    expect(again.result.recorded).toEqual({ incidents: 0, acts: 0, persons: 0, organisations: 0 });
    expect(again.result.alreadyImported).toEqual({
      incidents: sheet.expected.incidents,
      acts: sheet.expected.acts,
    });
    expect(again.errors.map((e) => e.row)).toEqual(sheet.broken);
    expect(await events(db.sql)).toHaveLength(before.length);
    // Its own persons, found in the name index now, are no possible duplicates of its names.
    expect(again.result.possibleDuplicatePersons.filter((d) => d.candidates)).toEqual([]);
  });

  it('names recorded persons by id or by the same name, and refuses what it cannot decide', async () => {
    const register = async (name: string, key: string) =>
      (
        await registerTarget(
          { executor: db.executor, vault: db.vault, nameIndex: db.nameIndex },
          'person',
          { details: { name, category: 'journalist' } },
          { actor, correlationId: 'match', idempotencyKey: key, today: TODAY },
        )
      ).id;
    const alone = await register('Жанна Ерлановна', 'match-1');
    await register('Дулат Агадил', 'match-2');
    await register('Dulat Agadil', 'match-3');
    // A duplicate merged into the person kept: rows name the person kept instead.
    const merged = await register('Zhanna Yerlan', 'match-4');
    const store = { executor: db.executor, vault: db.vault, nameIndex: db.nameIndex };
    const nobodyMergedInto = { mergedInto: async () => [] };
    await mergePerson(
      store,
      nobodyMergedInto,
      merged,
      { into: alone, reason: 'same' },
      {
        actor,
        correlationId: 'match',
        idempotencyKey: 'merge-1',
        today: TODAY,
      },
    );
    const row = (ref: string, target: Partial<Row>): Row =>
      ({
        ...Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, ''])),
        incident_ref: ref,
        date: '2021-05-14',
        country: 'KZ',
        type: 'detention',
        title: `Case ${ref}`,
        ...target,
      }) as Row;
    const rows = [
      row('M-1', { target_name: 'Zhanna Yerlanovna', target_category: 'journalist' }),
      row('M-2', { target_name: 'Agadil Dulat', target_category: 'journalist' }),
      row('M-3', { target_id: '00000000-0000-4000-8000-00000000dead' }),
      row('M-4', { target_id: alone }),
      // Another workspace's export names its target by an id unknown here, and by name.
      row('M-5', {
        target_id: '00000000-0000-4000-8000-00000000beef',
        target_name: 'Someone Exported',
        target_category: 'lawyer',
      }),
      row('M-6', { target_id: merged }),
    ];

    const run = await importRows(db, 'import-match', rows, Infinity, { matchPersons: 'same_name' });

    expect(run.errors).toEqual([
      expect.objectContaining({
        row: 3,
        message: expect.stringMatching(/name one of them in target_id/),
      }),
      expect.objectContaining({ row: 4, message: 'no person of this workspace has this id' }),
      expect.objectContaining({
        row: 7,
        message: `names a person merged into ${alone}: name that person instead`,
      }),
    ]);
    expect(run.result.matchedTargets).toEqual([
      { rows: [5], kind: 'person', id: alone, by: 'target_id' },
      { rows: [2], kind: 'person', id: alone, by: 'same_name' },
    ]);
    expect(run.result.recorded).toMatchObject({ incidents: 3, acts: 3, persons: 1 });
    expect(run.result.rowsNotImported).toBe(3);
  });

  it("derives a person's id under the deployment's key: not from her name alone, not the same elsewhere", async () => {
    const row = (ref: string, name: string): Row =>
      ({
        ...Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, ''])),
        incident_ref: ref,
        date: '2022-01-06',
        country: 'KZ',
        type: 'detention',
        title: `Case ${ref}`,
        target_name: name,
        target_category: 'civil_activist',
      }) as Row;
    // What imports used to derive from the name and the workspace's id alone.
    const unkeyedId = (name: string) =>
      nameBasedUuid(
        actor.workspaceId,
        'POST /persons',
        `import-${createHash('sha256')
          .update(`person ${normaliseName(name)}`)
          .digest('hex')
          .slice(0, 48)}`,
        'person',
      );
    const personIds = async (b: Backend) =>
      (await events(b.sql, 'person'))
        .filter((e) => e.type === 'PersonRegistered')
        .map((e) => e.stream_id.slice(-36));
    const targetOf = async (b: Backend, ref: string) => {
      const { rows } = await b.sql.query<{ id: string }>(
        `SELECT data->'acts'->0->>'targetId' AS id FROM es_events
          WHERE event_type = 'IncidentReported' AND data->>'title' = $1`,
        [`Case ${ref}`],
      );
      return rows[0]?.id;
    };
    const a = await open();
    const b = await open();
    try {
      // A person an import registered before ids were keyed: her id is the unkeyed one.
      const earlier = await registerTarget(
        { executor: a.executor, vault: a.vault, nameIndex: a.nameIndex },
        'person',
        { details: { name: 'Saule Earlier' } },
        {
          actor,
          correlationId: 'old',
          idempotencyKey: importKey('person saule earlier'),
          today: TODAY,
        },
      );
      expect(earlier.id).toBe(unkeyedId('Saule Earlier'));

      const sheet = [row('K-1', 'Aigerim  Keyed'), row('K-2', 'Saule Earlier')];
      const first = await importRows(a, 'import-keyed-a', sheet);
      expect(first.errors).toEqual([]);
      expect(first.result.recorded).toMatchObject({ incidents: 2, persons: 1 });
      const keyed = await targetOf(a, 'K-1');
      expect(keyed).toBeDefined();
      expect(keyed).not.toBe(unkeyedId('Aigerim Keyed'));
      expect(await personIds(a)).not.toContain(unkeyedId('Aigerim Keyed'));
      // The stored id stays hers: the sheet's row goes to the person recorded earlier.
      expect(await targetOf(a, 'K-2')).toBe(earlier.id);

      // Idempotent in the workspace: the same name again is the same person, nothing recorded.
      const again = await importRows(a, 'import-keyed-a2', [row('K-3', 'aigerim keyed')]);
      expect(again.result.recorded).toMatchObject({ incidents: 1, persons: 0 });
      expect(await targetOf(a, 'K-3')).toBe(keyed);

      // Another deployment (its own key; the same workspace id and master key): another id.
      await importRows(b, 'import-keyed-b', sheet);
      const elsewhere = await targetOf(b, 'K-1');
      expect(elsewhere).toBeDefined();
      expect(elsewhere).not.toBe(keyed);
      expect(elsewhere).not.toBe(unkeyedId('Aigerim Keyed'));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses the rows that name an erased person again, and indexes her name nowhere', async () => {
    const row = (ref: string): Row =>
      ({
        ...Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c, ''])),
        incident_ref: ref,
        date: '2022-03-01',
        country: 'KZ',
        type: 'detention',
        title: `Case ${ref}`,
        target_name: 'Erin Erasova',
        target_category: 'journalist',
      }) as Row;
    await importRows(db, 'import-erased-1', [row('E-1')]);
    const { rows } = await db.sql.query<{ id: string }>(
      `SELECT data->'acts'->0->>'targetId' AS id FROM es_events
        WHERE event_type = 'IncidentReported' AND data->>'title' = 'Case E-1'`,
    );
    const store = { executor: db.executor, vault: db.vault, nameIndex: db.nameIndex };
    await erasePerson(store, rows[0].id, 'Request of the person', {
      actor,
      correlationId: 'erase',
      today: TODAY,
    });

    const again = await importRows(db, 'import-erased-2', [row('E-2')]);

    expect(again.errors).toEqual([
      expect.objectContaining({
        row: 2,
        message: expect.stringMatching(
          /^names a person erased on \d{4}-.*; an erased person cannot be targeted again$/,
        ),
      }),
    ]);
    expect(again.result.recorded).toMatchObject({ incidents: 0, persons: 0 });
    expect(await db.nameIndex.withAll(actor.workspaceId, 'person', ['erasova'])).toEqual([]);
  });

  it('released by a shutdown between batches, resumes without recording anything twice', async () => {
    const sheet = monitoringSheet(400);
    const rows = sheet.rows.map((r) => ({ ...r, incident_ref: `R-${r.incident_ref}` }));
    const before = (await events(db.sql, 'incident')).length;
    await expect(importRows(db, 'import-released', rows, 3)).rejects.toBeInstanceOf(JobReleased);
    const partly = (await events(db.sql, 'incident')).length - before;
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(sheet.expected.incidents);

    const resumed = await importRows(db, 'import-released', rows);

    expect(resumed.result.alreadyImported.incidents).toBe(partly);
    expect(resumed.result.recorded.incidents + partly).toBe(sheet.expected.incidents);
    expect(resumed.result.recorded.acts + resumed.result.alreadyImported.acts).toBe(
      sheet.expected.acts,
    );
    expect((await events(db.sql, 'incident')).length - before).toBe(sheet.expected.incidents);
  });

  it('refuses an incident imported before with other content, and records the others', async () => {
    const sheet = monitoringSheet(120);
    const rows = sheet.rows.map((r) => ({ ...r, incident_ref: `C-${r.incident_ref}` }));
    await importRows(db, 'import-content-1', rows);
    const changed = rows.findIndex((r, i) => i > 10 && !sheet.broken.includes(i + 2));
    const ref = rows[changed].incident_ref;
    const edited = rows.map((r) =>
      r.incident_ref === ref ? { ...r, description: 'Corrected later' } : r,
    );
    const extra = { ...rows[0], incident_ref: 'C-new-one', title: 'A new incident' };

    const run = await importRows(db, 'import-content-2', [...edited, extra]);

    const refused = run.errors.filter((e) =>
      /imported before with different content/.test(e.message),
    );
    expect(refused.map((e) => e.row)).toEqual([changed + 2]);
    expect(run.result.recorded.incidents).toBe(1);
    expect(run.result.alreadyImported.incidents).toBe(sheet.expected.incidents - 1);
  });

  it('keeps the sheet sealed only while its job runs, unless kept; erasing a person it names deletes it', async () => {
    const sheet = monitoringSheet(120);
    const name = sheet.rows.find((r) => /^Person \d+ Testov$/.test(r.target_name))!.target_name;
    const inClear = async () => {
      const { rows } = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM upload_files
          WHERE position(convert_to($1, 'UTF8') IN content) > 0 OR content::text LIKE $2`,
        [name, `%${Buffer.from(name).toString('hex')}%`],
      );
      return rows[0].n;
    };
    const stored = async () =>
      (await db.sql.query<{ id: string }>('SELECT upload_id AS id FROM upload_files')).rows.map(
        (r) => r.id,
      );
    const input: ImportInput = { dryRun: false, format: 'csv', actor };
    const record = (id: string) =>
      ({ id, workspaceId: actor.workspaceId, input }) as unknown as JobRecord;

    // Not kept: sealed while the job runs, gone with its key when it ends.
    await importRows(db, 'import-upload-once', sheet.rows);
    expect(await stored()).toContain('import-upload-once');
    expect(await inClear()).toBe(0);
    await db.job.ended(record('import-upload-once'));
    expect(await stored()).not.toContain('import-upload-once');
    expect(await db.uploads.get(importUpload(record('import-upload-once')))).toBeUndefined();
    // Run again without it: failed for good, saying why.
    const again = db.job.run({
      record: record('import-upload-once'),
      progress: async () => undefined,
      stopping: () => false,
    });
    await expect(again).rejects.toBeInstanceOf(JobFailed);
    await expect(again).rejects.toMatchObject({
      errors: [expect.objectContaining({ message: expect.stringMatching(/no longer kept/) })],
    });

    // Kept by an admin: past its job's end, linked to the persons it names (registered ids).
    const kept = importUpload(record('import-upload-kept'));
    await importRows(db, 'import-upload-kept', sheet.rows);
    await db.uploads.put(kept, sheetCsv(sheet.rows), 7);
    await db.job.ended(record('import-upload-kept'));
    expect(await db.uploads.get(kept)).toEqual(sheetCsv(sheet.rows));
    const { rows } = await db.sql.query<{ ids: string[] }>(
      `SELECT person_ids AS ids FROM upload_files WHERE upload_id = 'import-upload-kept'`,
    );
    const persons = new Set((await events(db.sql, 'person')).map((e) => e.stream_id.slice(-36)));
    expect(rows[0].ids.length).toBeGreaterThan(0);
    expect(rows[0].ids.filter((id) => !persons.has(id))).toEqual([]);
    // Another person's erasure leaves it; hers deletes it.
    expect(await db.uploads.forgetPersons(actor.workspaceId, [randomUUID()])).toBe(0);
    expect(await db.uploads.forgetPersons(actor.workspaceId, [rows[0].ids[0]])).toBeGreaterThan(0);
    expect(await db.uploads.get(kept)).toBeUndefined();
  });

  it('writes exactly the events the API commands write one by one (same ids, same data)', async () => {
    const sheet = monitoringSheet(60);
    const reference = await open();
    const batched = await open();
    try {
      // Person ids derive under the deployment's key: the reference keys as the batched one.
      await recordOneByOne(reference, 'import-same-ids', sheet.rows, batched.nameIndex);
      const run = await importRows(batched, 'import-same-ids', sheet.rows);
      expect(run.result.recorded.incidents).toBe(sheet.expected.incidents);

      const comparable = async (sql: SqlClient) =>
        (await events(sql)).map(({ tx: _, ...e }) => ({
          ...e,
          // A person's sealed fields differ by key and nonce; everything else must not.
          data: { ...(e.data as object), sealed: undefined },
        }));
      const expected = await comparable(reference.sql);
      expect(expected.length).toBeGreaterThan(sheet.expected.incidents);
      expect(await comparable(batched.sql)).toEqual(expected);
    } finally {
      await reference.close();
      await batched.close();
    }
  });
});

/**
 * What the import did before batches, through the API's command handlers one by one:
 * RegisterPerson / RegisterOrganisation per name, then ReportIncident, keyed as the import keys.
 */
async function recordOneByOne(
  backend: Backend,
  jobId: string,
  rows: readonly Row[],
  keyedBy: NameIndex,
) {
  const plan = planImport(await readSheet(sheetCsv(rows), 'csv'), TODAY);
  const keys = await ImportKeys.for(
    keyedBy,
    actor,
    plan.incidents.flatMap((i) =>
      i.targets.filter((t) => t.kind === 'person').map((t) => normaliseName(t.name!)),
    ),
  );
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const context = (idempotencyKey: string, body?: unknown): CommandContext => ({
    actor,
    correlationId: jobId,
    idempotencyKey,
    ...(body !== undefined && { requestHash: sha256(canonicalJson(body)) }),
    today: TODAY,
  });
  const { executor, vault, nameIndex } = backend;
  const report = new ReportIncidentHandler(
    executor,
    new IncidentTargets(executor, vault, nameIndex),
  );
  const ids = new Map<string, string>();
  for (const incident of plan.incidents) {
    const targets = [];
    for (const t of incident.targets) {
      const key = `${t.kind} ${normaliseName(t.name!)}`;
      if (!ids.has(key)) {
        const answer = await registerTarget(
          { executor, vault, nameIndex },
          t.kind,
          { details: { name: t.name! } },
          context(keys.target(key)),
        );
        ids.set(key, answer.id);
      }
      const id = ids.get(key)!;
      targets.push(
        t.kind === 'person'
          ? { personId: id, category: t.category }
          : { organisationId: id, category: t.category },
      );
    }
    const body = { ...incident.draft, targets } as unknown as ReportIncidentRequestDto;
    await report.execute(
      new ReportIncidentCommand(body, context(importKey(`incident ${incident.key}`), body)),
    );
  }
}

interface StoredRow {
  stream_id: string;
  stream_version: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  tx: string;
}

/**
 * The stored events, straight from the table: readAll shows only transactions older than the
 * oldest one running on the whole server, which suites running beside this one hold back.
 */
async function events(sql: SqlClient, category?: string): Promise<StoredRow[]> {
  const { rows } = await sql.query<StoredRow>(
    `SELECT stream_id, stream_version, event_id, event_type AS type, data, metadata,
            transaction_id::text AS tx
       FROM es_events WHERE $1::text IS NULL OR category = $1
      ORDER BY stream_id, stream_version`,
    [category ?? null],
  );
  return rows;
}
