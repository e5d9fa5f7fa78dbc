import ExcelJS from 'exceljs';
import { Column, headersIn, TEMPLATE_COLUMNS } from './sheet/sheet-columns';

export type TemplateLang = 'en' | 'ru' | 'kk' | 'ky';
export const TEMPLATE_LANGS: readonly TemplateLang[] = ['en', 'ru', 'kk', 'ky'];

/** One example act: codes in English, labels would do as well. */
const EXAMPLE: Readonly<Record<Column, string>> = {
  date: '2020-02-25',
  precision: 'day',
  country: 'KZ',
  region: 'KZ-71',
  place: 'Pre-trial detention centre, Nur-Sultan',
  type: 'detention',
  title: 'Activist detained after a memorial gathering',
  description: 'Detained for 10 days for taking part in an unauthorised gathering.',
  target_kind: 'person',
  target_name: 'Aigerim Serikova',
  target_category: 'civil_activist',
  source_main: 'police',
  sources_secondary: 'court',
  rights: 'freedom_of_peaceful_assembly; liberty_and_security',
  legal_article: 'KZ Code of Administrative Offences art. 488',
  source_title: 'Kadyr-Kasiyet monthly monitoring, February 2020',
  source_url: 'https://example.org/monitoring/2020-02',
  tags: 'memorial',
  incident_ref: 'KK-2020-02-001',
};

export function templateRows(lang: TemplateLang): string[][] {
  return [headersIn(lang, TEMPLATE_COLUMNS), TEMPLATE_COLUMNS.map((c) => EXAMPLE[c])];
}

export function templateCsv(lang: TemplateLang): string {
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  // A BOM, so that Excel reads the Cyrillic headers as UTF-8.
  return `\ufeff${templateRows(lang)
    .map((r) => r.map(quote).join(','))
    .join('\r\n')}\r\n`;
}

export async function templateXlsx(lang: TemplateLang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('acts');
  for (const row of templateRows(lang)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
