import {
  comparePartialDates,
  monthOf,
  parseOccurred,
  parsePartialDate,
  partialDateProblem,
  PartialDate,
  quarterOf,
  yearOf,
} from '.';

const TODAY = '2026-03-15';

describe('parseOccurred accepts', () => {
  it.each<[string, unknown, PartialDate]>([
    ['a day', { date: '2020-02-25', precision: 'day' }, { date: '2020-02-25', precision: 'day' }],
    ['a month', { date: '2020-02', precision: 'month' }, { date: '2020-02', precision: 'month' }],
    ['a year', { date: '2020', precision: 'year' }, { date: '2020', precision: 'year' }],
    [
      '29 February of a leap year',
      { date: '2020-02-29', precision: 'day' },
      { date: '2020-02-29', precision: 'day' },
    ],
    [
      '29 February 2000 (divisible by 400)',
      { date: '2000-02-29', precision: 'day' },
      { date: '2000-02-29', precision: 'day' },
    ],
    [
      '1900, the earliest year',
      { date: '1900', precision: 'year' },
      { date: '1900', precision: 'year' },
    ],
    ['today', { date: TODAY, precision: 'day' }, { date: TODAY, precision: 'day' }],
    [
      'the current month',
      { date: '2026-03', precision: 'month' },
      { date: '2026-03', precision: 'month' },
    ],
    ['the current year', { date: '2026', precision: 'year' }, { date: '2026', precision: 'year' }],
    [
      'a range ("between February and April 2021")',
      { date: '2021-02', precision: 'month', until: '2021-04' },
      { date: '2021-02', precision: 'month', until: '2021-04' },
    ],
    [
      'a range ending in the current month',
      { date: '2025-11', precision: 'month', until: '2026-03' },
      { date: '2025-11', precision: 'month', until: '2026-03' },
    ],
    [
      'an approximate date',
      { date: '2019', precision: 'year', approximate: true },
      { date: '2019', precision: 'year', approximate: true },
    ],
  ])('%s', (_case, input, expected) => {
    expect(parseOccurred(input, TODAY)).toEqual({ ok: true, value: expected });
  });
});

describe('parseOccurred normalises', () => {
  it.each<[string, unknown, PartialDate]>([
    [
      'surrounding spaces',
      { date: ' 2020-02 ', precision: 'month', until: ' 2020-03' },
      { date: '2020-02', precision: 'month', until: '2020-03' },
    ],
    [
      'a range of one period to a date',
      { date: '2021-02', precision: 'month', until: '2021-02' },
      { date: '2021-02', precision: 'month' },
    ],
    [
      'approximate: false away',
      { date: '2020', precision: 'year', approximate: false },
      { date: '2020', precision: 'year' },
    ],
    [
      'an empty until away',
      { date: '2020', precision: 'year', until: ' ' },
      { date: '2020', precision: 'year' },
    ],
    [
      'null until and approximate away',
      { date: '2020', precision: 'year', until: null, approximate: null },
      { date: '2020', precision: 'year' },
    ],
  ])('%s', (_case, input, expected) => {
    expect(parseOccurred(input, TODAY)).toEqual({ ok: true, value: expected });
  });
});

