import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { CaseFormat, CaseRow } from './case-rows';
import { csvCell } from './csv-cell';

/** What a file says about itself: its title, where its rows stand, its filters (in words). */
export interface CaseFileHead {
  title: string;
  lines: string[];
  columns: readonly string[];
}

/** The media type of each format, for the response and the stored file. */
export const CASE_MEDIA_TYPES: Readonly<Record<CaseFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** Rows are written in chunks of about this many bytes (CSV, JSON Lines). */
const CHUNK_BYTES = 64 * 1024;

/**
 * The rows as a stream in `format`, pulled as the client reads: never the whole file in
 * memory. CSV starts with comment lines (`#`) that the import skips; JSON Lines has one object
 * per act and nothing else (the position is in the response headers); XLSX has the acts on
 * its first sheet (so it imports back) and the title, position and filters on a second.
 */
export function caseExportStream(
  format: CaseFormat,
  head: CaseFileHead,
  rows: AsyncIterable<CaseRow>,
): Readable {
  if (format === 'xlsx') return xlsxStream(head, rows);
  const lines = format === 'csv' ? csvLines(head, rows) : jsonLines(head, rows);
  return Readable.from(chunked(lines), { objectMode: false });
}

async function* csvLines(head: CaseFileHead, rows: AsyncIterable<CaseRow>): AsyncGenerator<string> {
  // A BOM, so that Excel reads the labels as UTF-8.
  yield '\ufeff';
  for (const line of [head.title, ...head.lines]) yield `# ${line.replace(/[\r\n]+/g, ' ')}\r\n`;
  yield `${head.columns.join(',')}\r\n`;
  for await (const row of rows) {
    yield `${head.columns.map((c) => csvCell(row[c] ?? '')).join(',')}\r\n`;
  }
}

async function* jsonLines(
  head: CaseFileHead,
  rows: AsyncIterable<CaseRow>,
): AsyncGenerator<string> {
  for await (const row of rows) {
    yield `${JSON.stringify(Object.fromEntries(head.columns.map((c) => [c, row[c] ?? ''])))}\n`;
  }
}

async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<Buffer> {
  let parts: string[] = [];
  let size = 0;
  for await (const line of lines) {
    parts.push(line);
    size += line.length;
    if (size >= CHUNK_BYTES) {
      yield Buffer.from(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''));
}

/**
 * exceljs's streaming writer: each row is committed (written into the archive) as it comes,
 * and the writer waits while the client has not taken what was written so far.
 */
function xlsxStream(head: CaseFileHead, rows: AsyncIterable<CaseRow>): Readable {
  const out = new PassThrough();
  const pump = async () => {
    // Loaded here, not at start-up: see export-workbook.ts.
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('acts', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = head.columns.map((c) => ({ header: c, key: c, width: 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let n = 0;
    for await (const row of rows) {
      sheet.addRow(head.columns.map((c) => row[c] ?? '')).commit();
      if (++n % 200 === 0 && out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    const about = workbook.addWorksheet('about');
    for (const line of [head.title, ...head.lines]) about.addRow([line]).commit();
    about.getColumn(1).width = 100;
    about.commit();
    await workbook.commit();
  };
  pump().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
