import { LANGS } from '@app/domain';
import { periodTicks } from './period-axis';
import { chartShape, chartSpec } from './chart-spec';
import { filtersLine, fitWords, queryTitle, sheetName } from './query-words';

describe('query words', () => {
  it('titles a query in each language', () => {
    expect(queryTitle('acts', ['year', 'targetCategory'], 'en')).toBe(
      'Acts by year and target category',
    );
    expect(queryTitle('acts', ['year', 'targetCategory'], 'ru')).toBe(
      'Акты по годам и категориям преследуемых',
    );
    expect(queryTitle('persons', [], 'ru')).toBe('Лица, всего');
    // Every language but English in its own script: no code or English word left in.
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      expect(queryTitle('incidents', ['month', 'legalArticle'], lang)).not.toMatch(/[a-z]/i);
    }
  });

  it('states filters as labels, not codes', () => {
    expect(
      filtersLine({ country: ['KZ'], targetCategory: ['journalist'], year: [2020] }, 'ru'),
    ).toBe('Фильтры: Страна: Казахстан; Категория преследуемых: Журналист или блогер; Год: 2020');
    expect(filtersLine({ sourceRole: 'main' }, 'en')).toBe('Filters: all records, no filters');
  });

  it('fits a sheet name in 31 characters without cutting a word, unique ignoring case', () => {
    const taken = new Set<string>();
    const title = queryTitle('acts', ['year', 'targetCategory'], 'ru');
    const name = sheetName(title, taken);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(title.startsWith(name)).toBe(true);
    expect(title[name.length]).toBe(' ');
    expect(name).toBe('Акты по годам и категориям');
    const again = sheetName(title, taken);
    expect(again).toBe('Акты по годам и категориям 2');
    expect(sheetName('a/b:c', taken)).toBe('a b c');
    for (const lang of LANGS) {
      const n = sheetName(
        queryTitle('organisations', ['verificationStatus', 'legalArticle'], lang),
        new Set(),
      );
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\s,:]$/);
    }
    expect(fitWords('one two three', 7)).toBe('one two');
  });
});

describe('period ticks', () => {
  const months = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );

  it('labels every period that fits, every k-th month from a January, else years', () => {
    expect(periodTicks(months(12), 1000, 60).values).toHaveLength(12);
    const three = periodTicks(months(36), 1000, 60);
    expect(three.yearsOnly).toBe(false);
    expect(three.values[0]).toBe('2010-01');
    expect(three.values.length * 60).toBeLessThanOrEqual(1000);
    const twelve = periodTicks(months(144), 1000, 60);
    expect(twelve).toEqual({
      yearsOnly: true,
      values: months(144).filter((m) => m.endsWith('-01')),
    });
    const forty = periodTicks(months(480), 600, 60);
    expect(forty.yearsOnly).toBe(true);
    expect(forty.values.length * 36).toBeLessThanOrEqual(600);
  });
});

describe('chart shape', () => {
  it('follows the group-by', () => {
    expect(chartShape([])).toBe('total');
    expect(chartShape(['quarter'])).toBe('periods');
    expect(chartShape(['source'])).toBe('categories');
    expect(chartShape(['targetCategory', 'month'])).toBe('periods-by-series');
    expect(chartShape(['country', 'source'])).toBe('categories-by-series');
  });

  it('sorts categories by value, fills empty months with nothing invented, counts in integers', () => {
    const spec = chartSpec(
      {
        measure: 'acts',
        groupBy: ['source'],
        rows: [
          { keys: { source: 'police' }, value: 2 },
          { keys: { source: 'court' }, value: 5 },
        ],
        total: 7,
        position: '1',
        positionTime: '2021-01-01T00:00:00.000Z',
      },
      {},
      'en',
    ) as { encoding: { y: { sort: string[] }; x: { axis: { tickMinStep: number } } } };
    expect(spec.encoding.y.sort).toEqual(['Court', 'Police']);
    expect(spec.encoding.x.axis.tickMinStep).toBe(1);
  });
});
