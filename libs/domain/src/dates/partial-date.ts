import { FieldError } from '../errors';
import { DATE_PRECISIONS, DatePrecision } from '../vocabularies/date-precision.vocabulary';

/**
 * When an act happened, as precisely as the sources say: `2020`, `2020-02` or `2020-02-25`,
 * the form matching `precision`. `until` (same form) closes a range such as "between February
 * and April 2021". Nothing is ever guessed: a year-precise act has no month.
 */
export interface PartialDate {
  readonly date: string;
  readonly precision: DatePrecision;
  readonly until?: string;
  /** The source itself says "around" or "about". */
  readonly approximate?: boolean;
}

/** An `occurred` as a request or a spreadsheet row gives it, before `parseOccurred` checks it. */
export interface OccurredInput {
  date: string;
  precision: string;
  until?: string;
  approximate?: boolean;
}

export type PartialDateResult =
  { ok: true; value: PartialDate } | { ok: false; errors: FieldError[] };

const FORMS: Record<DatePrecision, { pattern: RegExp; needs: string }> = {
  day: { pattern: /^\d{4}-\d{2}-\d{2}$/, needs: 'day precision needs a day: YYYY-MM-DD' },
  month: { pattern: /^\d{4}-\d{2}$/, needs: 'month precision needs a month: YYYY-MM' },
  year: { pattern: /^\d{4}$/, needs: 'year precision needs a year: YYYY' },
};

const EARLIEST_YEAR = 1900;

/**
 * Checks and normalises an incident's `occurred`; errors name `occurred.date`,
 * `occurred.precision`, `occurred.until` or `occurred.approximate`. `today` (YYYY-MM-DD) comes
 * from the command: the domain reads no clock.
 */
export function parseOccurred(input: unknown, today: string): PartialDateResult {
  return parsePartialDate(input, today, 'occurred');
}

/**
 * The same rules for any partial date; `field` prefixes the error fields (`date`,
 * `precision`, ...) when given.
 *
 * A date may not lie in the future: a day must be no later than `today`, a month or a year
 * must have begun by `today`. Years before 1900 are refused as typing errors.
 */
export function parsePartialDate(input: unknown, today: string, field?: string): PartialDateResult {
  assertRealDay(today);
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        {
          field: field ?? 'date',
          message: 'must be an object: { date, precision, until?, approximate? }',
        },
      ],
    };
  }
  const { date, precision, until, approximate } = input as Record<string, unknown>;
  const errors: FieldError[] = [];

  const knownPrecision = (DATE_PRECISIONS as readonly unknown[]).includes(precision)
    ? (precision as DatePrecision)
    : undefined;
  if (knownPrecision === undefined) {
    errors.push({
      field: at('precision'),
      message: `must be one of: ${DATE_PRECISIONS.join(', ')}`,
      allowed: DATE_PRECISIONS,
    });
  }

  const start = typeof date === 'string' ? date.trim() : undefined;
  let startOk = false;
  if (start === undefined) {
    errors.push({ field: at('date'), message: 'is required: YYYY, YYYY-MM or YYYY-MM-DD' });
  } else {
    // With an unknown precision, the date is still checked in the form it has, so one answer
    // lists every problem.
    const form = knownPrecision ?? formOf(start);
    const problem = form ? periodProblem(start, form, today) : FORMS.day.needs;
    if (problem) errors.push({ field: at('date'), message: problem });
    startOk = problem === undefined;
  }

  let end: string | undefined;
  // Forms and spreadsheets send an empty `until` for "no range".
  if (
    until !== undefined &&
    until !== null &&
    !(typeof until === 'string' && until.trim() === '')
  ) {
    if (typeof until !== 'string') {
      errors.push({ field: at('until'), message: 'must be a date in the same form as date' });
    } else if (knownPrecision) {
      end = until.trim();
      const problem = periodProblem(end, knownPrecision, today);
      if (problem) errors.push({ field: at('until'), message: problem });
      else if (startOk && end < start!) {
        errors.push({ field: at('until'), message: `must not be before date (${start})` });
      }
    }
  }

  if (approximate !== undefined && approximate !== null && typeof approximate !== 'boolean') {
    errors.push({ field: at('approximate'), message: 'must be true or false' });
  }

  if (errors.length > 0) return { ok: false, errors };
  // Canonical form: no `until` equal to the date, no `approximate: false`, so equal dates
  // compare equal.
  return {
    ok: true,
    value: {
      date: start!,
      precision: knownPrecision!,
      ...(end !== undefined && end !== start && { until: end }),
      ...(approximate === true && { approximate: true }),
    },
  };
}

/** The month an act counts in, `YYYY-MM`, or `null` for a year-precise act ("month unknown"). */
export function monthOf(date: PartialDate): string | null {
  return date.precision === 'year' ? null : date.date.slice(0, 7);
}

/** `YYYY`. A range counts in the period where it starts. */
export function yearOf(date: PartialDate): string {
  return date.date.slice(0, 4);
}

/** `YYYY-Q1` … `YYYY-Q4`, or `null` for a year-precise act. */
export function quarterOf(date: PartialDate): string | null {
  if (date.precision === 'year') return null;
  const month = Number(date.date.slice(5, 7));
  return `${yearOf(date)}-Q${Math.ceil(month / 3)}`;
}

/**
 * Chronological order for sorting. Zero-padded dates sort as strings, and a coarser date
 * sorts before the finer ones it contains ("2020" before "2020-01" before "2020-01-01"); then
 * open dates before ranges, shorter ranges first, exact before approximate.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return (
    compareText(a.date, b.date) ||
    compareText(a.until ?? '', b.until ?? '') ||
    Number(a.approximate ?? false) - Number(b.approximate ?? false)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A date written on its own, as precisely as known (a report dated "2021-05"): `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`, under the same rules as an act's date. The error message, if any.
 */
export function partialDateProblem(value: unknown, today: string): string | undefined {
  const form = typeof value === 'string' ? formOf(value) : undefined;
  if (form === undefined) return 'must be YYYY, YYYY-MM or YYYY-MM-DD';
  return periodProblem(value as string, form, today);
}

function formOf(value: string): DatePrecision | undefined {
  return DATE_PRECISIONS.find((p) => FORMS[p].pattern.test(value));
}

/** Why `value` is not a usable period of this precision, or `undefined` if it is. */
function periodProblem(value: string, precision: DatePrecision, today: string): string | undefined {
  if (!FORMS[precision].pattern.test(value)) return FORMS[precision].needs;
  const [year, month = 1, day = 1] = value.split('-').map(Number);
  if (month < 1 || month > 12) return `${value} is not a real month`;
  if (day < 1 || day > daysIn(year, month)) return `${value} is not a real date`;
  if (year < EARLIEST_YEAR) return `must be ${EARLIEST_YEAR} or later`;
  // A period has begun when its first day has: "2026-03" on 2026-03-01.
  const firstDay =
    precision === 'year' ? `${value}-01-01` : precision === 'month' ? `${value}-01` : value;
  if (firstDay > today) {
    return precision === 'day'
      ? `is in the future (today is ${today})`
      : `the ${precision} has not begun yet (today is ${today})`;
  }
  return undefined;
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function assertRealDay(today: string): void {
  const [year, month, day] = today.split('-').map(Number);
  if (
    !FORMS.day.pattern.test(today) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month)
  ) {
    throw new Error(`today must be a real date YYYY-MM-DD, got ${today}`);
  }
}
