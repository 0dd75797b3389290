// How long until the first chart answers a tap, on a phone-like load: Chromium at 390×844
// with touch, the CPU slowed 4× and the network shaped like Lighthouse's mobile profile
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), cache empty. From the navigation's
// start, the reader taps the first bar of the environment chart every 50 ms (it is on the
// page as SVG from the first paint) until a tap shows its tooltip. Median of RUNS runs per
// build, builds taken in turn; with BASE_URL_BEFORE set, an earlier build side by side.
import { chromium } from 'playwright-core';

const runs = Number(process.env.RUNS ?? 5);
const builds = [['after', process.env.BASE_URL]];
if (process.env.BASE_URL_BEFORE) builds.unshift(['before', process.env.BASE_URL_BEFORE]);
const CHART = '#chart-environment-cleanup';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});

async function firstTap(url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'commit' });
  const figure = page.locator(CHART);
  await figure.waitFor({ state: 'attached', timeout: 60000 });
  // Centred, so the sticky section navigation does not cover the row tapped.
  await figure.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  for (let attempt = 0; attempt < 1200; attempt++) {
    let box = await figure.locator('.chart-box').boundingBox();
    // The page may still move (sections laid out as the app takes over): keep the chart centred.
    if (box && (box.y < 80 || box.y + 120 > 844)) {
      await figure.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      box = await figure.locator('.chart-box').boundingBox();
    }
    // The first row's bar: 6 px top padding + 22..38 px of a 62 px row.
    if (box) await page.touchscreen.tap(box.x + 40, box.y + 6 + 30);
    const shownAt = await page.evaluate((selector) => (document.querySelector(`${selector} .chart-tooltip`) ? performance.now() : null), CHART);
    if (shownAt !== null) {
      await context.close();
      return { tap: shownAt, firstPaint };
    }
    await page.waitForTimeout(50);
  }
  await context.close();
  throw new Error(`no tooltip at ${url} within a minute of tapping`);
}

const results = Object.fromEntries(builds.map(([name]) => [name, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of builds) results[name].push(await firstTap(url));
  }
} finally {
  await browser.close();
}
const median = (values) => values.slice().sort((x, y) => x - y)[Math.floor(values.length / 2)];
const range = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
console.log(`\nFirst chart tap answered (ms from navigation; 4× CPU, 150 ms RTT, 1.6 Mbit/s), median of ${runs} (range)`);
console.log(`${'build'.padEnd(8)} ${'first paint ms'.padStart(20)} ${'tap answered ms'.padStart(22)}`);
for (const [name] of builds) {
  const r = results[name];
  const col = (key) => `${median(r.map((x) => x[key])).toFixed(0)} (${range(r.map((x) => x[key]))})`;
  console.log(`${name.padEnd(8)} ${col('firstPaint').padStart(20)} ${col('tap').padStart(22)}`);
}
