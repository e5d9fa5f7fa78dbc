import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandResponseDto } from '@app/application/command-response.dto';

/** What POST /incidents/{id}/evidence answers: the command's answer and what was kept. */
export class AttachedEvidenceResponseDto extends CommandResponseDto {
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256!: string;

  @ApiProperty({ example: 48213, description: 'Bytes as stored.' })
  size!: number;

  @ApiProperty({ example: 'image/jpeg', description: 'Read from the bytes, not the file name.' })
  mediaType!: string;

  @ApiProperty({ example: true, description: 'EXIF, GPS and other metadata were removed.' })
  metadataStripped!: boolean;
}

export class EvidenceRecordDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  evidenceId!: string;

  @ApiProperty({ format: 'uuid' })
  incidentId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The source of the incident it documents.' })
  sourceId?: string;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256!: string;

  @ApiProperty({ example: 48213 })
  size!: number;

  @ApiProperty({ example: 'application/pdf' })
  mediaType!: string;

  @ApiProperty({ example: true })
  metadataStripped!: boolean;

  @ApiProperty({ enum: ['attached', 'removed'], example: 'attached' })
  status!: 'attached' | 'removed';

  @ApiProperty({ example: '2021-03-04T10:15:00.000Z' })
  recordedAt!: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Who attached it.' })
  recordedBy!: string | null;
}

export class EvidenceListResponseDto {
  @ApiProperty({ type: [EvidenceRecordDto], description: 'Oldest first.' })
  items!: EvidenceRecordDto[];
}
