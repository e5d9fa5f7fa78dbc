import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CommandExecutor } from '@app/application';
import { CurrentActor } from '@app/auth';
import { DomainError, fold, incidentDecider, IncidentState } from '@app/domain';
import { ProblemDetailsDto } from '../../problem/problem-details.dto';
import { incidentStream } from '../../shared/streams';
import { IncidentId } from '../incident-change.http';

interface ResponseLike {
  setHeader(name: string, value: string): void;
}

/**
 * The current state, folded from the incident's own stream: always consistent with what was
 * just written. Targets carry ids and categories, never names (those stay with the person).
 */
@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentHttpController {
  constructor(private readonly executor: CommandExecutor) {}

  @Get(':id')
  @ApiOperation({ summary: 'The incident as it stands now; ETag = version (send it as If-Match)' })
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
    return {
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
  }
}
