import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { POSITION_PATTERN } from '../../statistics/incident-filters.request.dto';

const POSITION_EXAMPLE = '00000000000000000742.00000000000000001234';

/** The query string of POST /snapshots. */
export class PinSnapshotQueryDto {
  @ApiPropertyOptional({
    example: POSITION_EXAMPLE,
    description:
      'Read your writes: the `position` your last command answered; the snapshot includes it (waiting at most 5 s, then 503). Without it, the snapshot includes what the event store shows at the time of the request, which may miss a write committed a moment earlier while another transaction was still open.',
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, {
    message: `after must be a position as commands answer it, e.g. ${POSITION_EXAMPLE}`,
  })
  after?: string;
}
