import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@app/application';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { StartCaseExportRequestDto } from './start-case-export.request.dto';

export class StartCaseExportCommand extends Command<JobAcceptedDto> {
  constructor(
    readonly request: StartCaseExportRequestDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
