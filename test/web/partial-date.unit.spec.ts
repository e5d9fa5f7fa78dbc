import {
  endOf,
  monthOptions,
  partialDateOf,
  partOrder,
  partsOf,
} from '../../apps/web/src/format/partial-date';

const parts = (year: string, month = '', day = '') => ({ year, month, day });

describe('partial dates typed in the web app', () => {
  it('makes a date only as precise as the parts given, within what the field accepts', () => {
    expect(partialDateOf(parts('2020'), 'year', 'day')).toBe('2020');
    expect(partialDateOf(parts('2020', '2'), 'year', 'day')).toBe('2020-02');
    expect(partialDateOf(parts('2020', '2', '29'), 'year', 'day')).toBe('2020-02-29');
    // A month field needs the month, and ignores a day it does not offer.
    expect(partialDateOf(parts('2020'), 'month', 'month')).toBeUndefined();
    expect(partialDateOf(parts('2020', '11', '3'), 'month', 'month')).toBe('2020-11');
    expect(partialDateOf(parts(''), 'year', 'day')).toBe('');
    expect(partialDateOf(parts('', '2', '3'), 'year', 'day')).toBe('');
  });

  it('makes no date of a half-typed year, a day without its month or a day the month lacks', () => {
    expect(partialDateOf(parts('202'), 'year', 'day')).toBeUndefined();
    expect(partialDateOf(parts('2020', '', '3'), 'year', 'day')).toBeUndefined();
    expect(partialDateOf(parts('2021', '2', '29'), 'year', 'day')).toBeUndefined();
    expect(partialDateOf(parts('2020', '13'), 'year', 'day')).toBeUndefined();
    expect(partialDateOf(parts('1899'), 'year', 'day')).toBeUndefined();
  });

  it('reads a recorded value back into its parts', () => {
    expect(partsOf('2020-02-09')).toEqual(parts('2020', '2', '9'));
    expect(partsOf('2020-02')).toEqual(parts('2020', '2'));
    expect(partsOf('')).toEqual(parts(''));
  });

  it('takes "as known on" a month or a year as at its last second', () => {
    expect(endOf('2020')).toBe('2020-12-31T23:59:59Z');
    expect(endOf('2020-02')).toBe('2020-02-29T23:59:59Z');
    expect(endOf('2021-02')).toBe('2021-02-28T23:59:59Z');
    expect(endOf('2021-03-04')).toBe('2021-03-04T23:59:59Z');
  });

  it('orders the parts and names the months as the language does', () => {
    expect(partOrder('ru')).toEqual(['day', 'month', 'year']);
    expect(partOrder('en')).toEqual(['month', 'day', 'year']);
    expect(monthOptions('ru')[1]).toEqual({ value: '2', label: 'февраль' });
    expect(monthOptions('en')[1].label).toBe('February');
  });
});
