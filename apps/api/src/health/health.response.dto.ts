import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ enum: ['postgres', 'pglite', 'kurrentdb'] })
  kind!: 'postgres' | 'pglite' | 'kurrentdb';

  @ApiProperty({ description: 'Time the check took, in milliseconds.', example: 3 })
  latencyMs!: number;

  @ApiPropertyOptional({
    description: 'When down: a short generic reason.',
    example: 'connection refused',
  })
  error?: string;
}

export class AppendsInFlightDto {
  @ApiProperty({ description: 'Appends whose transaction is open now.', example: 0 })
  count!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description:
      'How long the oldest has been open, in seconds (null when none is). Projections wait ' +
      'for it: a value that keeps growing is a stuck writer.',
  })
  oldestSeconds!: number | null;
}

export class EventStoreHealthDto extends DependencyHealthDto {
  @ApiPropertyOptional({
    type: AppendsInFlightDto,
    description: 'Absent where the store cannot tell (KurrentDB) or did not answer in 2 s.',
  })
  appendsInFlight?: AppendsInFlightDto;
}

export class ProjectionLagDto {
  @ApiProperty({ example: 'incident-facts' })
  name!: string;

  @ApiProperty({ enum: ['caught_up', 'catching_up'], example: 'caught_up' })
  state!: 'caught_up' | 'catching_up';

  @ApiPropertyOptional({
    example: 0,
    description: 'Events still to project; absent when more than 1,000.',
  })
  lagEvents?: number;

  @ApiProperty({
    example: 0,
    description: 'Seconds since the oldest event still to project was recorded (0 when caught up).',
  })
  lagSeconds!: number;
}

export class RedisHealthDto {
  @ApiProperty({
    enum: ['up', 'down', 'not_configured'],
    description: 'Optional: recording incidents works without Redis; jobs do not.',
  })
  status!: 'up' | 'down' | 'not_configured';

  @ApiPropertyOptional({ example: 1 })
  latencyMs?: number;

  @ApiPropertyOptional({ example: 'connection refused' })
  error?: string;
}

export class JobsHealthDto {
  @ApiProperty({
    enum: ['ok', 'stalled'],
    description:
      '`stalled`: jobs wait (queued or active) with no step for longer than the watchdog allows; no worker takes or advances them.',
  })
  status!: 'ok' | 'stalled';

  @ApiProperty({ example: 0, description: 'Jobs waiting with no step for that long.' })
  stalledJobs!: number;

  @ApiProperty({ example: 0, description: 'Seconds since the oldest of them last stepped.' })
  stalledSeconds!: number;
}

export class EventLoopHealthDto {
  @ApiProperty({ enum: ['ok', 'blocked'], description: '`blocked`: this process stalled.' })
  status!: 'ok' | 'blocked';

  @ApiProperty({
    example: 12,
    description: "The longest delay of this process's event loop since the previous check, in ms.",
  })
  maxDelayMs!: number;
}

export class HealthDependenciesDto {
  @ApiProperty({ type: EventStoreHealthDto })
  eventStore!: EventStoreHealthDto;

  @ApiProperty({ type: DependencyHealthDto })
  database!: DependencyHealthDto;

  @ApiProperty({ type: RedisHealthDto })
  redis!: RedisHealthDto;
}

export class HealthResponseDto {
  @ApiProperty({
    enum: ['ok', 'degraded', 'down'],
    description:
      '`down` when the event store or the database is down (HTTP 503); `degraded` when only ' +
      'Redis is down, jobs stall or the event loop was blocked (HTTP 200).',
  })
  status!: 'ok' | 'degraded' | 'down';

  @ApiProperty({ enum: ['embedded', 'server'] })
  mode!: 'embedded' | 'server';

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: HealthDependenciesDto })
  dependencies!: HealthDependenciesDto;

  @ApiPropertyOptional({
    type: JobsHealthDto,
    description: 'Absent when the jobs table does not answer.',
  })
  jobs?: JobsHealthDto;

  @ApiProperty({ type: EventLoopHealthDto })
  eventLoop!: EventLoopHealthDto;

  @ApiPropertyOptional({
    type: [ProjectionLagDto],
    description:
      'How far each projection is behind (no positions: /health is public). Absent when the ' +
      'read models did not answer in 2 s.',
  })
  projections?: ProjectionLagDto[];
}
