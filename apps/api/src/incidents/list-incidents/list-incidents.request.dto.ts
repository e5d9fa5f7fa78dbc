import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IncidentFiltersRequestDto } from '../../statistics/incident-filters.request.dto';

export const INCIDENT_STATUSES = ['recorded', 'retracted', 'duplicate'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export class ListIncidentsRequestDto extends IncidentFiltersRequestDto {
  @ApiPropertyOptional({
    enum: INCIDENT_STATUSES,
    isArray: true,
    example: ['recorded'],
    description:
      '`recorded` (counted), `retracted`, `duplicate` (marked as a duplicate of another). Default: all.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsIn(INCIDENT_STATUSES, { each: true, context: { allowed: INCIDENT_STATUSES } })
  status?: IncidentStatus[];

  @ApiPropertyOptional({
    example: 'detention',
    description: 'Text in the title, ignoring case; % and _ match themselves.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, example: 50 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({
    example: 'WyIyMDIwLTAyIiwiNmYxYzFhNTItM2I5ZS00YzU1LTlkMGUtMmY3ZjFhMGM5ZTExIl0',
    description: 'The `nextCursor` of the previous page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
