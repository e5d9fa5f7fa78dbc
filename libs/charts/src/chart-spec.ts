import { Lang } from '@app/domain';
import { periodRange, periodTicks } from './period-axis';
import {
  asOfLine,
  AsOfStamp,
  DIMENSION_WORDS,
  DimensionName,
  filtersLine,
  isTimeDimension,
  keyLabel,
  MEASURE_NAMES,
  MeasureName,
  PHRASES,
  QueryFilters,
  queryTitle,
  sourceLine,
} from './query-words';

/** The parts of a GET /stats answer a chart reads. */
export interface ChartStats extends AsOfStamp {
  measure: string;
  groupBy: readonly string[];
  rows: readonly {
    keys: Readonly<Record<string, string | number | null>>;
    value: number;
  }[];
  total: number;
}

/** The query behind the answer, for the caption (the answer carries measure and groupBy). */
export interface ChartQuery {
  filters?: QueryFilters;
}

/** Words the caller may set: the source line (e.g. the organisation) and the title. */
export interface ChartLabels {
  source?: string;
  title?: string;
}

/** A Vega-Lite spec; kept loose, the compiler checks it. */
export type VegaLiteSpec = Record<string, unknown>;

/** Plot width in CSS pixels; rendered at twice that (or more) for print. */
export const CHART_WIDTH = 1000;
const FONT = 'DejaVu Sans';
const LABEL_FONT_SIZE = 13;
/** A generous estimate of one character's width in the label font, in pixels. */
const CHAR_WIDTH = LABEL_FONT_SIZE * 0.62;
const BAR_STEP = 26;

type Shape = 'total' | 'periods' | 'categories' | 'periods-by-series' | 'categories-by-series';

/** Which chart answers a query: chosen from the shape of its group-by. */
export function chartShape(groupBy: readonly string[]): Shape {
  if (groupBy.length === 0) return 'total';
  const [first, second] = groupBy;
  if (second === undefined) return isTimeDimension(first) ? 'periods' : 'categories';
  return isTimeDimension(first) || isTimeDimension(second)
    ? 'periods-by-series'
    : 'categories-by-series';
}

/**
 * The chart of a statistics answer, in the query's language: bars per period for a time
 * dimension, sorted horizontal bars for a category, stacked bars with a full legend for two
 * dimensions; integer count axes; a title and a caption stating the source, the position and
 * its time, and the filters. Pure: the API renders it to SVG/PNG, the web app embeds it.
 */
export function chartSpec(
  stats: ChartStats,
  query: ChartQuery,
  lang: Lang,
  labels: ChartLabels = {},
): VegaLiteSpec {
  const measure = stats.measure as MeasureName;
  const groupBy = stats.groupBy as readonly DimensionName[];
  const shape = chartShape(groupBy);
  const notes: string[] = [];
  const body =
    shape === 'total'
      ? totalBody(stats, lang)
      : shape === 'periods' || shape === 'periods-by-series'
        ? periodsBody(stats, groupBy, lang, notes)
        : categoriesBody(stats, groupBy, lang);
  if (groupBy.length > 0 && measure !== 'acts' && sum(stats) > stats.total) {
    notes.push(PHRASES.notAdditive[lang].replace('{total}', String(stats.total)));
  }
  const caption = [
    sourceLine(lang, labels.source),
    asOfLine(stats, lang),
    filtersLine(query.filters ?? {}, lang),
    ...notes,
  ].flatMap((line) => wrapWords(line, Math.floor(CHART_WIDTH / (CHAR_WIDTH * 0.95))));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: labels.title ?? queryTitle(measure, groupBy, lang),
      subtitle: caption,
      anchor: 'start',
      fontSize: 20,
      subtitleFontSize: 13,
      subtitlePadding: 6,
      offset: 16,
    },
    background: 'white',
    padding: 16,
    config: {
      font: FONT,
      view: { stroke: null },
      axis: {
        labelFontSize: LABEL_FONT_SIZE,
        titleFontSize: 14,
        labelLimit: 4000,
        titleLimit: 4000,
      },
      legend: { labelFontSize: LABEL_FONT_SIZE, titleFontSize: 14 },
    },
    ...body,
  };
}

function countAxis(measure: MeasureName, lang: Lang) {
  return {
    field: 'value',
    type: 'quantitative',
    title: MEASURE_NAMES[measure][lang],
    // Counts are whole: no tick at 0.1 of an act.
    axis: { tickMinStep: 1, format: 'd' },
    stack: 'zero',
  };
}

function totalBody(stats: ChartStats, lang: Lang): VegaLiteSpec {
  return {
    width: CHART_WIDTH,
    height: BAR_STEP * 2,
    data: { values: [{ label: PHRASES.total[lang], value: stats.total }] },
    mark: 'bar',
    encoding: {
      y: { field: 'label', type: 'nominal', title: null },
      x: countAxis(stats.measure as MeasureName, lang),
    },
  };
}

