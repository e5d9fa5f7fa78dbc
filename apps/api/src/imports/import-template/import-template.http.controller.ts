import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { TEMPLATE_LANGS } from '@app/imports/import-template';
import { ImportTemplateCsvQuery, ImportTemplateXlsxQuery } from './import-template.query';
import { TemplateQueryDto } from './import-template.request.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@Controller('imports')
export class ImportTemplateHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('template.csv')
  @Roles('admin', 'monitor')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="rights-ledger-import.csv"')
  @ApiOperation({ summary: 'An empty import sheet: the header row and one example row (CSV)' })
  @ApiQuery({ name: 'lang', required: false, enum: TEMPLATE_LANGS, description: 'Header language' })
  @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblems(400)
  csv(@Query() query: TemplateQueryDto): Promise<string> {
    return this.queryBus.execute(new ImportTemplateCsvQuery(query.lang ?? 'en'));
  }

  @Get('template.xlsx')
  @Roles('admin', 'monitor')
  @ApiOperation({ summary: 'An empty import sheet: the header row and one example row (XLSX)' })
  @ApiQuery({ name: 'lang', required: false, enum: TEMPLATE_LANGS, description: 'Header language' })
  @ApiOkResponse({ content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400)
  async xlsx(@Query() query: TemplateQueryDto): Promise<StreamableFile> {
    const workbook = await this.queryBus.execute(new ImportTemplateXlsxQuery(query.lang ?? 'en'));
    return new StreamableFile(workbook, {
      type: XLSX,
      disposition: 'attachment; filename="rights-ledger-import.xlsx"',
    });
  }
}
