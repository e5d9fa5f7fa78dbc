import { statsCsv } from './stats-csv';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';

const answer = (
  groupBy: string[],
  rows: StatsResponseDto['rows'],
  more: Partial<StatsResponseDto> = {},
): StatsResponseDto => ({
  measure: 'acts',
  groupBy,
  lang: 'en',
  title: 'Acts',
  rows,
  total: 0,
  position: '00000000000000000007.00000000000000000042',
  positionTime: '2021-01-31T17:04:12.311Z',
  snapshotId: null,
  asOf: null,
  filters: [],
  definitions: {},
  ...more,
});

/** The table without its comment lines. */
const table = (csv: string) =>
  csv
    .split('\r\n')
    .filter((l) => !l.startsWith('#'))
    .join('\r\n');

describe('stats as CSV', () => {
  it('states title, position, its time and the filters in words on comment lines first', () => {
    const csv = statsCsv(
      answer(['month'], [{ keys: { month: '2020-02' }, labels: { month: '2020-02' }, value: 1 }], {
        lang: 'ru',
        title: 'Акты по месяцам',
        filters: ['Страна: Казахстан', 'Год: 2020'],
      }),
    );
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '# Акты по месяцам',
      '# По данным на 2021-01-31 17:04:12 UTC (позиция 00000000000000000007.00000000000000000042)',
      '# Фильтры: Страна: Казахстан; Год: 2020',
    ]);
    expect(statsCsv(answer([], []))).toContain('# Filters: all records, no filters\r\n');
  });

  it('has a code and a label column per group-by, then the measure, CRLF line ends', () => {
    const csv = statsCsv(
      answer(
        ['month', 'targetCategory'],
        [
          {
            keys: { month: '2020-02', targetCategory: 'journalist' },
            labels: { month: '2020-02', targetCategory: 'Journalist or blogger' },
            value: 12,
          },
        ],
      ),
    );
    expect(table(csv)).toBe(
      'month,month_label,targetCategory,targetCategory_label,acts\r\n' +
        '2020-02,2020-02,journalist,Journalist or blogger,12\r\n',
    );
  });

  it('writes a null key as an empty code beside its label', () => {
    const csv = statsCsv(
      answer(['month'], [{ keys: { month: null }, labels: { month: 'month unknown' }, value: 3 }]),
    );
    expect(table(csv)).toBe('month,month_label,acts\r\n,month unknown,3\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    const csv = statsCsv(
      answer(
        ['legalArticle'],
        [
          { keys: { legalArticle: 'Law "On assemblies", 2020|8' }, labels: {}, value: 1 },
          { keys: { legalArticle: 'Code\nof Offences|488' }, labels: {}, value: 2 },
        ],
      ),
    );
    expect(table(csv)).toBe(
      'legalArticle,legalArticle_label,acts\r\n"Law ""On assemblies"", 2020|8",,1\r\n"Code\nof Offences|488",,2\r\n',
    );
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    const csv = statsCsv(
      answer(
        ['legalArticle'],
        [{ keys: { legalArticle: '=HYPERLINK("x")|1' }, labels: {}, value: 1 }],
      ),
    );
    expect(table(csv)).toBe(
      'legalArticle,legalArticle_label,acts\r\n"\'=HYPERLINK(""x"")|1",,1\r\n',
    );
  });

  it('writes one row for a total without group-by', () => {
    expect(table(statsCsv(answer([], [{ keys: {}, labels: {}, value: 1414 }])))).toBe(
      'acts\r\n1414\r\n',
    );
  });
});
