import { Inject, Injectable } from '@nestjs/common';
import { asOfLine, filtersInWords, filterWordsLine, queryTitle } from '@app/charts';
import { Actor, CommandExecutor } from '@app/application';
import { incidentStream } from '@app/application/streams';
import { readTarget } from '@app/application/targets/target.read';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { Act, IncidentEvent, incidentDecider, IncidentState, Lang } from '@app/domain';
import { EVENT_STORE, EventStore, Position } from '@app/event-store';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/protection';
import { IncidentProjections } from '@app/read-models';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { SnapshotPositions } from '@app/read-models/snapshots/snapshot-positions';
import { AsOf } from '@app/read-models/statistics/as-of';
import { knowledgeSql } from '@app/read-models/statistics/get-stats.handler';
import { IncidentFilters } from '@app/read-models/statistics/incident-filters';
import { filterConditions, parameters } from '@app/read-models/statistics/incident-filters.sql';
import { positionAtTime, timeOfPosition } from '@app/read-models/statistics/knowledge-positions';
import { CaseFileHead } from './case-export-writers';
import { CaseAct, caseRow, CaseProfile, CaseRow, columnsOf } from './case-rows';

/** Acts read per query: a page of the keyset walk through the fact table. */
export const CASE_PAGE = 1000;
/** Sorts before every act id: the row of an incident without targets. */
const NO_ACT = '00000000-0000-0000-0000-000000000000';
/** Names opened per export at most before the cache starts again (bounded memory). */
const NAME_CACHE = 10_000;

/**
 * The one position an export reads, whatever `asOf` said: every page of the export is read
 * at it, so writes made while the file is written change nothing in it.
 */
export interface CaseCut {
  position: Position;
  /** When the last change at or before the position was recorded (null: nothing yet). */
  time: string | null;
  snapshotId: string | null;
}

/** Who reads, and whether the rows carry names (only for the roles that see them). */
export interface CaseReader {
  actor: Pick<Actor, 'workspaceId' | 'userId' | 'role'>;
  names: boolean;
}

interface ActRow {
  incident_id: string;
  act_id: string | null;
  target_kind: 'person' | 'organisation' | null;
  target_id: string | null;
  target_category: string | null;
  target_label: string | null;
  state: IncidentState | null;
}

/**
 * The acts GET /stats counts (same filters, same position), one row each, with what the
 * incident held at that position. The rows come from the fact table by keyset pages while the
 * file is written; an incident changed since the position is folded from its own stream up to
 * it. The streaming GET /incidents/export and the export job both write through here, so the
 * same position gives the same bytes.
 */
