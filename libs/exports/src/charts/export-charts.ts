import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { VegaLiteSpec } from '@app/charts';
import { withResolution } from './png-resolution';

export interface RenderedChart {
  name: string;
  svg: string;
  png: Buffer;
}

/** Print size: a full-width figure at 300 dpi is about 17 cm. */
export const PRINT_WIDTH_PX = 2000;
export const PRINT_DPI = 300;

/**
 * Renders specs (from `@app/charts`) to SVG and to PNG at print size with its resolution
 * stated, in a worker thread (see render-charts.worker.mjs); one thread per call.
 */
export function renderCharts(
  charts: readonly { name: string; spec: VegaLiteSpec }[],
): Promise<RenderedChart[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'render-charts.worker.mjs'), {
      workerData: { charts, minWidth: PRINT_WIDTH_PX },
    });
    worker.once('message', (rendered: { name: string; svg: string; png: Uint8Array }[]) => {
      resolve(
        rendered.map((c) => ({
          name: c.name,
          svg: c.svg,
          png: withResolution(Buffer.from(c.png), PRINT_DPI),
        })),
      );
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`chart rendering stopped with code ${code}`));
    });
  });
}
