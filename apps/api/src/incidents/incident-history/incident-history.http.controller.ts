import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CommandExecutor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError, IncidentEvent, isLang, Lang, LANGS } from '@app/domain';
import { ProblemDetailsDto } from '../../problem/problem-details.dto';
import { ValidationException } from '@app/application/validation.exception';
import { incidentStream } from '@app/application/streams';
import { IncidentId } from '../incident-change.http';
import { describeIncidentEvent } from './describe-incident-event';
import { IncidentHistoryResponseDto } from './incident-history.response.dto';

/** Every event of an incident in plain words: who, when, what changed, why. */
@ApiTags('incidents')
@Controller('incidents')
export class IncidentHistoryHttpController {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  @Get(':id/history')
  @Roles('admin', 'monitor', 'verifier')
  @ApiOperation({
    summary: 'The whole history: nothing is overwritten, every correction keeps the original value',
  })
  @ApiQuery({ name: 'lang', required: false, enum: LANGS })
  @ApiOkResponse({ type: IncidentHistoryResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async history(
    @IncidentId() id: string,
    @CurrentActor() actor: Actor,
    @Query('lang') lang: string = 'en',
  ): Promise<IncidentHistoryResponseDto> {
    if (!isLang(lang))
      throw new ValidationException([
        { field: 'lang', message: 'unknown language', allowed: LANGS },
      ]);
    const history = await this.executor.load(incidentStream(id));
    if (history.events.length === 0 || history.workspaceId !== actor.workspaceId) {
      throw new DomainError('not_found', 'incident_not_found', 'no such incident');
    }
    const names = await this.userNames(
      history.events.map((e) => e.actorId).filter((a): a is string => !!a),
    );
    return {
      id,
      version: history.version,
      entries: history.events.map((e) => ({
        version: e.version,
        type: e.domainEvent.type,
        recordedAt: e.recordedAt,
        by: { userId: e.actorId ?? null, name: (e.actorId && names.get(e.actorId)) ?? null },
        ...describeIncidentEvent(e.domainEvent as IncidentEvent, lang as Lang),
      })),
    };
  }

  private async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.sql.query<{ id: string; name: string }>(
      'SELECT id::text AS id, name FROM users WHERE id::text = ANY($1::text[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
