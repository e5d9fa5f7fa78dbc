import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ValidationException } from '@app/application/validation.exception';
import { ApiProblems } from '../../http/openapi.decorators';
import { SheetFormat } from '@app/imports/sheet/read-sheet';
import { JobAcceptedDto } from '../../jobs/job-accepted.response.dto';
import { StartImportCommand } from './start-import.command';
import { START_IMPORT_FORM, StartImportRequestDto } from './start-import.request.dto';

export const MAX_SHEET_BYTES = 20 * 1024 * 1024;

interface UploadedSheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

@ApiTags('imports')
@Controller('imports')
export class StartImportHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('admin', 'monitor')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_SHEET_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Import a monitoring sheet (CSV or XLSX), or only check it (dryRun=true)',
    description:
      'Starts a job; follow it with GET /jobs/{jobId}. One row per act; rows sharing `incident_ref` (or date, place, type and title) are one incident. The job lists every problem as `{ row, column, value, message }`. Rows already imported are skipped: the same file twice is one job, and a re-upload records nothing new.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: START_IMPORT_FORM })
  @ApiAcceptedResponse({
    description: 'The job, queued (or the same job, if this file was uploaded before).',
    type: JobAcceptedDto,
  })
  @ApiProblems(400)
  @ApiServiceUnavailableResponse({
    description:
      'Redis (the job queue) is down: nothing was started. Recording incidents still works.',
  })
  start(
    @UploadedFile() file: UploadedSheet | undefined,
    @Body() body: StartImportRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<JobAcceptedDto> {
    if (file === undefined) {
      throw new ValidationException([
        { field: 'file', message: 'is required: a .csv or .xlsx sheet, as multipart field "file"' },
      ]);
    }
    const keepDays = Number(body.keepDays ?? 0);
    if (keepDays > 0 && actor.role !== 'admin') {
      throw new ValidationException([
        { field: 'keepDays', message: 'only an admin may keep an uploaded sheet past its job' },
      ]);
    }
    return this.commandBus.execute(
      new StartImportCommand(
        file.buffer,
        formatOf(file),
        body.dryRun === 'true',
        actor,
        keepDays,
        body.matchPersons,
      ),
    );
  }
}

function formatOf(file: UploadedSheet): SheetFormat {
  const name = file.originalname.toLowerCase();
  // An XLSX file is a ZIP archive: it starts with "PK".
  if (name.endsWith('.xlsx') || file.buffer.subarray(0, 2).toString('latin1') === 'PK') {
    return 'xlsx';
  }
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  throw new ValidationException([
    { field: 'file', message: 'must be a .csv or .xlsx sheet', allowed: ['.csv', '.xlsx'] },
  ]);
}
