import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import {
  TEMPLATE_LANGS,
  TemplateLang,
  templateCsv,
  templateXlsx,
} from '@app/imports/import-template';

export class TemplateQueryDto {
  @IsOptional()
  @IsIn(TEMPLATE_LANGS, { context: { allowed: TEMPLATE_LANGS } })
  lang?: TemplateLang;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@Controller('imports')
export class ImportTemplateHttpController {
  @Get('template.csv')
  @Roles('admin', 'monitor')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="rights-ledger-import.csv"')
  @ApiOperation({ summary: 'An empty import sheet: the header row and one example row (CSV)' })
  @ApiQuery({ name: 'lang', required: false, enum: TEMPLATE_LANGS, description: 'Header language' })
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblems(400)
  csv(@Query() query: TemplateQueryDto): string {
    return templateCsv(query.lang ?? 'en');
  }

  @Get('template.xlsx')
  @Roles('admin', 'monitor')
  @ApiOperation({ summary: 'An empty import sheet: the header row and one example row (XLSX)' })
  @ApiQuery({ name: 'lang', required: false, enum: TEMPLATE_LANGS, description: 'Header language' })
  @ApiOkResponse({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400)
  async xlsx(@Query() query: TemplateQueryDto): Promise<StreamableFile> {
    return new StreamableFile(await templateXlsx(query.lang ?? 'en'), {
      type: XLSX,
      disposition: 'attachment; filename="rights-ledger-import.xlsx"',
    });
  }
}
