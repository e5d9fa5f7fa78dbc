import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RebuildStatus } from '../rebuild-projection/projection-rebuilds';

export class ProjectionStatusDto {
  @ApiProperty({
    example: 'incident-facts',
    description:
      'incident-facts (incidents and the act fact table) or targets (persons and organisations).',
  })
  name!: string;

  @ApiProperty({
    example: '00000000000000000742.00000000000000001234',
    description: 'The last event position the projection has committed ("" before the first).',
  })
  position!: string;

  @ApiProperty({
    example: '00000000000000000745.00000000000000001240',
    description: 'The newest readable position of the event store, of any stream.',
  })
  head!: string;

  @ApiProperty({
    example: false,
    description:
      'No event the projection reads (incident streams) is left up to the head. `position` may ' +
      'stay below `head` when the newest events are of persons or organisations.',
  })
  caughtUp!: boolean;

  @ApiProperty({ enum: ['caught_up', 'catching_up'], example: 'catching_up' })
  state!: 'caught_up' | 'catching_up';

  @ApiPropertyOptional({
    example: 3,
    description: 'Events still to project; absent when more than 1,000.',
  })
  lagEvents?: number;

  @ApiProperty({
    example: 4.2,
    description:
      'Seconds since the oldest event still to project was recorded (0 when caught up): how ' +
      'stale the read model is.',
  })
  lagSeconds!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description:
      'How long the oldest append still in flight has been open, in seconds (null when none ' +
      'is, or the event store cannot tell): no projection passes its position until it ends.',
  })
  oldestAppendInFlightSeconds!: number | null;

  @ApiPropertyOptional({
    description:
      'The last rebuild started by this process (POST /projections/:name/rebuild), if any.',
    example: {
      state: 'rebuilding',
      startedAt: '2026-11-28T09:00:00.000Z',
      events: 250000,
      position: '00000000000000000742.00000000000000001234',
    },
  })
  rebuild?: RebuildStatus;
}
