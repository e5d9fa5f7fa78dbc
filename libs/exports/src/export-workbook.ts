import ExcelJS from 'exceljs';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';

export interface Breakdown {
  title: string;
  stats: StatsResponseDto;
}

export interface AsOfStamp {
  position: string;
  /** The time the figures stand at: the asOf asked, or when the export was requested. */
  time: string;
}

/**
 * One sheet per breakdown (a title and the stamp, then a table: per group-by the key and its
 * label, then the measure, and a total row), a definitions sheet with what every figure
 * counts, and the "as of" stamp everywhere: position and time.
 */
export async function exportWorkbook(
  breakdowns: readonly Breakdown[],
  stamp: AsOfStamp,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(stamp.time);
  const stampText = stampLine(stamp);
  const names = new Set<string>();
  for (const { title, stats } of breakdowns) {
    const sheet = workbook.addWorksheet(sheetName(title, names));
    sheet.addRow([title]).font = { bold: true };
    sheet.addRow([stampText]);
    sheet.addRow([]);
    const header = sheet.addRow([
      ...stats.groupBy.flatMap((g) => [g, `${g} (label)`]),
      stats.measure,
    ]);
    header.font = { bold: true };
    for (const row of stats.rows) {
      sheet.addRow([...stats.groupBy.flatMap((g) => [row.keys[g], row.labels[g]]), row.value]);
    }
    sheet.addRow([
      ...stats.groupBy.flatMap((_, i) => (i === 0 ? ['total', ''] : ['', ''])),
      stats.total,
    ]).font = {
      bold: true,
    };
    sheet.columns.forEach((c) => (c.width = 24));
  }
  const definitions = workbook.addWorksheet('Definitions');
  definitions.addRow(['As of position', stamp.position]);
  definitions.addRow(['As of time', stamp.time]);
  definitions.addRow([]);
  definitions.addRow(['Term', 'Definition']).font = { bold: true };
  const seen = new Map<string, string>();
  for (const { stats } of breakdowns) {
    for (const [term, text] of Object.entries(stats.definitions)) {
      if (!seen.has(term)) seen.set(term, text);
    }
  }
  seen.set(
    'month (charts)',
    'The monthly chart leaves out year-precise acts: they have no month and count under "month unknown" in the tables.',
  );
  for (const [term, text] of seen) definitions.addRow([term, text]);
  definitions.getColumn(1).width = 24;
  definitions.getColumn(2).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function stampLine(stamp: AsOfStamp): string {
  return `As of position ${stamp.position} (${stamp.time})`;
}

/** Excel allows 31 characters and no []:*?/\ in a sheet name; names must be unique. */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 28)
      .trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}
