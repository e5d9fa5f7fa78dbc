import { SqlExecutor } from '@app/database';
import { IncidentState } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import {
  ACT_COLUMNS,
  ActRow,
  foldEvent,
  IncidentEntry,
  incidentRow,
  INCIDENT_COLUMNS,
  IncidentRow,
  newEntry,
  storedEntry,
} from './incident-facts.fold';
import { isIncidentEvent, projectPersonMerges } from './person-merges.rows';

/**
 * Folds incident events into `rm_incidents` (current state) and `rm_acts` (the fact table
 * with knowledge intervals), and the merges of persons into `rm_person_merges`, set-based: per batch one read of the touched incidents, one
 * UPDATE closing the rows that changed, one INSERT of new rows, one upsert of the incidents.
 * Runs inside the subscription runner's transaction, so the rows and the checkpoint commit
 * together.
 */
export async function projectIncidentFacts(
  events: readonly RecordedEvent[],
  tx: SqlExecutor,
  /** The table version to write; the active one by default (a rebuild writes the next). */
  version?: number,
): Promise<void> {
  const v = version ?? (await activeVersion(tx));
  await projectPersonMerges(events, tx, v);
  const byIncident = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    if (!isIncidentEvent(e)) continue;
    const id = e.streamId.slice('incident-'.length);
    const list = byIncident.get(id);
    if (list === undefined) byIncident.set(id, [e]);
    else list.push(e);
  }
  const stored = await loadIncidents(tx, `rm_incidents_v${v}`, [...byIncident.keys()]);
  const closes: { incident_id: string; act_id: string | null; pos: string; at: string }[] = [];
  const inserts: ActRow[] = [];
  const incidents: IncidentRow[] = [];
  const retags = new Map<string, string[]>();
  const sink = {
    close(row: ActRow, isStored: boolean, event: RecordedEvent) {
      // A row opened in this batch is still in `inserts` and is written closed.
      if (isStored) {
        closes.push({
          incident_id: row.incident_id as string,
          act_id: row.act_id as string | null,
          pos: event.position,
          at: event.recordedAt,
        });
      }
    },
    open(row: ActRow) {
      inserts.push(row);
    },
    retag(incidentId: string, tags: string[]) {
      retags.set(incidentId, tags);
    },
  };

  for (const [incidentId, stream] of byIncident) {
    const before = stored.get(incidentId);
    const entry: IncidentEntry =
      before !== undefined ? storedEntry(incidentId, before) : newEntry(incidentId);
    let changed = false;
    for (const event of stream) changed = foldEvent(entry, event, sink) || changed;
    if (changed) incidents.push(incidentRow(entry));
  }
  await writeFacts(tx, v, closes, inserts, incidents);
  await retagActs(tx, v, retags);
}

/**
 * After the rows of the batch are written: every row of a redacted incident, superseded ones
 * too, holds its replacement tags (the old ones go for good with the table's next rewrite).
 */
export async function retagActs(
  tx: SqlExecutor,
  v: number,
  retags: ReadonlyMap<string, string[]>,
): Promise<void> {
  for (const [incidentId, tags] of retags) {
    await tx.query(`UPDATE rm_acts_v${v} SET tags = $2::text[] WHERE incident_id = $1`, [
      incidentId,
      tags,
    ]);
  }
}

async function writeFacts(
  tx: SqlExecutor,
  v: number,
  closes: { incident_id: string; act_id: string | null; pos: string; at: string }[],
  inserts: ActRow[],
  incidents: IncidentRow[],
): Promise<void> {
  if (closes.length > 0) {
    // Closing moves the row to the history partition.
    await tx.query(
      `UPDATE rm_acts_v${v} a
          SET superseded_by = c.pos, superseded_at = c.at::timestamptz, current = false
         FROM jsonb_to_recordset($1::jsonb) AS c(incident_id uuid, act_id uuid, pos text, at text)
        WHERE a.current AND a.incident_id = c.incident_id
          AND a.act_id IS NOT DISTINCT FROM c.act_id`,
      [JSON.stringify(closes)],
    );
  }
  if (inserts.length > 0) await insertActs(tx, v, inserts);
  if (incidents.length > 0) {
    await tx.query(
      `INSERT INTO rm_incidents_v${v} SELECT * FROM jsonb_populate_recordset(NULL::rm_incidents_v${v}, $1::jsonb)
       ON CONFLICT (incident_id) DO UPDATE SET ${INCIDENT_COLUMNS.filter((c) => c !== 'incident_id')
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}`,
      [JSON.stringify(incidents)],
    );
  }
}

/** One statement for many rows: the rows travel as one jsonb parameter. */
async function insertActs(tx: SqlExecutor, v: number, rows: readonly ActRow[]) {
  await tx.query(
    `INSERT INTO rm_acts_v${v} (${ACT_COLUMNS.join(', ')})
     SELECT ${ACT_COLUMNS.join(', ')} FROM jsonb_populate_recordset(NULL::rm_acts_v${v}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

interface StoredIncident {
  state: IncidentState;
  version: number;
  workspace_id: string;
  reported_at: string;
}

/**
 * The active tables holding incidents' free text, to rewrite without their old row versions
 * once a redaction is projected: `rm_incidents` (title, tags, the folded state), and with
 * `acts` the fact table's partitions (tags).
 */
export async function incidentTextTables(
  sql: SqlExecutor,
  { acts }: { acts: boolean },
): Promise<string[]> {
  const v = await activeVersion(sql);
  const tables = [`rm_incidents_v${v}`];
  if (acts) tables.push(`rm_acts_v${v}_current`, `rm_acts_v${v}_history`);
  return tables;
}

/** The table version the views point at (rm_versions). */
export async function activeVersion(tx: SqlExecutor): Promise<number> {
  const { rows } = await tx.query<{ active: number }>(
    `SELECT active FROM rm_versions WHERE projection = 'incident-facts'`,
  );
  return rows[0].active;
}

async function loadIncidents(
  tx: SqlExecutor,
  table: string,
  ids: string[],
): Promise<Map<string, StoredIncident>> {
  const { rows } = await tx.query<StoredIncident & { incident_id: string }>(
    `SELECT incident_id::text AS incident_id, state, version, workspace_id::text AS workspace_id,
            to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS reported_at
       FROM ${table} WHERE incident_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.incident_id, r]));
}
