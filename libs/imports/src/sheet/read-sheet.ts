import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
// Types only here; the library is loaded when a workbook is first made or read: it takes about
// a fifth of the API's module-loading time, which every start and every e2e spec paid.
import type ExcelJS from 'exceljs';
import { UNREADABLE_ZIP, zipProblem } from '@app/application/files/zip-bomb';
import { decodeCsv } from './decode-csv';
import { UnreadableSheet } from './unreadable-sheet';

export type SheetFormat = 'csv' | 'xlsx';

/** A sheet as text: its header row and its data rows, numbered as a spreadsheet shows them. */
export interface SheetTable {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export { UnreadableSheet };

/**
 * What one import may hold. A month of a monitoring NGO's cases is hundreds to a few thousand
 * rows; these leave a wide margin and keep a hostile file (a few megabytes of XLSX declaring
 * millions of rows) from taking the memory of the process that reads it.
 */
export const SHEET_LIMITS = {
  /** The XLSX archive's entries together, inflated. */
  maxInflatedBytes: 100 * 1024 * 1024,
  /** Real sheets inflate 5 to 20 times; a file of millions of identical rows, thousands. */
  maxRatio: 200,
  maxRows: 100_000,
  maxColumns: 200,
  /** Far above the longest field (a description, 20,000): a longer cell is not a case. */
  maxCellChars: 100_000,
};

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
      // Stops at the limit instead of parsing a file of millions of rows first.
      to_line: SHEET_LIMITS.maxRows + 2,
    }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'CSV_ERROR';
    throw new UnreadableSheet(`the file is not readable CSV (${code})`);
  }
  const table = new BoundedTable();
  records.forEach((cells, i) => table.add(i + 1, cells));
  return table.result();
}

/**
 * XLSX read as a stream, first sheet only: rows are taken one at a time and the reading stops
 * at the first limit passed, so memory follows the limits, not what the file declares.
 */
async function readXlsx(content: Buffer): Promise<SheetTable> {
  const bomb = zipProblem(content, { ...SHEET_LIMITS, files: 'import sheets' });
  if (bomb === UNREADABLE_ZIP) throw new UnreadableSheet(NOT_XLSX);
  if (bomb !== undefined) throw new UnreadableSheet(bomb);
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    // Kept for the number formats that say a cell is a date.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const table = new BoundedTable();
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!row.hasValues) continue;
        const values = row.values as unknown[];
        table.add(
          row.number,
          Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])),
        );
      }
      break;
    }
  } catch (error) {
    if (error instanceof UnreadableSheet) throw error;
    throw new UnreadableSheet(NOT_XLSX);
  }
  if (sheets === 0) throw new UnreadableSheet('the workbook has no sheet');
  return table.result();
}

const NOT_XLSX = 'the file is not a readable XLSX workbook';

/** The header row, then data rows, refusing the first row, column or cell past the limits. */
class BoundedTable {
  private headers?: string[];
  private readonly rows: SheetTable['rows'] = [];

  add(row: number, cells: string[]): void {
    if (cells.length > SHEET_LIMITS.maxColumns) {
      throw new UnreadableSheet(
        `row ${row} has ${cells.length} columns; an import sheet may have at most ` +
          `${SHEET_LIMITS.maxColumns}`,
      );
    }
    const long = cells.findIndex((cell) => cell.length > SHEET_LIMITS.maxCellChars);
    if (long >= 0) {
      throw new UnreadableSheet(
        `row ${row}, column ${long + 1} holds ${cells[long]?.length} characters; a cell may ` +
          `hold at most ${SHEET_LIMITS.maxCellChars}`,
      );
    }
    if (this.headers === undefined) {
      // Comment lines above the header (our exports state their position and filters so).
      if (cells[0]?.trimStart().startsWith('#')) return;
      this.headers = cells.map((c) => c.trim());
      return;
    }
    if (this.rows.length === SHEET_LIMITS.maxRows) {
      throw new UnreadableSheet(
        `the sheet has more than ${SHEET_LIMITS.maxRows} rows; split it into files of at most ` +
          `${SHEET_LIMITS.maxRows} rows and import them one after another`,
      );
    }
    this.rows.push({ row, cells });
  }

  result(): SheetTable {
    return { headers: this.headers ?? [], rows: this.rows };
  }
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
