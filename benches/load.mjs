// Loading in headless Chromium (390 px phone, dpr 3, no throttling): time from navigation to
// the first full render (every section on the page) and the wasm memory after load, for the
// default snapshot and synthetic ones (marked synthetic) of 1,000 and 10,000 places.
import { launchBrowser, newPage, BASE_URL } from '../tests/e2e/browser.mjs';

const browser = await launchBrowser();
const rows = [];
for (const [name, query] of [['default (57 villages)', ''], ['synthetic 1,000', '?data=data/synthetic-1000.json'], ['synthetic 10,000', '?data=data/synthetic-10000.json']]) {
  const samples = [];
  let memory = 0;
  for (let run = 0; run < 3; run++) {
    const page = await newPage(browser, 'mobile');
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
    });
    const started = Date.now();
    await page.goto(`${BASE_URL}${query}`);
    await page.locator('.report[data-complete="true"]').waitFor({ timeout: 60000 });
    await page.waitForFunction(() => Number(document.querySelector('.map-canvas')?.dataset.drawn ?? 1) > 0);
    samples.push(Date.now() - started);
    memory = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
    await page.context().close();
  }
  samples.sort((a, b) => a - b);
  rows.push({ name, ms: samples[1], memory });
}
await browser.close();
console.log('\nload in headless Chromium (390 px, dpr 3, loopback, no throttling; median of 3)');
console.log(`${'snapshot'.padEnd(24)} ${'first full render ms'.padStart(21)} ${'wasm memory MiB'.padStart(16)}`);
for (const r of rows) console.log(`${r.name.padEnd(24)} ${String(r.ms).padStart(21)} ${(r.memory / 1048576).toFixed(1).padStart(16)}`);
