import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiFileResponse, ApiProblems } from '../../http/openapi.decorators';
import { DownloadExportFileQuery } from './download-export-file.query';

@ApiTags('exports')
@Controller('exports')
export class DownloadExportFileHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/files/:name')
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @ApiOperation({
    summary: 'A file of a finished export of your workspace',
    description:
      'A case export (POST /incidents/exports) is kept 24 hours, and its file with names only ' +
      'for the roles that see them.',
  })
  @ApiFileResponse('The file (XLSX, SVG or PNG; a case export: CSV, XLSX or JSON Lines).', [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'image/svg+xml',
    'image/png',
    'text/csv',
    'application/x-ndjson',
  ])
  @ApiProblems(404)
  async download(
    @Param('id') id: string,
    @Param('name') name: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const file = await this.queryBus.execute(new DownloadExportFileQuery(id, name, actor));
    return new StreamableFile(file.content, {
      type: file.contentType,
      disposition: `attachment; filename="${file.name}"`,
      length: file.bytes,
    });
  }
}
