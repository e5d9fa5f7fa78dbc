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

export class HealthDependenciesDto {
  @ApiProperty({ type: DependencyHealthDto })
  eventStore!: DependencyHealthDto;

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
      'Redis is down (HTTP 200).',
  })
  status!: 'ok' | 'degraded' | 'down';

  @ApiProperty({ enum: ['embedded', 'server'] })
  mode!: 'embedded' | 'server';

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: HealthDependenciesDto })
  dependencies!: HealthDependenciesDto;
}
