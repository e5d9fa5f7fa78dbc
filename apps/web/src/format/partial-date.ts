/**
 * Dates typed as precisely as they are known, the way the API records them: YYYY, YYYY-MM or
 * YYYY-MM-DD. Pure (Intl only): the fields that take them live in app/PartialDateField.tsx.
 */
export type DatePart = 'day' | 'month' | 'year';

/** What the person typed or picked: a four-digit year, a month 1–12, a day of the month. */
export interface DateParts {
  year: string;
  month: string;
  day: string;
}

const PRECISION: Record<DatePart, number> = { year: 0, month: 1, day: 2 };

/** The parts of a recorded value ('' parts for what it leaves open). */
export function partsOf(value: string | null | undefined): DateParts {
  const [year = '', month = '', day = ''] = (value ?? '').split('-');
  return { year, month: month ? String(Number(month)) : '', day: day ? String(Number(day)) : '' };
}

/**
 * The value the parts make: `''` when the year is empty (the field cleared), `undefined`
 * while they make no date yet (a year half typed, a day without its month, 31 February), else
 * the date only as precise as what was given, between `coarsest` and `finest`.
 */
export function partialDateOf(
  parts: DateParts,
  coarsest: DatePart,
  finest: DatePart,
): string | undefined {
  const year = parts.year.trim();
  const month = parts.month.trim();
  const day = finest === 'day' ? parts.day.trim() : '';
  // No year, no date: emptying the year clears the field whatever the other parts hold.
  if (year === '') return '';
  if (!/^\d{4}$/.test(year) || Number(year) < 1900) return undefined;
  if (month === '') return day === '' && coarsest === 'year' ? year : undefined;
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) return undefined;
  const yearMonth = `${year}-${month.padStart(2, '0')}`;
  if (day === '') return PRECISION[coarsest] <= PRECISION.month ? yearMonth : undefined;
  if (!/^\d{1,2}$/.test(day) || Number(day) < 1) return undefined;
  if (Number(day) > new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate())
    return undefined;
  return `${yearMonth}-${day.padStart(2, '0')}`;
}

/**
 * The last second of what a partial date names, in UTC: "as known on February 2020" is the
 * knowledge of the month's end, never of its first day.
 */
export function endOf(value: string): string {
  const { year, month, day } = partsOf(value);
  const y = Number(year);
  const m = month ? Number(month) : 12;
  const d = day ? Number(day) : new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T23:59:59Z`;
}

/** Day, month and year in the order the language writes them ("3 февраля 2020 г." → d m y). */
export function partOrder(language: string): DatePart[] {
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .formatToParts(new Date(Date.UTC(2020, 1, 3)))
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
}

/** January … December in the language, for a month pick-list. */
export function monthOptions(language: string): { value: string; label: string }[] {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: format.format(new Date(Date.UTC(2020, i, 1))),
  }));
}
