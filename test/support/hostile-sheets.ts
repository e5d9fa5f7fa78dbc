import { packedPart, worksheetPieces, xlsxWorkbook } from './zip-archive';

/**
 * The hostile spreadsheets of the issue-19 probe, built by the tests rather than committed:
 * generated in batches and deflated as they come (under a second each), so that neither the
 * inflated XML nor a large binary is ever held or stored.
 */

/** `count` batches of `size` copies of one row. */
function* repeated(row: string, size: number, count: number): Generator<string> {
  const batch = row.repeat(size);
  for (let i = 0; i < count; i += 1) yield batch;
}

/**
 * Three sheets of 7 million identical rows: about 1.3 MB that declare 546 MB inflated. The
 * whole-workbook reader ran out of heap on it after about 100 s.
 */
export async function zipBombWorkbook(): Promise<Buffer> {
  const sheet = await packedPart(
    worksheetPieces(repeated('<row><c><v>1</v></c></row>', 10_000, 700)),
  );
  return xlsxWorkbook([sheet, sheet, sheet]);
}

export const FLOOD = { rows: 11_800, columns: 40, strings: 2_000 };

/**
 * About 1.45 MB of XLSX: a header row and 11,800 rows of 40 shared-string cells (472,000
 * cells, 15 MB of XML), within every limit of the reader, so it is read whole. Cell
 * references make XML compress about 30 times at most; a file of this size cannot hold many
 * more cells. The whole-workbook reader kept every cell as objects and peaked at 4.4 GB on
 * such a sheet; read as a stream, the rows reach the import as text.
 */
export async function sharedStringsFlood(): Promise<Buffer> {
  const columns = Array.from({ length: FLOOD.columns }, (_, c) =>
    c < 26 ? String.fromCharCode(65 + c) : `A${String.fromCharCode(65 + c - 26)}`,
  );
  const row = (r: number, value: (c: number) => number) =>
    `<row r="${r}">${columns.map((col, c) => `<c r="${col}${r}" t="s"><v>${value(c)}</v></c>`).join('')}</row>`;
  function* rows(): Generator<string> {
    // Row 1: the headers, strings 0 to 39 ("note 0", ...), which no import column has.
    yield row(1, (c) => c);
    for (let start = 2; start <= FLOOD.rows + 1; start += 1_000) {
      const batch: string[] = [];
      for (let r = start; r < start + 1_000 && r <= FLOOD.rows + 1; r += 1) {
        batch.push(row(r, (c) => FLOOD.columns + (((r % 50) * FLOOD.columns + c) % FLOOD.strings)));
      }
      yield batch.join('');
    }
  }
  const strings = [
    ...Array.from({ length: FLOOD.columns }, (_, c) => `note ${c}`),
    ...Array.from({ length: FLOOD.strings }, (_, i) => `Detained after the rally, case ${i}`),
  ];
  return xlsxWorkbook([await packedPart(worksheetPieces(rows()))], { sharedStrings: strings });
}
