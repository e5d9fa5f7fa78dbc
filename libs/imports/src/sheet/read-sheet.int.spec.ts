import ExcelJS from 'exceljs';
import { zipBombWorkbook } from '../../../../test/support/hostile-sheets';
import { worksheetXml, xlsxWorkbook } from '../../../../test/support/zip-archive';
import { SHEET_LIMITS } from './read-sheet';
import { readSheetInThread } from './read-sheet-in-thread';

const MiB = 1024 ** 2;
// What a read may add to this process's RSS (about 110 MB measured alone): the file
// and its inflated stream stay bounded. Growth, not the total: jest runs other spec
// files in the same worker first, and what they left (over 1 GB in CI) is not this read's.
const GROWTH_LIMIT = 384 * MiB;

/** Reads in the thread, sampling how far this process's RSS (the thread's heap is part of it) grows. */
async function readWatchingMemory(file: Buffer) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const outcome = await readSheetInThread(file, 'xlsx').then(
      (table) => ({ table, reason: undefined }),
      (error: Error & { reason?: string }) => ({ table: undefined, reason: error.reason }),
    );
    return { ...outcome, growth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

/** `count` distinct rows of four cells each, numbered from row 2 under a header row. */
function distinctRows(count: number): string {
  const parts = ['<row r="1"><c r="A1" t="str"><v>title</v></c></row>'];
  for (let r = 2; r <= count + 1; r += 1) {
    parts.push(
      `<row r="${r}"><c r="A${r}" t="str"><v>Case ${r * 7919}</v></c><c r="B${r}"><v>${r % 97}</v></c>` +
        `<c r="C${r}" t="str"><v>KZ-${(r * 31) % 1000}</v></c><c r="D${r}"><v>${r}</v></c></row>`,
    );
  }
  return parts.join('');
}

/** `count` rows that differ only by their numbers: they compress as a real bomb does. */
function numberedRows(count: number): string {
  const parts: string[] = [];
  for (let r = 1; r <= count; r += 1) {
    parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c><c r="B${r}"><v>2</v></c></row>`);
  }
  return parts.join('');
}

describe('reading a sheet in bounded memory', () => {
  it('refuses three sheets of 7 million identical rows before inflating them', async () => {
    const bomb = await zipBombWorkbook();
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);

    const { reason, growth } = await readWatchingMemory(bomb);
    expect(reason).toMatch(/refused as a possible zip bomb \(at most 104857600 bytes/);
    expect(growth).toBeLessThan(GROWTH_LIMIT);
  }, 120_000);

  it('stops an archive that lies about its sizes at the row limit, in bounded memory', async () => {
    const liar = xlsxWorkbook([{ xml: worksheetXml(distinctRows(150_000)), declaredSize: 1_000 }]);

    const { reason, growth } = await readWatchingMemory(liar);
    expect(reason).toBe(
      `the sheet has more than ${SHEET_LIMITS.maxRows} rows; split it into files of at most ` +
        `${SHEET_LIMITS.maxRows} rows and import them one after another`,
    );
    expect(growth).toBeLessThan(GROWTH_LIMIT);
  }, 120_000);

  it('refuses a sheet of about 3 MB holding 400,000 rows at the row limit', async () => {
    const sheet = worksheetXml(numberedRows(400_000));
    const file = xlsxWorkbook([{ xml: sheet }]);
    expect(file.length).toBeLessThan(4 * 1024 * 1024);

    const { reason, growth } = await readWatchingMemory(file);
    expect(reason).toMatch(/^the sheet has more than 100000 rows/);
    expect(growth).toBeLessThan(GROWTH_LIMIT);
  }, 120_000);

  it('reads the first sheet only, rows numbered as shown, dates as dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('cases');
    first.addRow(['title', 'date']);
    first.addRow(['Detained at a rally', new Date(Date.UTC(2020, 1, 14))]);
    first.addRow([]);
    first.addRow(['Fined', '2020-03']);
    workbook.addWorksheet('notes').addRow(['not read']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    expect(await readSheetInThread(file, 'xlsx')).toEqual({
      headers: ['title', 'date'],
      rows: [
        { row: 2, cells: ['Detained at a rally', '2020-02-14'] },
        { row: 4, cells: ['Fined', '2020-03'] },
      ],
    });
  });

  it('refuses a row wider than the column limit and a cell longer than the cell limit', async () => {
    const wide = `${Array.from({ length: SHEET_LIMITS.maxColumns + 1 }, (_, i) => `c${i}`).join(',')}\n`;
    await expect(readSheetInThread(Buffer.from(wide), 'csv')).rejects.toMatchObject({
      reason: `row 1 has ${SHEET_LIMITS.maxColumns + 1} columns; an import sheet may have at most ${SHEET_LIMITS.maxColumns}`,
    });
    const long = `title\n${'x'.repeat(SHEET_LIMITS.maxCellChars + 1)}\n`;
    await expect(readSheetInThread(Buffer.from(long), 'csv')).rejects.toMatchObject({
      reason: `row 2, column 1 holds ${SHEET_LIMITS.maxCellChars + 1} characters; a cell may hold at most ${SHEET_LIMITS.maxCellChars}`,
    });
  });

  it('stops a CSV of more rows than the limit', async () => {
    const csv = `title\n${'a\n'.repeat(SHEET_LIMITS.maxRows + 5)}`;
    await expect(readSheetInThread(Buffer.from(csv), 'csv')).rejects.toMatchObject({
      reason: expect.stringMatching(/^the sheet has more than 100000 rows/),
    });
  });
});
