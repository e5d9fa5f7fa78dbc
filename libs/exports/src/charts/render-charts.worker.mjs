// Renders Vega-Lite specs to SVG (vega's headless View, renderer 'none') and PNG (resvg) at
// print size: at least 2,000 px wide. A worker thread in plain ES modules: vega is ESM-only
// with a top-level await, which neither our CommonJS build nor jest's module system can
// load; here Node loads it natively.
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';

const { charts, minWidth } = workerData;
const rendered = [];
for (const { name, spec } of charts) {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? minWidth);
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: Math.max(2, minWidth / width) },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  rendered.push({ name, svg, png });
}
parentPort.postMessage(rendered);
