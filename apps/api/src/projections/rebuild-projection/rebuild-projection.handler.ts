import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ProjectionRebuilds } from './projection-rebuilds';
import { RebuildProjectionCommand } from './rebuild-projection.command';
import { RebuildStatusDto } from './rebuild-status.response.dto';

@CommandHandler(RebuildProjectionCommand)
export class RebuildProjectionHandler implements ICommandHandler<RebuildProjectionCommand> {
  constructor(private readonly rebuilds: ProjectionRebuilds) {}

  execute(): Promise<RebuildStatusDto> {
    return Promise.resolve(this.rebuilds.start());
  }
}
