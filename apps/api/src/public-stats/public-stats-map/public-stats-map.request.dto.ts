import { OmitType } from '@nestjs/swagger';
import { GetPublicStatsRequestDto } from '../get-public-stats.request.dto';

/** GET /public/stats's parameters but the grouping, which is by region. */
export class PublicStatsMapRequestDto extends OmitType(GetPublicStatsRequestDto, [
  'groupBy',
  'includeReference',
] as const) {}
