import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RebuildStatus } from './projection-rebuilds';

/** A rebuild as POST /projections/{name}/rebuild answers it (202) and GET /projections shows it. */
export class RebuildStatusDto implements RebuildStatus {
  @ApiProperty({ enum: ['rebuilding', 'done', 'failed'], example: 'rebuilding' })
  state!: 'rebuilding' | 'done' | 'failed';

  @ApiProperty({ example: '2026-12-04T10:15:00.000Z' })
  startedAt!: string;

  @ApiPropertyOptional({ example: '2026-12-04T10:16:40.000Z' })
  finishedAt?: string;

  @ApiProperty({ example: 0, description: 'Events folded so far.' })
  events!: number;

  @ApiProperty({ example: '00000000000000000000' })
  position!: string;

  @ApiPropertyOptional({
    example: 2,
    description: 'The table version being filled, or switched to.',
  })
  version?: number;

  @ApiPropertyOptional({ example: 'relation "rm_acts_v2" already exists' })
  error?: string;
}
