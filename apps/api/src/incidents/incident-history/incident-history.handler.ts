import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@app/application';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { DomainError, IncidentEvent } from '@app/domain';
import { incidentStream } from '@app/application/streams';
import { describeIncidentEvent } from './describe-incident-event';
import { IncidentHistoryResponseDto } from './incident-history.response.dto';
import { IncidentHistoryQuery } from './incident-history.query';

/** Every event of an incident in plain words: who, when, what changed, why. */
@QueryHandler(IncidentHistoryQuery)
export class IncidentHistoryHandler implements IQueryHandler<IncidentHistoryQuery> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async execute({ id, lang, actor }: IncidentHistoryQuery): Promise<IncidentHistoryResponseDto> {
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
        ...describeIncidentEvent(e.domainEvent as IncidentEvent, lang),
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
