import { specFor } from '../decider.spec-helper';
import { RecordReferenceFigure, referenceFigureDecider } from './reference-figure.decider';

const given = specFor(referenceFigureDecider);
const today = '2026-11-28';

const journalists2020: RecordReferenceFigure = {
  type: 'RecordReferenceFigure',
  figureId: 'f-1',
  today,
  figure: {
    source: {
      name: ' Kadyr-Kasiyet ',
      publication: 'Retreating Rights - Kazakhstan: Introduction',
      publishedOn: '2021-07-22',
    },
    statement: 'journalists (64)',
    value: 64,
    qualifier: 'exact',
    measure: 'persons',
    period: { from: '2020', to: '2020' },
    dimensions: { country: 'KZ', targetCategory: 'journalist' },
  },
};

describe('Reference figure decider', () => {
  it('records a figure with its attribution, a year read as its twelve months', () => {
    given([])
      .when(journalists2020)
      .then([
        {
          type: 'ReferenceFigureRecorded',
          data: {
            figureId: 'f-1',
            source: {
              name: 'Kadyr-Kasiyet',
              publication: 'Retreating Rights - Kazakhstan: Introduction',
              publishedOn: '2021-07-22',
            },
            statement: 'journalists (64)',
            value: 64,
            qualifier: 'exact',
            measure: 'persons',
            period: { from: '2020-01', to: '2020-12' },
            dimensions: { country: 'KZ', targetCategory: 'journalist' },
          },
        },
      ]);
  });

  it('keeps a cumulative figure open at its start', () => {
    const [event] = referenceFigureDecider.decide(
      {
        ...journalists2020,
        figure: {
          ...journalists2020.figure,
          qualifier: 'more_than',
          measure: 'incidents',
          period: { to: '2021-07' },
          dimensions: { country: 'KZ', legalArticle: 'KZ Criminal Code|405' },
        },
      },
      referenceFigureDecider.initialState,
    );
    expect(event.data.period).toEqual({ to: '2021-07' });
  });

  it('names every bad field, with the allowed values', () => {
    const error = given([])
      .when({
        ...journalists2020,
        figure: {
          source: { name: '' },
          statement: ' ',
          value: -1,
          qualifier: 'roughly',
          measure: 'threats',
          period: { from: '2021-13', to: '2020' },
          dimensions: { targetCategory: 'blogger', colour: 'red', legalArticle: '405' },
        },
      })
      .thenFails('invalid', 'invalid_input', [
        'source.name',
        'statement',
        'value',
        'qualifier',
        'measure',
        'period.from',
        'dimensions.targetCategory',
        'dimensions.colour',
        'dimensions.legalArticle',
      ]);
    expect(error.errors.find((e) => e.field === 'qualifier')?.allowed).toEqual([
      'exact',
      'more_than',
      'at_least',
      'around',
      'up_to',
    ]);
  });

  it('refuses a period that has not begun or runs backwards', () => {
    given([])
      .when({
        ...journalists2020,
        figure: { ...journalists2020.figure, period: { from: '2027', to: '2027' } },
      })
      .thenFails('invalid', 'invalid_input', ['period.from']);
    given([])
      .when({
        ...journalists2020,
        figure: { ...journalists2020.figure, period: { from: '2021-05', to: '2021-01' } },
      })
      .thenFails('invalid', 'invalid_input', ['period.to']);
  });

  it('records a figure once', () => {
    given([{ type: 'ReferenceFigureRecorded', data: {} as never }])
      .when(journalists2020)
      .thenFails('conflict', 'reference_figure_exists');
  });
});
