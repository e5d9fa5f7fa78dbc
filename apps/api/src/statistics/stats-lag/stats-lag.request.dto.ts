import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsTimestamp } from '../../http/is-timestamp.validator';
import { IncidentFiltersRequestDto } from '../incident-filters.request.dto';

/** The filters of GET /stats (from/to are occurrence months) and a point in time. */
export class StatsLagRequestDto extends IncidentFiltersRequestDto {
  @ApiPropertyOptional({
    example: '2021-05-31T23:59:59Z',
    description:
      'The triangle as it stood then: acts as known at this time (ISO 8601 with a time zone). Default: now.',
  })
  @IsOptional()
  @IsTimestamp('2021-05-31T23:59:59Z', {
    message: 'asOf must be a real ISO 8601 time, e.g. 2021-05-31T23:59:59Z',
  })
  @Matches(/T.*(Z|[+-]\d{2}:\d{2})$/, {
    message: 'asOf must be a time with a time zone, e.g. 2021-05-31T23:59:59Z',
  })
  asOf?: string;
}
