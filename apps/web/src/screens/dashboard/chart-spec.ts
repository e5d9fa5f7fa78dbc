/**
 * The dashboard's Vega-Lite chart for a statistics table: one group-by → bars; two with a
 * period first (month, quarter, year) → one line per second key, every period a point (the
 * export workbook's "acts per month by target category" form); two others → stacked bars.
 * Pure: labels come in already translated, so the chart reads in the person's language.
 */
export interface ChartRow {
  keys: string[];
  value: number;
}

const PERIODS = new Set(['month', 'quarter', 'year']);

export function chartSpec(
  groupBy: string[],
  rows: ChartRow[],
  titles: { value: string; dimensions: string[] },
): Record<string, unknown> {
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 320,
    autosize: { type: 'fit', contains: 'padding' },
  };
  const values = rows.map((r) => ({ a: r.keys[0] ?? '', b: r.keys[1] ?? '', value: r.value }));
  const order = (i: 0 | 1) => [...new Set(rows.map((r) => r.keys[i] ?? ''))];
  const y = { field: 'value', type: 'quantitative', title: titles.value };
  if (groupBy.length === 0)
    return {
      ...base,
      data: { values },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal', title: '' }, y },
    };
  if (groupBy.length === 1)
    return {
      ...base,
      data: { values },
      mark: 'bar',
      encoding: {
        y: { field: 'a', type: 'nominal', title: titles.dimensions[0], sort: order(0) },
        x: y,
        tooltip: [
          { field: 'a', title: titles.dimensions[0] },
          { field: 'value', title: titles.value },
        ],
      },
    };
  if (PERIODS.has(groupBy[0]))
    return {
      ...base,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'a', type: 'ordinal', title: titles.dimensions[0], sort: order(0) },
        y,
        color: { field: 'b', type: 'nominal', title: titles.dimensions[1], sort: order(1) },
        tooltip: [
          { field: 'a', title: titles.dimensions[0] },
          { field: 'b', title: titles.dimensions[1] },
          { field: 'value', title: titles.value },
        ],
      },
    };
  return {
    ...base,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'a', type: 'nominal', title: titles.dimensions[0], sort: order(0) },
      x: { ...y, stack: 'zero' },
      color: { field: 'b', type: 'nominal', title: titles.dimensions[1], sort: order(1) },
      tooltip: [
        { field: 'a', title: titles.dimensions[0] },
        { field: 'b', title: titles.dimensions[1] },
        { field: 'value', title: titles.value },
      ],
    },
  };
}
