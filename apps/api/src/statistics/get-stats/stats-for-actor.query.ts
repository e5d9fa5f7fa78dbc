import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { ReferenceMatchDto } from '@app/read-models/reference-figures/reference-match.response.dto';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';
import { PublicStatsResponseDto } from '../../public-stats/public-stats.response.dto';
import { Tagged } from '../cached-stats';
import { GetStatsRequestDto } from './get-stats.request.dto';

/** The JSON answer, or the table the controller renders as CSV or as a workbook. */
export type StatsAnswer =
  | { readonly format: 'json'; readonly body: StatsResponseDto | PublicStatsResponseDto }
  | { readonly format: 'csv'; readonly stats: StatsResponseDto }
  | {
      readonly format: 'xlsx';
      readonly stats: StatsResponseDto;
      readonly reference: ReferenceMatchDto[] | undefined;
    };

/**
 * GET /stats as the actor asked it: the tag filter is checked first, a `public` token gets the
 * suppressed figures (always JSON), reference figures come beside JSON and in the workbook.
 * Answered from the cache of recent answers (cached-stats.ts) when it holds them, and not at
 * all (304) when `ifNoneMatch` names them.
 */
export class StatsForActorQuery extends Query<Tagged<StatsAnswer>> {
  constructor(
    readonly actor: Actor,
    readonly request: GetStatsRequestDto,
    /** What the request accepts; a `public` token gets JSON whatever it asks. */
    readonly format: 'json' | 'csv' | 'xlsx',
    /** The request's `If-None-Match`. */
    readonly ifNoneMatch?: string,
  ) {
    super();
  }
}
