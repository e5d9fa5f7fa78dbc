import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, CommandExecutor, CommandResult, IdSource } from '@app/application';
import { IncidentCommand, incidentDecider, IncidentState } from '@app/domain';
import { incidentStream } from '@app/application/streams';

/**
 * Every change to an existing incident (correct, add a target, verify, retract...): each
 * use-case folder turns its request into an `IncidentCommand`; loading, the If-Match check,
 * idempotency and the append are the same for all, so they live here once.
 */
export class ChangeIncidentCommand extends Command<CommandResult> {
  constructor(
    readonly incidentId: string,
    /** The route, so one Idempotency-Key on two different routes names different events. */
    readonly route: string,
    readonly context: CommandContext,
    readonly expectedVersion: number | undefined,
    readonly build: (state: IncidentState, ids: IdSource) => IncidentCommand,
  ) {
    super();
  }
}

@CommandHandler(ChangeIncidentCommand)
export class ChangeIncidentHandler implements ICommandHandler<ChangeIncidentCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({
    incidentId,
    route,
    context,
    expectedVersion,
    build,
  }: ChangeIncidentCommand): Promise<CommandResult> {
    const ids = IdSource.for(
      context.actor.workspaceId,
      context.idempotencyKey,
      `${route} ${incidentId}`,
    );
    return this.executor.execute({
      streamId: incidentStream(incidentId),
      id: incidentId,
      decider: incidentDecider,
      command: (state) => build(state, ids),
      context,
      ids,
      expectedVersion,
      mustExist: true,
    });
  }
}