@Injectable()
export class CaseExportReader {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    private readonly executor: CommandExecutor,
    private readonly freshness: ProjectionFreshness,
    private readonly snapshots: SnapshotPositions,
    private readonly projections: IncidentProjections,
  ) {}

  /**
   * The position the export reads, resolved as GET /stats resolves `asOf`. Without `asOf`,
   * where the projection stands now: resolved once, here, and every page read at it.
   */
  async cut(workspaceId: string, asOf: AsOf): Promise<CaseCut> {
    if (asOf.kind === 'time') {
      await this.freshness.waitForHead();
      const known = await positionAtTime(this.sql, workspaceId, asOf.at);
      return { position: known.position, time: known.time, snapshotId: null };
    }
    let position: Position;
    let snapshotId: string | null = null;
    if (asOf.kind === 'snapshot') {
      snapshotId = asOf.snapshotId;
      position = await this.snapshots.resolve(workspaceId, asOf.snapshotId);
      await this.freshness.waitFor(position, 'asOf');
    } else if (asOf.kind === 'position') {
      position = asOf.position;
      await this.freshness.waitFor(position, 'asOf');
    } else {
      position = await this.projections.position();
    }
    const known = await timeOfPosition(this.sql, workspaceId, position);
    return { position, time: known.time, snapshotId };
  }

  /** The file's title, where its rows stand and its filters, in `lang`. */
  head(cut: CaseCut, filters: IncidentFilters, profile: CaseProfile, lang: Lang): CaseFileHead {
    const stamp = { position: cut.position, positionTime: cut.time, snapshotId: cut.snapshotId };
    return {
      title: queryTitle('acts', [], lang),
      lines: [asOfLine(stamp, lang), filterWordsLine(filtersInWords(filters, lang), lang)],
      columns: columnsOf(profile),
    };
  }

  /** How many rows the export has: the fact table's acts at the cut (the job's progress). */
  async count(workspaceId: string, cut: CaseCut, filters: IncidentFilters): Promise<number> {
    const { values, bind } = parameters();
    const where = [
      `r.workspace_id = ${bind(workspaceId)}`,
      ...filterConditions(filters, 'rm_acts', bind),
    ];
    const branches = knowledgeSql({ kind: 'position', position: cut.position }, bind).map(
      (known) => `SELECT 1 FROM rm_acts r WHERE ${[...where, known].join(' AND ')}`,
    );
    const { rows } = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${branches.join(' UNION ALL ')}) f`,
      values,
    );
    return rows[0].n;
  }

  async *rows(
    reader: CaseReader,
    cut: CaseCut,
    filters: IncidentFilters,
    profile: CaseProfile,
    lang: Lang,
  ): AsyncGenerator<CaseRow> {
    const names = new Map<string, string>();
    let last = { incident: NO_ACT, act: NO_ACT };
    for (;;) {
      const page = await this.page(reader.actor.workspaceId, cut, filters, last);
      if (page.length === 0) return;
      if (reader.names) await this.openNames(reader.actor, page, names);
      const states = new Map<string, IncidentState>();
      for (const row of page) {
        const state = row.state ?? (await this.stateAt(row.incident_id, cut.position, states));
        if (state.status === 'absent') continue;
        const act = state.acts.find((a) => a.actId === row.act_id);
        const c: CaseAct = {
          incidentId: row.incident_id,
          state: state as CaseAct['state'],
          act: act ?? actOf(row),
          targetLabel: row.target_label ?? undefined,
          targetName: row.target_id === null ? undefined : names.get(row.target_id),
          redacted: !reader.names,
        };
        yield caseRow(c, profile, lang);
      }
      const end = page[page.length - 1];
      last = { incident: end.incident_id, act: end.act_id ?? NO_ACT };
    }
  }

  /** The next acts after `last` in (incident, act) order, as known at the cut. */
  private async page(
    workspaceId: string,
    cut: CaseCut,
    filters: IncidentFilters,
    last: { incident: string; act: string },
  ): Promise<ActRow[]> {
    const { values, bind } = parameters();
    const where = [
      `r.workspace_id = ${bind(workspaceId)}`,
      ...filterConditions(filters, 'rm_acts', bind),
      `(r.incident_id, COALESCE(r.act_id, '${NO_ACT}'::uuid)) > (${bind(last.incident)}::uuid, ${bind(last.act)}::uuid)`,
    ];
    const branches = knowledgeSql({ kind: 'position', position: cut.position }, bind).map(
      (known) =>
        `SELECT r.incident_id, r.act_id, r.target_kind, r.target_id, r.target_category
           FROM rm_acts r WHERE ${[...where, known].join(' AND ')}`,
    );
    // A state stored after the cut is not the state at the cut: it is folded instead.
    const { rows } = await this.sql.query<ActRow>(
      `SELECT f.incident_id::text AS incident_id, f.act_id::text AS act_id, f.target_kind,
              f.target_id::text AS target_id, f.target_category, t.label AS target_label,
              CASE WHEN i.last_position <= ${bind(cut.position)} THEN i.state END AS state
         FROM (${branches.join(' UNION ALL ')}) f
         JOIN rm_incidents i ON i.incident_id = f.incident_id
         LEFT JOIN rm_targets t ON t.target_id = f.target_id
        ORDER BY f.incident_id, COALESCE(f.act_id, '${NO_ACT}'::uuid)
        LIMIT ${CASE_PAGE}`,
      values,
    );
    return rows;
  }

  /** The incident as it stood at `position`, from its own stream. */
  private async stateAt(
    incidentId: string,
    position: Position,
    cache: Map<string, IncidentState>,
  ): Promise<IncidentState> {
    const known = cache.get(incidentId);
    if (known !== undefined) return known;
    let state = incidentDecider.initialState;
    for await (const event of this.store.readStream(incidentStream(incidentId))) {
      if (event.position > position) break;
      state = incidentDecider.evolve(state, {
        type: event.type,
        data: event.data,
      } as IncidentEvent);
    }
    cache.set(incidentId, state);
    return state;
  }

  /** The names of a page's targets, for the roles that see them (opened with the person's key). */
  private async openNames(
    actor: CaseReader['actor'],
    page: ActRow[],
    names: Map<string, string>,
  ): Promise<void> {
    const missing = [
      ...new Map(
        page
          .filter((r) => r.target_id !== null && !names.has(r.target_id))
          .map((r) => [r.target_id!, r.target_kind!]),
      ),
    ];
    if (names.size + missing.length > NAME_CACHE) names.clear();
    const store = { executor: this.executor, vault: this.vault };
    // readTarget reads the workspace only; the rest of an actor does not matter here.
    const reading = { ...actor, userName: '' } as Actor;
    await Promise.all(
      missing.map(async ([id, kind]) => {
        const { details } = await readTarget(store, kind, id, reading);
        names.set(id, details.name);
      }),
    );
  }
}

/** The act as the fact table holds it, should the folded state name it otherwise. */
function actOf(row: ActRow): Act | undefined {
  if (row.act_id === null || row.target_kind === null) return undefined;
  return {
    actId: row.act_id,
    kind: row.target_kind,
    targetId: row.target_id!,
    category: row.target_category!,
  };
}
