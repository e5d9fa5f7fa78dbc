import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { templateCsv, templateXlsx } from '@app/imports/import-template';
import { ImportTemplateCsvQuery, ImportTemplateXlsxQuery } from './import-template.query';

@QueryHandler(ImportTemplateCsvQuery)
export class ImportTemplateCsvHandler implements IQueryHandler<ImportTemplateCsvQuery> {
  execute({ lang }: ImportTemplateCsvQuery): Promise<string> {
    return Promise.resolve(templateCsv(lang));
  }
}

@QueryHandler(ImportTemplateXlsxQuery)
export class ImportTemplateXlsxHandler implements IQueryHandler<ImportTemplateXlsxQuery> {
  execute({ lang }: ImportTemplateXlsxQuery): Promise<Buffer> {
    return templateXlsx(lang);
  }
}
