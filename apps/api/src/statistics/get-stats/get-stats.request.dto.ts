import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { Lang } from '@app/domain';
import { Position } from '@app/event-store';
import { AsOf } from '@app/read-models/statistics/as-of';
import { ValidationException } from '@app/application/validation.exception';
import { LangProperty } from '../../http/lang.decorator';
import { IncidentFiltersRequestDto, POSITION_PATTERN } from '../incident-filters.request.dto';
import {
  GROUP_BYS,
  GroupBy,
  Measure,
  MEASURES,
} from '@app/read-models/statistics/stats-dimensions';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const SNAPSHOT = /^snapshot:[A-Za-z0-9_-]{1,100}$/;
const EARLIEST = Date.UTC(1900, 0, 1);

/** Knowledge the answer reflects: what the read model holds now, or as it stood then. */
export type { AsOf };

/** `asOf`: what was known at a time, a position or a snapshot (GET /stats, GET /incidents/export). */
export function AsOfProperty(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      example: '2021-01-31T23:59:59Z',
      description:
        'What was known then: an ISO 8601 timestamp with a time zone (resolved to the last ' +
        'position recorded at or before it, answered as `position` and `positionTime`), a ' +
        'position (as commands answer it), or `snapshot:<id>`. Default: the current read model.',
    }),
    IsOptional(),
    Matches(new RegExp(`${TIMESTAMP.source}|${POSITION_PATTERN.source}|${SNAPSHOT.source}`), {
      message:
        'asOf must be an ISO 8601 timestamp with a time zone (2021-01-31T23:59:59Z), a position, or snapshot:<id>',
    }),
  );
}

export class GetStatsRequestDto extends IncidentFiltersRequestDto {
  @ApiProperty({
    enum: MEASURES,
    example: 'acts',
    description:
      '`incidents`: distinct incidents; `acts`: incident × target pairs (Kadyr-Kasiyet\'s "threats"); ' +
      '`persons` / `organisations`: distinct targets of that kind.',
  })
  @IsIn(MEASURES, { context: { allowed: MEASURES } })
  measure!: Measure;

  @ApiPropertyOptional({
    type: String,
    example: 'month,targetCategory',
    description: `One or two of ${GROUP_BYS.join(', ')}, comma-separated. Without it, one row: the total.`,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value,
  )
  @ArrayMaxSize(2, { message: 'groupBy takes one or two dimensions' })
  @ArrayUnique({ message: 'groupBy must not repeat a dimension' })
  @IsIn(GROUP_BYS, { each: true, context: { allowed: GROUP_BYS } })
  groupBy?: GroupBy[];

  @AsOfProperty()
  asOf?: string;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    example: true,
    description:
      'Add `reference`: the third-party figures (POST /reference-figures) that answer the same ' +
      'question (same measure, a code for each group-by, other dimensions fixed by filters, ' +
      'period inside the period asked), each beside our figure for its row.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'includeReference must be true or false' })
  includeReference?: boolean;

  @LangProperty('labels, title, filters in words, definitions and the CSV comment lines')
  lang?: Lang;
}

export function asOfOf(value: string | undefined): AsOf {
  if (value === undefined) return { kind: 'current' };
  if (POSITION_PATTERN.test(value)) return { kind: 'position', position: value as Position };
  // Resolved to the pinned position by the handler, which knows the workspace.
  if (SNAPSHOT.test(value))
    return { kind: 'snapshot', snapshotId: value.slice('snapshot:'.length) };
  const at = Date.parse(value);
  if (!TIMESTAMP.test(value) || Number.isNaN(at) || !isRealDay(value.slice(0, 10))) {
    throw new ValidationException([{ field: 'asOf', message: 'is not a real point in time' }]);
  }
  // Nothing was recorded before; PostgreSQL has no year 0.
  if (at < EARLIEST) {
    throw new ValidationException([{ field: 'asOf', message: 'must be 1900 or later' }]);
  }
  return { kind: 'time', at: new Date(at).toISOString() };
}

/** Date.parse rolls 2021-02-30 over into March. */
function isRealDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date)).getUTCDate() === date;
}
