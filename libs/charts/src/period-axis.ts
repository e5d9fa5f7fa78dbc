/**
 * Periods on a chart axis: every period from the first to the last (a gap reads as zero, not
 * as a skip) and which of them get a label, so that labels never overprint.
 */

/** Every period between the first and the last of `keys`, in order: months, quarters or years. */
export function periodRange(
  dimension: 'month' | 'quarter' | 'year',
  keys: readonly string[],
): string[] {
  if (keys.length === 0) return [];
  const perYear = dimension === 'month' ? 12 : dimension === 'quarter' ? 4 : 1;
  const index = (key: string) => {
    const year = Number(key.slice(0, 4));
    if (dimension === 'year') return year * perYear;
    const part = dimension === 'month' ? Number(key.slice(5, 7)) : Number(key.slice(6));
    return year * perYear + part - 1;
  };
  const keyOf = (i: number) => {
    const year = Math.floor(i / perYear);
    const part = (i % perYear) + 1;
    if (dimension === 'year') return String(year);
    if (dimension === 'month') return `${year}-${String(part).padStart(2, '0')}`;
    return `${year}-Q${part}`;
  };
  const indices = keys.map(index);
  const first = Math.min(...indices);
  const last = Math.max(...indices);
  return Array.from({ length: last - first + 1 }, (_, i) => keyOf(first + i));
}

/** A period's label as drawn: the key, or only its year where the axis shows years. */
export interface PeriodTicks {
  /** The periods that get a tick and a label. */
  values: string[];
  /** Whether a label shows the year alone (long ranges). */
  yearsOnly: boolean;
}

/**
 * Which periods to label on an axis `width` pixels wide when a label needs `labelWidth`
 * pixels: all if they fit; else every k-th period starting at a January (k dividing the
 * year); for long ranges the years alone, every k-th year if even those do not fit.
 */
export function periodTicks(
  periods: readonly string[],
  width: number,
  labelWidth: number,
): PeriodTicks {
  const fits = (count: number, each: number) => count * each <= width;
  if (fits(periods.length, labelWidth)) return { values: [...periods], yearsOnly: false };
  if (!periods[0].includes('-')) return everyKth(periods, (n) => fits(n, labelWidth));
  const perYear = periods[0].includes('-Q') ? 4 : 12;
  const isYearStart = (p: string) => (perYear === 12 ? p.endsWith('-01') : p.endsWith('-Q1'));
  if (periods.length / perYear <= 4) {
    for (const k of perYear === 12 ? [2, 3, 6] : [2]) {
      const start = periods.findIndex((p) => {
        const part = perYear === 12 ? Number(p.slice(5, 7)) : Number(p.slice(6));
        return (part - 1) % k === 0;
      });
      const values = periods.filter((_, i) => i >= start && (i - start) % k === 0);
      if (fits(values.length, labelWidth)) return { values, yearsOnly: false };
    }
  }
  // Years alone: four digits, about 0.6 of a month label.
  const yearStarts = periods.filter(isYearStart);
  const starts = yearStarts.length > 0 ? yearStarts : [periods[0]];
  return { ...everyKth(starts, (n) => fits(n, labelWidth * 0.6)), yearsOnly: true };
}

function everyKth(periods: readonly string[], fit: (count: number) => boolean): PeriodTicks {
  for (let k = 1; ; k++) {
    const values = periods.filter((_, i) => i % k === 0);
    if (fit(values.length) || values.length <= 1) return { values, yearsOnly: false };
  }
}
