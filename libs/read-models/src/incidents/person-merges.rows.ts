import { SqlClient, SqlExecutor } from '@app/database';
import { RecordedEvent } from '@app/event-store';

/**
 * The merges of duplicate persons, as the incident-facts projection folds them from the person
 * streams into `rm_person_merges_v<N>`: a row per merge, known from its `PersonMerged` and
 * superseded by its `PersonMergeUndone`. Every other person event changes no figure and is
 * skipped. The live projection and the rebuild make the same rows; an event delivered twice
 * (around a rebuild's switch) changes nothing, since rows are keyed by the position that
 * opened them and an undo closes only a row opened before it.
 */

/** `rm_person_merges` columns, in table order. */
export const MERGE_COLUMNS = [
  'workspace_id',
  'person_id',
  'into_id',
  'known_from_at',
  'superseded_at',
  'known_from',
  'superseded_by',
] as const;
export type MergeRow = Record<(typeof MERGE_COLUMNS)[number], string | null>;

const PERSON = 'person-';

export const isIncidentEvent = (e: RecordedEvent) => e.streamId.startsWith('incident-');

/** A merge or its undo; undefined for every other event. */
function mergeChange(e: RecordedEvent): { personId: string; into?: string } | undefined {
  if (!e.streamId.startsWith(PERSON)) return undefined;
  const personId = e.streamId.slice(PERSON.length);
  if (e.type === 'PersonMerged') return { personId, into: (e.data as { into: string }).into };
  if (e.type === 'PersonMergeUndone') return { personId };
  return undefined;
}

function openRow(e: RecordedEvent, personId: string, into: string): MergeRow {
  return {
    workspace_id: e.metadata.workspaceId as string,
    person_id: personId,
    into_id: into,
    known_from_at: e.recordedAt,
    superseded_at: null,
    known_from: e.position,
    superseded_by: null,
  };
}

/** The live projection's part: one statement per merge event (they are rare), in log order. */
export async function projectPersonMerges(
  events: readonly RecordedEvent[],
  tx: SqlExecutor,
  v: number,
): Promise<void> {
  for (const e of events) {
    const change = mergeChange(e);
    if (change === undefined) continue;
    if (change.into !== undefined) {
      const row = openRow(e, change.personId, change.into);
      await tx.query(
        `INSERT INTO rm_person_merges_v${v} (${MERGE_COLUMNS.join(', ')})
         SELECT ${MERGE_COLUMNS.join(', ')} FROM jsonb_populate_record(NULL::rm_person_merges_v${v}, $1::jsonb)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(row)],
      );
    } else {
      await tx.query(
        `UPDATE rm_person_merges_v${v} SET superseded_by = $3, superseded_at = $4::timestamptz
          WHERE workspace_id = $1 AND person_id = $2 AND superseded_by IS NULL AND known_from < $3`,
        [e.metadata.workspaceId, change.personId, e.position, e.recordedAt],
      );
    }
  }
}

/** The rebuild's part: the merges folded in memory, written once at the end. */
export class MergeRowsInMemory {
  private readonly open = new Map<string, MergeRow>();
  private readonly closed: MergeRow[] = [];

  fold(e: RecordedEvent): void {
    const change = mergeChange(e);
    if (change === undefined) return;
    if (change.into !== undefined) {
      this.open.set(change.personId, openRow(e, change.personId, change.into));
      return;
    }
    const row = this.open.get(change.personId);
    if (row === undefined) return;
    this.open.delete(change.personId);
    this.closed.push({ ...row, superseded_by: e.position, superseded_at: e.recordedAt });
  }

  async write(sql: SqlClient, v: number): Promise<void> {
    const rows = [...this.closed, ...this.open.values()];
    if (rows.length === 0) return;
    await sql.copyRows(
      `rm_person_merges_v${v}`,
      MERGE_COLUMNS,
      rows.map((r) => MERGE_COLUMNS.map((c) => r[c])),
    );
  }
}
