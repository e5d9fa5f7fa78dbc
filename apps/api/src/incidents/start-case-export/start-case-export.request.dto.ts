import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CASE_FORMATS, CaseFormat } from '@app/exports/cases/case-rows';
import { ExportIncidentsRequestDto } from '../export-incidents/export-incidents.request.dto';

/** POST /incidents/exports: what GET /incidents/export takes, as JSON; CSV unless `format` says. */
export class StartCaseExportRequestDto extends ExportIncidentsRequestDto {
  @ApiPropertyOptional({
    enum: CASE_FORMATS,
    default: 'csv',
    example: 'csv',
    description: 'The file: `csv`, `xlsx` or `jsonl` (JSON Lines).',
  })
  @IsOptional()
  @IsIn(CASE_FORMATS, { context: { allowed: CASE_FORMATS } })
  declare format?: CaseFormat;
}
