// Chart redraw time in headless Chromium: median of repeated redraws of every chart of the
// default snapshot, at 390 px (dpr 3) and 1280 px (dpr 1). Prints a table.
// Run with ./run bench (which builds, serves and calls this with BASE_URL set).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newPage, BASE_URL, ROOT } from '../tests/e2e/browser.mjs';

// The benchmark build (cargo feature bench) serves the entry points.
const BENCH_URL = process.env.BENCH_URL ?? BASE_URL;

const snapshot = readFileSync(join(ROOT, 'data', 'snapshot.json'), 'utf8');
const iterations = Number(process.env.ITERATIONS ?? 200);
const browser = await launchBrowser();
const rows = [];
for (const [viewport, width, dpr] of [['mobile', 390, 3], ['desktop', 1280, 1]]) {
  const page = await newPage(browser, viewport);
  await page.goto(BENCH_URL);
  await page.waitForFunction(() => window.wasmBindings?.bench_chart_redraws, null, { timeout: 20000 });
  // Charts are drawn inside a 390 px page at about 390 - 2 × (16 + 12) px.
  const chartWidth = viewport === 'mobile' ? width - 58 : Math.min(width, 960) - 58;
  const result = JSON.parse(await page.evaluate(
    ([json, w, s, n]) => window.wasmBindings.bench_chart_redraws(json, w, s, n),
    [snapshot, chartWidth, dpr, iterations],
  ));
  for (const r of result) rows.push({ viewport: `${width}px dpr${dpr}`, ...r });
  await page.context().close();
}
await browser.close();
console.log(`\nchart redraw (median of ${iterations} redraws, headless Chromium ${process.env.CHROMIUM ?? '/usr/bin/chromium'})`);
console.log(`${'viewport'.padEnd(16)} ${'chart'.padEnd(32)} ${'median ms'.padStart(10)} ${'max ms'.padStart(10)}`);
for (const r of rows) {
  console.log(`${r.viewport.padEnd(16)} ${r.chart.padEnd(32)} ${r.median_ms.toFixed(3).padStart(10)} ${r.max_ms.toFixed(3).padStart(10)}`);
}
