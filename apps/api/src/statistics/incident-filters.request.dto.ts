import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { allowedCodes, VOCABULARIES, VocabularyName } from '@app/domain';
import { Position } from '@app/event-store';
import { ValidationException } from '@app/application/validation.exception';
import { IncidentFilters, SOURCE_ROLES } from '@app/read-models/statistics/incident-filters';

/** A position as commands answer it (`position`): fixed-width fields, dot-separated. */
export const POSITION_PATTERN = /^\d{20}(\.\d{20})*$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const POSITION_EXAMPLE = '00000000000000000742.00000000000000001234';

export { SOURCE_ROLES };
export type { IncidentFilters };
export const VERIFICATION_STATUSES = ['verified', 'unverified'] as const;

// A repeated parameter arrives as an array, a single one as a string.
const AsList = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value));

/**
 * A filter on a vocabulary. Deprecated codes are accepted (old records keep them); the error
 * lists the current ones.
 */
function CodeFilter(vocabulary: VocabularyName, example: string, description: string) {
  const codes = VOCABULARIES[vocabulary].terms.map((t) => t.code);
  const allowed = allowedCodes(vocabulary);
  return (target: object, property: string) => {
    ApiPropertyOptional({
      enum: codes,
      isArray: true,
      example: [example],
      description: `${description} Repeat the parameter for several values (any of them).`,
    })(target, property);
    IsOptional()(target, property);
    AsList()(target, property);
    ArrayMaxSize(100)(target, property);
    IsIn(codes, { each: true, context: { allowed } })(target, property);
  };
}

/**
 * The query parameters GET /incidents and GET /stats share: the filters of ISSUE 4 and
 * `after` (read-your-writes). Unknown parameters are refused by the global ValidationPipe.
 */
export class IncidentFiltersRequestDto {
  @CodeFilter('country', 'KZ', 'ISO 3166-1 alpha-2 country.')
  country?: string[];

  @CodeFilter('region', 'KZ-75', 'ISO 3166-2 region.')
  region?: string[];

  @CodeFilter('incident_type', 'administrative_arrest', 'Incident type.')
  type?: string[];

  @CodeFilter('incident_family', 'liberty_and_justice', 'Family of incident types.')
  family?: string[];

  @CodeFilter('target_category', 'journalist', "The target's category in the act.")
  targetCategory?: string[];

  @CodeFilter('perpetrator_source', 'police', 'Source of threat (see sourceRole).')
  source?: string[];

  @ApiPropertyOptional({
    enum: SOURCE_ROLES,
    default: 'main',
    example: 'any',
    description:
      'Which sources of threat `source` (filter and group-by) looks at: `main` only, or `any` (main and secondary).',
  })
  @IsOptional()
  @IsIn(SOURCE_ROLES, { context: { allowed: SOURCE_ROLES } })
  sourceRole?: (typeof SOURCE_ROLES)[number];

  @CodeFilter('right', 'freedom_of_peaceful_assembly', 'Right affected.')
  right?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['KZ Criminal Code|405'],
    description: 'Legal basis as `instrument|article`. Repeat for several.',
  })
  @IsOptional()
  @AsList()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  @Matches(/^[^|]+\|[^|]+$/, {
    each: true,
    message: 'legalArticle must be instrument|article, e.g. KZ Criminal Code|405',
  })
  legalArticle?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['agadil'],
    description: 'Tag. Repeat for several.',
  })
  @IsOptional()
  @AsList()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  tag?: string[];

  @ApiPropertyOptional({
    enum: VERIFICATION_STATUSES,
    isArray: true,
    example: ['verified'],
    description: 'Verification status.',
  })
  @IsOptional()
  @AsList()
  @IsIn(VERIFICATION_STATUSES, { each: true, context: { allowed: VERIFICATION_STATUSES } })
  verificationStatus?: string[];

  @ApiPropertyOptional({
    example: '2020-01',
    description:
      'First month (YYYY-MM). A year-precise act is inside a from/to range only if its whole year is.',
  })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'from must be a month: YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2020-12', description: 'Last month (YYYY-MM), included.' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'to must be a month: YYYY-MM' })
  to?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['2020'],
    description: 'Year (YYYY) of occurrence. Repeat for several.',
  })
  @IsOptional()
  @AsList()
  @ArrayMaxSize(100)
  @Matches(/^\d{4}$/, { each: true, message: 'year must be a year: YYYY' })
  year?: string[];

  @ApiPropertyOptional({
    example: POSITION_EXAMPLE,
    description:
      'Read your writes: the `position` a command answered. The query waits (at most 5 s, then ' +
      '503) until the projection has passed it.',
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, {
    message: `after must be a position as commands answer it, e.g. ${POSITION_EXAMPLE}`,
  })
  after?: string;
}

/** The checked filters of a request; a from/to range that ends before it starts is a 400. */
export function filtersOf(dto: IncidentFiltersRequestDto): IncidentFilters {
  if (dto.from !== undefined && dto.to !== undefined && dto.from > dto.to) {
    throw new ValidationException([
      { field: 'to', message: `must not be before from (${dto.from})` },
    ]);
  }
  return {
    country: dto.country,
    region: dto.region,
    type: dto.type,
    family: dto.family,
    targetCategory: dto.targetCategory,
    source: dto.source,
    sourceRole: dto.sourceRole ?? 'main',
    right: dto.right,
    legalArticle: dto.legalArticle,
    tag: dto.tag,
    verificationStatus: dto.verificationStatus,
    from: dto.from,
    to: dto.to,
    year: dto.year?.map(Number),
  };
}

export function afterOf(dto: IncidentFiltersRequestDto): Position | undefined {
  return dto.after as Position | undefined;
}
