import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor, CommandExecutor } from '@app/application';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { Act, DomainError, fold, incidentDecider, IncidentState } from '@app/domain';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/protection';
import { incidentStream } from '@app/application/streams';
import { readTarget } from '@app/application/targets/target.read';
import { seesPersonalData } from '../../targets/redaction';
import { incidentLabels } from './incident-labels';
import { redactedIncident } from './incident-redaction';
import { IncidentResponseDto } from './incident.response.dto';
import { GetIncidentQuery } from './get-incident.query';

/**
 * The current state, folded from the incident's own stream: always consistent with what was
 * just written. Each target carries its name (opened with the person's key, for the roles
 * that see names) and its pseudonymous label; every code has its label in `labels`.
 * Analysts get it redacted (incident-redaction.ts): no free text, region-level places, and
 * the targets' pseudonymous labels.
 */
@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async execute({ id, lang, actor }: GetIncidentQuery): Promise<IncidentResponseDto> {
    const history = await this.executor.load(incidentStream(id));
    if (history.events.length === 0 || history.workspaceId !== actor.workspaceId) {
      throw new DomainError('not_found', 'incident_not_found', 'no such incident');
    }
    const state: IncidentState = fold(
      incidentDecider,
      history.events.map((e) => e.domainEvent as never),
    );
    const full = {
      id,
      version: history.version,
      status:
        state.duplicateOf !== undefined && state.status === 'recorded' ? 'duplicate' : state.status,
      ...state.facts,
      targets: state.acts.map((a) => ({
        actId: a.actId,
        kind: a.kind,
        [a.kind === 'person' ? 'personId' : 'organisationId']: a.targetId,
        category: a.category,
      })),
      perpetrators: state.perpetrators,
      sources: state.sources,
      outcomes: state.outcomes,
      verified: state.verified,
      ...(state.duplicateOf !== undefined && { duplicateOf: state.duplicateOf }),
      recordedAt: history.events[0].recordedAt,
      updatedAt: history.events[history.events.length - 1].recordedAt,
    };
    if (!seesPersonalData(actor)) {
      const redacted = redactedIncident(
        full,
        await this.labels(
          actor.workspaceId,
          state.acts.map((a) => a.targetId),
        ),
      );
      return {
        ...redacted,
        labels: incidentLabels(redacted, lang),
      } as unknown as IncidentResponseDto;
    }
    const named = await this.named(state.acts, actor);
    return {
      ...full,
      targets: full.targets.map((t, i) => ({ ...t, ...named[i] })),
      labels: incidentLabels(full, lang),
    } as unknown as IncidentResponseDto;
  }

  /**
   * Each target's name and label from its own stream (consistent with what was just written),
   * the name opened with the person's key: `[erased]` once the key is gone.
   */
  private named(acts: readonly Act[], actor: Actor): Promise<{ name: string; label: string }[]> {
    const store = { executor: this.executor, vault: this.vault };
    return Promise.all(
      acts.map(async (a) => {
        const { details } = await readTarget(store, a.kind, a.targetId, actor);
        return { name: details.name, label: details.label };
      }),
    );
  }

  /** The targets' pseudonymous labels, from the redacted read model. */
  private async labels(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.sql.query<{ id: string; label: string }>(
      `SELECT target_id::text AS id, label FROM rm_targets
        WHERE workspace_id = $1 AND target_id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.label]));
  }
}
