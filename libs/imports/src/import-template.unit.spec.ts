import ExcelJS from 'exceljs';
import { allowedCodes, labelOf } from '@app/domain';
import { CODED_COLUMNS, LISTS_SHEET, templateXlsx } from './import-template';
import { headersIn, TEMPLATE_COLUMNS } from './sheet/sheet-columns';

describe('the XLSX import template', () => {
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateXlsx('tg')) as unknown as ArrayBuffer);
    sheet = workbook.worksheets[0];
  });

  it('has the headers in the language asked, frozen, each with a note', () => {
    expect(sheet.getRow(1).values).toEqual([undefined, ...headersIn('tg', TEMPLATE_COLUMNS)]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    TEMPLATE_COLUMNS.forEach((_, i) => {
      const note = sheet.getRow(1).getCell(i + 1).note;
      expect(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')).toMatch(
        /\S/,
      );
    });
  });

  it('has a drop-down on every coded column, fed by a hidden sheet of labels in that language', () => {
    const lists = workbook.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('hidden');
    CODED_COLUMNS.forEach(({ column, vocabulary }, i) => {
      const labels = allowedCodes(vocabulary).map((c) => labelOf(vocabulary, c, 'tg'));
      const values = lists.getColumn(i + 1).values.slice(2);
      expect({ column, values }).toEqual({ column, values: labels });
      const letter = sheet.getColumn(TEMPLATE_COLUMNS.indexOf(column) + 1).letter;
      for (const row of [2, 3, 500]) {
        const validation = sheet.getCell(`${letter}${row}`).dataValidation;
        expect(validation).toMatchObject({ type: 'list' });
        expect(validation.formulae?.[0]).toBe(
          `${LISTS_SHEET}!$${lists.getColumn(i + 1).letter}$2:$${lists.getColumn(i + 1).letter}$${labels.length + 1}`,
        );
      }
    });
  });

  it('has an example row whose coded cells are labels in that language', () => {
    const cell = (column: string) =>
      sheet.getRow(2).getCell(TEMPLATE_COLUMNS.indexOf(column as never) + 1).value;
    expect(cell('country')).toBe(labelOf('country', 'KZ', 'tg'));
    expect(cell('type')).toBe(labelOf('incident_type', 'detention', 'tg'));
    expect(cell('precision')).toBe(labelOf('date_precision', 'day', 'tg'));
  });
});
