import { statsCsv } from './stats-csv';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';

const answer = (groupBy: string[], rows: StatsResponseDto['rows']): StatsResponseDto => ({
  measure: 'acts',
  groupBy,
  rows,
  total: 0,
  position: '',
  asOf: null,
  definitions: {},
});

describe('stats as CSV', () => {
  it('has a header of the group-bys and the measure, CRLF line ends', () => {
    const csv = statsCsv(
      answer(
        ['month', 'targetCategory'],
        [{ keys: { month: '2020-02', targetCategory: 'journalist' }, labels: {}, value: 12 }],
      ),
    );
    expect(csv).toBe('month,targetCategory,acts\r\n2020-02,journalist,12\r\n');
  });

  it('writes a null key as its label', () => {
    const csv = statsCsv(answer(['month'], [{ keys: { month: null }, labels: {}, value: 3 }]));
    expect(csv).toBe('month,acts\r\nmonth unknown,3\r\n');
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
    expect(csv).toBe(
      'legalArticle,acts\r\n"Law ""On assemblies"", 2020|8",1\r\n"Code\nof Offences|488",2\r\n',
    );
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    const csv = statsCsv(
      answer(
        ['legalArticle'],
        [{ keys: { legalArticle: '=HYPERLINK("x")|1' }, labels: {}, value: 1 }],
      ),
    );
    expect(csv).toBe('legalArticle,acts\r\n"\'=HYPERLINK(""x"")|1",1\r\n');
  });

  it('writes one row for a total without group-by', () => {
    expect(statsCsv(answer([], [{ keys: {}, labels: {}, value: 1414 }]))).toBe('acts\r\n1414\r\n');
  });
});
