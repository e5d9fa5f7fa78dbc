import { SqlExecutor } from '@app/database';
import { RecordedEvent } from '@app/event-store';

/** One row of `rm_targets`, as jsonb_populate_recordset reads it. */
export interface TargetRow {
  target_id: string;
  workspace_id: string;
  kind: 'person' | 'organisation';
  label: string;
  category: string | null;
  country: string | null;
  gender: string | null;
  birth_year: number | null;
  erased: boolean;
  /** Persons only: the person this one is merged into now (PersonMerged until undone). */
  merged_into: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  last_position: string;
}

/** The fields an amendment may change in this table; the rest are sealed or not kept. */
const COLUMN_OF: Record<string, keyof TargetRow> = {
  label: 'label',
  category: 'category',
  country: 'country',
  gender: 'gender',
  birthYear: 'birth_year',
};

const COLUMNS: readonly (keyof TargetRow)[] = [
  'target_id',
  'workspace_id',
  'kind',
  'label',
  'category',
  'country',
  'gender',
  'birth_year',
  'erased',
  'merged_into',
  'version',
  'created_at',
  'updated_at',
  'last_position',
];

type Data = Record<string, unknown>;

/**
 * Folds person and organisation events into `rm_targets`, set-based: per batch one read of
 * the touched rows and one upsert. Only fields in clear in the events are read (label and
 * codes); sealed personal fields are never opened here. Runs inside the subscription
 * runner's transaction, so the rows and the checkpoint commit together.
 */
export async function projectTargets(
  events: readonly RecordedEvent[],
  tx: SqlExecutor,
): Promise<void> {
  const ids = [...new Set(events.map(targetIdOf))];
  const { rows } = await tx.query<TargetRow>(
    `SELECT target_id::text AS target_id, workspace_id::text AS workspace_id, kind, label,
            category, country, gender, birth_year, erased, merged_into::text AS merged_into, version,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
            to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
            last_position
       FROM rm_targets WHERE target_id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.target_id, r]));
  const changed = new Map<string, TargetRow>();
  for (const event of events) {
    const id = targetIdOf(event);
    const row = evolveRow(byId.get(id), id, event);
    if (row === undefined) continue;
    byId.set(id, row);
    changed.set(id, row);
  }
  if (changed.size === 0) return;
  await tx.query(
    `INSERT INTO rm_targets (${COLUMNS.join(', ')})
     SELECT ${COLUMNS.join(', ')} FROM jsonb_populate_recordset(NULL::rm_targets, $1::jsonb)
     ON CONFLICT (target_id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'target_id')
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(', ')}`,
    [JSON.stringify([...changed.values()])],
  );
}

function targetIdOf(event: RecordedEvent): string {
  return event.streamId.slice(event.streamId.indexOf('-') + 1);
}

/** The row after one event; undefined when the event changes nothing (a replay, an unknown). */
function evolveRow(
  row: TargetRow | undefined,
  id: string,
  event: RecordedEvent,
): TargetRow | undefined {
  if (row !== undefined && event.streamVersion <= row.version) return undefined;
  const data = (event.data ?? {}) as Data;
  const touched = (r: TargetRow): TargetRow => ({
    ...r,
    version: event.streamVersion,
    updated_at: event.recordedAt,
    last_position: event.position,
  });
  switch (event.type) {
    case 'PersonRegistered':
    case 'OrganisationRegistered':
      if (event.metadata.workspaceId === undefined) return undefined; // every command sets it
      return touched({
        target_id: id,
        workspace_id: event.metadata.workspaceId,
        kind: event.type === 'PersonRegistered' ? 'person' : 'organisation',
        label: String(data.label),
        category: textOrNull(data.category),
        country: textOrNull(data.country),
        gender: textOrNull(data.gender),
        birth_year: typeof data.birthYear === 'number' ? data.birthYear : null,
        erased: false,
        merged_into: null,
        version: 0,
        created_at: event.recordedAt,
        updated_at: event.recordedAt,
        last_position: event.position,
      });
  }
  if (row === undefined) return undefined; // a stream whose registration this table never saw
  switch (event.type) {
    case 'PersonAmended':
    case 'OrganisationAmended': {
      const column = COLUMN_OF[String(data.field)];
      if (column === undefined) return touched(row);
      const value = data.to === undefined ? null : data.to;
      return touched({ ...row, [column]: column === 'label' ? String(value) : value });
    }
    case 'PersonErased':
      return touched({ ...row, erased: true });
    case 'PersonMerged':
      return touched({ ...row, merged_into: String(data.into) });
    case 'PersonMergeUndone':
      return touched({ ...row, merged_into: null });
    default:
      return touched(row);
  }
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
