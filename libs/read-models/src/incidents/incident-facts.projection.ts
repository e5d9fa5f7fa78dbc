import { SqlExecutor } from '@app/database';
import {
  familyOf,
  IncidentEvent,
  incidentDecider,
  IncidentState,
  IncidentType,
  monthOf,
  quarterOf,
  yearOf,
} from '@app/domain';
import { RecordedEvent } from '@app/event-store';

/**
 * Folds incident events into `rm_incidents` (current state) and `rm_acts` (the fact table
 * with knowledge intervals), set-based: per batch one read of the touched incidents, one
 * UPDATE closing their open rows, one INSERT of new rows, one upsert of the incidents.
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
  const acts = `rm_acts_v${v}`;
  const incidentsTable = `rm_incidents_v${v}`;
  const byIncident = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    const id = e.streamId.slice('incident-'.length);
    byIncident.set(id, [...(byIncident.get(id) ?? []), e]);
  }
  const stored = await loadIncidents(tx, incidentsTable, [...byIncident.keys()]);
  const closes: { incident_id: string; pos: string; at: string }[] = [];
  const inserts: ActRow[] = [];
  const incidents: IncidentRow[] = [];

  for (const [incidentId, stream] of byIncident) {
    const before = stored.get(incidentId);
    let state = before?.state ?? incidentDecider.initialState;
    let version = before?.version ?? 0;
    let open: ActRow[] = []; // rows opened in this batch and still open
    let hadOpenRows = before !== undefined && countsNow(before.state);
    let first = before?.reported_at;
    let workspaceId = before?.workspace_id;
    let last: RecordedEvent | undefined;
    for (const event of stream) {
      if (event.streamVersion <= version) continue; // already projected (a replay)
      state = incidentDecider.evolve(state, {
        type: event.type,
        data: event.data,
      } as IncidentEvent);
      version = event.streamVersion;
      workspaceId ??= event.metadata.workspaceId;
      first ??= event.recordedAt;
      last = event;
      // Every event may change a dimension: close what was open, open the new version.
      for (const row of open)
        Object.assign(row, { superseded_by: event.position, superseded_at: event.recordedAt });
      if (hadOpenRows) {
        closes.push({ incident_id: incidentId, pos: event.position, at: event.recordedAt });
        hadOpenRows = false;
      }
      open = countsNow(state) ? actRows(incidentId, workspaceId!, state, event) : [];
      inserts.push(...open);
    }
    if (last === undefined) continue;
    incidents.push(incidentRow(incidentId, workspaceId!, state, version, first!, last));
  }

  if (closes.length > 0) {
    await tx.query(
      `UPDATE ${acts} a SET superseded_by = c.pos, superseded_at = c.at::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS c(incident_id uuid, pos text, at text)
        WHERE a.incident_id = c.incident_id AND a.superseded_by IS NULL`,
      [JSON.stringify(closes)],
    );
  }
  if (inserts.length > 0) {
    await tx.query(
      `INSERT INTO ${acts} (${ACT_COLUMNS.join(', ')})
       SELECT ${ACT_COLUMNS.join(', ')} FROM jsonb_populate_recordset(NULL::${acts}, $1::jsonb)`,
      [JSON.stringify(inserts)],
    );
  }
  if (incidents.length > 0) {
    await tx.query(
      `INSERT INTO ${incidentsTable} SELECT * FROM jsonb_populate_recordset(NULL::${incidentsTable}, $1::jsonb)
       ON CONFLICT (incident_id) DO UPDATE SET ${INCIDENT_COLUMNS.filter((c) => c !== 'incident_id')
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}`,
      [JSON.stringify(incidents)],
    );
  }
}

/** An incident counts in statistics unless retracted or merged into another (DOMAIN.md). */
function countsNow(state: IncidentState): boolean {
  return state.status === 'recorded' && state.duplicateOf === undefined;
}

