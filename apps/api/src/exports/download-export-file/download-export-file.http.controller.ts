import { Controller, Get, NotFoundException, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { JobRecords } from '@app/jobs/job-records';

const EXPORT_ID = /^export-[0-9a-f]{40}$/;
// File names are keys in the job_files table, never paths; only our own names pass.
const FILE_NAME = /^[a-z0-9][a-z0-9-]{0,80}\.(xlsx|svg|png)$/;

@ApiTags('exports')
@Controller('exports')
export class DownloadExportFileHttpController {
  constructor(private readonly records: JobRecords) {}

  @Get(':id/files/:name')
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @ApiOperation({ summary: 'A file of a finished export of your workspace' })
  @ApiOkResponse({ description: 'The file (XLSX, SVG or PNG).' })
  @ApiProblems(404)
  async download(
    @Param('id') id: string,
    @Param('name') name: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const record =
      EXPORT_ID.test(id) && FILE_NAME.test(name)
        ? await this.records.getInWorkspace(id, actor.workspaceId)
        : undefined;
    const file = record?.state === 'completed' ? await this.records.getFile(id, name) : undefined;
    if (file === undefined)
      throw new NotFoundException('No such file of an export of your workspace.');
    return new StreamableFile(file.content, {
      type: file.contentType,
      disposition: `attachment; filename="${file.name}"`,
      length: file.content.length,
    });
  }
}
