import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, CommandExecutor, IdSource } from '@app/application';
import { incidentStream } from '@app/application/streams';
import { forgetOldRowVersions, SQL_CLIENT, SqlClient } from '@app/database';
import { IncidentRedacted, incidentDecider, RedactableField } from '@app/domain';
import { Position } from '@app/event-store';
import { JobRecords } from '@app/jobs/job-records';
import { incidentTextTables } from '@app/read-models';
import { ProjectionFreshness } from '@app/read-models/projection-freshness';
import { RedactIncidentResponseDto } from './redact-incident.response.dto';

export class RedactIncidentCommand extends Command<RedactIncidentResponseDto> {
  constructor(
    readonly incidentId: string,
    readonly request: { fields: RedactableField[]; replacement?: string; reason: string },
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

/**
 * A redaction: the event store destroys the keys of every earlier version of the fields when
 * it stores `IncidentRedacted` (libs/infrastructure/src/sealed-text); the projection then
 * rewrites the read-model rows with the replacement. What is left is here: case exports that
 * may quote the text are deleted (as at an erasure), and once the projection has passed the
 * redaction, the tables are rewritten so that no old row version, nor PGlite's WAL, keeps it.
 */
@CommandHandler(RedactIncidentCommand)
export class RedactIncidentHandler implements ICommandHandler<RedactIncidentCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly freshness: ProjectionFreshness,
    private readonly jobs: JobRecords,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async execute(command: RedactIncidentCommand): Promise<RedactIncidentResponseDto> {
    const { incidentId, request, context, expectedVersion } = command;
    const ids = IdSource.for(
      context.actor.workspaceId,
      context.idempotencyKey,
      `redaction ${incidentId}`,
    );
    const result = await this.executor.execute({
      streamId: incidentStream(incidentId),
      id: incidentId,
      decider: incidentDecider,
      command: () => ({ type: 'RedactIncident' as const, ...request }),
      context,
      ids,
      expectedVersion,
      mustExist: true,
    });
    const exports = await this.jobs.removeFlagged(context.actor.workspaceId, 'names');
    const rewritten = await this.rewrite(result.position, request.fields, exports > 0);
    return {
      ...result,
      unsealedVersionsInLog: await this.unsealedVersions(incidentId),
      readModelsRewritten: rewritten,
    };
  }

  private async rewrite(
    position: Position,
    fields: readonly RedactableField[],
    exportsRemoved: boolean,
  ): Promise<boolean> {
    try {
      await this.freshness.waitFor(position);
    } catch {
      return false; // the projection rewrites the rows when it gets there
    }
    const tables = await incidentTextTables(this.sql, { acts: fields.includes('tags') });
    if (exportsRemoved) tables.push('job_files', 'job_file_chunks');
    await forgetOldRowVersions(this.sql, tables);
    return true;
  }

  /** As the stored redaction counted them (its last one, for a replay too). */
  private async unsealedVersions(incidentId: string): Promise<number> {
    const { events } = await this.executor.load(incidentStream(incidentId));
    const last = events.map((e) => e.domainEvent).findLast((e) => e.type === 'IncidentRedacted');
    return (last as IncidentRedacted | undefined)?.data.unsealedVersionsInLog ?? 0;
  }
}
