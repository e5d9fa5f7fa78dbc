import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { StartExportRequestDto } from './start-export.request.dto';

export class StartExportCommand extends Command<JobAcceptedDto> {
  constructor(
    readonly request: StartExportRequestDto,
    readonly actor: Actor,
  ) {
    super();
  }
}
