// Renders Vega-Lite specs to SVG (vega's headless View, renderer 'none') and PNG (resvg).
// A worker thread in plain ES modules: vega is ESM-only with a top-level await, which neither
// our CommonJS build nor jest's module system can load; here Node loads it natively.
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';

const charts = [];
for (const { name, spec } of workerData) {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, {
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  charts.push({ name, svg, png });
}
parentPort.postMessage(charts);
