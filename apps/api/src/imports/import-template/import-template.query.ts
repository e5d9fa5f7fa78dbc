import { Query } from '@nestjs/cqrs';
import { TemplateLang } from '@app/imports/import-template';

/** The empty import sheet as CSV text. */
export class ImportTemplateCsvQuery extends Query<string> {
  constructor(readonly lang: TemplateLang) {
    super();
  }
}

/** The empty import sheet as an XLSX workbook. */
export class ImportTemplateXlsxQuery extends Query<Buffer> {
  constructor(readonly lang: TemplateLang) {
    super();
  }
}
