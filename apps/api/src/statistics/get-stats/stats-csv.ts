import { GroupBy, labelOfKey } from '@app/read-models/statistics/stats-dimensions';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';

/**
 * The rows of an answer as RFC 4180 CSV: one column per group-by, then the measure. A null
 * key is written as its label ("month unknown"), so the file reads on its own.
 */
export function statsCsv(stats: StatsResponseDto): string {
  const groupBy = stats.groupBy as GroupBy[];
  const lines = [
    [...groupBy, stats.measure],
    ...stats.rows.map((row) => [
      ...groupBy.map((g) => {
        const key = row.keys[g];
        return key === null ? labelOfKey(g, null) : String(key);
      }),
      String(row.value),
    ]),
  ];
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(text: string): string {
  // A cell starting like a formula would run as one in a spreadsheet (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
