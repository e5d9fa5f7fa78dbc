import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiGoneResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiFileResponse, ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { FULL_DETAIL_ROLES } from '../../targets/redaction';
import { IncidentId } from '../../incidents/incident-change.http';
import { ACCEPTED_MEDIA_TYPES } from '../attach-evidence/inspect-file';
import { DownloadEvidenceQuery } from './download-evidence.query';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'text/plain': 'txt',
};

@ApiTags('evidence')
@Controller('incidents')
export class DownloadEvidenceHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/evidence/:evidenceId')
  @Roles(...FULL_DETAIL_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Download an evidence file, byte for byte as it was kept (audited)',
    description: 'Admins, monitors and verifiers. 410 once the file was removed.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  @ApiParam({
    name: 'evidenceId',
    format: 'uuid',
    example: '0b7c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d',
  })
  @ApiFileResponse('The file, with its media type.', ACCEPTED_MEDIA_TYPES)
  @ApiGoneResponse({ description: 'Removed: its key is destroyed.' })
  @ApiProblems(400, 404)
  async download(
    @IncidentId() id: string,
    @Param('evidenceId', UuidParamPipe) evidenceId: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const { record, bytes } = await this.queryBus.execute(
      new DownloadEvidenceQuery(id, evidenceId, actor),
    );
    const extension = EXTENSIONS[record.mediaType] ?? record.mediaType.split('/')[1];
    return new StreamableFile(bytes, {
      type: record.mediaType,
      // Our own name: the name it was uploaded under is not kept (it can name a person).
      disposition: `attachment; filename="evidence-${evidenceId}.${extension}"`,
      length: bytes.length,
    });
  }
}
