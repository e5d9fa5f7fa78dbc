import { Command } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { SheetFormat } from '@app/imports/sheet/read-sheet';
import { PersonMatchRule } from '@app/imports/existing-targets';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';

export class StartImportCommand extends Command<JobAcceptedDto> {
  constructor(
    readonly sheet: Buffer,
    readonly format: SheetFormat,
    readonly dryRun: boolean,
    readonly actor: Actor,
    /** Days to keep the sheet past its job (admins only); 0: deleted when the job ends. */
    readonly keepDays = 0,
    readonly matchPersons: PersonMatchRule = 'none',
  ) {
    super();
  }
}
