import { ApiProperty } from '@nestjs/swagger';
import { SnapshotResponseDto } from '../snapshot.response.dto';

export class SnapshotListResponseDto {
  @ApiProperty({ type: [SnapshotResponseDto], description: 'Newest first.' })
  snapshots!: SnapshotResponseDto[];
}
