import { BELOW_THRESHOLD, suppressSmallCells, SUPPRESSED } from './small-cell-suppression';

type Keys = { a: string; b?: string };
const oneDim = [(k: Keys) => k.a];
const twoDims = [(k: Keys) => k.a, (k: Keys) => k.b];
const rows = (...values: [string, number][]) =>
  values.map(([a, value]) => ({ keys: { a }, value }));
const cells = (t: { rows: { value: unknown }[] }) => t.rows.map((r) => r.value);

describe('small-cell suppression', () => {
  it('shows counts of 5 and more; a total below 5, zero included, as "<5" without rows', () => {
    expect(suppressSmallCells({ rows: rows(['x', 5], ['y', 9]), total: 14 }, oneDim)).toEqual({
      rows: rows(['x', 5], ['y', 9]),
      total: 14,
    });
    expect(suppressSmallCells({ rows: [], total: 3 }, []).total).toBe(BELOW_THRESHOLD);
    // 0 and 3 read alike: a filter on a tag must not tell whether anyone carries it.
    expect(suppressSmallCells({ rows: [], total: 0 }, [])).toEqual({ rows: [], total: '<5' });
    expect(suppressSmallCells({ rows: rows(['x', 1], ['y', 2]), total: 3 }, oneDim)).toEqual({
      rows: [],
      total: '<5',
    });
  });

  it('never leaves one small cell alone beside its total: the next smallest is hidden too', () => {
    const t = suppressSmallCells({ rows: rows(['x', 3], ['y', 40], ['z', 12]), total: 55 }, oneDim);
    expect(cells(t)).toEqual([BELOW_THRESHOLD, 40, SUPPRESSED]);
    expect(t.total).toBe(55); // 55 - 40 = 15 = x + z: x may still be anything from 1 to 4
  });

  it('hides more while the hidden sum would pin a small cell down', () => {
    // 1 and 5 hidden: 6 = x + y with y >= 5 gives x = 1, so 20 is hidden as well.
    const t = suppressSmallCells({ rows: rows(['x', 1], ['y', 5], ['z', 20]), total: 26 }, oneDim);
    expect(cells(t)).toEqual([BELOW_THRESHOLD, SUPPRESSED, SUPPRESSED]);
    // Two small cells 4 + 4 = 8 would each be 4: a visible one joins them.
    const u = suppressSmallCells({ rows: rows(['x', 4], ['y', 4], ['z', 30]), total: 38 }, oneDim);
    expect(cells(u)).toEqual([BELOW_THRESHOLD, BELOW_THRESHOLD, SUPPRESSED]);
  });

  it('suppresses the total of a one-dimension table it cannot otherwise protect', () => {
    const t = suppressSmallCells({ rows: rows(['x', 1], ['y', 5]), total: 6 }, oneDim);
    expect(cells(t)).toEqual([BELOW_THRESHOLD, SUPPRESSED]);
    expect(t.total).toBe(SUPPRESSED);
  });

  it('protects every row and every column of a two-dimension table', () => {
    const grid = [
      { keys: { a: 'feb', b: 'journalist' }, value: 2 },
      { keys: { a: 'feb', b: 'lawyer' }, value: 30 },
      { keys: { a: 'mar', b: 'journalist' }, value: 25 },
      { keys: { a: 'mar', b: 'lawyer' }, value: 40 },
    ];
    const t = suppressSmallCells({ rows: grid, total: 97 }, twoDims);
    const hidden = t.rows.filter((r) => typeof r.value === 'string').map((r) => r.keys);
    // The 2 needs a partner in its row (feb) and in its column (journalist), and each of those
    // then needs one in its own column or row: all four end up hidden.
    expect(hidden).toHaveLength(4);
    for (const r of t.rows)
      expect(typeof r.value === 'number' ? r.value : 5).toBeGreaterThanOrEqual(5);
  });
});