interface StoredIncident {
  state: IncidentState;
  version: number;
  workspace_id: string;
  reported_at: string;
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

const ACT_COLUMNS = [
  'workspace_id',
  'incident_id',
  'act_id',
  'target_kind',
  'target_id',
  'target_category',
  'country',
  'region',
  'type',
  'family',
  'occurred_date',
  'occurred_precision',
  'month',
  'quarter',
  'year',
  'main_sources',
  'secondary_sources',
  'rights',
  'legal_articles',
  'tags',
  'verification_status',
  'known_from',
  'known_from_at',
  'superseded_by',
  'superseded_at',
] as const;
type ActRow = Record<(typeof ACT_COLUMNS)[number], unknown>;

const INCIDENT_COLUMNS = [
  'incident_id',
  'workspace_id',
  'version',
  'status',
  'duplicate_of',
  'verified',
  'title',
  'country',
  'region',
  'type',
  'family',
  'occurred_date',
  'occurred_precision',
  'occurred_until',
  'month',
  'year',
  'rights',
  'legal_articles',
  'tags',
  'main_sources',
  'secondary_sources',
  'target_categories',
  'target_count',
  'state',
  'reported_at',
  'updated_at',
  'last_position',
] as const;
type IncidentRow = Record<(typeof INCIDENT_COLUMNS)[number], unknown>;

function dimensions(state: IncidentState) {
  const facts = state.facts!;
  return {
    country: facts.country,
    region: facts.region ?? null,
    type: facts.type,
    family: familyOf(facts.type as IncidentType),
    occurred_date: facts.occurred.date,
    occurred_precision: facts.occurred.precision,
    month: monthOf(facts.occurred),
    year: Number(yearOf(facts.occurred)),
    rights: facts.rights,
    legal_articles: facts.legalBasis.map((l) => `${l.instrument}|${l.article}`),
    tags: facts.tags,
    main_sources: unique(state.perpetrators.filter((p) => p.role === 'main').map((p) => p.source)),
    secondary_sources: unique(
      state.perpetrators.filter((p) => p.role === 'secondary').map((p) => p.source),
    ),
  };
}

function actRows(
  incidentId: string,
  workspaceId: string,
  state: IncidentState,
  event: RecordedEvent,
): ActRow[] {
  const d = dimensions(state);
  const base = {
    workspace_id: workspaceId,
    incident_id: incidentId,
    country: d.country,
    region: d.region,
    type: d.type,
    family: d.family,
    occurred_date: d.occurred_date,
    occurred_precision: d.occurred_precision,
    month: d.month,
    quarter: quarterOf(state.facts!.occurred),
    year: d.year,
    main_sources: d.main_sources,
    secondary_sources: d.secondary_sources,
    rights: d.rights,
    legal_articles: d.legal_articles,
    tags: d.tags,
    verification_status: state.verified ? 'verified' : 'unverified',
    known_from: event.position,
    known_from_at: event.recordedAt,
    superseded_by: null,
    superseded_at: null,
  };
  if (state.acts.length === 0) {
    return [{ ...base, act_id: null, target_kind: null, target_id: null, target_category: null }];
  }
  return state.acts.map((a) => ({
    ...base,
    act_id: a.actId,
    target_kind: a.kind,
    target_id: a.targetId,
    target_category: a.category,
  }));
}

function incidentRow(
  incidentId: string,
  workspaceId: string,
  state: IncidentState,
  version: number,
  reportedAt: string,
  last: RecordedEvent,
): IncidentRow {
  const d = dimensions(state);
  return {
    incident_id: incidentId,
    workspace_id: workspaceId,
    version,
    status: state.status,
    duplicate_of: state.duplicateOf ?? null,
    verified: state.verified,
    title: state.facts!.title,
    country: d.country,
    region: d.region,
    type: d.type,
    family: d.family,
    occurred_date: d.occurred_date,
    occurred_precision: d.occurred_precision,
    occurred_until: state.facts!.occurred.until ?? null,
    month: d.month,
    year: d.year,
    rights: d.rights,
    legal_articles: d.legal_articles,
    tags: d.tags,
    main_sources: d.main_sources,
    secondary_sources: d.secondary_sources,
    target_categories: unique(state.acts.map((a) => a.category)),
    target_count: state.acts.length,
    state,
    reported_at: reportedAt,
    updated_at: last.recordedAt,
    last_position: last.position,
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
