import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiPropertyOptional,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ValidationException } from '@app/application/validation.exception';
import { commandContext, RequestLike } from '@app/application/command-request';
import { ApiIdempotencyKey, ApiProblems } from '../../http/openapi.decorators';
import { RECORDER_ROLES } from '../../targets/redaction';
import { IncidentId } from '../../incidents/incident-change.http';
import { ACCEPTED_MEDIA_TYPES } from './inspect-file';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_PER_INCIDENT } from '../evidence.commands';
import { AttachedEvidenceResponseDto } from '../evidence.response.dto';
import { AttachEvidenceCommand } from './attach-evidence.command';

export class AttachEvidenceRequestDto {
  @ApiPropertyOptional({
    format: 'uuid',
    example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
    description: 'The source of the incident this file documents.',
  })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    example: 'false',
    description:
      'Keep EXIF, GPS and other embedded metadata on purpose (to prove where and when a photo ' +
      'was taken). By default they are removed from JPEG and PNG images before storing.',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { context: { allowed: ['true', 'false'] } })
  keepMetadata?: 'true' | 'false';
}

interface UploadedEvidence {
  buffer: Buffer;
  size: number;
}

@ApiTags('evidence')
@Controller('incidents')
export class AttachEvidenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/evidence')
  @Roles(...RECORDER_ROLES)
  @HttpCode(HttpStatus.CREATED)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 10 } }),
  )
  @ApiOperation({
    summary: 'Attach an evidence file to an incident or to one of its sources',
    description:
      'A court decision, a photo of a summons, a screenshot of a deleted post. The kind of file ' +
      'is read from its bytes, not its name; it is stored encrypted under a key of its own, with ' +
      'its SHA-256, size and media type recorded in an `EvidenceAttached` event (who, when). ' +
      `At most ${MAX_EVIDENCE_BYTES} bytes (413), ${MAX_EVIDENCE_PER_INCIDENT} files per ` +
      'incident (413); other kinds of file, executables and archives that would inflate ' +
      'past the limits are refused (415). Nothing is stored for a refused file.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The file.' },
        sourceId: {
          type: 'string',
          format: 'uuid',
          example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
        },
        keepMetadata: { type: 'string', enum: ['true', 'false'], example: 'false' },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({
    type: AttachedEvidenceResponseDto,
    description: 'Kept: its id, SHA-256, size, media type.',
  })
  @ApiPayloadTooLargeResponse({ description: "The file, or the incident's files, past the limit." })
  @ApiUnsupportedMediaTypeResponse({
    description: `Not a kind of evidence file: ${ACCEPTED_MEDIA_TYPES.join(', ')}.`,
  })
  @ApiProblems(400, 404, 422)
  attach(
    @IncidentId() id: string,
    @UploadedFile() file: UploadedEvidence | undefined,
    @Body() body: AttachEvidenceRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<AttachedEvidenceResponseDto> {
    if (file === undefined) {
      throw new ValidationException([
        { field: 'file', message: 'is required: the evidence file, as multipart field "file"' },
      ]);
    }
    return this.commandBus.execute(
      new AttachEvidenceCommand(
        id,
        {
          bytes: file.buffer,
          ...(body.sourceId !== undefined && { sourceId: body.sourceId.toLowerCase() }),
          keepMetadata: body.keepMetadata === 'true',
        },
        commandContext(request, actor),
      ),
    );
  }
}
