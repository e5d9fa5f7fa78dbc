/** Acts of one occurrence month first recorded in one month. */
export interface LagCell {
  /** YYYY-MM */
  month: string;
  /** YYYY-MM (UTC) */
  knownMonth: string;
  acts: number;
}

export interface LagRow {
  month: string;
  total: number;
  /** Acts by months from occurrence to first record, "0" to the largest lag of the answer. */
  byLag: Record<string, number>;
}

/**
 * The revision triangle: one row per occurrence month, in time order, its acts spread by how
 * many months later they were first recorded. Every row has the same keys, so the table is
 * rectangular; an act first recorded before its (later corrected) month counts under 0.
 */
export function revisionTriangle(cells: readonly LagCell[]): LagRow[] {
  const byMonth = new Map<string, number[]>();
  let maxLag = -1;
  for (const { month, knownMonth, acts } of cells) {
    const lag = Math.max(0, monthIndex(knownMonth) - monthIndex(month));
    maxLag = Math.max(maxLag, lag);
    const counts = byMonth.get(month) ?? [];
    counts[lag] = (counts[lag] ?? 0) + acts;
    byMonth.set(month, counts);
  }
  return [...byMonth.keys()].sort().map((month) => {
    const counts = byMonth.get(month)!;
    const byLag = Object.fromEntries(
      Array.from({ length: maxLag + 1 }, (_, lag) => [String(lag), counts[lag] ?? 0]),
    );
    return { month, total: counts.reduce((sum, n) => sum + (n ?? 0), 0), byLag };
  });
}

/** RFC 4180 CSV: `month,total,lag_0,lag_1,…` (months and numbers only: nothing to quote). */
export function revisionTriangleCsv(rows: readonly LagRow[]): string {
  const lags = Object.keys(rows[0]?.byLag ?? {});
  const lines = [
    ['month', 'total', ...lags.map((lag) => `lag_${lag}`)],
    ...rows.map((r) => [r.month, String(r.total), ...lags.map((lag) => String(r.byLag[lag]))]),
  ];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}
