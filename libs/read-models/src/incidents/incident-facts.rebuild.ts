import { SqlClient } from '@app/database';
import { comparePositions, EventStore, Position, RecordedEvent, START } from '@app/event-store';
import {
  ACT_COLUMNS,
  ActRow,
  FoldSink,
  foldEvent,
  IncidentEntry,
  INCIDENT_COLUMNS,
  IncidentRow,
  incidentRow,
  newEntry,
} from './incident-facts.fold';
import { activeVersion, projectIncidentFacts, retagActs } from './incident-facts.projection';
import { createIndexesSql, createTablesSql, switchViewsSql } from './incident-facts.schema';
import { INCIDENT_FACTS, INCIDENT_FACTS_CATEGORIES } from './incident-projections.service';
import { isIncidentEvent, MergeRowsInMemory } from './person-merges.rows';

export interface RebuildProgress {
  events: number;
  position: Position;
}

export interface RebuildResult extends RebuildProgress {
  from: number;
  to: number;
}

const PAGE = 5_000;
/** Rows per INSERT in the bulk load: one jsonb parameter of a few MB. */
const CHUNK = 10_000;
const SWITCH_ATTEMPTS = 50;

/**
 * Rebuilds the incident read models blue/green: fills the next table version from position
 * zero while the live projection keeps serving, then switches the views in one transaction,
 * holding the live checkpoint's row lock so the live projection cannot commit in between.
 * The live projection then continues into the new version; events it sees twice are skipped
 * by their stream version, so the switch needs no exact alignment.
 *
 * The bulk of the log is folded in memory (the same fold as the live projection), so no row is
 * written twice: superseded rows are final when closed and stream out while the next page is
 * read; current rows and incidents are written at the end, in (workspace, year, month) order,
 * and the indexes are built after the load. What arrives meanwhile is caught up by the live
 * projection's code on the filled tables.
 */
export async function rebuildIncidentFacts(
  sql: SqlClient,
  store: EventStore,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
): Promise<RebuildResult> {
  const from = await activeVersion(sql);
  const to = from + 1;
  await sql.exec(`
    DROP TABLE IF EXISTS rm_acts_v${to};
    DROP TABLE IF EXISTS rm_incidents_v${to};
    DROP TABLE IF EXISTS rm_person_merges_v${to};
    ${createTablesSql(to)}`);

  let { position, events } = await bulkLoad(sql, store, to, onProgress);
  // Each index and ANALYZE is one backend's work: two at a time keep both cores of a small
  // server busy (PGlite, with one connection, runs them in turn).
  await inParallel(
    [
      ...statements(createIndexesSql(to)),
      `ANALYZE rm_acts_v${to}_current`,
      `ANALYZE rm_acts_v${to}_history`,
      `ANALYZE rm_incidents_v${to}`,
      `ANALYZE rm_person_merges_v${to}`,
    ].map((statement) => () => sql.exec(statement)),
    2,
  );

  const catchUp = async () => {
    for (;;) {
      const page = await readPage(store, position);
      if (page.length === 0) return;
      await sql.transaction((tx) => projectIncidentFacts(page, tx, to));
      position = page[page.length - 1].position;
      events += page.length;
      onProgress({ events, position });
      if (page.length < PAGE) return;
    }
  };

  await catchUp();
  for (let attempt = 0; attempt < SWITCH_ATTEMPTS; attempt++) {
    const switched = await sql.transaction(async (tx) => {
      const { rows } = await tx.query<{ position: Position }>(
        'SELECT position FROM subscription_checkpoints WHERE subscription_id = $1 FOR UPDATE',
        [INCIDENT_FACTS],
      );
      const live = rows[0]?.position ?? START;
      if (comparePositions(position, live) < 0) return false; // the live side is ahead: catch up first
      await tx.exec(`${switchViewsSql(to)}
        UPDATE rm_versions SET active = ${to} WHERE projection = '${INCIDENT_FACTS}';`);
      return true;
    });
    if (switched) {
      await sql.exec(`
        DROP TABLE rm_acts_v${from};
        DROP TABLE rm_incidents_v${from};
        DROP TABLE rm_person_merges_v${from};`);
      return { from, to, events, position };
    }
    await catchUp();
  }
  throw new Error(
    `rebuild: the live projection kept moving; switch not done after ${SWITCH_ATTEMPTS} attempts`,
  );
}

