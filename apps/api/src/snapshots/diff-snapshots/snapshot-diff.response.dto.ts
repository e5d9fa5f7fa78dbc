import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SNAPSHOT_CHANGE_KINDS, SnapshotChangeKind } from '@app/domain';
import { SnapshotResponseDto } from '../snapshot.response.dto';

export class SnapshotChangeDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  incidentId!: string;

  @ApiProperty({
    enum: SNAPSHOT_CHANGE_KINDS,
    example: 'reclassified',
    description:
      '`added`: reported; `reclassified`: its type or a target category corrected; `corrected`: another field corrected, or a target added or removed; `retracted`; `merged`: marked as a duplicate of another incident; `unmerged`: that mark undone.',
  })
  change!: SnapshotChangeKind;

  @ApiPropertyOptional({
    example: 'targetCategory',
    description: 'The corrected field; `targets` for a target added or removed.',
  })
  field?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '3d2a1f0e-8c7b-4a69-9e5d-4c3b2a1f0e9d',
    description: 'The act concerned (a target category, a target added or removed).',
  })
  actId?: string;

  @ApiPropertyOptional({
    example: 'civil_activist',
    description:
      'The value before, as recorded; for `unmerged`, the incident it had been merged into.',
  })
  from?: unknown;

  @ApiPropertyOptional({
    example: 'lawyer',
    description:
      'The value after, as recorded; for a target added, the act; for `merged`, the surviving incident.',
  })
  to?: unknown;

  @ApiPropertyOptional({
    example: 'reclassified',
    description: 'The reason code as recorded (correction_reason or retraction_reason).',
  })
  reason?: string;

  @ApiPropertyOptional({ example: 'Licensed advocate since 2019' })
  note?: string;

  @ApiProperty({ format: 'date-time', example: '2021-08-03T09:14:02.118Z' })
  recordedAt!: string;

  @ApiProperty({ example: '00000000000000000801.00000000000000001302' })
  position!: string;
}

export class SnapshotChangeCountsDto {
  @ApiProperty({ example: 0 })
  added!: number;

  @ApiProperty({ example: 10 })
  reclassified!: number;

  @ApiProperty({ example: 0 })
  corrected!: number;

  @ApiProperty({ example: 3 })
  retracted!: number;

  @ApiProperty({ example: 0 })
  merged!: number;

  @ApiProperty({ example: 0 })
  unmerged!: number;
}

export class SnapshotDiffResponseDto {
  @ApiProperty({ type: SnapshotResponseDto, description: 'The earlier snapshot.' })
  a!: SnapshotResponseDto;

  @ApiProperty({ type: SnapshotResponseDto, description: 'The later snapshot.' })
  b!: SnapshotResponseDto;

  @ApiProperty({ type: SnapshotChangeCountsDto, description: 'Changes of each kind.' })
  counts!: SnapshotChangeCountsDto;

  @ApiProperty({
    type: [SnapshotChangeDto],
    description: 'In the order they were recorded: after a’s position, up to b’s included.',
  })
  changes!: SnapshotChangeDto[];
}
