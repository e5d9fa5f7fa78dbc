import { asOfLine, filterWordsLine } from '@app/charts';
import { Lang } from '@app/domain';
import { csvCell } from '@app/exports/cases/csv-cell';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';

/**
 * The rows of an answer as RFC 4180 CSV, stating what they are on comment lines first (`#`:
 * the title, the position and its time, the filters in words) so that a file saved on its own
 * still says where its figures come from; then one code column and one label column per
 * group-by, then the measure. A null key has an empty code and its label ("month unknown").
 */
export function statsCsv(stats: StatsResponseDto): string {
  const lang = stats.lang as Lang;
  const comments = [stats.title, asOfLine(stats, lang), filterWordsLine(stats.filters, lang)].map(
    (line) => `# ${line.replace(/[\r\n]+/g, ' ')}`,
  );
  const lines = [
    [...stats.groupBy.flatMap((g) => [g, `${g}_label`]), stats.measure],
    ...stats.rows.map((row) => [
      ...stats.groupBy.flatMap((g) => {
        const key = row.keys[g];
        return [key === null ? '' : String(key), row.labels[g] ?? ''];
      }),
      String(row.value),
    ]),
  ];
  return [...comments, ...lines.map((cells) => cells.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
