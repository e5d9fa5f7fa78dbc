/**
 * Small-cell suppression for public statistics (issue 6): no published figure may single out
 * fewer than THRESHOLD people or acts.
 *
 * - Primary: every count from 1 to 4 reads "<5", the total too. A total of 0 reads "<5" as
 *   well, and a table whose total is below 5 lists no rows: a zero identifies nobody, but
 *   filters take free text (a tag may be a name), and "0" against "<5", or which rows are
 *   listed, would tell whether anyone carries it. (GROUP BY never lists an empty group.)
 * - Secondary: a reader knows each group's total (the total of a one-dimension table, or the
 *   answer of the one-dimension query for a row or column of a two-dimension table), so a
 *   group must never let its hidden cells be worked out from it. Knowing that a "<5" cell is
 *   1 to 4 and a "suppressed" one at least 5, each "<5" cell must still be able to be any of
 *   1 to 4, and no hidden cell may be alone in a group; while either fails, the next smallest
 *   visible cell of the group is hidden too ("suppressed").
 * - When a one-dimension table cannot be protected that way (no visible cell left), its total
 *   is "suppressed" as well.
 *
 * What this cannot prevent, and the API documentation says so: differences between separate
 * queries (overlapping month ranges, two asOf times, a total minus cells read one filter at a
 * time). Per-answer suppression only protects each answer with the totals it implies.
 */
export const THRESHOLD = 5;
export const BELOW_THRESHOLD = '<5';
export const SUPPRESSED = 'suppressed';

export type PublicCell = number | typeof BELOW_THRESHOLD | typeof SUPPRESSED;

export interface CountTable<K> {
  /** The key of each row: one value per group-by dimension. */
  rows: readonly { keys: K; value: number }[];
  total: number;
}

export interface SuppressedTable<K> {
  rows: { keys: K; value: PublicCell }[];
  total: PublicCell;
}

type Mark = 'visible' | 'primary' | 'secondary';

export function suppressSmallCells<K>(
  table: CountTable<K>,
  /** One key per dimension, in group-by order, for grouping rows by each dimension. */
  dimensions: readonly ((keys: K) => unknown)[],
): SuppressedTable<K> {
  const values = table.rows.map((r) => r.value);
  const marks: Mark[] = values.map((v) => (v > 0 && v < THRESHOLD ? 'primary' : 'visible'));
  const groups = groupsOf(
    table.rows.map((r) => r.keys),
    dimensions,
  );

  let unprotectable = false;
  for (let changed = true; changed;) {
    changed = false;
    unprotectable = false;
    for (const group of groups) {
      if (isProtected(group, values, marks)) continue;
      const next = group
        .filter((i) => marks[i] === 'visible' && values[i] > 0)
        .sort((a, b) => values[a] - values[b] || a - b)[0];
      if (next === undefined) {
        unprotectable = true;
        continue;
      }
      marks[next] = 'secondary';
      changed = true;
    }
  }

  const cell = (value: number, mark: Mark): PublicCell =>
    mark === 'primary' ? BELOW_THRESHOLD : mark === 'secondary' ? SUPPRESSED : value;
  if (table.total < THRESHOLD) return { rows: [], total: BELOW_THRESHOLD };
  return {
    rows: table.rows.map((r, i) => ({ keys: r.keys, value: cell(r.value, marks[i]) })),
    total: unprotectable && dimensions.length === 1 ? SUPPRESSED : table.total,
  };
}

/** Every group whose total a reader can know: the whole table, and each row and column. */
function groupsOf<K>(
  keys: readonly K[],
  dimensions: readonly ((keys: K) => unknown)[],
): number[][] {
  const all = keys.map((_, i) => i);
  if (dimensions.length < 2) return [all];
  const groups: number[][] = [all];
  for (const dimension of dimensions) {
    const byValue = new Map<string, number[]>();
    keys.forEach((k, i) => {
      const value = JSON.stringify(dimension(k) ?? null);
      byValue.set(value, [...(byValue.get(value) ?? []), i]);
    });
    groups.push(...byValue.values());
  }
  return groups;
}

/**
 * Whether a reader knowing the group's total, its visible cells, and that a "<5" cell is 1 to
 * 4 and a "suppressed" one 5 or more, can still not narrow any "<5" cell below 1 to 4.
 */
function isProtected(
  group: readonly number[],
  values: readonly number[],
  marks: readonly Mark[],
): boolean {
  const primary = group.filter((i) => marks[i] === 'primary');
  const secondary = group.filter((i) => marks[i] === 'secondary');
  // A hidden cell alone in a group is its total minus the rest, even a secondary one (whose
  // value would then unlock the small cell it hid in another group).
  if (primary.length + secondary.length === 0) return true;
  if (primary.length + secondary.length === 1) return false;
  if (primary.length === 0) return true;
  const hidden = [...primary, ...secondary].reduce((sum, i) => sum + values[i], 0);
  // The same bounds hold for every "<5" cell of the group: the hidden sum minus the others.
  const othersPrimary = primary.length - 1;
  // The largest a "<5" cell could be: the other hidden cells as small as they may be.
  const highest = hidden - othersPrimary * 1 - secondary.length * THRESHOLD;
  // The smallest: the others as large as they may be (unbounded once a "suppressed" one hides).
  const lowest = secondary.length > 0 ? -Infinity : hidden - othersPrimary * (THRESHOLD - 1);
  return highest >= THRESHOLD - 1 && lowest <= 1;
}
