import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Lang } from '@app/domain';
import { LangProperty } from '../../http/lang.decorator';
import { IncidentFiltersRequestDto } from '../../statistics/incident-filters.request.dto';
import { AsOfProperty } from '../../statistics/get-stats/get-stats.request.dto';
import { CASE_FORMATS, CASE_PROFILES, CaseFormat, CaseProfile } from '@app/exports/cases/case-rows';

/** GET /incidents/export: the filters and `asOf` of GET /stats, and how to write the rows. */
export class ExportIncidentsRequestDto extends IncidentFiltersRequestDto {
  @AsOfProperty()
  asOf?: string;

  @ApiPropertyOptional({
    enum: CASE_FORMATS,
    example: 'csv',
    description:
      'The file: `csv`, `xlsx` or `jsonl` (JSON Lines). Without it, the Accept header decides ' +
      '(text/csv, the XLSX media type, application/x-ndjson); CSV by default.',
  })
  @IsOptional()
  @IsIn(CASE_FORMATS, { context: { allowed: CASE_FORMATS } })
  format?: CaseFormat;

  @ApiPropertyOptional({
    enum: CASE_PROFILES,
    default: 'default',
    example: 'acled',
    description:
      "The columns: `default` (the import's column names, so the file imports back, with a " +
      "label beside each code) or `acled` (ACLED's column names where a field maps); see docs/case-export.md.",
  })
  @IsOptional()
  @IsIn(CASE_PROFILES, { context: { allowed: CASE_PROFILES } })
  profile?: CaseProfile;

  @LangProperty('the labels beside the codes, the title and the filters in words')
  lang?: Lang;
}
