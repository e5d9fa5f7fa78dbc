import { ApiProperty } from '@nestjs/swagger';
import { PinnedSnapshot } from '@app/read-models/snapshots/pinned-snapshots';

/** A snapshot as pinned. Absent details are null. */
export class SnapshotResponseDto {
  @ApiProperty({ format: 'uuid', example: '0c5e7d2a-9b41-4f3e-8a6d-1f2b3c4d5e6f' })
  id!: string;

  @ApiProperty({ example: 1, description: 'A snapshot is never changed: always 1.' })
  version!: number;

  @ApiProperty({ example: 'Kadyr-Kasiyet annual report 2020' })
  name!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Figures quoted in the report published on 22 July 2021',
  })
  note!: string | null;

  @ApiProperty({
    example: '00000000000000000742.00000000000000001234',
    description:
      'The position the statistics reflected when pinned: `GET /stats?asOf=snapshot:<id>` answers as they did then.',
  })
  position!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2021-07-22T10:00:00.000Z',
    description: 'When the statistics were read at that position.',
  })
  pinnedAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2021-07-22T10:00:00.012Z' })
  recordedAt!: string;
}

export function snapshotResponse(s: PinnedSnapshot): SnapshotResponseDto {
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    note: s.note ?? null,
    position: s.position,
    pinnedAt: s.pinnedAt ?? null,
    recordedAt: s.recordedAt,
  };
}
