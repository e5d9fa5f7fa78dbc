import { OmitType } from '@nestjs/swagger';
import { GetStatsRequestDto } from '../get-stats/get-stats.request.dto';

/** GET /stats's parameters but the grouping, which is by region. */
export class StatsMapRequestDto extends OmitType(GetStatsRequestDto, [
  'groupBy',
  'includeReference',
] as const) {}
