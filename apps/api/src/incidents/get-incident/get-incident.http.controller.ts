import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Actor, CommandExecutor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { Act, DomainError, fold, incidentDecider, IncidentState, Lang, LANGS } from '@app/domain';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@app/protection';
import { ProblemDetailsDto } from '../../problem/problem-details.dto';
import { incidentStream } from '@app/application/streams';
import { READER_ROLES, seesPersonalData } from '../../targets/redaction';
import { readTarget } from '@app/application/targets/target.read';
import { IncidentId } from '../incident-change.http';
import { incidentLabels } from './incident-labels';
import { redactedIncident } from './incident-redaction';
import { IncidentResponseDto } from './incident.response.dto';

export class GetIncidentRequestDto {
  @ApiPropertyOptional({
    enum: LANGS,
    default: 'en',
    example: 'ru',
    description: 'The language of `labels`.',
  })
  @IsOptional()
  @IsIn(LANGS, { context: { allowed: LANGS } })
  lang?: Lang;
}

interface ResponseLike {
  setHeader(name: string, value: string): void;
}

/**
 * The current state, folded from the incident's own stream: always consistent with what was
 * just written. Each target carries its name (opened with the person's key, for the roles
 * that see names) and its pseudonymous label; every code has its label in `labels`.
 * Analysts get it redacted (incident-redaction.ts): no free text, region-level places, and
 * the targets' pseudonymous labels.
 */
@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentHttpController {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Get(':id')
  @Roles(...READER_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The incident as it stands now; ETag = version (send it as If-Match)',
    description:
      'Each target has its `label` and, for admins, monitors and verifiers, its `name` ' +
      '(`[erased]` once the person is erased). `labels` gives the label of every code in ' +
      '`lang`. Analysts get it redacted (`redacted: true`): a title made of codes, no ' +
      'description, place, tags, notes, source titles or units, region-level places, and ' +
      'each target with its pseudonymous `label` only.',
  })
  @ApiHeader({ name: 'ETag', required: false })
  @ApiOkResponse({ type: IncidentResponseDto, description: 'The incident' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async get(
    @IncidentId() id: string,
    @Query() query: GetIncidentRequestDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: ResponseLike,
  ): Promise<Record<string, unknown>> {
    const history = await this.executor.load(incidentStream(id));
    if (history.events.length === 0 || history.workspaceId !== actor.workspaceId) {
      throw new DomainError('not_found', 'incident_not_found', 'no such incident');
    }
    const state: IncidentState = fold(
      incidentDecider,
      history.events.map((e) => e.domainEvent as never),
    );
    response.setHeader('ETag', `"${history.version}"`);
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
    const lang = query.lang ?? 'en';
    if (!seesPersonalData(actor)) {
      const redacted = redactedIncident(
        full,
        await this.labels(
          actor.workspaceId,
          state.acts.map((a) => a.targetId),
        ),
      );
      return { ...redacted, labels: incidentLabels(redacted, lang) };
    }
    const named = await this.named(state.acts, actor);
    return {
      ...full,
      targets: full.targets.map((t, i) => ({ ...t, ...named[i] })),
      labels: incidentLabels(full, lang),
    };
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
