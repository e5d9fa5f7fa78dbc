import { Browser } from 'playwright-core';
import { chartShape, chartSpec, ChartStats, periodRange } from '@app/charts';
import { allowedCodes, Lang } from '@app/domain';
import { launchChromium } from '../../../../test/support/chromium';
import { renderCharts } from './export-charts';
import { pngInfo } from './png-resolution';

// Pictures of the three chart shapes over 36 months and over 12 years, rendered as an export
// renders them, then measured by a real browser: the text boxes Chromium lays out from the
// SVG must not overlap on an axis, and no legend label may be cut.

type Box = { text: string; x: number; y: number; width: number; height: number };
interface Measured {
  svgWidth: number;
  axes: Box[][];
  legend: Box[];
  titles: Box[];
}

const CATEGORIES = allowedCodes('target_category');
const SOURCES = allowedCodes('perpetrator_source');

function stats(groupBy: string[], keys: (string | number | null)[][]): ChartStats {
  // Deterministic, sparse counts: most cells zero, as real monitoring data.
  const rows = keys.map((k, i) => ({
    keys: Object.fromEntries(groupBy.map((g, j) => [g, k[j]])),
    value: (i * 7) % 5 === 0 ? 1 + (i % 13) : i % 3,
  }));
  return {
    measure: 'acts',
    groupBy,
    rows,
    total: rows.reduce((s, r) => s + r.value, 0),
    position: '00000000000000000742.00000000000000001234',
    positionTime: '2022-01-31T10:00:00.000Z',
  };
}

const months = (from: string, to: string) => periodRange('month', [from, to]);
const cases: [string, ChartStats, Lang][] = [];
for (const [span, first, last] of [
  ['36 months', '2019-01', '2021-12'],
  ['12 years', '2010-01', '2021-12'],
] as const) {
  const ms = months(first, last);
  cases.push([`bars per month, ${span}`, stats(['month'], [...ms.map((m) => [m]), [null]]), 'ru']);
  cases.push([
    `stacked bars per month by category, ${span}`,
    stats(
      ['month', 'targetCategory'],
      ms.flatMap((m, i) => CATEGORIES.filter((_, j) => (i + j) % 4 === 0).map((c) => [m, c])),
    ),
    'ru',
  ]);
  cases.push([
    `sorted horizontal bars, ${span}`,
    stats(
      ['targetCategory'],
      CATEGORIES.map((c) => [c]),
    ),
    'kk',
  ]);
  cases.push([
    `stacked horizontal bars source by category, ${span}`,
    stats(
      ['source', 'targetCategory'],
      SOURCES.flatMap((s, i) => CATEGORIES.filter((_, j) => (i + j) % 3 === 0).map((c) => [s, c])),
    ),
    'en',
  ]);
}
cases.push([
  'bars per year, 12 years',
  stats(
    ['year'],
    Array.from({ length: 12 }, (_, i) => [2010 + i]),
  ),
  'tg',
]);

describe('chart pictures', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  const measure = async (svg: string): Promise<Measured> => {
    const page = await browser.newPage();
    try {
      await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
      // A string: this project compiles without the DOM types.
      return (await page.evaluate(`(() => {
        const box = (t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
        };
        const svgElement = document.querySelector('svg');
        return {
          svgWidth: svgElement.getBoundingClientRect().width,
          axes: [...document.querySelectorAll('.role-axis-label')].map((g) =>
            [...g.querySelectorAll('text')].map(box),
          ),
          legend: [...document.querySelectorAll('.role-legend-label text')].map(box),
          titles: [
            ...document.querySelectorAll('.role-legend-title text, .role-axis-title text'),
          ].map(box),
        };
      })()`)) as Measured;
    } finally {
      await page.close();
    }
  };

  it.each(cases)(
    '%s: no two axis labels overlap, no legend label cut, print size',
    async (_, s, lang) => {
      const spec = chartSpec(s, { filters: { country: ['KZ', 'KG'], sourceRole: 'main' } }, lang);
      const [chart] = await renderCharts([{ name: 'chart', spec }]);
      const png = pngInfo(chart.png);
      expect(png.width).toBeGreaterThanOrEqual(2000);
      expect(png.dpi).toBe(300);

      const { svgWidth, axes, legend, titles } = await measure(chart.svg);
      for (const title of titles) expect(title.text).not.toContain('…');
      expect(axes.length).toBeGreaterThan(0);
      for (const labels of axes) {
        const shown = labels.filter((l) => l.text !== '');
        for (let i = 0; i < shown.length; i++) {
          for (let j = i + 1; j < shown.length; j++) {
            const [a, b] = [shown[i], shown[j]];
            const overlap =
              a.x < b.x + b.width &&
              b.x < a.x + a.width &&
              a.y < b.y + b.height &&
              b.y < a.y + a.height;
            if (overlap) throw new Error(`axis labels overlap: "${a.text}" and "${b.text}"`);
          }
        }
      }
      const series = new Set(s.groupBy.length === 2 ? legendLabels(spec) : []);
      expect(legend.map((l) => l.text).sort()).toEqual([...series].sort());
      for (const label of legend) {
        expect(label.text).not.toContain('…');
        expect(label.x + label.width).toBeLessThanOrEqual(svgWidth);
      }
      if (chartShape(s.groupBy) === 'periods') {
        // The bars of every month are there, labels or not.
        expect(chart.svg.match(/role-mark/g)?.length).toBeGreaterThan(0);
      }
    },
  );
});

function legendLabels(spec: Record<string, unknown>): string[] {
  const values = (spec.data as { values: { series: string }[] }).values;
  return [...new Set(values.map((v) => v.series))];
}
