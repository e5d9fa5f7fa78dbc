import { Body, Controller, HttpCode, HttpStatus, Post, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeploymentAdmin, TokenOnly } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { CreateBackupQuery } from './create-backup.query';
import { CreateBackupRequestDto } from './create-backup.request.dto';

@ApiTags('backups')
@Controller('backups')
export class CreateBackupHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post()
  @DeploymentAdmin()
  // Everything the deployment holds: never for a page open in a browser.
  @TokenOnly()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'An archive of the whole deployment, encrypted to the given age public key',
    description:
      'What `npm run cli -- backup` asks a running embedded API for (one process owns a PGlite ' +
      'directory): the event log, the wrapped keys, workspaces, users and settings, and the ' +
      'audit trail, read in one snapshot while writes go on. See docs/operations.md.',
  })
  @ApiOkResponse({ description: 'An age file (application/octet-stream).' })
  @ApiProblems(400, 409)
  async create(@Body() body: CreateBackupRequestDto): Promise<StreamableFile> {
    const archive = await this.queryBus.execute(new CreateBackupQuery(body.recipient));
    return new StreamableFile(archive, {
      type: 'application/octet-stream',
      length: archive.length,
    });
  }
}