describe('parseOccurred refuses', () => {
  const needsDay = 'day precision needs a day: YYYY-MM-DD';
  const needsMonth = 'month precision needs a month: YYYY-MM';
  const needsYear = 'year precision needs a year: YYYY';
  const precisions = 'must be one of: day, month, year';

  it.each<[string, unknown, [field: string, message: string][]]>([
    // the form must match the precision
    [
      'a month under day precision',
      { date: '2020-02', precision: 'day' },
      [['occurred.date', needsDay]],
    ],
    [
      'a year under month precision',
      { date: '2020', precision: 'month' },
      [['occurred.date', needsMonth]],
    ],
    [
      'a day under year precision',
      { date: '2020-02-25', precision: 'year' },
      [['occurred.date', needsYear]],
    ],
    ['a day-first date', { date: '25.02.2020', precision: 'day' }, [['occurred.date', needsDay]]],
    ['an unpadded month', { date: '2020-2', precision: 'month' }, [['occurred.date', needsMonth]]],
    // impossible dates
    [
      '29 February of a common year',
      { date: '2021-02-29', precision: 'day' },
      [['occurred.date', '2021-02-29 is not a real date']],
    ],
    [
      '29 February 1900 (century, not leap)',
      { date: '1900-02-29', precision: 'day' },
      [['occurred.date', '1900-02-29 is not a real date']],
    ],
    [
      '31 April',
      { date: '2020-04-31', precision: 'day' },
      [['occurred.date', '2020-04-31 is not a real date']],
    ],
    [
      'day 00',
      { date: '2020-02-00', precision: 'day' },
      [['occurred.date', '2020-02-00 is not a real date']],
    ],
    [
      'month 13',
      { date: '2020-13', precision: 'month' },
      [['occurred.date', '2020-13 is not a real month']],
    ],
    [
      'month 00',
      { date: '2020-00', precision: 'month' },
      [['occurred.date', '2020-00 is not a real month']],
    ],
    // the future
    [
      'tomorrow',
      { date: '2026-03-16', precision: 'day' },
      [['occurred.date', `is in the future (today is ${TODAY})`]],
    ],
    [
      'next month',
      { date: '2026-04', precision: 'month' },
      [['occurred.date', `the month has not begun yet (today is ${TODAY})`]],
    ],
    [
      'next year',
      { date: '2027', precision: 'year' },
      [['occurred.date', `the year has not begun yet (today is ${TODAY})`]],
    ],
    // before 1900
    ['1899', { date: '1899', precision: 'year' }, [['occurred.date', 'must be 1900 or later']]],
    [
      '31 December 1899',
      { date: '1899-12-31', precision: 'day' },
      [['occurred.date', 'must be 1900 or later']],
    ],
    // until
    [
      'until before date',
      { date: '2021-04', precision: 'month', until: '2021-02' },
      [['occurred.until', 'must not be before date (2021-04)']],
    ],
    [
      'until in the future',
      { date: '2026-01-10', precision: 'day', until: '2026-03-16' },
      [['occurred.until', `is in the future (today is ${TODAY})`]],
    ],
    [
      'until in a month not yet begun',
      { date: '2026-01', precision: 'month', until: '2026-04' },
      [['occurred.until', `the month has not begun yet (today is ${TODAY})`]],
    ],
    [
      'until in another form than the precision',
      { date: '2021-02', precision: 'month', until: '2021-04-10' },
      [['occurred.until', needsMonth]],
    ],
    [
      'an impossible until',
      { date: '2021-02-01', precision: 'day', until: '2021-02-30' },
      [['occurred.until', '2021-02-30 is not a real date']],
    ],
    [
      'until that is not text',
      { date: '2021', precision: 'year', until: 2022 },
      [['occurred.until', 'must be a date in the same form as date']],
    ],
    // precision, date and approximate themselves
    ['a missing precision', { date: '2020' }, [['occurred.precision', precisions]]],
    [
      'an unknown precision',
      { date: '2020-02-25', precision: 'week' },
      [['occurred.precision', precisions]],
    ],
    [
      'an unknown precision with an impossible date',
      { date: '2021-02-30', precision: 'week' },
      [
        ['occurred.precision', precisions],
        ['occurred.date', '2021-02-30 is not a real date'],
      ],
    ],
    [
      'a missing date',
      { precision: 'day' },
      [['occurred.date', 'is required: YYYY, YYYY-MM or YYYY-MM-DD']],
    ],
    [
      'a date that is not text',
      { date: 2020, precision: 'year' },
      [['occurred.date', 'is required: YYYY, YYYY-MM or YYYY-MM-DD']],
    ],
    [
      'approximate that is not a boolean',
      { date: '2020', precision: 'year', approximate: 'yes' },
      [['occurred.approximate', 'must be true or false']],
    ],
    [
      'nothing',
      null,
      [['occurred', 'must be an object: { date, precision, until?, approximate? }']],
    ],
    [
      'a bare string',
      '2020-02-25',
      [['occurred', 'must be an object: { date, precision, until?, approximate? }']],
    ],
    [
      'several problems at once',
      { date: '2026-05', precision: 'month', until: '2026-02', approximate: 1 },
      [
        ['occurred.date', `the month has not begun yet (today is ${TODAY})`],
        ['occurred.approximate', 'must be true or false'],
      ],
    ],
  ])('%s', (_case, input, expected) => {
    const result = parseOccurred(input, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => [e.field, e.message])).toEqual(expected);
  });

  it('names the allowed precisions', () => {
    const result = parseOccurred({ date: '2020', precision: 'decade' }, TODAY);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'occurred.precision',
          message: 'must be one of: day, month, year',
          allowed: ['day', 'month', 'year'],
        },
      ],
    });
  });

  it.each(['2026-02-30', '15.03.2026', ''])('refuses to run with today = "%s"', (today) => {
    expect(() => parseOccurred({ date: '2020', precision: 'year' }, today)).toThrow(/today/);
  });
});

