/** A date as the API records it: YYYY, YYYY-MM or YYYY-MM-DD, with its precision. */
export interface PartialDate {
  date: string;
  precision: string;
  until?: string;
  approximate?: boolean;
}

const OPTIONS: Record<string, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

function precisionOf(date: string): 'day' | 'month' | 'year' {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

function asUtc(date: string): Date {
  const [year, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * "February 2020", "февраль 2020 г.", "2020", "3 March 2020 – April 2020": only as precise as
 * what was recorded, so a month is never shown as its first day.
 */
export function formatPartialDate(value: PartialDate, language: string): string {
  const one = (date: string) =>
    new Intl.DateTimeFormat(language, OPTIONS[precisionOf(date)]).format(asUtc(date));
  const text = value.until ? `${one(value.date)} – ${one(value.until)}` : one(value.date);
  return value.approximate ? `~ ${text}` : text;
}

/** A month key of the statistics (YYYY-MM), a quarter (YYYY-Qn) or a year, for the language. */
export function formatPeriod(key: string, language: string): string {
  if (/^\d{4}-\d{2}$/.test(key))
    return formatPartialDate({ date: key, precision: 'month' }, language);
  return key;
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
