import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CommandExecutor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError, fold, incidentDecider, IncidentState } from '@app/domain';
import { ProblemDetailsDto } from '../../problem/problem-details.dto';
import { incidentStream } from '@app/application/streams';
import { READER_ROLES, seesPersonalData } from '../../targets/redaction';
import { IncidentId } from '../incident-change.http';
import { redactedIncident } from './incident-redaction';

interface ResponseLike {
  setHeader(name: string, value: string): void;
}

/**
 * The current state, folded from the incident's own stream: always consistent with what was
 * just written. Targets carry ids and categories, never names (those stay with the person).
 * Analysts get it redacted (incident-redaction.ts): no free text, region-level places, and
 * the targets' pseudonymous labels.
 */
@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentHttpController {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  @Get(':id')
  @Roles(...READER_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The incident as it stands now; ETag = version (send it as If-Match)',
    description:
      'Analysts get it redacted (`redacted: true`): a title made of codes, no description, ' +
      'place, tags, notes, source titles or units, region-level places, and each target with ' +
      'its pseudonymous `label`.',
  })
  @ApiHeader({ name: 'ETag', required: false })
  @ApiOkResponse({ description: 'The incident' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async get(
    @IncidentId() id: string,
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
    if (seesPersonalData(actor)) return full;
    return redactedIncident(
      full,
      await this.labels(
        actor.workspaceId,
        state.acts.map((a) => a.targetId),
      ),
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
