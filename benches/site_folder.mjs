// How long the editor takes to make the site folder in the browser ("Make the site folder"):
// from the click to the .zip handed over, at 1280×800 in Chromium, no throttling (township
// staff use office PCs). Each step's time comes from the page maker's progress messages:
// reading the site's files, rendering the pages, compressing (zopfli and brotli 11, most of
// it), packing. Median of RUNS runs, each in a fresh page. Also how long the page took to
// answer a click while the worker worked (the page stays responsive).
import { chromium } from 'playwright-core';

const runs = Number(process.env.RUNS ?? 3);
const base = process.env.BASE_URL;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});

async function makeOnce() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${base}edit.html`);
  await page.locator('[data-action="make-site-folder"]').waitFor({ timeout: 30000 });
  const steps = {};
  let last = null;
  const started = Date.now();
  const watching = (async () => {
    for (;;) {
      const text = await page.locator('.site-folder-progress').innerText().catch(() => '');
      if (text.includes('已生成')) break;
      const step = text.match(/：(.+?)（/)?.[1];
      if (step && step !== last) { steps[step] = Date.now() - started; last = step; }
      await page.waitForTimeout(50);
    }
  })();
  const downloaded = page.waitForEvent('download', { timeout: 600000 });
  await page.locator('[data-action="make-site-folder"]').click();
  await page.locator('.site-folder-progress', { hasText: '正在生成' }).waitFor();
  const asked = Date.now();
  await page.locator('[data-action="large"]').click();
  const answered = Date.now() - asked;
  await page.locator('[data-action="large"]').click();
  const download = await downloaded;
  const total = Date.now() - started;
  await watching;
  const path = await download.path();
  const { statSync } = await import('node:fs');
  const size = statSync(path).size;
  await context.close();
  return { total, steps, answered, size };
}

const results = [];
for (let run = 0; run < runs; run++) results.push(await makeOnce());
await browser.close();
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`\n==> The site folder made in the browser (Chromium, 1280×800, median of ${runs})`);
console.log(`click → .zip handed over: ${(median(results.map((r) => r.total)) / 1000).toFixed(1)} s (runs: ${results.map((r) => (r.total / 1000).toFixed(1)).join(', ')} s)`);
const names = Object.keys(results[0].steps);
for (const name of names) {
  console.log(`  ${name} began at ${(median(results.map((r) => r.steps[name] ?? NaN)) / 1000).toFixed(1)} s`);
}
console.log(`a click on the page answered in ${median(results.map((r) => r.answered))} ms while the worker worked`);
console.log(`.zip: ${median(results.map((r) => r.size)).toLocaleString('en')} B`);
