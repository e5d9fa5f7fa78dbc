import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeCsv } from './decode-csv';
import { UnreadableSheet } from './unreadable-sheet';

export type SheetFormat = 'csv' | 'xlsx';

/** A sheet as text: its header row and its data rows, numbered as a spreadsheet shows them. */
export interface SheetTable {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export { UnreadableSheet };

export async function readSheet(content: Buffer, format: SheetFormat): Promise<SheetTable> {
  return format === 'csv' ? readCsv(content) : readXlsx(content);
}

function readCsv(content: Buffer): SheetTable {
  // Spreadsheets in Russian locales save CSV in Windows-1251 with `;`.
  const { text, delimiter } = decodeCsv(content);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'CSV_ERROR';
    throw new UnreadableSheet(`the file is not readable CSV (${code})`);
  }
  const [headers = [], ...data] = records;
  return {
    headers: headers.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ row: i + 2, cells })),
  };
}

async function readXlsx(content: Buffer): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableSheet('the file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new UnreadableSheet('the workbook has no sheet');
  const table: SheetTable = { headers: [], rows: [] };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
      cellText(values[i + 1]),
    );
    if (table.headers.length === 0 && table.rows.length === 0) {
      table.headers = cells.map((c) => c.trim());
    } else {
      table.rows.push({ row: rowNumber, cells });
    }
  });
  return table;
}

/** A cell as the text a person would type: dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text: string }[]).map((r) => r.text).join('');
    }
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.hyperlink === 'string') return v.hyperlink;
    return '';
  }
  return String(value);
}
