import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { Lang } from '@app/domain';
import { LangProperty } from '../../http/lang.decorator';
import { IncidentFiltersRequestDto } from '../../statistics/incident-filters.request.dto';
import {
  GROUP_BYS,
  GroupBy,
  Measure,
  MEASURES,
} from '@app/read-models/statistics/stats-dimensions';

/** One breakdown: the parameters of GET /stats, as JSON. */
export class ExportQueryDto extends IncidentFiltersRequestDto {
  @ApiProperty({ enum: MEASURES, example: 'acts' })
  @IsIn(MEASURES, { context: { allowed: MEASURES } })
  measure!: Measure;

  @ApiPropertyOptional({ enum: GROUP_BYS, isArray: true, example: ['month', 'targetCategory'] })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value,
  )
  @IsArray()
  @ArrayMaxSize(2, { message: 'groupBy takes one or two dimensions' })
  @ArrayUnique({ message: 'groupBy must not repeat a dimension' })
  @IsIn(GROUP_BYS, { each: true, context: { allowed: GROUP_BYS } })
  groupBy?: GroupBy[];
}

export class StartExportRequestDto {
  @ApiProperty({
    type: [ExportQueryDto],
    description: 'One sheet per query, in this order.',
    example: [
      { measure: 'acts', groupBy: ['month'], year: ['2020'] },
      { measure: 'persons', groupBy: ['targetCategory'], year: ['2020'] },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ExportQueryDto)
  queries!: ExportQueryDto[];

  @ApiPropertyOptional({
    example: '2021-01-31T23:59:59Z',
    description:
      'As GET /stats: a timestamp, a position, or `snapshot:<id>`. Default: the statistics as they stand at the request.',
  })
  @IsOptional()
  @IsString()
  asOf?: string;

  @LangProperty('sheet names, titles, labels, filters, definitions and chart texts')
  lang?: Lang;
}