describe('parsePartialDate', () => {
  it('applies the same rules under another field name, or none', () => {
    expect(parsePartialDate({ date: '2020-02', precision: 'day' }, TODAY)).toEqual({
      ok: false,
      errors: [{ field: 'date', message: 'day precision needs a day: YYYY-MM-DD' }],
    });
    expect(
      parsePartialDate({ date: '2030-01-01', precision: 'day' }, TODAY, 'source.publishedOn'),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'source.publishedOn.date', message: `is in the future (today is ${TODAY})` },
      ],
    });
  });
});

describe('buckets', () => {
  it.each<[PartialDate, string | null, string, string | null]>([
    [{ date: '2020-02-25', precision: 'day' }, '2020-02', '2020', '2020-Q1'],
    [{ date: '2020-03', precision: 'month' }, '2020-03', '2020', '2020-Q1'],
    [{ date: '2020-04', precision: 'month' }, '2020-04', '2020', '2020-Q2'],
    [{ date: '2020-09-30', precision: 'day' }, '2020-09', '2020', '2020-Q3'],
    [{ date: '2020-10-01', precision: 'day' }, '2020-10', '2020', '2020-Q4'],
    // a year-precise act goes to "month unknown", never spread over months
    [{ date: '2020', precision: 'year' }, null, '2020', null],
    // a range counts where it starts
    [{ date: '2020-12', precision: 'month', until: '2021-02' }, '2020-12', '2020', '2020-Q4'],
  ])('places %j in month %s, year %s, quarter %s', (date, month, year, quarter) => {
    expect([monthOf(date), yearOf(date), quarterOf(date)]).toEqual([month, year, quarter]);
  });
});

describe('comparePartialDates', () => {
  it('sorts chronologically, coarser before finer, ranges after open dates, exact before approximate', () => {
    const sorted: PartialDate[] = [
      { date: '2019-12-31', precision: 'day' },
      { date: '2020', precision: 'year' },
      { date: '2020', precision: 'year', approximate: true },
      { date: '2020', precision: 'year', until: '2021' },
      { date: '2020-01', precision: 'month' },
      { date: '2020-01-01', precision: 'day' },
      { date: '2020-01-15', precision: 'day' },
      { date: '2020-02', precision: 'month' },
      { date: '2020-02', precision: 'month', until: '2020-03' },
      { date: '2020-02', precision: 'month', until: '2020-05' },
      { date: '2021', precision: 'year' },
    ];
    const shuffled = [...sorted].reverse();
    shuffled.push(shuffled.splice(3, 1)[0]);
    expect(shuffled.sort(comparePartialDates)).toEqual(sorted);
  });

  it('finds equal dates equal', () => {
    expect(
      comparePartialDates(
        { date: '2020-02', precision: 'month' },
        { date: '2020-02', precision: 'month' },
      ),
    ).toBe(0);
  });
});

describe('partialDateProblem (a source dated as precisely as it is)', () => {
  it.each(['2021', '2021-05', '2021-05-03'])('accepts %s', (value) => {
    expect(partialDateProblem(value, TODAY)).toBeUndefined();
  });

  it.each([
    ['2021-13', 'is not a real month'],
    ['2021-02-30', 'is not a real date'],
    ['05.2021', 'must be YYYY, YYYY-MM or YYYY-MM-DD'],
    [42, 'must be YYYY, YYYY-MM or YYYY-MM-DD'],
    ['2999-01', 'has not begun yet'],
  ])('refuses %j: %s', (value, message) => {
    expect(partialDateProblem(value, TODAY)).toContain(message);
  });
});
