import { Breakdown, keyOfFigure, matchesBreakdown } from './reference-figure-match';
import { ReferenceFigure } from './reference-figure.decider';

const figure = (over: Partial<ReferenceFigure>): ReferenceFigure => ({
  figureId: 'f',
  source: { name: 'Kadyr-Kasiyet' },
  statement: 's',
  value: 1,
  qualifier: 'exact',
  measure: 'persons',
  period: { from: '2020-01', to: '2020-12' },
  dimensions: { country: 'KZ', targetCategory: 'journalist' },
  ...over,
});
const ask = (over: Partial<Breakdown>): Breakdown => ({
  measure: 'persons',
  groupBy: ['targetCategory'],
  filters: { country: ['KZ'], sourceRole: 'main' },
  ...over,
});

describe('matchesBreakdown', () => {
  it('matches a cell of the same breakdown', () => {
    expect(matchesBreakdown(figure({}), ask({}))).toBe(true);
  });

  it.each<[string, Partial<ReferenceFigure>, Partial<Breakdown>]>([
    ['another measure', {}, { measure: 'acts' }],
    ['a total beside a table', { dimensions: { country: 'KZ' } }, {}],
    ['a narrower slice than asked', {}, { groupBy: [] }],
    ['another country', {}, { filters: { country: ['KG'] } }],
    ['several countries at once', {}, { filters: { country: ['KZ', 'KG'] } }],
    ['a filter the figure does not share', {}, { filters: { country: ['KZ'], tag: ['x'] } }],
    ['a country it does not fix', { dimensions: { targetCategory: 'journalist' } }, {}],
    ['another year', {}, { filters: { country: ['KZ'], year: ['2021'] } }],
    ['a period outside from/to', {}, { from: '2020-02' }],
    [
      'an open-ended period under a period filter',
      { period: { to: '2021-07' } },
      { to: '2021-12' },
    ],
    [
      'a year group-by for a five-month figure',
      { period: { from: '2021-01', to: '2021-05' } },
      { groupBy: ['targetCategory', 'year'] },
    ],
  ])('does not match %s', (_why, f, b) => {
    expect(matchesBreakdown(figure(f), ask(b))).toBe(false);
  });

  it('matches inside the period asked', () => {
    expect(
      matchesBreakdown(figure({}), ask({ filters: { country: ['KZ'], year: ['2020'] } })),
    ).toBe(true);
    expect(matchesBreakdown(figure({}), ask({ from: '2020-01', to: '2021-05' }))).toBe(true);
    expect(
      matchesBreakdown(
        figure({ period: { from: '2021-01', to: '2021-05' }, dimensions: { country: 'KZ' } }),
        ask({ groupBy: [], filters: { country: ['KZ'], year: ['2021'] } }),
      ),
    ).toBe(true);
  });

  it('gives the row key of each group-by', () => {
    const f = figure({ period: { from: '2020-02', to: '2020-02' } });
    expect(keyOfFigure(f, 'targetCategory')).toBe('journalist');
    expect(keyOfFigure(f, 'month')).toBe('2020-02');
    expect(keyOfFigure(f, 'year')).toBeUndefined();
    expect(keyOfFigure(figure({}), 'year')).toBe('2020');
    expect(keyOfFigure(figure({ period: { from: '2020-04', to: '2020-06' } }), 'quarter')).toBe(
      '2020-Q2',
    );
  });
});