async function readPage(store: EventStore, from: Position): Promise<RecordedEvent[]> {
  const page: RecordedEvent[] = [];
  for await (const e of store.readAll({
    from,
    categories: INCIDENT_FACTS_CATEGORIES,
    maxCount: PAGE,
  })) {
    page.push(e);
  }
  return page;
}

/** Folds the whole log in memory and writes every row once; returns where it stopped. */
async function bulkLoad(
  sql: SqlClient,
  store: EventStore,
  to: number,
  onProgress: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> {
  const entries = new Map<string, IncidentEntry>();
  const merges = new MergeRowsInMemory();
  let history: ActRow[] = [];
  const retags = new Map<string, string[]>();
  const sink: FoldSink = {
    close: (row) => history.push(row),
    open: () => undefined,
    retag: (incidentId, tags) => retags.set(incidentId, tags),
  };
  let position = START;
  let events = 0;
  let writing: Promise<void> = Promise.resolve();
  let next = readPage(store, position);
  for (;;) {
    const page = await next;
    if (page.length === 0) break;
    position = page[page.length - 1].position;
    // Read the next page while this one is folded and the previous rows are written.
    next = page.length === PAGE ? readPage(store, position) : Promise.resolve([]);
    next.catch(() => undefined); // a failure surfaces where it is awaited, not as unhandled
    for (const event of page) {
      if (!isIncidentEvent(event)) {
        merges.fold(event);
        continue;
      }
      const id = event.streamId.slice('incident-'.length);
      let entry = entries.get(id);
      if (entry === undefined) entries.set(id, (entry = newEntry(id)));
      foldEvent(entry, event, sink);
    }
    events += page.length;
    if (history.length >= CHUNK) {
      await writing;
      const rows = history;
      history = [];
      writing = insertActs(sql, to, rows);
      writing.catch(() => undefined);
    }
    onProgress({ events, position });
  }
  await writing;
  const lastHistory = inParallel(
    chunks(history, CHUNK, (rows) => insertActs(sql, to, rows)),
    2,
  );

  const current: ActRow[] = [];
  const incidents: IncidentRow[] = [];
  for (const entry of entries.values()) {
    for (const open of entry.open.values()) current.push(open.row);
    if (entry.last !== undefined) incidents.push(incidentRow(entry));
  }
  entries.clear();
  current.sort(byYearAndMonth);
  // Two COPYs in flight: Node encodes the next chunk while the server stores the last one.
  await lastHistory;
  await inParallel(
    [
      ...chunks(current, CHUNK, (rows) => insertActs(sql, to, rows)),
      ...chunks(incidents, CHUNK / 2, (rows) => insertIncidents(sql, to, rows)),
      () => merges.write(sql, to),
    ],
    2,
  );
  // Rows closed before a redaction hold what the log said then: in clear for values stored
  // before free text was sealed. They read as the replacement, as in the live projection.
  await sql.transaction((tx) => retagActs(tx, to, retags));
  return { events, position };
}

function chunks<T>(
  rows: readonly T[],
  size: number,
  write: (rows: readonly T[]) => Promise<void>,
): (() => Promise<void>)[] {
  const tasks: (() => Promise<void>)[] = [];
  for (let i = 0; i < rows.length; i += size) tasks.push(() => write(rows.slice(i, i + size)));
  return tasks;
}

/** Runs the tasks in order, at most `limit` at once; the first failure rejects. */
async function inParallel(
  tasks: readonly (() => Promise<unknown>)[],
  limit: number,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
}

function statements(script: string): string[] {
  return script
    .split(';')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s !== '');
}

function insertActs(sql: SqlClient, to: number, rows: readonly ActRow[]): Promise<void> {
  return sql.copyRows(
    `rm_acts_v${to}`,
    ACT_COLUMNS,
    rows.map((r) => ACT_COLUMNS.map((c) => r[c])),
  );
}

function insertIncidents(sql: SqlClient, to: number, rows: readonly IncidentRow[]): Promise<void> {
  return sql.copyRows(
    `rm_incidents_v${to}`,
    INCIDENT_COLUMNS,
    rows.map((r) => INCIDENT_COLUMNS.map((c) => r[c])),
  );
}

/** The order that keeps a year's current acts on adjacent pages. */
function byYearAndMonth(a: ActRow, b: ActRow): number {
  return (
    compare(a.workspace_id as string, b.workspace_id as string) ||
    (a.year as number) - (b.year as number) ||
    compare((a.month as string | null) ?? '', (b.month as string | null) ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