/**
 * Bars per period, every period from the first to the last (zeros included); a second
 * dimension stacks. Periods without a known month/quarter cannot be placed: the caption says
 * how many were left out.
 */
function periodsBody(
  stats: ChartStats,
  groupBy: readonly DimensionName[],
  lang: Lang,
  notes: string[],
): VegaLiteSpec {
  const time = groupBy.find(isTimeDimension) as 'month' | 'quarter' | 'year';
  const series = groupBy.find((g) => g !== time);
  const placed = stats.rows.filter((r) => r.keys[time] !== null);
  const unplaced = stats.rows.filter((r) => r.keys[time] === null);
  if (unplaced.length > 0) {
    const n = unplaced.reduce((s, r) => s + r.value, 0);
    notes.push(
      PHRASES.unknownTimeLeftOut[lang]
        .replace('{n}', `${n} (${MEASURE_NAMES[stats.measure as MeasureName][lang].toLowerCase()})`)
        .replace('{dim}', DIMENSION_WORDS[time].name[lang].toLowerCase()),
    );
  }
  const periods = periodRange(
    time,
    placed.map((r) => String(r.keys[time])),
  );
  const values = placed.map((r) => ({
    period: String(r.keys[time]),
    series: series === undefined ? '' : keyLabel(series, r.keys[series], lang),
    value: r.value,
  }));
  const labelWidth = (periods[0]?.length ?? 4) * CHAR_WIDTH + 16;
  const ticks = periodTicks(periods, CHART_WIDTH, labelWidth);
  const seriesOrder = series === undefined ? [] : byTotal(values.map((v) => v));
  return {
    width: CHART_WIDTH,
    height: 420,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        sort: periods,
        scale: { domain: periods },
        title: DIMENSION_WORDS[time].name[lang],
        axis: {
          values: ticks.values,
          labelAngle: 0,
          labelOverlap: false,
          ...(ticks.yearsOnly && { labelExpr: 'slice(datum.value, 0, 4)' }),
        },
      },
      y: countAxis(stats.measure as MeasureName, lang),
      ...(series !== undefined && {
        color: seriesColor(series, seriesOrder, lang),
        order: { field: 'value', sort: 'descending' },
      }),
    },
  };
}

/** Horizontal bars sorted by value, labels whole; a second dimension stacks. */
function categoriesBody(
  stats: ChartStats,
  groupBy: readonly DimensionName[],
  lang: Lang,
): VegaLiteSpec {
  const [category, series] = groupBy;
  const values = stats.rows.map((r) => ({
    category: keyLabel(category, r.keys[category], lang),
    series: series === undefined ? '' : keyLabel(series, r.keys[series], lang),
    value: r.value,
  }));
  const order = byTotal(values.map((v) => ({ series: v.category, value: v.value })));
  const seriesOrder = series === undefined ? [] : byTotal(values);
  return {
    width: CHART_WIDTH,
    height: Math.max(1, order.length) * BAR_STEP,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: {
        field: 'category',
        type: 'nominal',
        sort: order,
        title: DIMENSION_WORDS[category].name[lang],
      },
      x: countAxis(stats.measure as MeasureName, lang),
      ...(series !== undefined && { color: seriesColor(series, seriesOrder, lang) }),
    },
  };
}

/** A legend under the chart, as many columns as its longest label allows, nothing cut. */
function seriesColor(series: DimensionName, order: readonly string[], lang: Lang) {
  const longest = Math.max(...order.map((label) => label.length), 1);
  const columns = Math.max(
    1,
    Math.min(order.length, Math.floor(CHART_WIDTH / (longest * CHAR_WIDTH + 40))),
  );
  return {
    field: 'series',
    type: 'nominal',
    sort: order,
    title: DIMENSION_WORDS[series].name[lang],
    scale: { scheme: order.length > 10 ? 'tableau20' : 'tableau10' },
    legend: {
      orient: 'bottom',
      direction: 'vertical',
      columns,
      labelLimit: 4000,
      titleLimit: 4000,
      symbolLimit: 1000,
      columnPadding: 24,
    },
  };
}

/** Labels by their total, largest first (ties in the order met: the vocabulary's). */
function byTotal(values: readonly { series: string; value: number }[]): string[] {
  const totals = new Map<string, number>();
  for (const v of values) totals.set(v.series, (totals.get(v.series) ?? 0) + v.value);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([label]) => label);
}

function sum(stats: ChartStats): number {
  return stats.rows.reduce((s, r) => s + r.value, 0);
}

/** Lines of at most `max` characters, broken between words. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
