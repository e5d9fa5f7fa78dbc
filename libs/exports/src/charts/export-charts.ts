import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';

export interface RenderedChart {
  name: string;
  svg: string;
  png: Buffer;
}

/** A Vega-Lite spec (kept loose: the compiler checks it). */
type Spec = Record<string, unknown>;

const WIDTH = 640;

/**
 * Acts per month, one line per target category, a point per month: every month between the
 * first and the last with acts, zeros included, so a gap reads as "none", not as a skip.
 * Year-precise acts have no month and stay out (the definitions say so).
 */
export function monthlyByCategorySpec(stats: StatsResponseDto, stamp: string): Spec {
  const rows = stats.rows.filter((r) => r.keys.month !== null);
  const months = monthRange(rows.map((r) => String(r.keys.month)));
  const categories = [...new Set(rows.map((r) => r.labels.targetCategory))];
  const value = new Map(rows.map((r) => [`${r.keys.month}|${r.labels.targetCategory}`, r.value]));
  const values = categories.flatMap((category) =>
    months.map((month) => ({ month, category, acts: value.get(`${month}|${category}`) ?? 0 })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Acts per month by target category', subtitle: stamp },
    width: WIDTH,
    height: 300,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: 'Month', sort: months },
      y: { field: 'acts', type: 'quantitative', title: 'Acts' },
      color: { field: 'category', type: 'nominal', title: 'Target category', sort: categories },
    },
  };
}

/** Acts by main source of threat, in the vocabulary's order (Kadyr-Kasiyet's nine first). */
export function bySourceSpec(stats: StatsResponseDto, stamp: string): Spec {
  const values = stats.rows.map((r) => ({ source: r.labels.source, acts: r.value }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Acts by source of threat (main)', subtitle: stamp },
    width: WIDTH,
    data: { values },
    mark: 'bar',
    encoding: {
      y: {
        field: 'source',
        type: 'nominal',
        title: 'Source of threat',
        sort: values.map((v) => v.source),
      },
      x: { field: 'acts', type: 'quantitative', title: 'Acts' },
    },
  };
}

/** Renders in a worker thread (see render-charts.worker.mjs); one thread per export. */
export function renderCharts(
  charts: readonly { name: string; spec: Spec }[],
): Promise<RenderedChart[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'render-charts.worker.mjs'), { workerData: charts });
    worker.once('message', (rendered: { name: string; svg: string; png: Uint8Array }[]) => {
      resolve(rendered.map((c) => ({ name: c.name, svg: c.svg, png: Buffer.from(c.png) })));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`chart rendering stopped with code ${code}`));
    });
  });
}

/** Every month from the first to the last, `YYYY-MM`. */
export function monthRange(months: readonly string[]): string[] {
  if (months.length === 0) return [];
  const sorted = [...months].sort();
  const out: string[] = [];
  let [year, month] = sorted[0].split('-').map(Number);
  const last = sorted[sorted.length - 1];
  for (;;) {
    const m = `${year}-${String(month).padStart(2, '0')}`;
    out.push(m);
    if (m >= last) return out;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}
