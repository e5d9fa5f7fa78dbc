import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsTimestamp } from '../../http/is-timestamp.validator';

export class ListAuditRequestDto {
  @ApiPropertyOptional({ format: 'uuid', example: '8e1d4c7b-2a9f-4e6d-8c3b-1a0f9e8d7c6b' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({
    example: 'POST /incidents/:id/corrections',
    description: 'The route, as entries name it: method, space, path pattern.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  action?: string;

  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00Z',
    description: 'From this time (inclusive).',
  })
  @IsOptional()
  @IsTimestamp('2026-11-01T00:00:00Z')
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00Z',
    description: 'Until this time (exclusive).',
  })
  @IsOptional()
  @IsTimestamp('2026-12-01T00:00:00Z')
  to?: string;

  @ApiPropertyOptional({ example: 100, minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({
    example: '1520',
    description: 'The `next` of the previous page: entries older than it.',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be the `next` of a previous page' })
  cursor?: string;
}
